from io import StringIO

from django.core.management import call_command


def test_django_system_checks_pass(db):
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


def test_every_model_change_has_a_migration(db):
    # Exits with an error when a model differs from its migrations.
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())

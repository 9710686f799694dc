"""The harvest command: the same harvest as the page, from a file."""

import pytest
from django.core.management import CommandError, call_command

from datasets.models import Dataset
from harvest.models import HarvestedRecord

from . import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(tmp_path):
    path = tmp_path / "catalogue.ttl"
    path.write_text(samples.TURTLE, encoding="utf-8")
    return path


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("harvest", *map(str, args), stdout=out)
    return out.getvalue()


def test_a_dry_run_reports_and_saves_nothing(catalogue):
    output = run(catalogue, "--dry-run")
    assert "create    Born in Bradford [dcat:https://data.example.org/dataset/born-in-bradford]" in output
    assert (
        "The theme “http://publications.europa.eu/resource/authority/data-theme/HEAL” is not matched"
        in output
    )
    assert "not mapped: dcat:theme" not in output
    assert "Dry run: 2 to create, 0 to update and 0 unchanged. Nothing was saved." in output
    assert not Dataset.objects.exists()


def test_it_harvests_as_the_curator(catalogue, curator):
    output = run(catalogue, "--kind", "dcat", "--as", "curator@example.org")
    assert "Harvested catalogue.ttl: 2 create, 0 update and 0 unchanged." in output
    assert set(Dataset.objects.values_list("author", flat=True)) == {curator.pk}
    assert "2 unchanged" in run(catalogue, "--as", "curator@example.org")
    assert HarvestedRecord.objects.count() == 2


def test_it_needs_a_curator_to_save(catalogue, django_user_model):
    with pytest.raises(CommandError, match="--as"):
        run(catalogue)
    django_user_model.objects.create_user("someone@example.org", "someone@example.org", "pw")
    with pytest.raises(CommandError, match="no curator with the email address someone@example.org"):
        run(catalogue, "--as", "someone@example.org")


def test_a_bad_document_is_an_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"success": false, "error": {"message": "Not found"}}')
    with pytest.raises(CommandError, match="The CKAN API answered with an error"):
        run(path, "--dry-run")


def test_a_document_with_a_problem_saves_nothing(tmp_path, curator):
    path = tmp_path / "dgu.json"
    path.write_text(samples.as_json(samples.package_search(samples.CLA, dict(samples.NCMP, title=""))))
    with pytest.raises(CommandError, match="nothing was harvested"):
        run(path, "--as", "curator@example.org")
    assert not Dataset.objects.exists()

"""Indexes on the links between entries read from the linked side first, so that a list filtered by a
theme or an area finds its entries from an index alone (issue 13: every filter has an index).

Django makes each many-to-many table with a unique (entry, linked) index and one on each column; a
filter such as ?theme=… asks the opposite way round (which entries link this theme), and with
(linked, entry) PostgreSQL answers it by an index-only scan instead of visiting every link row."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_review_workflow")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS project_themes_by_theme_idx ON projects_project_themes (theme_id, project_id)",
            "DROP INDEX IF EXISTS project_themes_by_theme_idx",
        ),
    ]

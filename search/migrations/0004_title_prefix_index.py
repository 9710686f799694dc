"""An index for completing titles from their first letters, on each engine."""

from django.db import migrations

FORWARD = {
    "postgresql": [
        "CREATE INDEX search_entry_title_prefix_idx ON search_searchentry (lower(title) text_pattern_ops)"
    ],
    "sqlite": ["CREATE INDEX search_entry_title_prefix_idx ON search_searchentry (title COLLATE NOCASE)"],
}
BACKWARD = {vendor: ["DROP INDEX IF EXISTS search_entry_title_prefix_idx"] for vendor in FORWARD}


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]

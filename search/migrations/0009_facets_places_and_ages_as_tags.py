"""On PostgreSQL, adds to each index row's full-text vector the tags of its facets, places and ages
(search.tags), from the facet and place tables and the row's own ages, so that an index written before
tags narrows searches as a rebuilt one does, without a rebuild. Entries written from now on get their
tags as they are written. SQLite has no tags: nothing to do."""

from django.db import migrations

# The facets tags are made of (search.facets.FACETS), and the ages tagged one by one (search.tags).
FACETS = ("kind", "theme", "organisation", "area", "life_stage", "access_level", "source_kind", "career_stage", "stage")
AGES_TAGGED = 30

# The tags of index row `e`, as search.tags.entry_tags makes them: "#name=value" without spaces.
ENTRY_TAGS = f"""ARRAY(
    SELECT replace('#' || f.name || '=' || f.value, ' ', '_') FROM search_searchfacet f
    WHERE f.entry_id = e.id AND f.name IN ({", ".join(f"'{name}'" for name in FACETS)})
    UNION SELECT replace('#place=' || p.value, ' ', '_') FROM search_searchplace p WHERE p.entry_id = e.id
    UNION SELECT '#age=' || age FROM generate_series(
        e.age_from,
        LEAST(CASE WHEN e.age_to IS NULL THEN {AGES_TAGGED} ELSE GREATEST(e.age_to, e.age_from + 1) END,
              {AGES_TAGGED}) - 1
    ) AS age WHERE e.age_from IS NOT NULL
    UNION SELECT '#age={AGES_TAGGED}+' WHERE e.age_from IS NOT NULL
        AND (e.age_to IS NULL OR GREATEST(e.age_to, e.age_from + 1) > {AGES_TAGGED})
)"""


def add_tags(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"UPDATE search_searchentry e SET search_vector = e.search_vector || array_to_tsvector({ENTRY_TAGS})"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0008_entry_links_indexed_once")]

    operations = [migrations.RunPython(add_tags, migrations.RunPython.noop)]

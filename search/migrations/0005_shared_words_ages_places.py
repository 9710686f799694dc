"""Words read alike on both engines, and the ages and places query understanding narrows by.

The full-text index is now fed at write time by search.indexing with the text
in the one form both engines split into the same words (search.text), so
that `post-16`, `COVID-19` and `children’s` match the same on PostgreSQL and
SQLite:

PostgreSQL: search_vector becomes a plain tsvector column, no longer
generated from the raw columns (whose parser read `-16` as a number).

SQLite: search_fts keeps its own copy of that text instead of reading the
entries' columns; only the delete trigger remains. Words for spelling are
indexed padded ("  word ") as pg_trgm pads them. A later migration that makes
SQLite rebuild search_searchentry (changing a column) must create the
search_fts_delete trigger again.

Entries gain `age_from` and `age_to`, and a hidden "place" facet. Every
existing row must be written again for all of this, so the index is emptied
here and refilled from the directory when `migrate` finishes
(search.signals.index_after_migrate), or by `manage.py rebuild_search_index`.
"""

from importlib import import_module

from django.db import migrations, models

first = import_module("search.migrations.0002_full_text_engines")

EMPTY_INDEX = [
    "DELETE FROM search_searchfacet",
    "DELETE FROM search_searchentry",
    "DELETE FROM search_searchword",
]

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry DROP COLUMN search_vector",
    "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector",
    "CREATE INDEX search_entry_vector_idx ON search_searchentry USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE search_searchentry DROP COLUMN search_vector",
    # The generated column and its index, as 0002 made them: computed again for every row.
    *first.POSTGRES_FORWARD[3:5],
]

ENTRY_COLUMNS = first.ENTRY_COLUMNS
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TABLE IF EXISTS search_fts",
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({ENTRY_COLUMNS},
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.id; END""",
    "DROP TRIGGER IF EXISTS search_word_insert",
    "DROP TRIGGER IF EXISTS search_word_delete",
    "DROP TABLE IF EXISTS search_word_trigrams",
    "CREATE VIRTUAL TABLE search_word_trigrams USING fts5(word, tokenize='trigram')",
    """CREATE TRIGGER search_word_insert AFTER INSERT ON search_searchword BEGIN
        INSERT INTO search_word_trigrams(rowid, word) VALUES (new.id, '  ' || new.word || ' '); END""",
    """CREATE TRIGGER search_word_delete AFTER DELETE ON search_searchword BEGIN
        DELETE FROM search_word_trigrams WHERE rowid = old.id; END""",
    "INSERT INTO search_word_trigrams(rowid, word) SELECT id, '  ' || word || ' ' FROM search_searchword",
]
SQLITE_BACKWARD = [
    *first.SQLITE_BACKWARD,
    *first.SQLITE_FORWARD,
    # The tables of 0002 read the rows already there.
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    "INSERT INTO search_word_trigrams(search_word_trigrams) VALUES ('rebuild')",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_prefix_index")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="age_from",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="age_to",
            field=models.PositiveSmallIntegerField(
                blank=True, help_text="Empty with an age_from: no upper age (open-ended).", null=True
            ),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                condition=models.Q(("age_from__isnull", False)),
                fields=["age_from", "age_to"],
                name="search_entry_ages_idx",
            ),
        ),
        migrations.RunPython(
            first.run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            first.run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
        # Last: PostgreSQL cannot alter a table with deletes whose foreign-key checks are still pending.
        migrations.RunPython(
            first.run({"postgresql": EMPTY_INDEX, "sqlite": EMPTY_INDEX}), migrations.RunPython.noop
        ),
    ]

"""The full-text machinery of each database engine, which Django's models cannot describe.

PostgreSQL: an accent-insensitive English text search configuration, a stored
tsvector weighted title (A) > keywords (B) > linked names (C) > body (D) with a
GIN index, and trigram indexes for spelling suggestions.

SQLite: an FTS5 table over the same columns (Porter stemming, accents removed),
kept in step with the entries by triggers, and a trigram FTS5 table of words.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'n8_english') THEN
            CREATE TEXT SEARCH CONFIGURATION n8_english (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION n8_english
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$
    """,
    """
    ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('n8_english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('n8_english', coalesce(keywords, '')), 'B')
        || setweight(to_tsvector('n8_english', coalesce(linked, '')), 'C')
        || setweight(to_tsvector('n8_english', coalesce(body, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX search_entry_vector_idx ON search_searchentry USING gin (search_vector)",
    "CREATE INDEX search_word_trigram_idx ON search_searchword USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_word_trigram_idx",
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]

ENTRY_COLUMNS = "title, keywords, linked, body"
SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({ENTRY_COLUMNS}, content='search_searchentry',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, {ENTRY_COLUMNS})
        VALUES (new.id, new.title, new.keywords, new.linked, new.body); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {ENTRY_COLUMNS})
        VALUES ('delete', old.id, old.title, old.keywords, old.linked, old.body); END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {ENTRY_COLUMNS})
        VALUES ('delete', old.id, old.title, old.keywords, old.linked, old.body);
        INSERT INTO search_fts(rowid, {ENTRY_COLUMNS})
        VALUES (new.id, new.title, new.keywords, new.linked, new.body); END""",
    """CREATE VIRTUAL TABLE search_word_trigrams USING fts5(word, content='search_searchword',
        content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER search_word_insert AFTER INSERT ON search_searchword BEGIN
        INSERT INTO search_word_trigrams(rowid, word) VALUES (new.id, new.word); END""",
    """CREATE TRIGGER search_word_delete AFTER DELETE ON search_searchword BEGIN
        INSERT INTO search_word_trigrams(search_word_trigrams, rowid, word) VALUES ('delete', old.id, old.word); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_word_delete",
    "DROP TRIGGER IF EXISTS search_word_insert",
    "DROP TABLE IF EXISTS search_word_trigrams",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]

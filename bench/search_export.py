"""The portal's search rows in a standalone SQLite file with an FTS5 table, for Datasette to serve.

For the side-by-side benchmark (bench/datasette.py, docs/performance.md): Datasette searches the
same published entries the portal searches, as a plain FTS5 table would hold them. Written with
the standard library's sqlite3 only, so exporting needs nothing the portal does not install.

The file holds one table, `entries` (id, kind, title, summary, keywords, linked, body, url, and
the facets the benchmark narrows by: access_level, and themes as a JSON array), and `entries_fts`,
an FTS5 table over title, keywords, linked and body with `content="entries"`, which is how
Datasette recognises a searchable table.
"""

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

from search.models import SearchEntry, SearchFacet

TABLE = "entries"
FTS_TABLE = "entries_fts"
SEARCHED = ("title", "keywords", "linked", "body")
CHUNK = 2000


def export(path: str | Path) -> int:
    """Writes every row of the search index to a new SQLite file at `path`; returns how many.

    An existing file at `path` is replaced.
    """
    path = Path(path)
    path.unlink(missing_ok=True)
    target = sqlite3.connect(path)
    try:
        target.executescript(
            f"""
            CREATE TABLE {TABLE} (
                id INTEGER PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, summary TEXT,
                keywords TEXT, linked TEXT, body TEXT, url TEXT, access_level TEXT, themes TEXT
            );
            CREATE INDEX {TABLE}_kind ON {TABLE} (kind, access_level);
            CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({", ".join(SEARCHED)}, content="{TABLE}");
            """
        )
        written = 0
        ids = list(SearchEntry.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            written += write_chunk(target, chunk)
        target.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        target.commit()
        target.execute("ANALYZE")
        target.commit()
        return written
    finally:
        target.close()


def write_chunk(target: sqlite3.Connection, ids: list[int]) -> int:
    facets: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry_id, name, value in (
        SearchFacet.objects.filter(entry_id__in=ids, name__in=["theme", "access_level"])
        .order_by("entry_id", "name", "value")
        .values_list("entry_id", "name", "value")
    ):
        facets[entry_id][name].append(value)
    rows = [
        (
            entry_id,
            kind,
            title,
            summary,
            keywords,
            linked,
            body,
            url,
            next(iter(facets[entry_id]["access_level"]), None),
            json.dumps(facets[entry_id]["theme"]),
        )
        for entry_id, kind, title, summary, keywords, linked, body, url in SearchEntry.objects.filter(
            pk__in=ids
        )
        .order_by("pk")
        .values_list("pk", "kind", "title", "summary", "keywords", "linked", "body", "url")
    ]
    target.executemany(f"INSERT INTO {TABLE} VALUES ({', '.join(['?'] * 10)})", rows)
    target.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(SEARCHED)}) "
        f"SELECT id, {', '.join(SEARCHED)} FROM {TABLE} WHERE id BETWEEN ? AND ?",
        [ids[0], ids[-1]],
    )
    return len(rows)

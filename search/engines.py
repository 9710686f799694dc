"""The database-specific half of search: how a parsed query becomes SQL.

Each engine answers three questions with its own full-text index: which
entries match and how well (`matches`), which titles start with what has
been typed so far (`completions`), and which known words look like a
misspelt one (`similar_words`); and it writes index rows into that index
(`index`), from text already put in the one form both engines split into
the same words (search.text.index_text). Everything else is shared SQL in
service.py.
"""

import json

from django.db import connection
from django.db.models import JSONField

from .models import SearchEntry
from .query import ParsedQuery, Term
from .text import searched_words, words

# The full-text columns of an index row, from most to least telling.
FULL_TEXT_COLUMNS = ("title", "keywords", "linked", "body")


class PostgresEngine:
    config = "n8_english"
    # Weights of D (body), C (linked names), B (keywords) and A (title), as ts_rank expects them.
    # A hundredfold apart: ts_rank adds at most about 1.6 times a weight for a word, so a match in
    # the title outranks any number of matches in keywords, and so on down.
    weights = "{0.000001, 0.0001, 0.01, 1.0}"

    def insert(
        self, fields: tuple[str, ...], rows: list[tuple], texts: list[tuple], tags: list[list[str]]
    ) -> list[int]:
        """Adds index rows (values of `fields`) with the weighted vector of their full-text columns' `texts`
        and their `tags` (search.tags), in one statement (one array a column); returns their ids, in order."""
        model_fields = [SearchEntry._meta.get_field(name) for name in fields]
        columns = [list(values) for values in zip(*rows, strict=True)]
        for position, field in enumerate(model_fields):
            if isinstance(field, JSONField):
                columns[position] = [json.dumps(value) for value in columns[position]]
        arrays = [f"%s::{field.db_type(connection)}[]" for field in model_fields]
        arrays += ["%s::text[]"] * len(FULL_TEXT_COLUMNS)
        names = ", ".join(fields)
        vector = " || ".join(
            f"setweight(to_tsvector('{self.config}', v.text_{column}), '{weight}')"
            for column, weight in zip(FULL_TEXT_COLUMNS, "ABCD", strict=True)
        )
        # A row's tags travel as one text of words (unnest would flatten an array of arrays).
        vector += " || array_to_tsvector(string_to_array(v.tags, ' '))"
        arrays.append("%s::text[]")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO search_searchentry ({names}, search_vector) SELECT {names}, {vector} "
                f"FROM unnest({', '.join(arrays)}) "
                f"AS v({names}, {', '.join(f'text_{column}' for column in FULL_TEXT_COLUMNS)}, tags) RETURNING id",
                [
                    *columns,
                    *(list(values) for values in zip(*texts, strict=True)),
                    [" ".join(t) for t in tags],
                ],
            )
            return [pk for (pk,) in cursor.fetchall()]

    def tsquery(self, query: ParsedQuery) -> tuple[str, list]:
        sql, params = [], []
        for clause in query.clauses:
            sql.append("(" + " || ".join(f"phraseto_tsquery('{self.config}', %s)" for _ in clause) + ")")
            params += [self.text(term) for term in clause]
        if query.excluded:
            sql.append(
                "!!(" + " || ".join(f"phraseto_tsquery('{self.config}', %s)" for _ in query.excluded) + ")"
            )
            params += [self.text(term) for term in query.excluded]
        return " && ".join(sql), params

    @staticmethod
    def text(term: Term) -> str:
        return " ".join(searched_words(term.words))

    # Facets, places and ages are tags in the full-text vector (search.tags): they narrow in the words' own
    # lookup of the index, and an age is compared again on the row the words are matched in (matches'
    # `where`), not on the entry joined again: the index's rows are wide (docs/performance.md).
    has_tags = True

    def matches(
        self,
        query: ParsedQuery,
        where: tuple[str, list] | None = None,
        tags: tuple[str, list] | None = None,
        column: tuple[str, list] | None = None,
    ) -> tuple[str, list]:
        """SQL selecting (id, rank) of the entries matching `query`; with `where`, only those whose own
        row (alias e) meets it too; with `tags` (a tsquery's SQL), only those whose vector matches it as
        well, in the same lookup of the index; with `column` (SQL naming itself, on alias e), that column
        too, from the row already read. The rank is the words' alone."""
        tsquery, params = self.tsquery(query)
        matched = "q.query"
        if tags:
            matched, params = f"(q.query && ({tags[0]}))", [*params, *tags[1]]
        extra, extra_params = (f", {column[0]}", column[1]) if column else ("", [])
        sql = (
            f"SELECT e.id, ts_rank('{self.weights}', e.search_vector, q.query) AS rank{extra} "
            f"FROM search_searchentry e, (SELECT {tsquery} AS query) q WHERE e.search_vector @@ {matched}"
        )
        params = [*extra_params, *params]
        if where:
            return f"{sql} AND {where[0]}", [*params, *where[1]]
        return sql, params

    @staticmethod
    def tagged(
        tags: tuple[str, list], where: tuple[str, list] | None = None, column: tuple[str, list] | None = None
    ) -> tuple[str, list]:
        """SQL selecting (id, rank 0) of the entries whose vector matches `tags` (a tsquery's SQL), with no
        words; with `where`, only those whose own row (alias e) meets it too; with `column`, that too."""
        extra, params = (f", {column[0]}", column[1]) if column else ("", [])
        sql = (
            f"SELECT e.id, 0.0 AS rank{extra} FROM search_searchentry e WHERE e.search_vector @@ ({tags[0]})"
        )
        params = [*params, *tags[1]]
        if where:
            return f"{sql} AND {where[0]}", [*params, *where[1]]
        return sql, params

    def titled_query(self, names: list[tuple[str, ...]]) -> tuple[str, list]:
        """tsquery SQL true for a vector whose title holds one of `names` (each a run of words)."""
        phrases = [" <-> ".join(f"{word}:A" for word in name) for name in names if name]
        return f"to_tsquery('{self.config}', %s)", [" | ".join(f"({phrase})" for phrase in phrases) or "''"]

    def titled(self, names: list[tuple[str, ...]], among: ParsedQuery | None = None) -> tuple[str, list]:
        """SQL selecting the ids of entries whose title holds one of `names` (each a run of words); with
        `among`, only those that also match it. The index then reads both words' entries and checks the
        few in common, not every entry naming the place anywhere ('bradford' is in 20,000 entries at
        national scale, 1,600 titles)."""
        titled, query = self.titled_query(names)
        if among is None:
            return f"SELECT id FROM search_searchentry WHERE search_vector @@ {titled}", query
        tsquery, params = self.tsquery(among)
        return (
            f"SELECT id FROM search_searchentry WHERE search_vector @@ ({titled} && ({tsquery}))",
            [*query, *params],
        )

    def titled_exactly(self, titles: list[str]) -> tuple[str, list]:
        """SQL selecting the ids of entries titled as one of `titles` (lower case), from the title index."""
        return (
            f"SELECT id FROM search_searchentry WHERE lower(title) IN ({', '.join(['%s'] * len(titles))})",
            titles,
        )

    @staticmethod
    def one_of(column: str, few: str) -> str:
        """SQL true when `column` is one of the few ids `few` selects. Read once, as an array, and looked up
        by id: as `IN`, PostgreSQL read every match of the words to find the few (1.1 s for 'SEND' at
        national scale)."""
        return f"{column} = ANY(ARRAY({few}))"

    def completions(self, words: list[str], limit: int) -> tuple[str, list]:
        # Titles that start with what was typed come first, from a prefix index; then titles with
        # those words anywhere (the last one unfinished), unranked so that the index stops early.
        lexemes = " & ".join([f"'{word}':A" for word in words[:-1]] + [f"'{words[-1]}':*A"])
        sql = (
            "(SELECT kind, title, url, 0 AS pass FROM search_searchentry WHERE lower(title) LIKE %s "
            "ORDER BY lower(title) LIMIT %s) UNION ALL "
            "(SELECT kind, title, url, 1 AS pass FROM search_searchentry "
            f"WHERE search_vector @@ to_tsquery('{self.config}', %s) LIMIT %s)"
        )
        return sql, [" ".join(words) + "%", limit, lexemes, limit]

    def similar_words(self, word: str, limit: int = 10) -> tuple[str, list]:
        sql = (
            "SELECT word FROM search_searchword WHERE word %% %s "
            "ORDER BY similarity(word, %s) DESC, word LIMIT %s"
        )
        return sql, [word, word, limit]


class SqliteEngine:
    # FTS5's rows hold no kind, ages or tags: places, ages and facets narrow the matches joined to their
    # entries and to the facet and place tables.
    has_tags = False
    # bm25 weights of the title, keywords, linked-names and body columns.
    bm25 = "bm25(search_fts, 10.0, 4.0, 2.0, 1.0)"

    def insert(
        self, fields: tuple[str, ...], rows: list[tuple], texts: list[tuple], tags: list[list[str]]
    ) -> list[int]:
        """Adds index rows (values of `fields`) and their full-text columns' `texts` to the FTS5 table;
        returns their ids, in order. The `tags` are PostgreSQL's: FTS5 narrows through the facet tables.

        The table keeps its own copy of the text in the form it indexes; a trigger removes an entry's
        row when the entry is deleted (migrations/0005).
        """
        entries = SearchEntry.objects.bulk_create(
            [SearchEntry(**dict(zip(fields, row, strict=True))) for row in rows]
        )
        ids = [entry.pk for entry in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO search_fts(rowid, {', '.join(FULL_TEXT_COLUMNS)}) VALUES (%s, %s, %s, %s, %s)",
                [(pk, *text) for pk, text in zip(ids, texts, strict=True)],
            )
        return ids

    @staticmethod
    def phrase(term: Term) -> str:
        return '"' + " ".join(searched_words(term.words)).replace('"', '""') + '"'

    def fts_query(self, query: ParsedQuery) -> str:
        positive = " AND ".join("(" + self.clause_query(clause) + ")" for clause in query.clauses)
        if query.excluded:
            positive += " NOT (" + " OR ".join(self.phrase(term) for term in query.excluded) + ")"
        return positive

    def matches(self, query: ParsedQuery) -> tuple[str, list]:
        # bm25 weighs columns before it saturates, so weights alone cannot make a title match beat
        # many keyword matches. The tier says where the query matches, as PostgreSQL's weights do: each
        # part of the query is placed by the best column it is found in (title 3, keywords 2, linked
        # names 1, body 0), and an entry by its worst-placed part, so that "birth cohort" in the
        # keywords outranks "cohort" in a title with "birth" only in the text.
        # bm25 is lower for better matches; the shared SQL sorts by rank descending.
        tiers, params = [], []
        for clause in query.clauses:
            cases = []
            for tier, column in ((3, "title"), (2, "keywords"), (1, "linked")):
                cases.append(
                    f"WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) THEN {tier}"
                )
                params.append(f"{column} : ({self.clause_query(clause)})")
            tiers.append(f"CASE {' '.join(cases)} ELSE 0 END")
        tier = f"MIN({', '.join(tiers)})" if len(tiers) > 1 else tiers[0]
        sql = f"SELECT rowid AS id, {tier} * 100 - {self.bm25} AS rank FROM search_fts WHERE search_fts MATCH %s"
        return sql, [*params, self.fts_query(query)]

    def clause_query(self, clause) -> str:
        return " OR ".join(self.phrase(term) for term in clause)

    def titled(self, names: list[tuple[str, ...]], among: ParsedQuery | None = None) -> tuple[str, list]:
        """SQL selecting the ids of entries whose title holds one of `names` (each a run of words); `among`
        is for PostgreSQL's index (the matches it narrows are the same either way)."""
        phrases = " OR ".join(self.phrase(Term(name)) for name in names if name) or '""'
        return "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s", [f"title : ({phrases})"]

    def titled_exactly(self, titles: list[str]) -> tuple[str, list]:
        """SQL selecting the ids of entries titled as one of `titles` (lower case), from the title index."""
        marks = ", ".join(["%s"] * len(titles))
        return f"SELECT id FROM search_searchentry WHERE title COLLATE NOCASE IN ({marks})", titles

    @staticmethod
    def one_of(column: str, few: str) -> str:
        """SQL true when `column` is one of the few ids `few` selects."""
        return f"{column} IN ({few})"

    def completions(self, words: list[str], limit: int) -> tuple[str, list]:
        # As on PostgreSQL: titles starting with what was typed, then titles with those words anywhere.
        terms = [f'"{word}"' for word in words[:-1]] + [f'"{words[-1]}" *']
        sql = (
            "SELECT * FROM (SELECT kind, title, url, 0 AS pass FROM search_searchentry WHERE title LIKE %s "
            "ORDER BY title COLLATE NOCASE LIMIT %s) UNION ALL "
            "SELECT * FROM (SELECT e.kind, e.title, e.url, 1 AS pass FROM search_fts "
            "JOIN search_searchentry e ON e.id = search_fts.rowid WHERE search_fts MATCH %s LIMIT %s)"
        )
        return sql, [" ".join(words) + "%", limit, "title : (" + " AND ".join(terms) + ")", limit]

    def similar_words(self, word: str, limit: int = 10) -> tuple[str, list]:
        # Words are indexed padded as pg_trgm pads them ("  word "), so that a short word shares its
        # first and last trigrams with a misspelling that shares no inner one (trust, trst). bm25
        # favours rare trigrams over likeness, so more words of about the same length come back,
        # for the caller to compare.
        padded = f"  {word} "
        trigrams = {padded[index : index + 3] for index in range(len(padded) - 2)}
        match = " OR ".join('"' + trigram.replace('"', '""') + '"' for trigram in sorted(trigrams))
        sql = (
            "SELECT trim(word) FROM search_word_trigrams WHERE search_word_trigrams MATCH %s "
            "AND length(word) BETWEEN %s AND %s ORDER BY rank LIMIT %s"
        )
        return sql, [match, len(padded) - 2, len(padded) + 2, limit * 10]


def current_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()


def prefix_words(text: str) -> list[str]:
    """The words typed so far, as the index holds them, safe to place inside either engine's query syntax."""
    return [word for word in words(text) if word.isalnum()][:6]

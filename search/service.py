"""The one entry point to search: `search(text, facets, sort, page)`.

Views never know which engine runs; the engine only supplies the matching
rows and their rank, and everything around it (narrowing by facets, facet
counts, sorting, paging, synonyms, spelling) is the same SQL on both.
"""

import difflib
import json
import re
from dataclasses import dataclass, field

from django.db import connection

from areas.models import Area

from .engines import current_engine, prefix_words
from .highlight import Highlighter
from .models import Kind, SearchWord, SynonymGroup
from .query import ParsedQuery, clean, expand_synonyms, normalise, parse

PAGE_SIZE = 20
MAX_PAGE = 50
# Facets people can narrow a search by, in the order they are shown.
FACETS = {
    "kind": "Type",
    "theme": "Theme",
    "organisation": "Organisation",
    "area": "Area covered",
    "life_stage": "Life stage",
    "access_level": "Access level",
    "source_kind": "Kind of source",
    "career_stage": "Career stage",
    "stage": "Project status",
}
SORTS = {
    "relevance": ("Relevance", "rank DESC, e.updated DESC, e.id"),
    "newest": ("Newest", "e.updated DESC, e.id DESC"),
    "title": ("A–Z", "e.title, e.id"),
}


@dataclass
class Hit:
    kind: str
    url: str
    title: str
    snippet: str
    facts: list


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    active: bool = False


@dataclass
class Results:
    text: str
    parsed: ParsedQuery
    sort: str
    page: int
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    active_facets: dict[str, str] = field(default_factory=dict)
    suggestion: str = ""
    corrected_from: str = ""

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.total + PAGE_SIZE - 1) // PAGE_SIZE)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def is_browsing(self) -> bool:
        """True when there is something to show: words to match or facets to narrow by."""
        return not self.parsed.is_empty or bool(self.active_facets)


def search(
    text: str, facets: dict[str, str] | None = None, sort: str = "relevance", page: int = 1
) -> Results:
    text = clean(text)
    facets = resolve_area_codes({name: value for name, value in (facets or {}).items() if name in FACETS})
    results = run(text, facets, sort, page)
    correction = spelling_correction(results.parsed, text)
    if correction and results.total == 0:
        corrected = run(correction, facets, sort, page)
        if corrected.total:
            corrected.corrected_from = text
            return corrected
    results.suggestion = correction
    return results


def run(text: str, facets: dict[str, str], sort: str, page: int) -> Results:
    parsed = expand_synonyms(parse(text), synonym_groups())
    results = Results(text=text, parsed=parsed, sort=sort if sort in SORTS else "relevance", page=page)
    results.active_facets = facets
    matched = matched_rows(parsed, facets)
    if matched is None:
        return results
    sql, params = narrowed(matched, facets)
    results.total = count(sql, params)
    results.page = max(1, min(page, results.pages or 1))
    results.hits = fetch_hits(sql, params, results, Highlighter(parsed), exact_title=normalise(text))
    results.facets = facet_counts(sql, params, facets)
    return results


def matched_rows(parsed: ParsedQuery, facets: dict[str, str]) -> tuple[str, list] | None:
    """SQL selecting (id, rank) of the entries that match, or None when there is nothing to look for."""
    if not parsed.is_empty:
        return current_engine().matches(parsed)
    if facets:
        # No words: start from the facet index, never from the whole table.
        name, value = next(iter(facets.items()))
        return "SELECT entry_id AS id, 0.0 AS rank FROM search_searchfacet WHERE name = %s AND value = %s", [
            name,
            value,
        ]
    return None


def narrowed(matched: tuple[str, list], facets: dict[str, str]) -> tuple[str, list]:
    """The matches narrowed by facets: SQL selecting (id, rank)."""
    sql, params = matched
    conditions = []
    for name, value in facets.items():
        conditions.append(
            "EXISTS (SELECT 1 FROM search_searchfacet f WHERE f.entry_id = m.id AND f.name = %s AND f.value = %s)"
        )
        params = [*params, name, value]
    where = " AND ".join(conditions) or "1 = 1"
    return f"SELECT m.id, m.rank FROM ({sql}) m WHERE {where}", params


def count(sql: str, params: list) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) hits", params)
        return cursor.fetchone()[0]


def fetch_hits(sql: str, params: list, results: Results, highlighter, exact_title: str) -> list[Hit]:
    """One page of results; by relevance, an entry titled exactly as typed comes first."""
    if not results.total:
        return []
    order, order_params = SORTS[results.sort][1], []
    if results.sort == "relevance":
        order, order_params = f"CASE WHEN lower(e.title) = %s THEN 0 ELSE 1 END, {order}", [exact_title]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.kind, e.url, e.title, e.summary, e.keywords, e.linked, e.body, e.facts "
            f"FROM ({sql}) hits JOIN search_searchentry e ON e.id = hits.id "
            f"ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, *order_params, PAGE_SIZE, (results.page - 1) * PAGE_SIZE],
        )
        rows = cursor.fetchall()
    hits = []
    for kind, url, title, summary, keywords, linked, body, facts in rows:
        facts = json.loads(facts) if isinstance(facts, str) else facts
        snippet = highlighter.snippet([summary, keywords, linked, body])
        hits.append(Hit(Kind(kind).label, url, title, snippet, facts))
    return hits


def facet_counts(sql: str, params: list, active: dict[str, str]) -> dict[str, list[FacetValue]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f.name, f.value, f.label, COUNT(*) AS n "
            f"FROM ({sql}) hits JOIN search_searchfacet f ON f.entry_id = hits.id "
            "GROUP BY f.name, f.value, f.label ORDER BY n DESC, f.label",
            params,
        )
        rows = cursor.fetchall()
    facets = {name: [] for name in FACETS}
    for name, value, label, number in rows:
        if name in facets and (len(facets[name]) < 12 or active.get(name) == value):
            facets[name].append(FacetValue(value, label, number, active.get(name) == value))
    return {name: values for name, values in facets.items() if values}


def synonym_groups() -> list[list[str]]:
    return [group.forms for group in SynonymGroup.objects.all()]


def resolve_area_codes(facets: dict[str, str]) -> dict[str, str]:
    """A retired ONS code typed as an area facet narrows by the area that replaced it."""
    code = facets.get("area", "")
    if code and code not in ("england", "uk"):
        current = Area.objects.for_code(code).first()
        facets = {**facets, "area": current.code if current else code}
    return facets


def spelling_correction(parsed: ParsedQuery, text: str) -> str:
    """The query with misspelt words replaced by the closest words in the index, or ''."""
    words = [
        term.words[0]
        for clause in parsed.clauses
        if len(clause) == 1
        for term in clause
        if len(term.words) == 1
    ]
    words = [word for word in words if len(word) >= 4 and word.isalpha()]
    if not words:
        return ""
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    corrected = normalise(text)
    changed = False
    for word in [word for word in words if word not in known][:3]:
        replacement = closest_word(word)
        if replacement:
            corrected = re.sub(rf"\b{re.escape(word)}\b", replacement, corrected)
            changed = True
    return corrected if changed else ""


def closest_word(word: str) -> str:
    sql, params = current_engine().similar_words(word)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        candidates = [row[0] for row in cursor.fetchall()]
    scored = [(difflib.SequenceMatcher(None, word, candidate).ratio(), candidate) for candidate in candidates]
    best = max(scored, default=(0, ""))
    return best[1] if best[0] >= 0.75 else ""


def completions(text: str, limit: int = 8) -> list[dict]:
    """Entries and themes whose title starts with what has been typed, for the search box."""
    words = prefix_words(text)
    if not words or len(words[-1]) < 2:
        return []
    sql, params = current_engine().completions(words, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Titles that start with the words typed first, shortest first; then the others, without repeats.
    starting = sorted((row for row in rows if row[3] == 0), key=lambda row: len(row[1]))
    suggestions, seen = [], set()
    for kind, title, url, _ in starting + [row for row in rows if row[3] == 1]:
        if url not in seen and len(suggestions) < limit:
            seen.add(url)
            suggestions.append({"kind": Kind(kind).label, "title": title, "url": url})
    return suggestions

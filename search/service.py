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
from django.db.models import Q
from django.db.models.expressions import RawSQL

from areas.models import Area
from areas.places import covering_values
from datasets.life_stages import LIFE_STAGES, age_span
from projects.models import ENDED, STAGE_LABELS, Project

from .documents import CLOSES, ENDS, KIND_OF_MODEL
from .engines import current_engine, prefix_words
from .facets import (
    FACETS,
    Chosen,
    dated_before,
    facet_condition,
    facet_values,
    is_dated_before,
    normalised,
    starting_rows,
)
from .highlight import Highlighter
from .models import Kind, SearchWord, SynonymGroup
from .query import ParsedQuery, clean, expand_synonyms, parse
from .tags import PLACE, age_tags, any_of, kinds_other_than, tag
from .text import index_text, normalise
from .understanding import Reading, understand

Stage = Project.Stage
PAGE_SIZE = 20
MAX_PAGE = 50
# Up to this many matches a search is counted, ranked and faceted in full. Above it, the work follows
# what the page needs, not how many entries match (docs/performance.md): a share of the index, spread
# over it in SAMPLE_WINDOWS runs of ids, is searched so that about SAMPLE_ENTRIES entries are read;
# the results are ranked among the matches found there (and any entry titled as typed), and the
# count and facet counts are estimates scaled from it, labelled "about".
EXACT_UP_TO = 10_000
SAMPLE_ENTRIES = 10_000
SAMPLE_WINDOWS = 20
# Fewer sampled matches than this give too rough an estimate to print: "more than 10,000".
ESTIMATE_FROM = 100
# Facets listed in their own order rather than by count: life stages by age.
ORDERED_FACETS = {"life_stage": {stage.slug: position for position, stage in enumerate(LIFE_STAGES)}}
# Each on the results' columns as Query.ordered names them.
SORTS = {
    "relevance": ("Relevance", "rank DESC, {updated} DESC, {id}"),
    "newest": ("Newest", "{updated} DESC, {id} DESC"),
    "title": ("A–Z", "{title}, {id}"),
}


@dataclass
class Hit:
    kind: str
    url: str
    title: str
    snippet: str
    facts: list
    # In a relaxed search: the parts of the query this entry does not meet.
    missing: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    active: bool = False
    # Scaled from a sample of the matches: shown as "about".
    estimated: bool = False


@dataclass
class Results:
    text: str
    parsed: ParsedQuery
    sort: str
    page: int
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # Each facet chosen, with its values (any of them), sorted.
    active_facets: Chosen = field(default_factory=dict)
    suggestion: str = ""
    corrected_from: str = ""
    reading: Reading | None = None
    query: "Query | None" = None
    # When no entry met every part of the query: the parts the first results leave out.
    relaxed: list[str] = field(default_factory=list)
    # False above EXACT_UP_TO matches: `total` is then an estimate, or EXACT_UP_TO + 1 ("more than").
    exact: bool = True
    estimated: bool = False
    # How many entries the pages are drawn from: every match, or those of the sample.
    ranked: int = 0

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.ranked + PAGE_SIZE - 1) // PAGE_SIZE)

    @property
    def exact_up_to(self) -> int:
        return EXACT_UP_TO

    @property
    def count_text(self) -> str:
        """The number of results in words that never present an estimate as exact."""
        if self.exact:
            return f"{self.total:,}"
        if self.estimated:
            return f"about {self.total:,}"
        return f"more than {EXACT_UP_TO:,}"

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def is_browsing(self) -> bool:
        """True when there is something to show: words to match or facets to narrow by."""
        return not self.parsed.is_empty or bool(self.active_facets) or self.understood

    @property
    def understood(self) -> bool:
        return bool(self.reading and self.reading.has_constraints)


def search(
    text: str,
    facets: Chosen | dict[str, str] | None = None,
    sort: str = "relevance",
    page: int = 1,
    ages: tuple[int, int | None] | None = None,
) -> Results:
    """Entries for what was typed, narrowed by `facets` (any of a facet's values, every facet) and by
    `ages` chosen apart from the words."""
    text = clean(text)
    facets = resolve_area_codes(normalised(facets))
    groups = synonym_groups()
    reading = with_ages(read(text, groups), ages)
    results = run(reading, groups, facets, sort, page)
    correction = spelling_correction(results.parsed, text)
    if results.total:
        # Offered only when it finds something: the vocabulary keeps words of entries since withdrawn.
        if correction and finds_anything(read(correction, groups), groups, facets):
            results.suggestion = correction
        return results
    # Nothing meets every part: first try the spelling corrected, then the closest partial matches.
    if correction:
        corrected_reading = with_ages(read(correction, groups), ages)
        corrected = run(corrected_reading, groups, facets, sort, page)
        if not corrected.total:
            corrected = run(corrected_reading, groups, facets, sort, page, relax=True)
        if corrected.total:
            corrected.corrected_from = text
            return corrected
    relaxed = run(reading, groups, facets, sort, page, relax=True)
    return relaxed


def read(text: str, groups: list[list[str]]) -> Reading:
    """What the text asks for. A title is taken as typed ("Bradford Institute for Health Research"), and
    so is one after a question ("who has used Born in Bradford"), whatever places or ages it names."""
    forms = [form for group in groups for form in group]
    reading = understand(text, forms)
    if reading.words == text:
        return reading
    if is_a_title(text):
        return Reading(text=text, words=text, text_with_constraints=text)
    if (
        reading.has_constraints
        and reading.text_with_constraints != text
        and is_a_title(reading.text_with_constraints)
    ):
        return understand(text, forms, constraints=False)
    return reading


def with_ages(reading: Reading, ages: tuple[int, int | None] | None) -> Reading:
    """Ages chosen in the form take the place of any typed in the words."""
    if ages:
        reading.ages = ages
        reading.chips = [chip for chip in reading.chips if chip.kind != "ages"]
    return reading


def finds_anything(reading: Reading, groups: list[list[str]], facets: Chosen) -> bool:
    """Whether a search as read finds at least one entry (one query, stopping at the first)."""
    query = Query(expand_synonyms(parse(reading.words), groups), reading, facets)
    if query.matched() is None:
        return False
    sql, params = query.current()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM ({sql}) found LIMIT 1", params)
        return cursor.fetchone() is not None


def is_a_title(text: str) -> bool:
    """Whether an entry has this title, compared as the index reads words (Children's = Children’s):
    one lookup in the full-text index for titles holding the words, then a comparison of a few."""
    typed = index_text(text)
    if not typed:
        return False
    titled, params = current_engine().titled([tuple(typed.split())])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title FROM search_searchentry WHERE id IN ({titled}) ORDER BY length(title) LIMIT 20",
            params,
        )
        return any(index_text(title) == typed for (title,) in cursor.fetchall())


def run(
    reading: Reading,
    groups: list[list[str]],
    facets: Chosen,
    sort: str,
    page: int,
    relax: bool = False,
) -> Results:
    """One search as read; with `relax`, when nothing meets every part, the entries that meet most."""
    parsed = expand_synonyms(parse(reading.words), groups)
    results = Results(
        text=reading.text, parsed=parsed, sort=sort if sort in SORTS else "relevance", page=page
    )
    results.reading = reading
    results.active_facets = facets
    query = Query(parsed, reading, facets)
    if query.matched() is None:
        return results
    results.query = query
    # A relaxed search is only asked for when the full one found nothing.
    query.relaxed = relax and len(query.concepts()) > 1
    if relax and not query.relaxed:
        return results
    sql, params = query.current()
    sampling, found = None, None
    if (query.reading.codes or query.reading.ages) and not query.narrows_by_tags:
        # Places and ages narrow through subqueries that the sample's runs of ids do not reach into:
        # counting the sample first would read every match twice. Counted as before. (As tags, they
        # are tested in the same lookup as the words, and the sample decides first as for any search.)
        counted = count(sql, params, up_to=EXACT_UP_TO + 1)
    else:
        sampling = sample_windows()
        found, counted, shows = sized(query, sampling)
        if shows == "above":
            return sampled(results, query, page, sampling, found)
        if shows == "below":
            return counted_as_ranked(results, query, sampling, found)
    results.total = results.ranked = counted
    if not results.total:
        query.relaxed = False
        return results
    if results.total > EXACT_UP_TO:
        sampling = sampling or sample_windows()
        if found is None:
            found = count(*query.current(sampling[0]))
        return sampled(results, query, page, sampling, found)
    results.page = max(1, min(page, results.pages or 1))
    show(results, query, rows_of(query.page_of(sql, params, results)))
    results.facets = facet_counts(sql, params, facets, others=other_values(query))
    return results


def counted_as_ranked(
    results: Results, query: "Query", sampling: tuple[list[tuple[int, int]], float], found: int
) -> Results:
    """A search the sample shows clearly under EXACT_UP_TO matches: counted by the page's own query as it
    ranks every match (one read of them, not two), and sampled after all should the count pass the limit."""
    sql, params = query.current()
    results.page = max(1, min(results.page, MAX_PAGE))
    counting = f"SELECT m.*, COUNT(*) OVER () AS matched FROM ({sql}) m"
    rows = rows_of(query.page_of(counting, params, results, also="hits.matched"))
    total = rows[0][-1] if rows else count(sql, params, up_to=EXACT_UP_TO + 1)
    if total > EXACT_UP_TO:
        return sampled(results, query, results.page, sampling, found)
    results.total = results.ranked = total
    if not total:
        query.relaxed = False
        return results
    if not rows:
        # A page past the last: the last page instead.
        results.page = max(1, min(results.page, results.pages))
        rows = rows_of(query.page_of(counting, params, results, also="hits.matched"))
    show(results, query, [row[:-1] for row in rows])
    results.facets = facet_counts(sql, params, results.active_facets, others=other_values(query))
    return results


def sampled(
    results: Results, query: "Query", page: int, sampling: tuple[list[tuple[int, int]], float], found: int
) -> Results:
    """A search with more than EXACT_UP_TO matches, from the `found` matches in a sample of the index:
    ranked among them and any entry titled as typed; the count and facet counts scaled up from them."""
    windows, share = sampling
    sample, sample_params = query.current(windows)
    candidates, candidate_params = query.candidates(windows)
    results.exact = False
    results.estimated = found >= ESTIMATE_FROM and found / share > EXACT_UP_TO
    results.total = about(found / share) if results.estimated else EXACT_UP_TO + 1
    # The candidates are the sample's matches and any entry titled as typed: every page of the sample's
    # matches exists, and the page's query counts the candidates as it ranks them (one pass, not two).
    results.ranked = found
    results.page = max(1, min(page, results.pages or 1))
    counted = f"SELECT c.*, COUNT(*) OVER () AS ranked FROM ({candidates}) c"
    rows = rows_of(query.page_of(counted, candidate_params, results, also="hits.ranked"))
    results.ranked = rows[0][-1] if rows else found
    show(results, query, [row[:-1] for row in rows])
    others = other_values(query, (windows, share))
    results.facets = facet_counts(
        sample,
        sample_params,
        results.active_facets,
        scale=1 / share,
        others=others,
    )
    return results


def sized(query: "Query", sampling: tuple[list[tuple[int, int]], float]) -> tuple[int, int | None, str]:
    """How many matches the sample of the index holds, how many there are in all (counted up to
    EXACT_UP_TO + 1, or None), and what the sample shows ("whole": the sample is the index, and its count
    the count; "above" or "below": clearly above or below the limit; "counted": it cannot tell), in one
    query. The count is made only when the sample cannot tell: above, it would read 10,001 matches only
    to learn what the sample already says; below, the page counts the matches as it ranks them.

    "Clearly": by five times the sampling error from the limit's share of the sample (t): above, at
    least ESTIMATE_FROM sampled matches and found > t * (1 + 5 / sqrt(found)); below, found < t * (1 - 5
    / sqrt(found)). Both written without a square root, which SQLite may lack."""
    windows, share = sampling
    sql, params = query.current()
    sampled_sql, sampled_params = query.current(windows)
    t = EXACT_UP_TO * share
    above = "s.found >= %s AND s.found > %s AND (s.found - %s) * (s.found - %s) * s.found > %s"
    above_params = [ESTIMATE_FROM, t, t, t, 25 * t**2]
    below = "s.found < %s AND (%s - s.found) * (%s - s.found) * s.found > %s"
    below_params = [t, t, t, 25 * t**2]
    whole = int(share >= 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT placed.found, placed.shows, CASE WHEN placed.shows = 'counted' THEN "
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM ({sql}) counted LIMIT %s) capped) END FROM ("
            f"SELECT s.found, CASE WHEN %s = 1 THEN 'whole' WHEN {above} THEN 'above' "
            f"WHEN {below} THEN 'below' ELSE 'counted' END AS shows "
            f"FROM (SELECT COUNT(*) AS found FROM ({sampled_sql}) in_sample) s) placed",
            [*params, EXACT_UP_TO + 1, whole, *above_params, *below_params, *sampled_params],
        )
        found, shows, counted = cursor.fetchone()
    return found, found if shows == "whole" else counted, shows


def sample_windows() -> tuple[list[tuple[int, int]], float]:
    """Runs of index ids spread evenly over the index, holding about SAMPLE_ENTRIES entries in all, and
    the share of the ids they hold. The same runs for every page while the index is unchanged."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT MIN(id), MAX(id) FROM search_searchentry")
        first, last = cursor.fetchone()
    if first is None:
        # An empty index: one run that is the whole of it, where every search finds nothing.
        first = last = 0
    span = last - first + 1
    width = max(1, -(-min(span, SAMPLE_ENTRIES) // SAMPLE_WINDOWS))
    step = span / SAMPLE_WINDOWS
    windows = [(first + int(step * n), first + int(step * n) + width - 1) for n in range(SAMPLE_WINDOWS)]
    return windows, min(1.0, width * SAMPLE_WINDOWS / span)


def about(number: float) -> int:
    """A number rounded to two significant figures, as an estimate is written (218,330 → 220,000)."""
    number = round(number)
    digits = len(str(number))
    return round(number, 2 - digits) if digits > 2 else number


class Query:
    """The SQL for one reading of a search: matching words, places, ages and facets, and the order."""

    def __init__(self, parsed: ParsedQuery, reading: Reading, facets: Chosen, everything: bool = False):
        self.parsed, self.reading, self.facets = parsed, reading, facets
        self.relaxed = False
        self._concepts = None
        # With nothing asked, every entry rather than none (what a facet's other values are counted in).
        self.everything = everything

    def without(self, name: str) -> "Query":
        """The same search without facet `name`: what choosing another of its values would add to."""
        others = {other: values for other, values in self.facets.items() if other != name}
        query = Query(self.parsed, self.reading, others, everything=True)
        query.relaxed = self.relaxed
        return query

    def concepts(self) -> list[tuple[str, str, list]]:
        """What the query asks for, each on its own: (label, SQL selecting id and rank, params)."""
        if self._concepts is None:
            self._concepts = self.each_concept()
        return self._concepts

    def each_concept(self) -> list[tuple[str, str, list]]:
        concepts = []
        engine = current_engine()
        for clause in self.parsed.clauses:
            sql, params = engine.matches(ParsedQuery(clauses=[clause]))
            concepts.append((f"‘{clause[0].text}’", sql, params))
        if self.reading.codes:
            concepts.append((self.reading.place_label, *self.placed_rows()))
        if self.reading.ages:
            sql, params = self.ages_condition("e")
            concepts.append(
                (
                    self.reading.ages_label.lower(),
                    f"SELECT e.id, 0.0 AS rank FROM search_searchentry e WHERE {sql}",
                    params,
                )
            )
        return concepts

    def matched(self) -> tuple[str, list] | None:
        """SQL selecting (id, rank, met) of the entries that meet every part, or None when nothing was asked."""
        engine = current_engine()
        carried = self.row_columns()
        if not self.parsed.is_empty:
            if self.narrows_by_tags:
                sql, params = engine.matches(
                    self.parsed, self.ages_constraint("e"), self.tag_query(), carried
                )
            else:
                sql, params = (
                    engine.matches(self.parsed, column=carried) if carried else engine.matches(self.parsed)
                )
            return f"SELECT id, rank, 0 AS met{self.carried_names} FROM ({sql}) words", params
        if self.narrows_by_tags:
            # No words: the entries with every tag asked for, from the full-text index.
            sql, params = engine.tagged(self.tag_query(), self.ages_constraint("e"), carried)
            return f"SELECT id, rank, 0 AS met{self.carried_names} FROM ({sql}) tagged_rows", params
        concepts = self.concepts()
        if self.reading.age_words:
            # "teenagers": data for those ages, and people and projects who use the word.
            _, ages, ages_params = concepts[-1]
            words, words_params = current_engine().matches(parse(self.reading.age_words))
            return (
                f"SELECT id, MAX(rank) AS rank, 0 AS met FROM ({ages} UNION ALL {words}) either GROUP BY id",
                [*ages_params, *words_params],
            )
        if concepts:
            # No words: start from the narrowest constraint's index; the others narrow it below.
            _, sql, params = concepts[0]
            return f"SELECT id, rank, 0 AS met FROM ({sql}) constraint_rows", params
        if self.facets:
            # No words: start from the facet index, never from the whole table.
            return starting_rows(self.facets)
        if self.everything:
            columns, params = carried or ("", [])
            return (
                f"SELECT e.id, 0.0 AS rank, 0 AS met{', ' + columns if columns else ''} FROM search_searchentry e",
                params,
            )
        return None

    @property
    def carries_row(self) -> bool:
        """Whether the results carry what their order reads from their own index row (PostgreSQL: the
        row their words or tags are matched in), so that sorting does not join every result to the index
        again: the entries matching words or tags, or every entry."""
        if not current_engine().has_tags or self.relaxed:
            return False
        if not self.parsed.is_empty or self.narrows_by_tags:
            return True
        return self.everything and not self.facets and not self.reading.age_words and not self.concepts()

    def row_columns(self) -> tuple[str, list] | None:
        """SQL of the carried columns, on the matched row (alias e); None when results carry none."""
        if not self.carries_row:
            return None
        columns, params = (
            "e.kind AS row_kind, e.title AS row_title, e.updated AS row_updated",
            [],
        )
        if self.reading.codes:
            local, params = self.local_by_tags()
            columns = f"{columns}, {local}"
        return columns, params

    @property
    def carried_names(self) -> str:
        if not self.carries_row:
            return ""
        return ", row_kind, row_title, row_updated" + (", local" if self.reading.codes else "")

    def current(self, windows: list[tuple[int, int]] | None = None) -> tuple[str, list]:
        """SQL selecting (id, rank, met, local) of the results: every part met, or in a relaxed search some;
        with `windows`, only those whose id falls in one of these (first, last) runs."""
        sql, params = self.narrowed(self.partly_matched() if self.relaxed else self.matched())
        if windows is None:
            return sql, params
        within, within_params = in_windows("sampled_rows.id", windows)
        return f"SELECT * FROM ({sql}) sampled_rows WHERE {within}", [*params, *within_params]

    def candidates(self, windows: list[tuple[int, int]]) -> tuple[str, list]:
        """SQL selecting (id, rank, met, local, sampled) of the results ranked when there are too many to
        rank them all: those in the sample (sampled 1), and any titled as typed (sampled 0), which the
        relevance order puts first wherever they are in the index."""
        sample, sample_params = self.current(windows)
        sql, params = self.current()
        engine = current_engine()
        titled, titled_params = engine.titled_exactly(self.typed_titles())
        within, within_params = in_windows("titled.id", windows)
        return (
            f"SELECT sample.*, 1 AS sampled FROM ({sample}) sample UNION ALL "
            f"SELECT titled.*, 0 AS sampled FROM ({sql}) titled "
            f"WHERE {engine.one_of('titled.id', titled)} AND NOT ({within})",
            [*sample_params, *params, *titled_params, *within_params],
        )

    def typed_titles(self) -> list[str]:
        """What was typed, as a title would be compared with it (lower case)."""
        return list(dict.fromkeys([normalise(self.reading.text), normalise(self.reading.words)]))

    def partly_matched(self) -> tuple[str, list]:
        """Entries that meet some of the parts: `met` says which, one bit per part, in the order asked."""
        parts, params = [], []
        for bit, (_, sql, part_params) in enumerate(self.concepts()):
            parts.append(f"SELECT id, rank, {1 << bit} AS bit FROM ({sql}) part{bit}")
            params += part_params
        sql = f"SELECT id, SUM(rank) AS rank, SUM(bit) AS met FROM ({' UNION ALL '.join(parts)}) parts GROUP BY id"
        if self.parsed.clauses:
            # Words were typed: an entry that meets none of them is no match ("zzqx Bradford" finds nothing).
            sql = f"SELECT * FROM ({sql}) partial_rows WHERE {bits_set('met', range(len(self.parsed.clauses)))} > 0"
        if self.parsed.excluded:
            excluded, excluded_params = current_engine().matches(ParsedQuery(clauses=[self.parsed.excluded]))
            sql = f"SELECT * FROM ({sql}) partly WHERE id NOT IN (SELECT id FROM ({excluded}) excluded)"
            params += excluded_params
        return sql, params

    def narrowed(self, matched: tuple[str, list]) -> tuple[str, list]:
        """The matches narrowed by facets, places and ages: SQL selecting (id, rank, met, local).

        Opportunities past their closing date are left out, whatever was asked."""
        sql, params = matched
        closed, closed_params = dated_before(CLOSES)
        conditions, local, local_params = [f"m.id NOT IN ({closed})"], "0", []
        params = [*params, *closed_params]
        for name, values in self.facets.items():
            if self.narrows_by_tags and name in self.tagged_facets:
                continue
            # Any of a facet's values, every facet.
            condition, condition_params = facet_condition("m", name, values)
            conditions.append(condition)
            params = [*params, *condition_params]
        if self.reading.codes:
            # Local data first, then England- and UK-wide.
            local, local_params = ("m.local", []) if self.carries_row else self.local("m")
        constraints = None if self.narrows_by_tags else self.constraints("k")
        if constraints:
            conditions.append(constraints[0])
            params = [*params, *constraints[1]]
        where = " AND ".join(conditions) or "1 = 1"
        # The entry's own row is joined only when a place or an age needs its kind or ages.
        join = "JOIN search_searchentry k ON k.id = m.id" if "k." in where else ""
        carried = ", m.row_kind, m.row_title, m.row_updated" if self.carries_row else ""
        return (
            f"SELECT m.id, m.rank, m.met, {local} AS local{carried} FROM ({sql}) m {join} WHERE {where}",
            [*local_params, *params],
        )

    @property
    def narrows_by_tags(self) -> bool:
        """Whether the facets, the place and the ages narrow in the full-text index's own lookup, as tags
        (PostgreSQL, search.tags), rather than by testing each match: not in a relaxed search, which they
        rank instead, nor for an age word without a topic ("teenagers"), which also finds the word."""
        return (
            current_engine().has_tags
            and not self.relaxed
            and (not self.parsed.is_empty or not self.reading.age_words)
            and bool(self.tagged_facets or self.reading.codes or self.reading.ages)
        )

    @property
    def tagged_facets(self) -> list[str]:
        """The facets chosen that tags narrow by: all but a project status that depends on today's date
        (active or ended), which is compared with the end date when the search runs."""
        dated = {Stage.ACTIVE, ENDED}
        return [name for name, values in self.facets.items() if not (name == "stage" and dated & set(values))]

    def tag_query(self) -> tuple[str, list] | None:
        """tsquery SQL of the tags of the facets chosen, the place and the ages asked for (any of each's
        values, all of them); None when none was."""
        parts, params = [], []
        for name in self.tagged_facets:
            parts.append("%s::tsquery")
            values = [value for choice in self.facets[name] for value in facet_values(name, choice)]
            params.append(any_of(tag(name, value) for value in values))
        if self.reading.codes:
            # By one of its areas; data also by being England- or UK-wide; anything by the place's name
            # in its title (the `placed` rule).
            local = [tag(PLACE, code) for code in self.reading.codes]
            national = [tag(PLACE, value) for value in covering_values([])]
            titled, titled_params = current_engine().titled_query(self.reading.place_words)
            parts.append(f"(%s::tsquery || (%s::tsquery && %s::tsquery) || {titled})")
            params += [any_of(local), any_of([tag("kind", Kind.DATASET)]), any_of(national), *titled_params]
        if self.reading.ages:
            wanted = age_tags(*age_span(*self.reading.ages))
            if not self.parsed.is_empty:
                wanted += kinds_other_than(Kind.DATASET)
            parts.append("%s::tsquery")
            params.append(any_of(wanted))
        # Each part bracketed: PostgreSQL gives || and && the same precedence.
        return (" && ".join(f"({part})" for part in parts), params) if parts else None

    def constraints(self, entry: str) -> tuple[str, list] | None:
        """SQL true for the entries (`entry`: an alias with id, kind and ages) in the place and of the ages
        asked for, or None when neither was asked (or the search is relaxed: they rank it instead)."""
        conditions, params = [], []
        if self.reading.codes and not self.relaxed:
            place, place_params = self.placed(entry)
            conditions.append(place)
            params += place_params
        if self.reading.ages and not self.relaxed:
            ages, ages_params = self.ages_constraint(entry)
            conditions.append(ages)
            params += ages_params
        return (" AND ".join(conditions), params) if conditions else None

    def ages_constraint(self, entry: str) -> tuple[str, list] | None:
        """SQL true for the entries (`entry`: an alias with kind and ages) of the ages asked for, or None.
        With tags it is the exact test of the few entries the tags let through (ages from AGES_TAGGED on
        share one tag)."""
        if not self.reading.ages:
            return None
        ages, ages_params = self.ages_condition(entry)
        if not self.parsed.is_empty or self.reading.age_words:
            # People, projects and organisations have no ages of their own: their words decide.
            ages = f"({ages}) OR {entry}.kind <> 'dataset'"
        return f"({ages})", ages_params

    def placed(self, entry: str) -> tuple[str, list]:
        """Entries (`entry`: an alias with id and kind) connected to the place asked for: by one of its
        areas; a dataset also by being England- or UK-wide (it covers every area); any entry by the
        place's name in its title (Dr Helen Wakefield, Connected Bradford). People and projects are
        placed by where they work, not by the national data they used.

        Uncorrelated IN subqueries, so that each database reads the place's entries once, not per match.
        """
        codes, national = list(self.reading.codes), covering_values([])
        titled, titled_params = current_engine().titled(self.reading.place_words, self.matched_words)
        sql = (
            f"({entry}.id IN ({placed_in(codes)}) OR {entry}.id IN ({titled}) "
            f"OR ({entry}.kind = 'dataset' AND {entry}.id IN ({placed_in(national)})))"
        )
        return sql, [*codes, *titled_params, *national]

    @property
    def matched_words(self) -> ParsedQuery | None:
        """The words every result matches, when there are any (not in a relaxed search): entries named after
        the place are looked for among their matches only."""
        return None if self.parsed.is_empty or self.relaxed else self.parsed

    def placed_rows(self) -> tuple[str, list]:
        """SQL selecting (id, rank) of the entries `placed` selects, read from the indexes, not the table."""
        codes, national = list(self.reading.codes), covering_values([])
        titled, titled_params = current_engine().titled(self.reading.place_words)
        sql = (
            f"SELECT entry_id AS id, 0.0 AS rank FROM ({placed_in(codes)}) local_rows "
            f"UNION SELECT id, 0.0 AS rank FROM ({titled}) named "
            f"UNION SELECT p.entry_id AS id, 0.0 AS rank FROM ({placed_in(national)}) p "
            "JOIN search_searchentry d ON d.id = p.entry_id AND d.kind = 'dataset'"
        )
        return sql, [*codes, *titled_params, *national]

    def local(self, entry: str) -> tuple[str, list]:
        """0 for entries connected to the place's own areas (or named after it), 1 for data that covers it
        as England- or UK-wide."""
        codes = list(self.reading.codes)
        titled, titled_params = current_engine().titled(self.reading.place_words, self.matched_words)
        return (
            f"CASE WHEN {entry}.id IN ({placed_in(codes)}) OR {entry}.id IN ({titled}) THEN 0 ELSE 1 END",
            [*codes, *titled_params],
        )

    def local_by_tags(self) -> tuple[str, list] | None:
        """With a place asked for, `local` as a column of the row its words are matched in (alias e), from
        its tags: read with the row, where `local` reads every entry connected to the place (22,710 for
        Bradford at national scale) and every one named after it."""
        if not self.reading.codes:
            return None
        titled, titled_params = current_engine().titled_query(self.reading.place_words)
        return (
            f"CASE WHEN e.search_vector @@ (%s::tsquery || {titled}) THEN 0 ELSE 1 END AS local",
            [any_of(tag(PLACE, code) for code in self.reading.codes), *titled_params],
        )

    def ages_condition(self, alias: str) -> tuple[str, list]:
        """Entries whose age range overlaps the ages asked for, by the life-stage rule (datasets.life_stages)."""
        start, end = age_span(*self.reading.ages)
        entry_end = (
            f"CASE WHEN {alias}.age_to > {alias}.age_from THEN {alias}.age_to ELSE {alias}.age_from + 1 END"
        )
        sql = f"{alias}.age_from IS NOT NULL AND ({alias}.age_to IS NULL OR {entry_end} > %s)"
        if end is None:
            return sql, [start]
        return f"{sql} AND {alias}.age_from < %s", [start, end]

    def ordered(
        self, sql: str, params: list, sort: str, also: str = "", limit: int | None = None, offset: int = 0
    ) -> tuple[str, list]:
        """The rows in the order shown, `limit` of them from `offset` (all without a limit): by relevance,
        what meets most of the query, what was asked for (people, data…), an entry titled exactly as
        typed, local data, then the rank. Results that carry their row's order are sorted and cut to
        the page before the page's rows are read (as sorting every result joined to its row read them all)."""
        row = (
            {
                "kind": "hits.row_kind",
                "title": "hits.row_title",
                "updated": "hits.row_updated",
                "id": "hits.id",
            }
            if self.carries_row
            else {"kind": "e.kind", "title": "e.title", "updated": "e.updated", "id": "e.id"}
        )
        order, order_params = self.order(sort, row)
        ended, ended_params = is_dated_before("e.id", ENDS)
        columns = (
            "e.kind, e.url, e.title, e.summary, e.keywords, e.linked, e.body, e.facts, hits.met, "
            f"CASE WHEN {ended} THEN 1 ELSE 0 END AS ended{', ' + also if also else ''}"
        )
        cut, cut_params = ("LIMIT %s OFFSET %s", [limit, offset]) if limit is not None else ("", [])
        if self.carries_row:
            return (
                f"SELECT {columns} FROM (SELECT hits.* FROM ({sql}) hits ORDER BY {order} {cut}) hits "
                f"JOIN search_searchentry e ON e.id = hits.id ORDER BY {order}",
                [*ended_params, *params, *order_params, *cut_params, *order_params],
            )
        return (
            f"SELECT {columns} FROM ({sql}) hits JOIN search_searchentry e ON e.id = hits.id "
            f"ORDER BY {order} {cut}",
            [*ended_params, *params, *order_params, *cut_params],
        )

    def page_of(self, sql: str, params: list, results: Results, also: str = "") -> tuple[str, list]:
        """The statement reading the page of `results` shown, from the results `sql` selects."""
        offset = (results.page - 1) * PAGE_SIZE
        return self.ordered(sql, params, results.sort, also, limit=PAGE_SIZE, offset=offset)

    def order(self, sort: str, row: dict[str, str]) -> tuple[str, list]:
        """SQL of the order shown, on the results' columns as `row` names them."""
        order, order_params = SORTS[sort][1].format(**row), []
        if sort == "relevance":
            titles = self.typed_titles()
            local = "hits.local, " if self.reading.codes else ""
            order = f"CASE WHEN lower({row['title']}) IN ({marks(titles)}) THEN 0 ELSE 1 END, {local}{order}"
            order_params = titles
            if self.wanted_kind:
                order = f"CASE WHEN {row['kind']} = %s THEN 0 ELSE 1 END, {order}"
                order_params = [self.wanted_kind, *order_params]
            if self.relaxed:
                # The topic matters most: first what meets most of the words, then most of the rest.
                words = range(len(self.parsed.clauses))
                everything = range(len(self.concepts()))
                order = (
                    f"{bits_set('hits.met', words)} DESC, {bits_set('hits.met', everything)} DESC, {order}"
                )
        return order, order_params

    @property
    def wanted_kind(self) -> str:
        """The kind of entry ranked first: what the words asked for; data, when a place or an age was named."""
        if self.reading.intent:
            return self.reading.intent
        return Kind.DATASET if self.reading.has_constraints else ""

    def missing(self, met: int, kind: str) -> list[str]:
        """The parts of the query an entry of `kind` does not meet (ages apply to datasets only)."""
        if not self.relaxed:
            return []
        ages = self.reading.ages_label.lower() if self.reading.ages and kind != Kind.DATASET else None
        return [
            label
            for bit, (label, _, _) in enumerate(self.concepts())
            if not met & (1 << bit) and label != ages
        ]


def in_windows(column: str, windows: list[tuple[int, int]]) -> tuple[str, list]:
    """SQL true when `column` falls in one of the (first, last) runs of ids."""
    sql = " OR ".join([f"{column} BETWEEN %s AND %s"] * len(windows))
    return f"({sql})", [bound for window in windows for bound in window]


def placed_in(values: list[str]) -> str:
    """SQL selecting the entries connected to some places (their codes, or england and uk)."""
    return f"SELECT entry_id FROM search_searchplace WHERE value IN ({marks(values)})"


def bits_set(column: str, bits: range) -> str:
    """SQL counting which of `bits` are set in an integer column (how many parts of a query a row meets)."""
    # %% is a literal % once the parameters are filled in.
    return "(0" + "".join(f" + (({column} / {1 << bit}) %% 2)" for bit in bits) + ")"


def marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def shown_facts(facts: list | str, ended: bool) -> list:
    """A result's key facts as stored, but an active project past its end date has the status Ended."""
    facts = json.loads(facts) if isinstance(facts, str) else facts
    if not ended:
        return facts
    return [[label, STAGE_LABELS[ENDED] if label == "Status" else value] for label, value in facts]


def count(sql: str, params: list, up_to: int | None = None) -> int:
    """How many rows `sql` selects; with `up_to`, counting stops there (the index is read no further)."""
    if up_to is not None:
        sql, params = f"SELECT * FROM ({sql}) counted LIMIT %s", [*params, up_to]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) hits", params)
        return cursor.fetchone()[0]


def show(results: Results, query: Query, rows: list[tuple]) -> None:
    """Puts a page's rows in `results` as hits and, in a relaxed search, the parts the first leaves out."""
    results.hits = to_hits(rows, Highlighter(query.parsed), query)
    if query.relaxed and results.hits:
        results.relaxed = results.hits[0].missing


def rows_of(statement: tuple[str, list]) -> list[tuple]:
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def to_hits(rows: list[tuple], highlighter, query: Query) -> list[Hit]:
    hits = []
    for kind, url, title, summary, keywords, linked, body, facts, met, ended in rows:
        facts = shown_facts(facts, ended)
        snippet = highlighter.result_snippet(kind, summary, keywords, linked, body)
        hits.append(Hit(Kind(kind).label, url, title, snippet, facts, query.missing(met, kind)))
    return hits


def other_values(
    query: "Query", sample: tuple[list[tuple[int, int]], float] | None = None
) -> dict[str, tuple[str, list, float | None]]:
    """For each facet chosen: SQL selecting the results without it, where its values are counted (how
    many choosing each would show, as any of a facet's values may be chosen), and the scale of those
    counts. Up to EXACT_UP_TO such results are counted in full, more from `sample` (the windows and
    share of the index a sampled search reads, or else read here): one query for each facet chosen,
    however many values."""
    others = {}
    for name in query.facets:
        without = query.without(name)
        sql, params = without.current()
        if sample is None and count(sql, params, up_to=EXACT_UP_TO + 1) <= EXACT_UP_TO:
            others[name] = (sql, params, None)
            continue
        sample = sample or sample_windows()
        windows, share = sample
        others[name] = (*without.current(windows), 1 / share)
    return others


def facet_counts(
    sql: str,
    params: list,
    active: Chosen,
    scale: float | None = None,
    others: dict[str, tuple[str, list, float | None]] | None = None,
) -> dict[str, list[FacetValue]]:
    """How many of the results `sql` selects have each facet value; with `scale`, `sql` selects a sample
    and each count is scaled up to an estimate. A facet with values chosen is counted in the results
    without it instead (`others`, from other_values): one query, whatever was chosen."""
    others = others or {}
    chosen = list(others)
    # (SQL of the results, its parameters, the scale of its counts, the facets counted in it)
    sources = [(sql, params, scale, f"f.name NOT IN ({marks(chosen)})" if chosen else "1 = 1", chosen)]
    sources += [
        (other, other_params, other_scale, "f.name = %s", [name])
        for name, (other, other_params, other_scale) in others.items()
    ]
    rows_sql = " UNION ALL ".join(
        f"SELECT {number} AS source, f.entry_id, f.name, f.value, f.label "
        f"FROM ({source}) hits JOIN search_searchfacet f ON f.entry_id = hits.id WHERE {names}"
        for number, (source, _, _, names, _) in enumerate(sources)
    )
    rows_params = [value for _, source_params, _, _, names in sources for value in [*source_params, *names]]
    # An active project past its end date is counted as ended, as it is shown.
    ended, ended_params = is_dated_before("f.entry_id", ENDS)
    is_ended = f"f.name = 'stage' AND f.value = '{Stage.ACTIVE}' AND {ended}"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT source, name, value, label, COUNT(*) AS n FROM ("
            f"SELECT f.source, f.name, CASE WHEN {is_ended} THEN '{ENDED}' ELSE f.value END AS value, "
            f"CASE WHEN {is_ended} THEN '{STAGE_LABELS[ENDED]}' ELSE f.label END AS label "
            f"FROM ({rows_sql}) f"
            ") shown GROUP BY source, name, value, label ORDER BY n DESC, label",
            [*ended_params, *ended_params, *rows_params],
        )
        rows = cursor.fetchall()
    scales = {number: source[2] for number, source in enumerate(sources)}
    rows = with_national_data(
        [(name, value, label, number, scales[source]) for source, name, value, label, number in rows]
    )
    facets = {name: [] for name in FACETS}
    for name, value, label, number, row_scale in rows:
        is_chosen = value in active.get(name, [])
        if name in facets and (len(facets[name]) < 12 or is_chosen):
            shown = about(number * row_scale) if row_scale else number
            facets[name].append(FacetValue(value, label, shown, is_chosen, bool(row_scale)))
    for name in ORDERED_FACETS:
        facets[name].sort(key=lambda facet: ORDERED_FACETS[name].get(facet.value, len(ORDERED_FACETS[name])))
    return {name: values for name, values in facets.items() if values}


def with_national_data(rows: list[tuple]) -> list[tuple]:
    """An area's count includes the England- and UK-wide data that covers it, as choosing the area does."""
    national = sum(
        number for name, value, _, number, *_ in rows if name == "area" and value in ("england", "uk")
    )
    counted = [
        (
            name,
            value,
            label,
            number + national if name == "area" and value not in ("england", "uk") else number,
            *rest,
        )
        for name, value, label, number, *rest in rows
    ]
    return sorted(counted, key=lambda row: (-row[3], row[2]))


def matching_ids(text: str, model) -> RawSQL | None:
    """The ids of `model`'s entries that a search for `text` finds (words, synonyms, places, ages), as a
    subquery for a list page's keyword box; None for a kind the index does not hold."""
    kind = KIND_OF_MODEL.get(model)
    if kind is None:
        return None
    groups = synonym_groups()
    reading = read(clean(text), groups)
    query = Query(expand_synonyms(parse(reading.words), groups), reading, {})
    if query.matched() is None:
        return RawSQL("SELECT object_id FROM search_searchentry WHERE 1 = 0", [])
    sql, params = query.current()
    return RawSQL(
        f"SELECT e.object_id FROM ({sql}) hits JOIN search_searchentry e ON e.id = hits.id WHERE e.kind = %s",
        [*params, kind],
    )


def synonym_groups() -> list[list[str]]:
    return [group.forms for group in SynonymGroup.objects.all()]


def resolve_area_codes(facets: Chosen) -> Chosen:
    """A retired ONS code chosen as an area narrows by the areas that replaced it (one query for every
    code chosen); a code the directory does not know stays as given, and finds nothing."""
    given = {code: code.upper() for code in facets.get("area", []) if code not in ("england", "uk")}
    if not given:
        return facets
    wanted = set(given.values())
    found = Area.objects.filter(Q(code__in=wanted) | Q(aliases__old_code__in=wanted)).values_list(
        "code", "aliases__old_code"
    )
    replaced: dict[str, set[str]] = {}
    for code, old_code in found:
        if code in wanted:
            replaced[code] = {code}
        elif old_code in wanted and replaced.get(old_code) != {old_code}:
            replaced.setdefault(old_code, set()).add(code)
    areas = {area for code in facets["area"] for area in replaced.get(given.get(code, ""), {code})}
    return {**facets, "area": sorted(areas)}


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
    # Every misspelt word, each one lookup in the vocabulary's trigram index (at most MAX_CLAUSES).
    for word in [word for word in words if word not in known]:
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
    closed, closed_params = dated_before(CLOSES)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM ({sql}) found WHERE url NOT IN "
            f"(SELECT e.url FROM search_searchentry e WHERE e.id IN ({closed}))",
            [*params, *closed_params],
        )
        rows = cursor.fetchall()
    # Titles that start with the words typed first, shortest first; then the others, without repeats.
    starting = sorted((row for row in rows if row[3] == 0), key=lambda row: len(row[1]))
    suggestions, seen = [], set()
    for kind, title, url, _ in starting + [row for row in rows if row[3] == 1]:
        if url not in seen and len(suggestions) < limit:
            seen.add(url)
            suggestions.append({"kind": Kind(kind).label, "title": title, "url": url})
    return suggestions

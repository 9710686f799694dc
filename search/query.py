"""Reading what people type into the search box.

The language is the one web search engines taught everybody: plain words
(all must match), "quoted phrases", -excluded words, and OR between two
alternatives. Synonyms and acronyms from the curated list are added as
alternatives, so that either form finds both.
"""

import re
from dataclasses import dataclass, field

from .text import words

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
TOKEN = re.compile(r'-?"[^"]*"?|\S+')
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """Words that must appear together, in this order when there are several."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    # Every clause must match; a clause matches when any of its terms does.
    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    # Forms added from the synonym list, to tell the user.
    also_searched: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def all_terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]


def clean(text: str) -> str:
    """The query as we will use it: printable, single-spaced, at most MAX_QUERY_LENGTH characters."""
    printable = "".join(character if character.isprintable() else " " for character in text)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def to_term(token: str) -> Term | None:
    # The words as the index holds them: post-16 is "post 16", children’s is "children".
    term_words = tuple(words(token))
    return Term(term_words) if term_words else None


def parse(text: str) -> ParsedQuery:
    query = ParsedQuery()
    join_next = False
    for token in TOKEN.findall(clean(text)):
        if token == "OR":
            join_next = bool(query.clauses)
            continue
        excluded = token.startswith("-") and len(token) > 1
        term = to_term(token[1:] if excluded else token)
        if term is None:
            continue
        if excluded:
            query.excluded.append(term)
        elif join_next:
            query.clauses[-1].append(term)
        elif len(query.clauses) < MAX_CLAUSES:
            query.clauses.append([term])
        join_next = False
    return query


def expand_synonyms(query: ParsedQuery, groups: list[list[str]]) -> ParsedQuery:
    """Adds every other form of a synonym group wherever one of its forms was typed."""
    forms_by_words = {}
    for group in groups:
        terms = [term for term in (to_term(form) for form in group) if term]
        for term in terms:
            forms_by_words[term.words] = terms
    longest = max((len(words) for words in forms_by_words), default=0)
    clauses, position = [], 0
    while position < len(query.clauses):
        matched = match_forms(query.clauses, position, longest, forms_by_words)
        if matched:
            length, forms = matched
            typed = {term.words for clause in query.clauses[position : position + length] for term in clause}
            clauses.append(list(forms))
            query.also_searched += [form.text for form in forms if form.words not in typed]
            position += length
        else:
            clauses.append(query.clauses[position])
            position += 1
    query.clauses = clauses
    return query


def match_forms(clauses, start: int, longest: int, forms_by_words):
    """The longest run of single-term clauses from `start` that spells a synonym form."""
    for length in range(min(longest, len(clauses) - start), 0, -1):
        run = clauses[start : start + length]
        if any(len(clause) != 1 for clause in run):
            continue
        words = tuple(word for clause in run for word in clause[0].words)
        if words in forms_by_words:
            return length, forms_by_words[words]
    return None

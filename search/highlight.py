"""Snippets of why a result matched, with the matching words marked.

A snippet is cut from readable text: an entry's summary and body first, then
the one keyword or linked name that matched, never the index's joined lists
of them. A researcher's snippet comes from their biography and expertise
only. Stop words are never marked: the engines do not match them either.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Kind
from .query import ParsedQuery
from .text import STOP_WORDS, normalise

WORD = re.compile(r"\w+")
SNIPPET_WORDS = 30
# How search.indexing joins the names in the keywords and linked columns.
LIST_SEPARATOR = " | "
# Starts each of a dataset's variables in its keywords (search.documents): a symbol the index drops, so
# a result can say which variable matched ("Measures fsm_eligible: Free school meals eligibility").
VARIABLE_MARK = "≡ "
# A variable's name is read as its parts, as the index reads it: fsm_eligible is fsm and eligible.
NAME_PART = re.compile(r"[^\W_]+")


STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return STEMMER.stemWord(normalise(word))


class Highlighter:
    def __init__(self, query: ParsedQuery):
        self.stems = {
            stem(word)
            for term in query.all_terms()
            for word in term.words
            if normalise(word) not in STOP_WORDS
        }
        # A word and its stem share their first letters; only words that start like a stem are stemmed.
        self.starts = {word_stem[:3] for word_stem in self.stems}

    def matches(self, word: str) -> bool:
        folded = normalise(word)
        return folded[:3] in self.starts and folded not in STOP_WORDS and stem(word) in self.stems

    def result_snippet(self, kind: str, summary: str, keywords: str, linked: str, body: str) -> SafeString:
        """The snippet of one result, from the columns of its index row."""
        if kind == Kind.RESEARCHER:
            # A researcher's summary holds their biography and expertise (search.documents).
            return self.snippet([summary])
        if kind == Kind.DATASET:
            # A variable that matches is the most telling reason to show a dataset.
            measured = self.measured(keywords)
            if measured:
                return measured
        return self.snippet([summary, body, keywords, linked])

    def measured(self, keywords: str) -> SafeString | None:
        """The words "Measures <name>: <label>" for the first of a dataset's variables that matches, if any."""
        for part in (keywords or "").split(LIST_SEPARATOR):
            if not part.startswith(VARIABLE_MARK):
                continue
            text = part[len(VARIABLE_MARK) :]
            words = list(NAME_PART.finditer(text))
            hits = {index for index, word in enumerate(words) if self.matches(word.group())}
            if hits:
                return mark_safe("Measures " + self.marked(text, words, hits))
        return None

    def snippet(self, texts: list[str]) -> SafeString:
        """Up to SNIPPET_WORDS words around the first match in the first text that has one.

        A text of names joined by the index (keywords, linked names) gives only the name that matched.
        With no match, the first text is shown unmarked.
        """
        for text in texts:
            for part in (text or "").split(LIST_SEPARATOR):
                words = list(WORD.finditer(part))
                hits = {index for index, word in enumerate(words) if self.matches(word.group())}
                if hits:
                    return self.marked(part, words, hits)
        return mark_safe(escape(shorten(texts[0] or "")))

    def marked(self, text: str, words: list[re.Match], hits: set[int]) -> SafeString:
        first = max(0, min(hits) - 8)
        last = min(len(words), first + SNIPPET_WORDS)
        start, end = words[first].start(), words[last - 1].end()
        parts, cursor = [], start
        for index in range(first, last):
            word = words[index]
            parts.append(escape(text[cursor : word.start()]))
            if index in hits:
                parts.append(f"<mark>{escape(word.group())}</mark>")
            else:
                parts.append(escape(word.group()))
            cursor = word.end()
        if last == len(words):
            # The snippet reaches the end of the text: keep its closing punctuation.
            parts.append(escape(text[cursor:].rstrip()))
            end = len(text)
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + "".join(parts) + suffix)


def shorten(text: str) -> str:
    words = text.split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")

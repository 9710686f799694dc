"""Snippets of why a result matched, with the matching words marked."""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import ParsedQuery, normalise

WORD = re.compile(r"\w+")
SNIPPET_WORDS = 30


STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return STEMMER.stemWord(normalise(word))


class Highlighter:
    def __init__(self, query: ParsedQuery):
        self.stems = {stem(word) for term in query.all_terms() for word in term.words}
        # A word and its stem share their first letters; only words that start like a stem are stemmed.
        self.starts = {word_stem[:3] for word_stem in self.stems}

    def matches(self, word: str) -> bool:
        return normalise(word[:3]) in self.starts and stem(word) in self.stems

    def snippet(self, texts: list[str]) -> SafeString:
        """Up to SNIPPET_WORDS words around the first match in the first text that has one."""
        for text in texts:
            words = list(WORD.finditer(text or ""))
            hits = {index for index, word in enumerate(words) if self.matches(word.group())}
            if hits:
                return self.marked(text, words, hits)
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
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + "".join(parts) + suffix)


def shorten(text: str) -> str:
    words = text.split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")

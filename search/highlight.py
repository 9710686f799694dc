"""Snippets of why a result matched, with the matching words marked."""

import re

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import ParsedQuery, normalise

WORD = re.compile(r"\w+")
SNIPPET_WORDS = 30


class Highlighter:
    def __init__(self, query: ParsedQuery):
        self.stemmer = snowballstemmer.stemmer("english")
        self.stems = {self.stem(word) for term in query.all_terms() for word in term.words}

    def stem(self, word: str) -> str:
        return self.stemmer.stemWord(normalise(word))

    def snippet(self, texts: list[str]) -> SafeString:
        """Up to SNIPPET_WORDS words around the first match in the first text that has one."""
        for text in texts:
            words = list(WORD.finditer(text or ""))
            hits = {index for index, word in enumerate(words) if self.stem(word.group()) in self.stems}
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

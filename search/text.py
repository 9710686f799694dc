"""Text as the full-text index reads it, the same on PostgreSQL and SQLite.

Each engine splits text into words its own way. PostgreSQL's parser reads
`post-16` as the word `post` and the signed number `-16`, `nhs.uk` as one
host name and `2.5` as one number, and drops the `s` of `children’s` as a
stop word; SQLite's FTS5 splits all of them at the punctuation and keeps the
`s`. So that a word found on one is found on the other, the index is fed
`index_text(text)` (by search.indexing) and queries are made of
`words(text)`: lower case, no accents, no possessive ’s, and nothing but
words separated by single spaces, which both engines split identically.

Snippets are cut from the original text, never from this form.
"""

import re
import unicodedata
from collections.abc import Iterable

# A possessive, with a straight, curly or modifier apostrophe: children's, children’s.
POSSESSIVE = re.compile(r"(?<=\w)['’ʼ‘`]s\b")
# Anything that is not a letter or a digit separates words: hyphens, dashes, dots, apostrophes…
SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, without accents: how words are compared and stored in the vocabulary."""
    if text.isascii():
        # The same, without looking at each character (most of the index's text): ASCII has no accents
        # and its case folding is lower case.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Accents are among the runs of other characters only (a dash or a curly quote in most of the index's
    # text that is not plain ASCII): only those are looked at one by one.
    return NOT_ASCII.sub(without_accents, decomposed)


NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def without_accents(run: re.Match) -> str:
    return "".join(character for character in run.group() if not unicodedata.combining(character))


def index_text(text: str) -> str:
    """The text as both engines index it: words only, lower case, without accents or possessive ’s.

    `post-16` becomes `post 16`, `COVID-19` `covid 19`, `children’s` `children`, `5–11` `5 11`.
    Applying it twice changes nothing.
    """
    return SEPARATORS.sub(" ", POSSESSIVE.sub("", normalise(text))).strip()


def words(text: str) -> list[str]:
    """The words of a query, a quoted phrase or a synonym, as the index holds them.

    Build every searched term from these, so that `children's`, `children’s` and `children`
    ask for the same word and `"post-16 education"` is the phrase `post 16 education`.
    """
    return index_text(text).split()


def searched_words(term_words: Iterable[str]) -> list[str]:
    """The words of a query term as the engines look them up (search.engines).

    `words()` of the term's text, without an `s` that follows a word: what splitting at every
    non-letter leaves of a possessive (`children's` read as `children s`), which the index never holds.
    """
    found: list[str] = []
    for word in words(" ".join(term_words)):
        if not (word == "s" and found):
            found.append(word)
    return found


# PostgreSQL's English stop words (tsearch_data/english.stop): it never indexes them, so they never
# decide a match and are never highlighted, on either engine.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her
    hers herself it its itself they them their theirs themselves what which who whom this that these
    those am is are was were be been being have has had having do does did doing a an the and but if or
    because as until while of at by for with about against between into through during before after
    above below to from up down in out on off over under again further then once here there when where
    why how all any both each few more most other some such no nor not only own same so than too very s
    t can will just don should now
    """.split()
)

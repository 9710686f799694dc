"""What the searches that found nothing in full were missing, so curators know what to add.

Each unmet search is read again as search reads it and put in one group:
an acronym the synonym list does not know, a place the place names do not
know, a topic with no data for the area named, or words the directory does
not hold. One query looks every word up in the index's vocabulary.
"""

import re
from dataclasses import dataclass, field

from .models import SearchWord, SynonymGroup
from .query import clean
from .understanding import Reading, understand

ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}s?$")
# A capitalised word after "in" names a place: "asthma in Keighley".
PLACE_AFTER_IN = re.compile(r"\b(?:in|across|around|near)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")

GROUPS = {
    "acronym": ("Acronyms we do not know", "Add them to the synonym list, with what they stand for."),
    "place": ("Places we do not know", "Add the name to the place names, with the areas it stands for."),
    "area": (
        "No data for this area and topic",
        "The place was understood: the directory holds nothing on the topic for it.",
    ),
    "words": ("Words the directory does not hold", "Add the missing data or expertise, or a synonym."),
}


@dataclass
class Group:
    key: str
    title: str
    advice: str
    rows: list[dict] = field(default_factory=list)


def grouped(unmet: list[dict]) -> list[Group]:
    """`unmet` rows ({"query", "searches"}) in groups by what was not understood, fullest first."""
    forms = [form for group in SynonymGroup.objects.all() for form in group.forms]
    readings = [(row, understand(clean(row["query"]), forms)) for row in unmet]
    words = {word.lower() for _, reading in readings for word in reading.words.split()}
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    synonyms = {form.casefold() for form in forms}
    groups = {key: Group(key, *texts) for key, texts in GROUPS.items()}
    for row, reading in readings:
        groups[reason(reading, known, synonyms)].rows.append(row)
    return sorted((group for group in groups.values() if group.rows), key=lambda group: -len(group.rows))


def reason(reading: Reading, known: set[str], synonyms: set[str]) -> str:
    unknown = [word for word in reading.words.split() if word.lower() not in known]
    if any(ACRONYM.match(word) and word.casefold() not in synonyms for word in unknown):
        return "acronym"
    named = PLACE_AFTER_IN.search(reading.words)
    if named and not reading.codes and named.group(1).split()[0].lower() not in known:
        return "place"
    if reading.codes and not unknown:
        return "area"
    return "words"

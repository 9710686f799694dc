"""Understanding what people type: a topic, in a place, for an age, asked in plain words.

`understand(text)` reads the query before the search runs and splits it into
words that must match and constraints that narrow: places (a local authority,
a sub-region or a region, by any name people use for it), ages (`aged 5`,
`5-11`, `under 5s`, `year 6`, `KS2`, `teenagers`…) and what kind of entry is
wanted (`who knows…` asks for people, `data on…` for datasets). Question and
filler words are set aside so that they never block a match. Everything it
reads is reported back, so the page can show its reading and offer to undo
each part: quoted phrases, -excluded words and OR are never reinterpreted.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from areas.places import place_names, place_names_version

from .models import Kind
from .query import TOKEN
from .text import STOP_WORDS as INDEX_STOP_WORDS
from .text import words as words_of

# Function words: never required on either engine (PostgreSQL's parser drops them itself).
STOP_WORDS = INDEX_STOP_WORDS | {"please", "could", "would", "there", "any"}
# Words that ask rather than describe; set aside where a question uses them.
QUESTION_WORDS = frozenset(
    "who whom whose anyone someone somebody has have had used uses using use know knows knowing known "
    "work works working worked find show list search looking look need want get give tell information "
    "info expertise expert experts experience specialises specializes specialising specializing "
    "studied researching researched researches".split()
)
# Nouns that say what kind of entry is wanted; set aside and used to order the results.
INTENT_WORDS = {
    "who": Kind.RESEARCHER,
    "whom": Kind.RESEARCHER,
    "anyone": Kind.RESEARCHER,
    "someone": Kind.RESEARCHER,
    "people": Kind.RESEARCHER,
    "researcher": Kind.RESEARCHER,
    "researchers": Kind.RESEARCHER,
    "expert": Kind.RESEARCHER,
    "experts": Kind.RESEARCHER,
    "academics": Kind.RESEARCHER,
    "data": Kind.DATASET,
    "dataset": Kind.DATASET,
    "datasets": Kind.DATASET,
    "statistics": Kind.DATASET,
    "project": Kind.PROJECT,
    "projects": Kind.PROJECT,
    "research": Kind.PROJECT,
    "organisation": Kind.ORGANISATION,
    "organisations": Kind.ORGANISATION,
    "organization": Kind.ORGANISATION,
    "organizations": Kind.ORGANISATION,
}
# Intent words that are also ordinary nouns ("Bradford Institute for Health Research"): they ask for a
# kind of entry only at the start of a query or before what they are about ("data on…", "data Bradford").
INTENT_NOUNS = frozenset(
    "data dataset datasets statistics project projects research organisation organisations organization "
    "organizations".split()
)
CONNECTORS = frozenset("on about into for in of covering with from".split())
INTENT_LABELS = {
    Kind.RESEARCHER: "people",
    Kind.DATASET: "datasets",
    Kind.PROJECT: "projects",
    Kind.ORGANISATION: "organisations",
}
# Every entry is about children and young people: these words add nothing after a topic.
POPULATION_WORDS = frozenset({"children", "child", "childrens", "kids", "youngsters", "pupils"})
# A place name next to one of these words is part of an organisation's name: Newcastle University.
ORGANISATION_WORDS = frozenset(
    "university universities college hospital hospitals infirmary council trust nhs beckett metropolitan "
    "institute hallam moores".split()
)
# Words that can come between a place and such a word: Leeds Teaching Hospitals, Sheffield Children's NHS…
ORGANISATION_QUALIFIERS = frozenset(
    "teaching children childrens royal city general district community metropolitan john health".split()
)

MAX_AGE_TYPED = 25
NUMBER = r"(\d{1,3})"
DASH = r"\s*(?:-|–|—|to)\s*"
YEAR = r"(?:years?|yr|y)[\s-]*"
# Ages written with numbers, tried on the lower-cased text of one to five tokens.
AGE_PATTERNS = [
    (re.compile(rf"(?:aged?|ages)\s+{NUMBER}(?:{DASH}|\s+and\s+){NUMBER}"), lambda a, b: (a, b)),
    (re.compile(rf"(?:aged?|ages)\s+{NUMBER}"), lambda a: (a, a)),
    # A bare range must rise: "1-1 tuition" and "0-0" are not ages.
    (
        re.compile(rf"{NUMBER}{DASH}{NUMBER}(?:\s*(?:years?|yrs?)(?:\s*olds?)?)?"),
        lambda a, b: (a, b) if a < b else None,
    ),
    (
        re.compile(rf"{YEAR}{NUMBER}{DASH}(?:{YEAR})?{NUMBER}"),
        lambda n, m: (n + 4, m + 5) if 1 <= n <= m <= 13 else None,
    ),
    (re.compile(rf"{NUMBER}\s*(?:-\s*)?(?:years?|yrs?)[\s-]*olds?"), lambda a: (a, a)),
    (re.compile(rf"under[\s-]*{NUMBER}s?"), lambda a: (0, a) if a else None),
    (re.compile(rf"(?:over|above)[\s-]*{NUMBER}s?"), lambda a: (a, None)),
    (re.compile(rf"{NUMBER}\s*(?:\+|plus)"), lambda a: (a, None)),
    (re.compile(rf"{YEAR}{NUMBER}"), lambda n: (n + 4, n + 5) if 1 <= n <= 13 else None),
    (re.compile(r"(?:ks|key[\s-]*stage)[\s-]*(\d)"), lambda n: KEY_STAGES.get(n)),
]
KEY_STAGES = {1: (5, 7), 2: (7, 11), 3: (11, 14), 4: (14, 16), 5: (16, 18)}
# Ages and school phases written as words, in England's school years.
AGE_WORDS = {
    "reception": (4, 5),
    "eyfs": (0, 5),
    "early years": (0, 5),
    "under fives": (0, 5),
    "under-fives": (0, 5),
    "preschool": (0, 4),
    "pre-school": (0, 4),
    "nursery": (3, 5),
    # Written the school way, as the life stages are: 13–20 runs to the twentieth birthday.
    "infants": (0, 1),
    "infant": (0, 1),
    "infancy": (0, 1),
    "babies": (0, 1),
    "baby": (0, 1),
    "newborns": (0, 1),
    "toddlers": (1, 3),
    "infant school": (4, 7),
    "infants school": (4, 7),
    "junior school": (7, 11),
    "primary school": (4, 11),
    "primary age": (4, 11),
    "primary-age": (4, 11),
    "primary pupils": (4, 11),
    "primary children": (4, 11),
    "secondary school": (11, 16),
    "secondary age": (11, 16),
    "secondary-age": (11, 16),
    "secondary pupils": (11, 16),
    "sixth form": (16, 18),
    "sixth-form": (16, 18),
    "post-16": (16, 18),
    "post 16": (16, 18),
    "teenagers": (13, 20),
    "teenager": (13, 20),
    "teens": (13, 20),
    "adolescents": (10, 20),
    "adolescent": (10, 20),
    "adolescence": (10, 20),
    "young adults": (18, 25),
}
LONGEST_PLACE = 7


@dataclass
class Chip:
    """One part of the reading, shown above the results with a link that undoes it."""

    kind: str  # "place", "ages" or "intent"
    label: str
    undo: str  # the query text without this part
    # For a place: the query with the place's name searched as words instead.
    as_words: str = ""


@dataclass
class Suggestion:
    """A place the words could mean, offered rather than imposed (Bury, Lancaster…)."""

    label: str
    code: str
    # The query without the place's words, to search with the area chosen instead.
    rest: str = ""


@dataclass
class Reading:
    text: str
    words: str = ""
    # The words and the places and ages, without question words: compared with titles.
    text_with_constraints: str = ""
    place_label: str = ""
    codes: tuple[str, ...] = ()
    ages: tuple[int, int | None] | None = None
    # The ages as typed when they are words ("teenagers"): people and projects are found by them.
    age_words: str = ""
    # The words of the place names typed: an entry titled with them is placed there too (Dr Wakefield).
    place_words: list[tuple[str, ...]] = field(default_factory=list)
    intent: str = ""
    set_aside: list[str] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def has_constraints(self) -> bool:
        return bool(self.codes or self.ages)

    @property
    def ages_label(self) -> str:
        return age_label(self.ages) if self.ages else ""

    def as_dict(self) -> dict:
        """The reading for the API and downloads."""
        return {
            "words": self.words,
            "areas": list(self.codes),
            "area_label": self.place_label,
            "ages": list(self.ages) if self.ages else None,
            "looking_for": INTENT_LABELS.get(self.intent, ""),
            "set_aside": self.set_aside,
        }


def age_label(ages: tuple[int, int | None]) -> str:
    low, high = ages
    if high is None:
        return f"Ages {low} and over"
    if low == high:
        return f"Age {low}"
    if high - low == 1:
        return f"Ages {low}–{high} (age {low})"
    return f"Ages {low}–{high}"


@dataclass
class Token:
    raw: str
    words: tuple[str, ...]
    plain: bool  # not quoted, not excluded, not part of an OR
    role: str = ""  # what understanding made of it: "place", "ages", "intent", "aside" or "" (a word)
    group: int = -1  # for a place: where its name starts, so that two places side by side stay apart


def tokens_of(text: str) -> list[Token]:
    raws = TOKEN.findall(text)
    tokens = []
    for index, raw in enumerate(raws):
        near_or = (
            raw == "OR" or "OR" in raws[max(0, index - 1) : index] or "OR" in raws[index + 1 : index + 2]
        )
        excluded = raw.startswith("-") and raw.strip("-–—")
        plain = not (raw.startswith('"') or excluded or near_or)
        tokens.append(Token(raw, tuple(words_of(raw)), plain))
    return tokens


def understand(text: str, synonym_forms: list[str] = (), constraints: bool = True) -> Reading:
    """The reading of `text` (already cleaned); never fails, whatever was typed.

    With `constraints` off, places and ages are left as words (the text is a title, say).
    """
    reading = Reading(text=text)
    tokens = tokens_of(text)
    protected = protected_tokens(tokens, synonym_forms)
    if constraints:
        read_ages(tokens, reading, protected)
        read_places(tokens, reading, protected)
    read_intent(tokens, reading, protected)
    set_aside_fillers(tokens, reading, protected)
    if not any(token.role in ("", "place", "ages") for token in tokens):
        # Only question words were typed ("data", "who is there"): search for them as words.
        for token in tokens:
            token.role = ""
        reading.intent, reading.set_aside = "", []
    if reading.ages is None:
        reading.age_words = ""
    if reading.intent not in ("", Kind.DATASET) and not any(token.role == "" for token in tokens):
        keep_age_words(tokens, reading)
    reading.words = " ".join(token.raw for token in tokens if not token.role)
    reading.text_with_constraints = " ".join(
        token.raw for token in tokens if token.role in ("", "place", "ages")
    )
    reading.chips = chips(tokens, reading)
    return reading


def keep_age_words(tokens: list[Token], reading: Reading) -> None:
    """People and projects have no ages of their own: asked for them with nothing but an age in words
    ("projects on early years", "who works with teenagers"), the age words are the topic."""
    ages = [token for token in tokens if token.role == "ages"]
    if ages and not any(any(character.isdigit() for character in token.raw) for token in ages):
        for token in ages:
            token.role = ""
        reading.ages, reading.age_words = None, ""


def protected_tokens(tokens: list[Token], forms: list[str]) -> set[int]:
    """Tokens inside a synonym of several words ("looked after children"): they stay words."""
    # A synonym that names an age ("key stage 2") is read as the age.
    phrases = {tuple(words_of(form)) for form in forms if not ages_in(form.lower())}
    phrases = {phrase for phrase in phrases if len(phrase) > 1}
    protected = set()
    for start in range(len(tokens)):
        words: tuple[str, ...] = ()
        for end in range(start, min(len(tokens), start + 8)):
            if not tokens[end].plain:
                break
            words += tokens[end].words
            if words in phrases:
                protected.update(range(start, end + 1))
    return protected


def read_ages(tokens: list[Token], reading: Reading, protected: set[int]) -> None:
    """The first age or school phase typed becomes an age constraint (ages of 0 to 25)."""
    for start in range(len(tokens)):
        for length in (5, 4, 3, 2, 1):
            run = tokens[start : start + length]
            if len(run) < length or not all(token.plain and not token.role for token in run):
                continue
            if protected & set(range(start, start + length)):
                continue
            text = " ".join(token.raw for token in run)
            ages = ages_in(text.lower())
            if ages:
                for token in run:
                    token.role = "ages"
                reading.ages = ages
                if not any(character.isdigit() for character in text):
                    reading.age_words = text
                return


def ages_in(text: str) -> tuple[int, int | None] | None:
    text = text.strip(".,;:!?()").replace("’", "'")
    if text in AGE_WORDS:
        return AGE_WORDS[text]
    for pattern, make in AGE_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            ages = make(*(int(group) for group in found.groups()))
            if ages and 0 <= ages[0] <= (ages[0] if ages[1] is None else ages[1]) <= MAX_AGE_TYPED:
                return ages
            return None
    return None


@lru_cache(maxsize=4)
def _place_index(version: int) -> dict[tuple[str, ...], list]:
    index: dict[tuple[str, ...], list] = {}
    for place in place_names():
        words = tuple(words_of(place.name))
        if words:
            index.setdefault(words, []).append(place)
        if len(words) > 2 and words[0] == "the":
            # "the North East" is also typed "North East"; but "the North" is not "north".
            index.setdefault(words[1:], []).append(place)
    return index


def place_index() -> dict[tuple[str, ...], list]:
    # Kept in this process's memory until curators change a name (a new version).
    return _place_index(place_names_version())


def read_places(tokens: list[Token], reading: Reading, protected: set[int]) -> None:
    """Place names become an area constraint; ambiguous ones are offered instead."""
    index = place_index()
    codes: set[str] = set()
    labels: list[str] = []
    start = 0
    while start < len(tokens):
        found = longest_place(tokens, start, index, protected)
        if not found:
            start += 1
            continue
        length, places = found
        run = range(start, start + length)
        if part_of_organisation_name(tokens, start, length):
            start += length
            continue
        if all(place.ambiguous for place in places):
            rest = " ".join(token.raw for position, token in enumerate(tokens) if position not in run)
            for place in places:
                for code in place.codes[:1] if len(place.codes) == 1 else ():
                    reading.suggestions.append(Suggestion(place.label, code, rest))
        else:
            place = next(place for place in places if not place.ambiguous)
            codes.update(place.codes)
            labels.append(place.label)
            reading.place_words.append(tuple(word for position in run for word in tokens[position].words))
            for position in run:
                tokens[position].role = "place"
                tokens[position].group = start
            # "in Bradford": the connecting word goes with the place.
            if (
                start
                and tokens[start - 1].plain
                and tokens[start - 1].words in (("in",), ("across",), ("for",))
            ):
                tokens[start - 1].role = "place"
        start += length
    if codes:
        reading.codes = tuple(sorted(codes))
        reading.place_label = " and ".join(dict.fromkeys(labels))


def longest_place(tokens, start: int, index, protected: set[int]):
    for length in range(min(LONGEST_PLACE, len(tokens) - start), 0, -1):
        run = tokens[start : start + length]
        if any(not token.plain or token.role for token in run) or protected & set(
            range(start, start + length)
        ):
            continue
        words = tuple(word for token in run for word in token.words)
        if words in index:
            return length, index[words]
    return None


def part_of_organisation_name(tokens: list[Token], start: int, length: int) -> bool:
    """University of York, Newcastle University, Leeds Teaching Hospitals, Bradford Council…"""
    before = tokens[max(0, start - 2) : start]
    after = tokens[start + length : start + length + 3]
    before_words = [word for token in before for word in token.words]
    after_words = [word for token in after for word in token.words]
    if after_words[:1] and after_words[0] in ORGANISATION_WORDS:
        return True
    if (
        after_words[:1]
        and after_words[0] in ORGANISATION_QUALIFIERS
        and ORGANISATION_WORDS & set(after_words[1:])
    ):
        return True
    return len(before_words) == 2 and before_words[1] == "of" and before_words[0] in ORGANISATION_WORDS


def read_intent(tokens: list[Token], reading: Reading, protected: set[int]) -> None:
    """Who, data, projects…: what kind of entry is wanted steers the order of the results."""
    for position, token in enumerate(tokens):
        if not token.plain or token.role or position in protected or len(token.words) != 1:
            continue
        word = token.words[0]
        if word == "people" and not people_asked_for(tokens, position):
            continue
        if word in INTENT_NOUNS and not asks_for(tokens, position):
            continue
        if word in INTENT_WORDS and not reading.intent:
            reading.intent = INTENT_WORDS[word]
            token.role = "intent"
        elif word in INTENT_WORDS and INTENT_WORDS[word] == reading.intent:
            token.role = "intent"


def people_asked_for(tokens: list[Token], position: int) -> bool:
    """ "people who know…", "people working on…" ask for people; "people with learning disabilities" and
    "young people" are the topic."""
    following = tokens[position + 1 : position + 2]
    next_word = following[0].words[0] if following and following[0].words else ""
    return next_word in QUESTION_WORDS | {"who", "that"}


def asks_for(tokens: list[Token], position: int) -> bool:
    following = tokens[position + 1 : position + 2]
    if position == 0 or not following:
        return position == 0
    return following[0].role in ("place", "ages") or bool(
        following[0].words and following[0].words[0] in CONNECTORS
    )


def set_aside_fillers(tokens: list[Token], reading: Reading, protected: set[int]) -> None:
    """Question and filler words never block a match, as long as something else is left to match."""
    candidates = []
    for position, token in enumerate(tokens):
        if not token.plain or token.role or position in protected:
            continue
        words = set(token.words)
        if not words:
            continue
        if reading.intent and words <= QUESTION_WORDS:
            # Goes with the question: undoing "Looking for: people" takes "has used" away too.
            token.role = "intent"
            reading.set_aside.append(token.raw)
        elif words <= STOP_WORDS:
            candidates.append(position)
        elif words <= POPULATION_WORDS and trails(tokens, position):
            candidates.append(position)
    if not any(token.role for token in tokens):
        # Plain words are searched as typed ("University of York").
        return
    for position in candidates:
        tokens[position].role = "aside"
        reading.set_aside.append(tokens[position].raw)


def trails(tokens: list[Token], position: int) -> bool:
    """A population word after the topic: "asthma in Bradford children aged 5", "SEND children"."""
    following = tokens[position + 1 : position + 2]
    has_topic_before = any(not token.role and token.words for token in tokens[:position])
    return has_topic_before and (
        not following or following[0].role in ("place", "ages") or set(following[0].words) <= STOP_WORDS
    )


def chips(tokens: list[Token], reading: Reading) -> list[Chip]:
    result = []
    if reading.codes:
        label = f"Area: {reading.place_label}, with England-wide data"
        result.append(Chip("place", label, without(tokens, "place"), quoted(tokens, "place")))
    if reading.ages:
        result.append(Chip("ages", reading.ages_label, without(tokens, "ages")))
    if reading.intent:
        result.append(
            Chip("intent", f"Looking for: {INTENT_LABELS[reading.intent]}", without_question(tokens))
        )
    return result


def without_question(tokens: list[Token]) -> str:
    """The query without its question: the intent words and the function words set aside with them."""
    return " ".join(
        token.raw
        for token in tokens
        if token.role != "intent" and not (token.role == "aside" and set(token.words) <= STOP_WORDS)
    )


def without(tokens: list[Token], *roles: str) -> str:
    """The query as typed, without the tokens read as `roles` (and the connecting words that went with them)."""
    return " ".join(token.raw for token in tokens if token.role not in roles)


def quoted(tokens: list[Token], role: str) -> str:
    """The query with each name read as `role` put in quotes, so that it is searched as words."""
    parts, run, group = [], [], None
    for token in tokens:
        named = token.role == role and token.words not in (("in",), ("across",), ("for",))
        if run and (not named or token.group != group):
            parts.append('"' + " ".join(run) + '"')
            run = []
        if named:
            run.append(token.raw)
            group = token.group
        else:
            parts.append(token.raw)
    if run:
        parts.append('"' + " ".join(run) + '"')
    return " ".join(parts)

"""The languages a dataset's data is in, as ISO 639-3 codes (the EU language authority's, lower case):
read from what catalogues write (ISO 639-1 "en", 639-2 "wel", 639-3 "cym", an EU authority address, a
name), named in words, and written as the EU authority's addresses in DCAT."""

import re

from django.core.exceptions import ValidationError

EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
# ISO 639-3 code: (ISO 639-1 code, English name), for the languages of the UK's data and of the catalogues
# we read; any other three-letter code is kept as it is, without a name.
KNOWN = {
    "eng": ("en", "English"),
    "cym": ("cy", "Welsh"),
    "gla": ("gd", "Scottish Gaelic"),
    "gle": ("ga", "Irish"),
    "cor": ("kw", "Cornish"),
    "bfi": ("", "British Sign Language"),
    "pol": ("pl", "Polish"),
    "urd": ("ur", "Urdu"),
    "pan": ("pa", "Punjabi"),
    "ben": ("bn", "Bengali"),
    "guj": ("gu", "Gujarati"),
    "ara": ("ar", "Arabic"),
    "som": ("so", "Somali"),
    "zho": ("zh", "Chinese"),
    "fra": ("fr", "French"),
    "deu": ("de", "German"),
    "spa": ("es", "Spanish"),
    "cat": ("ca", "Catalan"),
    "glg": ("gl", "Galician"),
    "eus": ("eu", "Basque"),
    "ita": ("it", "Italian"),
    "por": ("pt", "Portuguese"),
    "ron": ("ro", "Romanian"),
    "nld": ("nl", "Dutch"),
}
# ISO 639-2 bibliographic codes that differ from the 639-3 ones.
BIBLIOGRAPHIC = {
    "wel": "cym",
    "fre": "fra",
    "ger": "deu",
    "chi": "zho",
    "dut": "nld",
    "rum": "ron",
    "baq": "eus",
}
BY_TWO_LETTERS = {two: three for three, (two, _) in KNOWN.items() if two}
BY_NAME = {name.lower(): three for three, (_, name) in KNOWN.items()}
CODE = re.compile(r"^[a-z]{3}$")


def language_code(text: str) -> str:
    """The ISO 639-3 code `text` names ("en", "en-GB", "ENG", "wel", …/language/ENG, "English"), or ""."""
    value = (text or "").strip().rstrip("/").rsplit("/", 1)[-1].strip().lower()
    value = re.split(r"[-_]", value)[0] if len(value) > 3 and value[2:3] in ("-", "_") else value
    if value in BY_TWO_LETTERS:
        return BY_TWO_LETTERS[value]
    value = BIBLIOGRAPHIC.get(value, value)
    if CODE.match(value):
        return value
    return BY_NAME.get(value, "")


def written(text: str) -> list[str]:
    return [code.strip() for code in (text or "").split(",") if code.strip()]


def codes(text: str) -> list[str]:
    """The valid codes of a stored value: one that bypassed the form's check (a direct database write)
    must not reach the DCAT output as an address that cannot be written."""
    return [code for code in written(text) if CODE.match(code)]


def name_of(code: str) -> str:
    return KNOWN[code][1] if code in KNOWN else code


def uri_of(code: str) -> str:
    return EU_LANGUAGE + code.upper()


def validate_languages(text: str) -> None:
    wrong = [code for code in written(text) if not CODE.match(code)]
    if wrong:
        raise ValidationError(
            f"“{wrong[0]}” is not an ISO 639-3 language code: write three lower-case letters, e.g. eng, cym."
        )

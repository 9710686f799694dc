"""Persistent identifiers: ORCID iDs, ROR IDs and DOIs.

Each is typed in many shapes (with or without its resolver URL, in either
case); we store one canonical form and check it, checksum included where the
scheme has one.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
# ROR IDs: a leading 0, six Crockford base32 characters, two checksum digits.
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
ROR_PATTERN = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}\d{2}$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


def strip_prefixes(value: str, prefixes: tuple[str, ...]) -> str:
    value = value.strip()
    for prefix in prefixes:
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value


def normalise_orcid(value: str) -> str:
    value = strip_prefixes(value, ("https://orcid.org/", "http://orcid.org/", "orcid.org/"))
    return value.upper()


def orcid_checksum(base_digits: str) -> str:
    """The ISO 7064 11,2 check character over the first fifteen digits."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value: str) -> None:
    if not ORCID_PATTERN.match(value):
        raise ValidationError(
            "An ORCID iD has four groups of four characters, like 0000-0002-1825-0097.", code="orcid_format"
        )
    digits = value.replace("-", "")
    if orcid_checksum(digits[:-1]) != digits[-1]:
        raise ValidationError(
            "This ORCID iD’s last character does not match the rest: please check it for a typo.",
            code="orcid_checksum",
        )


def normalise_ror(value: str) -> str:
    return strip_prefixes(value, ("https://ror.org/", "http://ror.org/", "ror.org/")).lower()


def ror_checksum(body: str) -> str:
    number = 0
    for character in body:
        number = number * 32 + CROCKFORD.index(character)
    return f"{98 - (number * 100) % 97:02d}"


def validate_ror(value: str) -> None:
    if not ROR_PATTERN.match(value):
        raise ValidationError(
            "A ROR ID has nine characters starting with 0, like 01v29qb04 (or https://ror.org/01v29qb04).",
            code="ror_format",
        )
    if ror_checksum(value[:7]) != value[7:]:
        raise ValidationError(
            "This ROR ID’s last two digits do not match the rest: please check it for a typo.",
            code="ror_checksum",
        )


def normalise_doi(value: str) -> str:
    return strip_prefixes(
        value, ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
    )


def validate_doi(value: str) -> None:
    if not DOI_PATTERN.match(value):
        raise ValidationError(
            "A DOI starts with 10. and a slash follows the prefix, like 10.1093/ije/dys064.",
            code="doi_format",
        )


class IdentifierField(models.CharField):
    """A CharField that stores an identifier in canonical form and validates it."""

    normalise = staticmethod(str.strip)
    identifier_validator = staticmethod(lambda value: None)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(self.identifier_validator)

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalise(value) if value else value


class OrcidField(IdentifierField):
    normalise = staticmethod(normalise_orcid)
    identifier_validator = staticmethod(validate_orcid)


class RorField(IdentifierField):
    normalise = staticmethod(normalise_ror)
    identifier_validator = staticmethod(validate_ror)


class DoiField(IdentifierField):
    normalise = staticmethod(normalise_doi)
    identifier_validator = staticmethod(validate_doi)

from django.core.exceptions import ValidationError


def single_line(value: str) -> None:
    """Refuses line breaks and other control characters: the value goes into an email's headers."""
    if any(not character.isprintable() for character in value):
        raise ValidationError("Please write this on one line, without line breaks.")

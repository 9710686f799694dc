"""Comma-separated keyword lists, as curators type them."""


def split_keywords(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]

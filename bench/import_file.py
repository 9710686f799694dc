"""A researcher CSV file of any length, as a curator would upload it, for measuring the import."""

from core.identifiers import orcid_checksum

HEADER = "slug,name,job_title,career_stage,organisation,themes,orcid,email,open_to_collaboration,status"


def orcid(number: int) -> str:
    """A valid ORCID iD of its own for each number (in the 0009- block, which real ones have not reached)."""
    digits = f"0009{number:011d}"
    digits += orcid_checksum(digits)
    return "-".join(digits[start : start + 4] for start in range(0, 16, 4))


def researchers_csv(rows: int, organisation: str, themes: list[str], status: str = "", first: int = 1) -> str:
    """`rows` new researchers (about 115 bytes each, so 45,000 fill the 5 MB limit), each at
    `organisation` (its slug or name), with two of `themes`, an ORCID iD and an email address of their own (numbered from
    `first`)."""
    lines = [HEADER]
    for number in range(first, first + rows):
        pair = f"{themes[number % len(themes)]}; {themes[(number + 1) % len(themes)]}"
        lines.append(
            f",Researcher {number},Research Fellow,early,{organisation},{pair},{orcid(number)},"
            f"r{number}@example.org,yes,{status}"
        )
    return "\n".join(lines) + "\n"

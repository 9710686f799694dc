"""Short lists kept as text, one item a line, its parts separated by " | " with the web address last:
a researcher's links and identifiers elsewhere, a dataset's distributions.

Text because it is what a curator types in one box, what a CSV cell holds and imports back unchanged, and
what the history shows changing; the pages, the API and the DCAT output read the parts with `items`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

SEPARATOR = " | "
is_address = URLValidator(schemes=["http", "https"])


def items(text: str, parts: int) -> list[tuple[str, ...]]:
    """Each non-empty line as `parts` texts, the last its web address ("" when the line has none). A line
    with fewer parts leaves the first ones empty ("CSV | https://…" has no title); the first part takes
    any extra separators (a title with a "|" in it)."""
    found = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        address = cells.pop() if cells[-1].startswith(("http://", "https://")) else ""
        head = parts - 1
        if len(cells) > head:
            cells = [SEPARATOR.join(cells[: len(cells) - head + 1]), *cells[len(cells) - head + 1 :]]
        found.append((*([""] * (head - len(cells))), *cells, address))
    return found


def joined(rows: list[tuple[str, ...]]) -> str:
    """The text of `rows` (tuples of parts, the address last), as `items` reads it back."""
    lines = []
    for row in rows:
        cells = list(row)
        if not cells[-1]:
            cells.pop()
        while cells and not cells[0]:
            cells.pop(0)
        if cells:
            lines.append(SEPARATOR.join(cells))
    return "\n".join(lines)


class LinesField(models.TextField):
    """One item a line, of `parts` parts, the last a web address (required when `address_required`)."""

    def __init__(self, *args, parts: int = 2, address_required: bool = True, **kwargs):
        self.parts, self.address_required = parts, address_required
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["parts"], kwargs["address_required"] = self.parts, self.address_required
        return name, path, args, kwargs

    def validate(self, value, model_instance) -> None:
        super().validate(value, model_instance)
        for number, row in enumerate(items(value, self.parts), start=1):
            address = row[-1]
            if not address and not self.address_required:
                continue
            try:
                is_address(address)
            except ValidationError:
                raise ValidationError(
                    f"Line {number} does not end with a web address (https://…): write each on its own line, "
                    f"its parts separated by “{SEPARATOR.strip()}”, the address last."
                ) from None

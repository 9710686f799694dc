"""Writing CSV that spreadsheets open safely: UTF-8 with a byte-order mark, formulas defused."""

import csv
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

# Excel reads a file as UTF-8 only when it starts with this mark; otherwise "Café" shows as "CafÃ©".
BYTE_ORDER_MARK = "\ufeff"
# A cell starting with one of these is run as a formula by spreadsheets ("CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# A quote added to defuse a formula; a text that starts with one gets another, so that `unescaped` can
# always tell the added quote from the text's own and an import reads back what was exported.
QUOTE = "'"


def safe_cell(value: object) -> str:
    """The value as text a spreadsheet shows as it is, never runs: a leading quote defuses a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return QUOTE + text if text.startswith((*FORMULA_STARTS, QUOTE)) else text


def unescaped(cell: str) -> str:
    """The text `safe_cell` wrote `cell` for: without the quote it added (a quote typed before an
    ordinary word stays)."""
    if cell.startswith(QUOTE) and cell[1:].startswith((*FORMULA_STARTS, QUOTE)):
        return cell[1:]
    return cell


class _Echo:
    """A file-like object whose write() returns what it was given, for csv.writer to stream through."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: list[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable[object]]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""Turning an uploaded file into rows, or into messages a curator can act on.

Spreadsheets save CSV in more than one way: Excel on Windows writes Windows-1252 unless asked
for "CSV UTF-8", which starts with a byte-order mark. We take UTF-8 (with or without the mark)
first and fall back to Windows-1252, and say which we used.
"""

import csv
import io
from dataclasses import dataclass, field

from .columns import columns_by_name, read_only_names, required_names

UTF8 = "UTF-8"
WINDOWS_1252 = "Windows-1252"
# Share of control characters above which a "text" file is really something else (a zip, an image).
CONTROL_SHARE = 0.01
MAX_MESSAGES = 20


class FileProblem(Exception):
    """The file as a whole cannot be imported; `messages` say why."""

    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass
class Table:
    header: list[str]
    # (row number as a spreadsheet shows it, {column: cell}) for each row that is not blank.
    rows: list[tuple[int, dict[str, str]]]
    unknown_columns: list[str] = field(default_factory=list)


def decode(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of the encoding it was read with."""
    if not raw.strip():
        raise FileProblem("The file is empty.")
    if b"\x00" in raw:
        raise FileProblem(NOT_TEXT)
    try:
        text, encoding = raw.decode("utf-8-sig"), UTF8
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("cp1252"), WINDOWS_1252
        except UnicodeDecodeError:
            raise FileProblem(NOT_TEXT) from None
    controls = sum(1 for character in text if character < " " and character not in "\t\r\n")
    if controls > len(text) * CONTROL_SHARE:
        raise FileProblem(NOT_TEXT)
    return text, encoding


NOT_TEXT = (
    "This does not look like a CSV file: it is not text in UTF-8 or Windows-1252. If it is a "
    "spreadsheet, open it and save it as “CSV UTF-8 (comma delimited)”."
)


def read_table(text: str, kind: str) -> Table:
    """The rows of the file, checked for shape: a header naming the required columns, and rows that fit it."""
    records = parse(text)
    if not records or not any(cell.strip() for cell in records[0]):
        raise FileProblem("The file is empty.")
    header = [name.strip() for name in records[0]]
    check_header(header, kind)
    rows, problems = [], []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                f"Row {number} has {len(record)} cells but the header row names {len(header)} columns. "
                "A cell containing a comma must be wrapped in double quotes."
            )
            continue
        rows.append((number, dict(zip(header, record, strict=True))))
    if problems:
        raise FileProblem(*limited(problems))
    if not rows:
        raise FileProblem("The file has a header row but no rows of entries under it.")
    known = columns_by_name(kind).keys() | read_only_names(kind)
    return Table(header, rows, [name for name in header if name not in known])


def parse(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as error:
        hint = (
            " A quotation mark opens a cell that is never closed."
            if "end of data" in str(error)
            else " A cell containing quotation marks must be wrapped in double quotes, with each quote doubled."
        )
        raise FileProblem(f"The file is not valid CSV near line {reader.line_num} ({error}).{hint}") from None


def check_header(header: list[str], kind: str) -> None:
    problems = []
    for position, name in enumerate(header, start=1):
        if not name:
            problems.append(f"Column {position} of the header row has no name.")
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        problems.append(f"These columns appear more than once: {', '.join(duplicated)}.")
    missing = [name for name in required_names(kind) if name not in header]
    if missing:
        problems.append(f"The file lacks these required columns: {', '.join(missing)}.")
    if problems:
        raise FileProblem(*problems)


def limited(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_MESSAGES:
        return problems
    return [*problems[:MAX_MESSAGES], f"…and {len(problems) - MAX_MESSAGES} more like these."]

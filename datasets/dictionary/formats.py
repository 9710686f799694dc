"""Reading a data dictionary from the three formats curators bring: our CSV, HDR UK structural metadata
(JSON, schema 3.0.0) and DDI-Codebook 2.5 (XML, as the UK Data Service and CLOSER publish).

Each reader turns the file into the same rows, one dict per variable with the keys of columns.NAMES,
or raises FileProblem with reasons a curator can act on. Nothing here touches the database.
"""

import csv
import io
import json

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from transfer.reading import FileProblem, decode, limited

from .columns import NAMES

# The most variables one file may hold: enough for a large cohort's sweep, small enough to check and save
# in one transaction without holding the database for minutes.
MOST_VARIABLES = 20_000
CSV, HDRUK, DDI = "csv", "hdruk", "ddi"
FORMAT_LABELS = {CSV: "CSV", HDRUK: "HDR UK structural metadata (JSON)", DDI: "DDI-Codebook 2.5 (XML)"}
DDI_NAMESPACE = "ddi:codebook:2_5"

Row = dict[str, str]


def read(raw: bytes, file_name: str) -> tuple[str, list[Row]]:
    """The file's format and its rows."""
    if not raw.strip():
        raise FileProblem("The file is empty.")
    kind = format_of(raw, file_name)
    reader = {CSV: read_csv, HDRUK: read_hdruk, DDI: read_ddi}[kind]
    rows = reader(raw)
    if not rows:
        raise FileProblem("The file describes no variables.")
    if len(rows) > MOST_VARIABLES:
        raise FileProblem(
            f"The file describes {len(rows):,} variables; the most one import takes is {MOST_VARIABLES:,}. "
            "Split it into smaller files by table or sweep (each import replaces the tables it names)."
        )
    return kind, rows


def format_of(raw: bytes, file_name: str) -> str:
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    name = file_name.lower()
    if name.endswith(".xml") or start == b"<":
        return DDI
    if name.endswith(".json") or start in (b"{", b"["):
        return HDRUK
    return CSV


def blank_row() -> Row:
    return dict.fromkeys(NAMES, "")


def read_csv(raw: bytes) -> list[Row]:
    text, _ = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise FileProblem(f"The file is not valid CSV near line {reader.line_num} ({error}).") from None
    header = [name.strip().lower() for name in records[0]] if records else []
    if "name" not in header:
        raise FileProblem(
            "The header row must name a “name” column (the variable’s name). "
            f"The columns we read are: {', '.join(NAMES)}."
        )
    unknown = sorted(set(header) - set(NAMES) - {""})
    if unknown:
        raise FileProblem(
            f"These columns are not ones we read: {', '.join(unknown)}. We read: {', '.join(NAMES)}."
        )
    rows, problems = [], []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(f"Row {number} has {len(record)} cells but the header row names {len(header)}.")
            continue
        row = blank_row() | {name: cell.strip() for name, cell in zip(header, record, strict=True) if name}
        row["values"] = "\n".join(
            part.strip() for part in row["values"].replace("\n", ";").split(";") if part.strip()
        )
        rows.append(row | {"row": f"Row {number}"})
    if problems:
        raise FileProblem(*limited(problems))
    return rows


def read_hdruk(raw: bytes) -> list[Row]:
    """`structuralMetadata` of an HDR UK dataset document, that object alone, or its list of tables."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FileProblem("The JSON file is not UTF-8 text, as JSON must be.") from None
    except json.JSONDecodeError as error:
        raise FileProblem(f"The file is not valid JSON (line {error.lineno}: {error.msg}).") from None
    except RecursionError:
        raise FileProblem("The JSON nests lists or objects too deeply to be structural metadata.") from None
    if isinstance(document, dict) and "structuralMetadata" in document:
        document = document["structuralMetadata"]
    if isinstance(document, dict) and "metadata" in document:
        document = (document["metadata"] or {}).get("structuralMetadata")
    tables = document.get("tables") if isinstance(document, dict) else document
    if not isinstance(tables, list):
        raise FileProblem(
            "This JSON has no HDR UK structural metadata: we look for structuralMetadata.tables, "
            "a list of tables each with its columns."
        )
    rows, problems = [], []
    for table_number, table in enumerate(tables, start=1):
        columns = table.get("columns") if isinstance(table, dict) else None
        if not isinstance(columns, list):
            problems.append(f"Table {table_number} has no list of columns.")
            continue
        for column_number, column in enumerate(columns, start=1):
            where = f"Table {table_number}, column {column_number}"
            if not isinstance(column, dict) or not isinstance(column.get("name"), str):
                problems.append(f"{where} has no name.")
                continue
            values = column.get("values") if isinstance(column.get("values"), list) else []
            rows.append(
                blank_row()
                | {
                    "row": where,
                    "table": text_of(table.get("name")),
                    "table_description": text_of(table.get("description")),
                    "name": column["name"].strip(),
                    "description": text_of(column.get("description")),
                    "type": hdruk_type(text_of(column.get("dataType")), bool(values)),
                    "values": "\n".join(
                        f"{text_of(value.get('name'))} = {text_of(value.get('description'))}".rstrip(" =")
                        for value in values
                        if isinstance(value, dict)
                    ),
                }
            )
    if problems:
        raise FileProblem(*limited(problems))
    return rows


def text_of(value) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def hdruk_type(data_type: str, has_values: bool) -> str:
    """HDR UK's free-text dataType (VARCHAR(10), INT, Date…) as one of our types."""
    word = data_type.lower()
    for fragments, kind in [
        (("bool", "bit"), "boolean"),
        (("date", "time"), "date"),
        (("float", "decimal", "numeric", "double", "real", "number"), "decimal"),
        (("int",), "integer"),
        (("char", "string", "text"), "category" if has_values else "text"),
    ]:
        if any(fragment in word for fragment in fragments):
            return kind
    return "category" if has_values else "other"


def read_ddi(raw: bytes) -> list[Row]:
    """DDI-Codebook 2.5: each var of dataDscr, in the file (fileDscr) it names; its catgry are its values."""
    try:
        root = SafeXML.fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise FileProblem(
            "The XML declares a document type or entities, which we refuse for safety: a DDI codebook "
            "needs neither. Remove the <!DOCTYPE …> declaration and try again."
        ) from None
    except SafeXML.ParseError as error:
        raise FileProblem(f"The file is not well-formed XML ({error}).") from None
    if local(root.tag) != "codeBook":
        raise FileProblem("This XML is not a DDI codebook: its root element is not <codeBook>.")
    files = {
        element.get("ID", ""): (child_text(element, "fileTxt/fileName") or element.get("ID", ""))
        for element in each(root, "fileDscr")
    }
    descriptions = {
        element.get("ID", ""): child_text(element, "fileTxt/fileCont") for element in each(root, "fileDscr")
    }
    rows = []
    for number, var in enumerate(each(root, "var"), start=1):
        name = (var.get("name") or "").strip()
        file_id = (var.get("files") or "").split(" ")[0]
        categories = [
            f"{child_text(category, 'catValu')} = {child_text(category, 'labl')}".rstrip(" =")
            for category in var
            if local(category.tag) == "catgry"
        ]
        rows.append(
            blank_row()
            | {
                "row": f"Variable {number}" + (f" ({name})" if name else ""),
                "table": files.get(file_id, ""),
                "table_description": descriptions.get(file_id, ""),
                "name": name,
                "label": child_text(var, "labl"),
                "description": child_text(var, "txt") or child_text(var, "qstn/qstnLit"),
                "type": ddi_type(var, bool(categories)),
                "values": "\n".join(categories),
                "topic": child_text(var, "concept"),
                "notes": child_text(var, "notes"),
            }
        )
    return rows


def local(tag: str) -> str:
    """An element's name without its namespace: DDI files come with and without one."""
    return tag.rsplit("}", 1)[-1]


def each(root, name: str):
    return (element for element in root.iter() if local(element.tag) == name)


def child_text(element, path: str) -> str:
    """The text of the first descendant along `path` (names without namespaces), tidied."""
    current = element
    for step in path.split("/"):
        current = next((child for child in current if local(child.tag) == step), None)
        if current is None:
            return ""
    return " ".join("".join(current.itertext()).split())


def ddi_type(var, has_categories: bool) -> str:
    if has_categories:
        return "category"
    var_format = next((child for child in var if local(child.tag) == "varFormat"), None)
    if var_format is not None and var_format.get("type") == "character":
        return "text"
    if var_format is not None and var_format.get("type") == "numeric":
        return "decimal" if var.get("intrvl") == "contin" else "integer"
    return "other"

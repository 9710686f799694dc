"""The columns of a data dictionary as a CSV file: one declaration for the import, its template and the
download, so a column added here appears in all three and a download imports back without loss."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False


COLUMNS = [
    Column("dataset", "The dataset’s web address (slug). Blank means the dataset you are importing into."),
    Column("table", "The table, module or sweep, e.g. Spring census or Sweep 2. Blank means “Variables”."),
    Column("table_description", "What the table holds (read from the first row of each table)."),
    Column("name", "The variable’s name as it appears in the data, e.g. fsm_eligible.", required=True),
    Column("label", "A short label, e.g. Free school meals eligibility."),
    Column("description", "What it measures and how."),
    Column("type", "text, integer, decimal, date, boolean, category or other."),
    Column("unit", "E.g. kg, cm, months."),
    Column("values", "Allowed values with their labels, separated by semicolons: 0 = No; 1 = Yes."),
    Column("topic", "What it is about. The name of a portal theme links it to that theme."),
    Column("ages", "Whole years at which it was collected: 3, 5, 7 or 4-11."),
    Column("waves", "Waves or sweeps, e.g. Sweeps 2 to 4."),
    Column("notes", "Coverage notes: who is missing, changes of definition."),
]
NAMES = [column.name for column in COLUMNS]

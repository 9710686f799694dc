"""A dataset's data dictionary as HDR UK structural metadata (schema 3.0.0, `structuralMetadata`): the
reverse of formats.read_hdruk, for the HDR UK export (datasets/hdruk.py)."""

from django.db.models import Prefetch

from datasets.models import DictionaryTable, ValueType, Variable

# Our types in HDR UK's words: its dataType is free text, and these are the words its gateway shows.
DATA_TYPES = {
    ValueType.TEXT: "String",
    ValueType.INTEGER: "Integer",
    ValueType.DECIMAL: "Float",
    ValueType.DATE: "Date",
    ValueType.BOOLEAN: "Boolean",
    ValueType.CATEGORY: "String",
    ValueType.OTHER: "String",
}


def structural_metadata(dataset) -> dict | None:
    """The dataset's tables and columns, or None without a dictionary: two queries."""
    tables = list(
        DictionaryTable.objects.filter(dataset=dataset).prefetch_related(
            Prefetch("variables", queryset=Variable.objects.order_by("position", "name"))
        )
    )
    if not tables:
        return None
    return {
        "tables": [
            {
                "name": table.name[:500],
                "description": table.description[:20000] or None,
                "columns": [column(variable) for variable in table.variables.all()],
            }
            for table in tables
        ],
        "syntheticDataWebLink": None,
    }


def column(variable: Variable) -> dict:
    description = " ".join(text for text in (variable.label, variable.description) if text)
    return {
        "name": variable.name,
        "dataType": DATA_TYPES[variable.value_type],
        "description": description[:20000] or None,
        # The portal describes variables, never their values about people: nothing it lists is sensitive data.
        "sensitive": False,
        "values": [
            {"name": code, "description": label[:20000] or None} for code, label in variable.value_labels
        ]
        or None,
    }

"""A dataset's variables as schema.org `variableMeasured` (PropertyValue), for its page's JSON-LD."""

from datasets.models import Variable

# The most variables named in a page's JSON-LD: the first of the dictionary, so the page stays small.
MOST_MEASURED = 100


def variables_measured(dataset) -> list[dict]:
    """One query."""
    variables = Variable.objects.filter(dataset=dataset).only("name", "label", "unit")
    return [
        {
            "@type": "PropertyValue",
            "name": variable.name,
            **({"description": variable.label} if variable.label else {}),
            **({"unitText": variable.unit} if variable.unit else {}),
        }
        for variable in variables.order_by("table__position", "table__name", "position", "name")[
            :MOST_MEASURED
        ]
    ]

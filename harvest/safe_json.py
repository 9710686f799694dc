"""Reading a harvested JSON document, which anyone may have written to exhaust the reader."""

import json
from typing import Any

from transfer.reading import FileProblem


def load_json(text: str) -> Any:
    """The JSON document; FileProblem for one that is malformed, nested too deeply or holds a number too
    long to read (Python refuses integers of more than 4,300 digits)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(f"This is not valid JSON ({error}).") from None
    except RecursionError:
        raise FileProblem(TOO_DEEP) from None
    except ValueError as error:
        raise FileProblem(f"This JSON holds a value that cannot be read ({error}).") from None


TOO_DEEP = "This JSON nests objects or lists too deeply to be a catalogue; it was not read."

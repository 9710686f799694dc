"""Hostile values for Hypothesis to send, and the checks every answer must pass."""

from django.apps import apps
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Values that have broken real web applications: control characters, SQL and path fragments,
# markup, numbers out of range, odd unicode (combining marks, right-to-left, emoji, a BOM).
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t",
    "\x0b\x0c\x1b",
    "'",
    '"',
    "\\",
    "%",
    "%00",
    "%2e%2e%2f",
    "../../../../etc/passwd",
    "..\\..\\settings.py",
    "' OR 1=1 --",
    "'; DROP TABLE people_researcher; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "a" * 5000,
    "ü" * 300,
    "\u202e\u0644\u0639",
    "\ufeff",
    "\U0001f600",
    "Z\u0351\u036b\u0343\u036a\u0302\u036b",
    "-title",
    "title,-updated",
    "pk",
    "id",
    "E08000032",
    "known",
    "known-child",
    "OR",
    '"',
    '"unclosed phrase',
    "-",
    "*",
    "a:b",
    "AND NOT",
]

# Anything Python can put in a str and a browser could send: every code point but lone surrogates.
text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
junk = st.one_of(
    text,
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.builds(lambda part, times: part * times, text.filter(bool), st.integers(50, 800)),
)


def values_for(valid: list[str]):
    """One or more values for a parameter (repeated parameters arrive as lists), some of them valid."""
    one = st.one_of(junk, st.sampled_from(valid)) if valid else junk
    return st.one_of(one, st.lists(one, min_size=2, max_size=4))


def parameters(names: dict[str, list[str]]):
    """A query or form: a few of `names` (each with its valid values) plus, now and then, a stranger."""
    chosen = st.lists(st.sampled_from(sorted(names)), unique=True, max_size=6) if names else st.just([])
    return st.tuples(
        chosen.flatmap(lambda keys: st.fixed_dictionaries({key: values_for(names[key]) for key in keys})),
        st.dictionaries(st.sampled_from(NASTY[:20]) | text, junk, max_size=1),
    ).map(lambda parts: parts[1] | parts[0])


def fuzz(examples: int):
    """Hypothesis settings for tests that send requests through the `client` fixture."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )


# The models whose rows a refused POST must leave alone: every entry, link, account and pending upload.
COUNTED_APPS = [
    "people",
    "datasets",
    "projects",
    "organisations",
    "themes",
    "collection",
    "following",
    "introductions",
    "transfer",
    "harvest",
    "auth",
    "reversion",
]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in COUNTED_APPS
        for model in apps.get_app_config(app).get_models()
    }


REFUSALS = {400, 403, 404, 405, 409, 413, 429}


def check_answer(response, allowed: set[int], counts_before: dict | None = None) -> None:
    """No server error, one of the `allowed` statuses, and no change to the rows when refused."""
    status = response.status_code
    assert status < 500, f"server error {status}"
    assert status in allowed, f"unexpected status {status}"
    if counts_before is not None and status in REFUSALS:
        assert row_counts() == counts_before, f"a refused request ({status}) changed the database"

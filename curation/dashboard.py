"""The curator dashboard's queries: a fixed number, whatever the size of the directory.

Entries of every kind are listed together, as one UNION query per section, sorted and paginated
by the database.
"""

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.http import HttpRequest
from django.utils import timezone

from core.models import Entry
from editing.kinds import KINDS, model_for
from organisations.models import Organisation
from people.models import Researcher
from themes.models import Theme

from .completeness import RECOMMENDED, split_missing, with_completeness
from .freshness import needing_review, needs_review_condition
from .models import LinkUse

PER_PAGE = 20
# The field each kind is known by (the others use "title").
TITLE_FIELDS = {Researcher: "name", Organisation: "name", Theme: "name"}


def dashboard_context(request: HttpRequest) -> dict:
    now = timezone.now()
    counts = status_counts(now)
    # The status counts already say how long the two entry lists are, so their pages are not
    # counted again over the (costlier) UNIONed rows.
    stale = sum(row["needs_review"] for row in counts)
    unarchived = sum(
        sum(row["in_order"]) - row["counts"][Entry.Status.ARCHIVED]
        for row in counts
        if model_for(row["kind"]) in RECOMMENDED
    )
    return {
        "statuses": Entry.Status.choices,
        "counts": counts,
        "awaiting_review": sum(row["counts"][Entry.Status.SUBMITTED] for row in counts),
        "needing_review": paginate(
            request, "review_page", KnownLength(needing_review_everywhere(now), stale)
        ),
        "least_complete": paginate(
            request, "complete_page", KnownLength(least_complete_everywhere(), unarchived)
        ),
        "broken_links": paginate(request, "links_page", broken_link_uses()),
    }


class KnownLength:
    """Rows whose number is known beforehand, for a Paginator that would otherwise count them."""

    def __init__(self, rows: QuerySet, length: int):
        self.rows = rows
        self.length = length

    def count(self) -> int:
        return self.length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key):
        return self.rows[key]


def status_counts(now) -> list[dict]:
    """For each kind: how many entries in each status, and how many need review (a query per kind)."""
    rows = []
    for kind, model in KINDS.items():
        counts = model.objects.aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in Entry.Status.values},
            needs_review=Count("pk", filter=needs_review_condition(now)),
        )
        needing = counts.pop("needs_review")
        rows.append(
            {
                "kind": kind,
                "label": model._meta.verbose_name_plural.capitalize(),
                "counts": counts,
                "in_order": [counts[status] for status in Entry.Status.values],
                "needs_review": needing,
            }
        )
    return rows


def listed(kind: str) -> QuerySet:
    """A kind's entries with the columns every dashboard row has, so kinds can be UNIONed."""
    model = model_for(kind)
    return model.objects.order_by().annotate(
        entry_kind=Value(kind, output_field=CharField()),
        entry_slug=F("slug"),
        label=F(TITLE_FIELDS.get(model, "title")),
        entry_status=F("status"),
        reviewed=F("last_reviewed"),
    )


ROW = ["entry_kind", "entry_slug", "label", "entry_status", "reviewed"]


def needing_review_everywhere(now) -> QuerySet:
    parts = [
        needing_review(listed(kind), now).order_by().values(*ROW, "reviewed_or_created") for kind in KINDS
    ]
    return parts[0].union(*parts[1:], all=True).order_by("reviewed_or_created", "entry_kind", "entry_slug")


def least_complete_everywhere() -> QuerySet:
    kinds = [kind for kind, model in KINDS.items() if model in RECOMMENDED]
    parts = [
        with_completeness(listed(kind).exclude(status=Entry.Status.ARCHIVED)).values(
            *ROW, "completeness", "missing"
        )
        for kind in kinds
    ]
    return parts[0].union(*parts[1:], all=True).order_by("completeness", "label", "entry_kind", "entry_slug")


def broken_link_uses() -> QuerySet:
    """Where the broken links are used, longest broken first (a query per kind for the entries)."""
    return (
        LinkUse.objects.filter(link__is_broken=True)
        .select_related("link")
        .prefetch_related("entry")
        .order_by("link__broken_since", "link__url", "pk")
    )


def paginate(request: HttpRequest, parameter: str, rows) -> Page:
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get(parameter))
    page.parameter = parameter
    page.object_list = [with_url(row) for row in page.object_list]
    return page


def with_url(row):
    """A UNIONed row (a dict) given the web address and readable kind of its entry."""
    if not isinstance(row, dict):
        return row
    model = model_for(row["entry_kind"])
    row["url"] = model(slug=row["entry_slug"]).get_absolute_url()
    row["kind_label"] = model._meta.verbose_name.capitalize()
    row["status_label"] = Entry.Status(row["entry_status"]).label
    if "missing" in row:
        row["missing"] = split_missing(row["missing"])
    return row

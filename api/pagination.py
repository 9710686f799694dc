"""Pages of the API's lists: `?page=` and `?page_size=` checked, as every other parameter is, with a 400
that says what is wrong, and their bounds in the OpenAPI schema.

`next` carries a keyset cursor (`?after=…`, core/keyset.py): a client that follows it reads page 5,000 as
quickly as page 1, where `?page=5000` makes the database skip every entry before it.
"""

from functools import partial
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core import listing
from core.cached_counts import DIRECTORY_APPS, kept
from core.keyset import BadCursor, keys_of, ordered_for_keyset, page_after, with_next_cursor

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def whole_number(request, name: str, most: int | None = None) -> int | None:
    """The parameter `name` as a whole number from 1 (to `most`), None when absent; raises a 400."""
    text = request.query_params.get(name)
    if text is None:
        return None
    if not text.isdigit() or int(text) < 1 or (most is not None and int(text) > most):
        bounds = f"from 1 to {most}" if most is not None else "from 1"
        raise ValidationError({name: [f"A whole number {bounds}."]})
    return int(text)


class CountedUpTo(Paginator):
    """Counts as the list pages do: exactly up to COUNTED_UP_TO, else COUNTED_UP_TO + 1 ("more than"),
    reading at most that many rows; pages past that are reached by following `next`.

    Given `kept_as`, the count is kept in the cache under that name until the directory changes, as a
    list page keeps its own (core/cached_counts.py): a client paging through a list reads it once."""

    def __init__(self, object_list, per_page, *, kept_as: str = "", **options):
        super().__init__(object_list, per_page, **options)
        self.kept_as = kept_as

    @cached_property
    def count(self) -> int:
        return kept(self.kept_as, lambda: listing.counted(self.object_list), fresh=not self.kept_as)


# What picks a page rather than the entries on it: a list's count is the same whatever these say.
PAGING_PARAMETERS = ("page", "page_size", "after", "format")


def count_name(request, model) -> str:
    """The name a list's count is kept under, for its address and filters, or "" when it must be
    counted afresh: for keywords (matched in the search index, which is brought up to date after the
    commit that forgets the counts, as on the list pages), and for a model whose changes do not forget
    the kept counts (core.cached_counts.DIRECTORY_APPS). The API answers everyone alike (no one signs
    in to it), so no one needs counts straight from the database as a signed-in person on a page does."""
    if request.query_params.get("q", "").strip():
        return ""
    if model._meta.app_label not in DIRECTORY_APPS:
        return ""
    filters = sorted(
        (name, value)
        for name, values in request.query_params.lists()
        if name not in PAGING_PARAMETERS
        for value in values
    )
    # The day too: what a list holds can change with the date alone (a project past its end date).
    return f"api:{request.path}:{urlencode(filters)}:{timezone.localdate().isoformat()}"


class Pages(PageNumberPagination):
    django_paginator_class = CountedUpTo
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request) -> int:
        return whole_number(request, self.page_size_query_param, self.max_page_size) or self.page_size

    def get_page_number(self, request, paginator):
        # A page past the last is still a 404 (Not found), as it names nothing; a malformed one is a 400.
        return whole_number(request, self.page_query_param) or 1

    def paginate_queryset(self, queryset, request, view=None):
        self.django_paginator_class = partial(CountedUpTo, kept_as=count_name(request, queryset.model))
        cursor = request.query_params.get("after")
        if cursor is None:
            queryset = ordered_for_keyset(queryset)
            page = super().paginate_queryset(queryset, request, view)
            with_next_cursor(self.page, keys_of(queryset))
            return page
        if self.page_query_param in request.query_params:
            raise ValidationError({"after": ["Give page or after, not both."]})
        queryset = ordered_for_keyset(queryset)
        keys = keys_of(queryset)
        if keys is None:
            raise ValidationError({"after": ["This list is not paged by after: use page."]})
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        try:
            self.page = with_next_cursor(page_after(paginator, keys, cursor), keys)
        except BadCursor:
            raise ValidationError({"after": [BadCursor.message]}) from None
        return self.page.object_list

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        exact = self.page.paginator.count <= listing.COUNTED_UP_TO
        response.data = {"count": response.data["count"], "count_exact": exact, **response.data}
        return response

    def get_paginated_response_schema(self, schema):
        shape = super().get_paginated_response_schema(schema)
        shape["properties"]["count"]["description"] = (
            f"How many entries match: exact when count_exact is true; otherwise {listing.COUNTED_UP_TO + 1:,}, "
            f"meaning more than {listing.COUNTED_UP_TO:,} (follow next to read them all)."
        )
        shape["properties"] = {
            "count": shape["properties"].pop("count"),
            "count_exact": {"type": "boolean"},
            **shape["properties"],
        }
        shape["required"].append("count_exact")
        return shape

    def get_next_link(self):
        if not self.page.has_next():
            return None
        if not self.page.next_cursor:
            return super().get_next_link()
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, "after", self.page.next_cursor)

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        url = remove_query_param(self.request.build_absolute_uri(), "after")
        if self.page.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.page.number - 1)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters.append(
            {
                "name": "after",
                "required": False,
                "in": "query",
                "description": "The page after a cursor, as given in `next` (instead of `page`).",
                "schema": {"type": "string"},
            }
        )
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters

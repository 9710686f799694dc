"""Pages of the API's lists: `?page=` and `?page_size=` checked, as every other parameter is, with a 400
that says what is wrong, and their bounds in the OpenAPI schema."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

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


class Pages(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request) -> int:
        return whole_number(request, self.page_size_query_param, self.max_page_size) or self.page_size

    def get_page_number(self, request, paginator):
        # A page past the last is still a 404 (Not found), as it names nothing; a malformed one is a 400.
        return whole_number(request, self.page_query_param) or 1

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters

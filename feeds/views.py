from django.http import HttpRequest, HttpResponse
from django.urls import reverse

# Pages for people signed in, and search result pages (endless combinations), are not for crawlers.
PRIVATE_PATHS = [
    "/accounts/",
    "/admin/",
    "/edit/",
    "/review/",
    "/curation/",
    "/import/",
    "/harvest/",
    "/search/",
]


def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS), "Allow: /", ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('feeds:sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

"""The web addresses entries point to: which are in use, checking them, and telling people when one breaks."""

import queue
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, Model, OuterRef, Q
from django.utils import timezone

from core.models import Entry
from datasets.models import Dataset
from organisations.models import Organisation
from projects.models import Output, Project

from .http_check import Answer, check_address
from .models import Link, LinkUse
from .notify import absolute_url, group_by_person, send_to

# One request at a time per host; this many hosts at once.
HOSTS_AT_ONCE = 4
# Keeps IN (…) lists within SQLite's limit on query parameters.
CHUNK = 500

# (url, model, entry id, field label)
Use = tuple[str, type[Model], int, str]


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/:;()")


def user_agent() -> str:
    return getattr(
        settings,
        "LINK_CHECK_USER_AGENT",
        f"N8CYPPortalLinkChecker/1.0 (+{absolute_url('/about/')})",
    )


def addresses_in_use() -> Iterator[Use]:
    """Every web address a published dataset, organisation or project (through its outputs) gives.

    Only published entries: a draft's addresses have not been reviewed, and anyone may write a draft.
    """
    live = Q(status=Entry.Status.PUBLISHED)
    datasets = Dataset.objects.filter(live).values_list("pk", "landing_page", "access_url", "doi")
    for pk, landing_page, access_url, doi in datasets.iterator():
        if landing_page:
            yield landing_page, Dataset, pk, "Landing page"
        if access_url:
            yield access_url, Dataset, pk, "Access application page"
        if doi:
            yield doi_url(doi), Dataset, pk, "DOI"
    for pk, website in Organisation.objects.filter(live).exclude(website="").values_list("pk", "website"):
        yield website, Organisation, pk, "Website"
    outputs = Output.objects.filter(project__status=Entry.Status.PUBLISHED).values_list(
        "project_id", "title", "url", "doi"
    )
    for project_id, title, url, doi in outputs.iterator():
        if url:
            yield url, Project, project_id, f"Output “{title}”: web address"[:400]
        if doi:
            yield doi_url(doi), Project, project_id, f"Output “{title}”: DOI"[:400]


def sync_links() -> int:
    """Brings the stored links and their uses in line with the entries; returns how many are in use."""
    content_types = ContentType.objects.get_for_models(Dataset, Organisation, Project)
    wanted = {(url, content_types[model].pk, pk, label) for url, model, pk, label in addresses_in_use()}
    urls = sorted({use[0] for use in wanted})
    Link.objects.bulk_create([Link(url=url) for url in urls], ignore_conflicts=True, batch_size=CHUNK)
    link_ids: dict[str, int] = {}
    for start in range(0, len(urls), CHUNK):
        link_ids.update(Link.objects.filter(url__in=urls[start : start + CHUNK]).values_list("url", "pk"))
    wanted_keys = {(link_ids[url], ct, pk, label) for url, ct, pk, label in wanted}
    existing = {
        (link, ct, pk, label): use_pk
        for use_pk, link, ct, pk, label in LinkUse.objects.values_list(
            "pk", "link_id", "content_type_id", "object_id", "field"
        ).iterator()
    }
    gone = [use_pk for key, use_pk in existing.items() if key not in wanted_keys]
    for start in range(0, len(gone), CHUNK):
        LinkUse.objects.filter(pk__in=gone[start : start + CHUNK]).delete()
    LinkUse.objects.bulk_create(
        [
            LinkUse(link_id=link, content_type_id=ct, object_id=pk, field=label)
            for link, ct, pk, label in wanted_keys - existing.keys()
        ],
        batch_size=CHUNK,
    )
    Link.objects.filter(~Exists(LinkUse.objects.filter(link=OuterRef("pk")))).delete()
    return len(urls)


def links_due(older_than: timedelta, limit: int | None = None) -> list[Link]:
    """Links never checked or not checked within `older_than`, longest unchecked first."""
    cutoff = timezone.now() - older_than
    due = Link.objects.filter(Q(last_checked__isnull=True) | Q(last_checked__lt=cutoff)).order_by(
        F("last_checked").asc(nulls_first=True), "pk"
    )
    return list(due[:limit] if limit else due)


def check_links(links: list[Link], on_answer: Callable[[Link, Answer], None], timeout: float) -> None:
    """Checks `links`, one request at a time per host and HOSTS_AT_ONCE hosts in parallel.

    The threads only talk HTTP; `on_answer` runs in this thread, so it may use the database.
    """
    by_host: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_host[(urlsplit(link.url).hostname or "").lower()].append(link)
    answers: queue.Queue = queue.Queue()
    agent = user_agent()

    def check_host(host_links: list[Link]) -> None:
        for link in host_links:
            answers.put((link, check_address(link.url, timeout, agent)))

    with ThreadPoolExecutor(max_workers=HOSTS_AT_ONCE) as pool:
        for host_links in by_host.values():
            pool.submit(check_host, host_links)
        for _ in links:
            on_answer(*answers.get())


def record(link: Link, answer: Answer) -> bool:
    """Stores `answer` for `link`; True when the link has just broken (it was working or unchecked)."""
    now = timezone.now()
    newly_broken = answer.is_broken and not link.is_broken
    link.last_checked = now
    link.status_code = answer.status_code
    link.error = answer.error[:300]
    link.is_broken = answer.is_broken
    if newly_broken:
        link.broken_since = now
    elif not answer.is_broken:
        link.broken_since = None
    link.save(update_fields=["last_checked", "status_code", "error", "is_broken", "broken_since"])
    return newly_broken


def tell_about_broken(links: list[Link]) -> tuple[int, list[Model]]:
    """Emails the people who look after the entries using `links` (just broken), one email each.

    Returns how many people were told, and the entries nobody looks after.
    """
    if not links:
        return 0, []
    uses = list(LinkUse.objects.filter(link__in=links).select_related("link", "content_type").order_by("pk"))
    entries = entries_of(uses)
    items = []
    for use in uses:
        entry = entries.get((use.content_type_id, use.object_id))
        if entry is not None:
            items.append(
                (entry, {"entry": entry, "use": use, "link": absolute_url(entry.get_absolute_url())})
            )
    recipients, unattended = group_by_person(items)
    for recipient in recipients.values():
        send_to(recipient, "broken_links", {})
    return len(recipients), unattended


def entries_of(uses: list[LinkUse]) -> dict[tuple[int, int], Model]:
    """The entries `uses` belong to, by (content type id, object id): one query per kind."""
    ids: dict[int, set[int]] = defaultdict(set)
    types = {}
    for use in uses:
        ids[use.content_type_id].add(use.object_id)
        types[use.content_type_id] = use.content_type
    found = {}
    for ct_id, pks in ids.items():
        for pk, entry in types[ct_id].model_class()._default_manager.in_bulk(list(pks)).items():
            found[(ct_id, pk)] = entry
    return found

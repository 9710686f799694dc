"""The daily digest: for each follow, what was published or updated since its last digest; one email
per person combining everything they follow, and nothing to anyone with nothing new."""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from datasets.models import Dataset
from people.models import Researcher
from projects.models import Project
from search.models import SearchEntry
from search.service import search

from .models import Follow
from .tokens import token_for_follow, token_for_user

logger = logging.getLogger(__name__)

# The most entries one follow contributes to a digest (a search's first page holds as many).
MOST_PER_FOLLOW = 20


@dataclass
class News:
    kind: str
    title: str
    url: str


@dataclass
class Section:
    follow: Follow
    news: list[News]
    unfollow_url: str = ""


@dataclass
class DigestRun:
    follows_checked: int = 0
    people_emailed: int = 0
    entries: int = 0
    failed: list = field(default_factory=list)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def news_for(follow: Follow, until: datetime) -> list[News]:
    """What is new for `follow` between its last digest and `until`, newest first, at most
    MOST_PER_FOLLOW: one search (a search follow), three queries (a theme) or one (an area)."""
    window = {"updated__gt": follow.last_sent, "updated__lte": until}
    if follow.kind == Follow.Kind.SEARCH:
        results = search(follow.query, follow.facets, sort="newest")
        urls = [hit.url for hit in results.hits]
        # The index holds published entries only, each with when it last changed.
        fresh = set(SearchEntry.objects.filter(url__in=urls, **window).values_list("url", flat=True))
        return [News(hit.kind, hit.title, absolute_url(hit.url)) for hit in results.hits if hit.url in fresh]
    if follow.kind == Follow.Kind.THEME:
        if not follow.theme.is_published:
            return []
        found = [
            (entry.updated, News(kind, str(entry), absolute_url(entry.get_absolute_url())))
            for model, kind in ((Dataset, "Dataset"), (Researcher, "Researcher"), (Project, "Project"))
            for entry in model.objects.published()
            .in_theme(follow.theme)
            .filter(**window)
            .order_by("-updated")[:MOST_PER_FOLLOW]
        ]
        found.sort(key=lambda pair: pair[0], reverse=True)
        return [news for _, news in found[:MOST_PER_FOLLOW]]
    datasets = (Dataset.objects.published().covering([follow.area]).filter(**window).order_by("-updated"))[
        :MOST_PER_FOLLOW
    ]
    return [News("Dataset", dataset.title, absolute_url(dataset.get_absolute_url())) for dataset in datasets]


def follows_to_check():
    """Every follow of an active person with an email address, grouped by person."""
    return (
        Follow.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "theme", "area")
        .order_by("user_id", "created", "pk")
    )


def send_digests(dry_run: bool = False, progress=None) -> DigestRun:
    """Emails each person what is new for what they follow; then, and only then, moves their follows'
    last_sent on, so that running twice sends once and a failed email is tried again tomorrow.

    `progress` (a job's jobs.runner.Progress or a command's jobs.terminal.TerminalProgress) is told how
    many follows there are (one more query), and of each person's follows once checked."""
    now = timezone.now()
    run = DigestRun()
    if progress is not None:
        progress.total(follows_to_check().count())
    for user, follows in groupby(follows_to_check(), key=lambda follow: follow.user):
        follows = list(follows)
        run.follows_checked += len(follows)
        if progress is not None:
            progress.advance(len(follows))
        sections = [Section(follow, news) for follow in follows if (news := news_for(follow, now))]
        if not sections:
            continue
        if not dry_run:
            try:
                send_digest(user, sections)
            except Exception:
                logger.exception("Could not send a digest to user %s", user.pk)
                run.failed.append(user)
                continue
            Follow.objects.filter(pk__in=[follow.pk for follow in follows]).update(last_sent=now)
        run.people_emailed += 1
        run.entries += sum(len(section.news) for section in sections)
    return run


def send_digest(user, sections: list[Section]) -> None:
    for section in sections:
        section.unfollow_url = absolute_url(
            reverse("following:unsubscribe", args=[token_for_follow(section.follow)])
        )
    stop_all = absolute_url(reverse("following:unsubscribe", args=[token_for_user(user)]))
    context = {
        "user": user,
        "sections": sections,
        "count": sum(len(section.news) for section in sections),
        "stop_all_url": stop_all,
        "manage_url": absolute_url(reverse("following:list")),
    }
    message = EmailMessage(
        subject=render_to_string("following/email/digest_subject.txt", context).strip(),
        body=render_to_string("following/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            # RFC 8058: mail programs offer "unsubscribe" and post to the address, without a browser.
            "List-Unsubscribe": f"<{stop_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()

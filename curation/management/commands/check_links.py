from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from curation.http_check import Answer
from curation.links import check_links, links_due, record, sync_links, tell_about_broken
from curation.models import Link
from jobs.terminal import TerminalProgress, add_quiet_argument


class Command(BaseCommand):
    help = (
        "Checks the web addresses that datasets, organisations and project outputs give (HEAD, then GET "
        "if refused; one request at a time per host), records which are broken, and emails the people "
        "who look after an entry when one of its links first breaks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Check at most this many addresses.")
        parser.add_argument(
            "--older-than",
            type=int,
            default=7,
            metavar="DAYS",
            help="Only check addresses not checked within this many days (default 7).",
        )
        add_quiet_argument(parser)

    def handle(self, *args, limit: int | None = None, older_than: int = 7, quiet: bool = False, **options):
        in_use = sync_links()
        due = links_due(timedelta(days=older_than), limit)
        say = (lambda line: None) if quiet else self.stdout.write
        say(f"{in_use} addresses in use; checking {len(due)}.")
        newly_broken: list[Link] = []
        done = 0

        with TerminalProgress(self, "Checking links", quiet, unit=" links") as progress:
            progress.total(len(due))

            def on_answer(link: Link, answer: Answer) -> None:
                nonlocal done
                done += 1
                if record(link, answer):
                    newly_broken.append(link)
                progress.advance()
                outcome = f"broken: {link.problem}" if answer.is_broken else f"ok ({answer.status_code})"
                line = f"[{done}/{len(due)}] {link.url} {outcome}"
                # On a terminal the bar shows how far it has got; each address is listed only if broken.
                if progress.shown:
                    if answer.is_broken:
                        progress.write(line)
                else:
                    say(line)

            check_links(due, on_answer, timeout=settings.LINK_CHECK_TIMEOUT)
        told, unattended = tell_about_broken(newly_broken)
        if quiet:
            return
        self.stdout.write(
            f"{len(newly_broken)} newly broken; told {told} people. "
            f"{Link.objects.filter(is_broken=True).count()} addresses broken in all."
        )
        for entry in unattended:
            self.stdout.write(
                f"  Nobody looks after {entry._meta.verbose_name} “{entry}”, which has a broken link."
            )

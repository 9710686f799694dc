from django.core.management.base import BaseCommand

from following.digest import send_digests
from jobs.terminal import TerminalProgress, add_quiet_argument


class Command(BaseCommand):
    help = (
        "Emails each person who follows searches, themes or areas one digest of the entries published or "
        "updated there since their last digest. Safe to run daily: nothing is sent when nothing is new, "
        "and an entry is only ever in one digest per follow."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent, without sending or recording it."
        )
        add_quiet_argument(parser)

    def handle(self, *args, dry_run: bool = False, quiet: bool = False, **options):
        with TerminalProgress(self, "Checking follows", quiet, unit=" follows") as progress:
            run = send_digests(dry_run=dry_run, progress=progress)
        verb = "Would email" if dry_run else "Emailed"
        if not quiet:
            self.stdout.write(f"Checked {run.follows_checked} follows.")
            self.stdout.write(f"{verb} {run.people_emailed} people about {run.entries} new entries.")
        for user in run.failed:
            self.stderr.write(f"Could not email user {user.pk}; their digest will be tried again next run.")

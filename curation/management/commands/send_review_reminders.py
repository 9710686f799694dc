from django.core.management.base import BaseCommand

from curation.reminders import send_review_reminders
from jobs.terminal import TerminalProgress, add_quiet_argument


class Command(BaseCommand):
    help = (
        "Emails the people who look after published entries not reviewed for a year, one email per "
        "person listing their entries. Safe to run daily: an entry is not reminded about again within "
        "30 days. Entries nobody looks after are listed for the curators."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent, without sending or recording it."
        )
        add_quiet_argument(parser)

    def handle(self, *args, dry_run: bool = False, quiet: bool = False, **options):
        with TerminalProgress(self, "Reminding people", quiet, unit=" people") as progress:
            run = send_review_reminders(dry_run=dry_run, progress=progress)
        if quiet:
            return
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(
            f"{len(run.due)} entries need review and were not reminded about in the last 30 days."
        )
        self.stdout.write(f"{verb} {run.people_reminded} people about {run.entries_reminded} entries.")
        if run.unattended:
            self.stdout.write(f"{len(run.unattended)} entries need review but nobody looks after them:")
            for entry in run.unattended:
                self.stdout.write(f"  {entry._meta.verbose_name} “{entry}”: {entry.get_absolute_url()}")

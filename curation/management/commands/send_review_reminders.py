from django.core.management.base import BaseCommand

from curation.reminders import send_review_reminders


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

    def handle(self, *args, dry_run: bool = False, **options):
        run = send_review_reminders(dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(
            f"{len(run.due)} entries need review and were not reminded about in the last 30 days."
        )
        self.stdout.write(f"{verb} {run.people_reminded} people about {run.entries_reminded} entries.")
        if run.unattended:
            self.stdout.write(f"{len(run.unattended)} entries need review but nobody looks after them:")
            for entry in run.unattended:
                self.stdout.write(f"  {entry._meta.verbose_name} “{entry}”: {entry.get_absolute_url()}")

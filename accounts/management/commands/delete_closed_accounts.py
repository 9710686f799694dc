from django.core.management.base import BaseCommand

from accounts.personal_data import delete_closed_accounts


class Command(BaseCommand):
    help = (
        "Deletes the accounts their owners closed more than 30 days ago (and what they follow); entries they "
        "wrote and their profiles stay. Also deletes sign-ups never verified within a week. Safe to run daily."
    )

    def handle(self, *args, **options) -> None:
        deleted = delete_closed_accounts()
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} closed account{'s' if deleted != 1 else ''}.")

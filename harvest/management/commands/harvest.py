from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.policy import is_curator
from harvest import documents, importer
from harvest.models import Source
from transfer.reading import FileProblem


class Command(BaseCommand):
    help = (
        "Harvests datasets from a CKAN API response (JSON) or a DCAT catalogue (Turtle or JSON-LD) and "
        "prints what each would do; with --dry-run nothing is saved. The same code as the /harvest/ page."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The document to harvest.")
        parser.add_argument(
            "--kind",
            choices=[Source.CKAN, Source.DCAT],
            help="ckan or dcat; worked out from the content if left out.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; save nothing.")
        parser.add_argument(
            "--as", dest="curator", metavar="EMAIL", help="The curator the new datasets and versions are by."
        )

    def handle(self, *args, file: str, kind: str | None, dry_run: bool, curator: str | None, **options):
        user = self.curator(curator, dry_run)
        path = Path(file)
        try:
            text = documents.decode(path.read_bytes())
            source = documents.detect(text, kind or documents.AUTO)
            outcome = importer.run(text, source, path.name, user, commit=not dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except FileProblem as problem:
            raise CommandError(" ".join(problem.messages)) from None
        self.report(outcome)
        if outcome.problems:
            raise CommandError(f"{len(outcome.problems)} problem(s): nothing was harvested.")
        if dry_run:
            self.stdout.write(f"Dry run: {outcome.summary}. Nothing was saved.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Harvested {path.name}: {outcome.summary.replace('to ', '')}.")
            )

    def curator(self, email: str | None, dry_run: bool):
        if not email:
            if dry_run:
                return None
            raise CommandError("Say which curator harvests, with --as <email> (or use --dry-run).")
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None or not is_curator(user):
            raise CommandError(f"There is no curator with the email address {email}.")
        return user

    def report(self, outcome: importer.Outcome) -> None:
        for warning in outcome.warnings:
            self.stdout.write(f"Warning: {warning}")
        for result in outcome.results:
            self.stdout.write(f"{result.action:<9} {result.name} [{result.record.identifier}]")
            for problem in result.problems:
                self.stdout.write(f"    problem: {problem}")
            for note in result.notes:
                self.stdout.write(f"    note: {note}")
            if result.record.unmapped:
                self.stdout.write(f"    not mapped: {', '.join(result.record.unmapped)}")

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bench.datasette import compare, find_datasette
from bench.search_export import export


class Command(BaseCommand):
    help = (
        "Exports the search index of the database in DATABASE_URL to a SQLite file with an FTS5 table, "
        "serves it with Datasette and the portal with gunicorn (production settings, with and without "
        "its cache), and prints p50/p95 of benchmark's searches against each, timed over HTTP and "
        "interleaved, with the ratio to Datasette's ranked search. Needs Datasette installed apart "
        "(bench/requirements-datasette.txt)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed requests per search and server.")
        parser.add_argument("--file", default="/tmp/n8search.db", help="Where to write the SQLite export.")
        parser.add_argument(
            "--reuse", action="store_true", help="Serve the file as it is, without exporting."
        )
        parser.add_argument("--datasette", help="The datasette program (default: $DATASETTE, or on PATH).")
        parser.add_argument("--port", type=int, default=8811, help="First of three local ports to serve on.")
        parser.add_argument(
            "--demand-log-url",
            help="Log the portal's searches in this database (a scratch one made with migrate) instead of "
            "DATABASE_URL's, so that a directory that must not change is only read.",
        )

    def handle(self, *args, runs, file, reuse, datasette, port, demand_log_url, **options):
        path = Path(file)
        try:
            program = find_datasette(datasette)
            if not (reuse and path.exists()):
                self.stdout.write(f"Exported {export(path):,} search rows to {path}")
            compare(path, program, runs, port, self.stdout.write, demand_log_url)
        except RuntimeError as error:
            raise CommandError(str(error)) from error

"""Progress of a management command: a tqdm bar on a terminal, nothing in cron's mail or a log.

`TerminalProgress` has the two methods the domain code reports through (`total(n)`, `advance(n)`), the
same as a job's jobs.runner.Progress, so one function serves the daily command and the job at /jobs/.
"""

from django.core.management.base import BaseCommand, CommandParser, OutputWrapper
from tqdm import tqdm


def add_quiet_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--quiet", action="store_true", help="Print nothing but problems: no progress bar and no summary."
    )


class TerminalProgress:
    """A progress bar on standard error while it is a terminal and the command was not given --quiet."""

    def __init__(self, command: BaseCommand, words: str, quiet: bool = False, unit: str = "it"):
        shown = not quiet and command.stderr.isatty()
        self.stdout = command.stdout
        self.bar = tqdm(
            desc=words, unit=unit, file=Unstyled(command.stderr), disable=not shown, dynamic_ncols=True
        )

    @property
    def shown(self) -> bool:
        return not self.bar.disable

    def describe(self, words: str) -> None:
        self.bar.set_description(words)

    def total(self, total: int | None) -> None:
        self.bar.reset(total=total)

    def advance(self, count: int = 1) -> None:
        self.bar.update(count)

    def write(self, line: str) -> None:
        """Prints a line above the bar (without a bar, the caller writes to its own output)."""
        self.bar.write(line, file=Unstyled(self.stdout))

    def __enter__(self) -> "TerminalProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()


class Unstyled:
    """A command's output as tqdm writes to it: no line ending added, no error colour."""

    def __init__(self, output: OutputWrapper):
        self.output = output

    def write(self, text: str) -> None:
        self.output.write(text, style_func=str, ending="")

    def flush(self) -> None:
        self.output.flush()

import sys
import time


class Progress:
    """A one-line progress bar for long commands: label, bar, percentage, count and rate."""

    def __init__(self, label: str, total: int, stream=sys.stdout):
        self.label, self.total, self.stream = label, total, stream
        self.started = time.monotonic()
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count
        share = self.done / self.total if self.total else 1
        bar = "#" * int(share * 30)
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\r{self.label:<14} [{bar:<30}] {share:6.1%} {self.done:>9,}/{self.total:,} ({rate:,.0f}/s)"
        )
        if self.done >= self.total:
            self.stream.write(f" in {time.monotonic() - self.started:.1f}s\n")
        self.stream.flush()

"""How the development console writes log lines (production writes JSON: see LOGGING in settings)."""

import logging

# What core.middleware.RequestLogMiddleware attaches to its one line per request.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class PlainFormatter(logging.Formatter):
    """One line a person reads at a glance: `10:28:42 INFO    portal.request  GET /datasets/ 200 12.3 ms`.

    A request line shows its method, path, status and duration instead of the bare word "request",
    which JSON lines carry as fields of their own; tracebacks follow their line as usual.
    """

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s  %(message)s", datefmt="%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        if all(hasattr(record, field) for field in REQUEST_FIELDS):
            # A copy, so that other handlers of the same record still see the original message.
            record = logging.makeLogRecord(
                {
                    **record.__dict__,
                    "msg": "%s %s %s %s ms",
                    "args": tuple(getattr(record, field) for field in REQUEST_FIELDS),
                }
            )
        return super().format(record)

"""gunicorn settings for production: `gunicorn -c n8portal/gunicorn.conf.py n8portal.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# The usual rule of thumb for synchronous workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
# The portal writes one JSON line per request itself (core/middleware.py), with its request id;
# gunicorn's own messages (workers starting, timing out) are JSON lines too.
accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"error_console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["error_console"], "level": "INFO"},
    "loggers": {"gunicorn.error": {"handlers": ["error_console"], "level": "INFO", "propagate": False}},
}


# A request that outlasts `timeout` gets its worker killed by the arbiter, and Django never logs it:
# these hooks remember each request as it starts, and write it as a request error when its worker is
# aborted, so an operator sees which page timed out. (Long work belongs in background jobs: jobs/.)
def pre_request(worker, req):
    worker.current_request = (req.method, req.path, time_now())


def post_request(worker, req, environ, resp):
    worker.current_request = None


def worker_abort(worker):
    method, path, started = getattr(worker, "current_request", None) or ("", "", None)
    worker.log.error(
        "request timed out",
        extra={
            "logger": "portal.request",
            "method": method,
            "path": path,
            "status": 504,
            "duration_ms": round((time_now() - started) * 1000, 1) if started else None,
            "error": f"gunicorn worker timeout after {worker.cfg.timeout} s (pid {worker.pid})",
        },
    )


def time_now() -> float:
    import time

    return time.monotonic()

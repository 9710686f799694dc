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

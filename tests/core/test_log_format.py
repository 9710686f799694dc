"""One log format at a time: plain lines on the development console, JSON lines in production."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from core.logs import PlainFormatter

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent

# Starts Django as manage.py does, then logs what serving a request would: our line and Django's.
LOG_A_REQUEST = """
import logging
import django
django.setup()
logging.getLogger("portal.request").info(
    "request", extra={"method": "GET", "path": "/datasets/", "status": 200, "duration_ms": 12.3, "client": "::1"}
)
logging.getLogger("django.request").warning("Not Found: %s", "/nowhere/")
logging.getLogger("django.server").info('"GET /datasets/ HTTP/1.1" 200 1234')
"""


def console(**environment: str) -> list[str]:
    """What the portal writes to its console when started with these settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "LOG_LEVEL")
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="n8portal.settings")
    result = subprocess.run(
        [sys.executable, "-c", LOG_A_REQUEST], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.splitlines()


def test_development_writes_plain_lines_only():
    lines = console(DEBUG="1")
    assert len(lines) == 2, lines
    assert re.fullmatch(r"\d\d:\d\d:\d\d INFO +portal\.request +GET /datasets/ 200 12\.3 ms", lines[0])
    assert re.fullmatch(r"\d\d:\d\d:\d\d WARNING +django\.request +Not Found: /nowhere/", lines[1])


def test_development_leaves_out_the_sign_in_throttles_banner():
    assert not [line for line in console(DEBUG="1") if "AXES" in line]


def test_production_writes_json_lines_only():
    logged = [json.loads(line) for line in console(DEBUG="0", SECRET_KEY="x" * 50)]
    request = next(line for line in logged if line["logger"] == "portal.request")
    assert request["message"] == "request" and request["path"] == "/datasets/" and request["status"] == 200
    assert [line["logger"] for line in logged].count("django.request") == 1
    # runserver's own line per request would repeat ours.
    assert "django.server" not in [line["logger"] for line in logged]


def record(**fields) -> logging.LogRecord:
    return logging.makeLogRecord({"name": "portal.request", "levelname": "INFO", "msg": "request", **fields})


def test_a_request_line_reads_as_words():
    line = PlainFormatter().format(record(method="POST", path="/journey/add/x/", status=302, duration_ms=4.5))
    assert line.endswith("INFO    portal.request  POST /journey/add/x/ 302 4.5 ms")


def test_other_lines_keep_their_message_and_traceback():
    try:
        raise ZeroDivisionError("a test error")
    except ZeroDivisionError:
        error = record(name="django.request", levelname="ERROR", msg="Internal Server Error: %s", args=("/",))
        error.exc_info = sys.exc_info()
    lines = PlainFormatter().format(error).splitlines()
    assert lines[0].endswith("ERROR   django.request  Internal Server Error: /")
    assert lines[-1] == "ZeroDivisionError: a test error"


def test_the_record_itself_is_left_as_it_was():
    request = record(method="GET", path="/", status=200, duration_ms=1.0)
    PlainFormatter().format(request)
    assert request.getMessage() == "request"

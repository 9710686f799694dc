"""A WSGI application slower than any timeout, to see gunicorn abort a request (test_timeout_log.py)."""

import time


def app(environ, start_response):
    time.sleep(60)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"too late"]

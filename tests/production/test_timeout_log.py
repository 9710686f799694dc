"""A request that outlasts gunicorn's timeout is logged as a request error: one JSON line naming the
method, the path, status 504, how long it ran and the timeout (n8portal/gunicorn.conf.py)."""

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_request_killed_by_the_timeout_is_logged_with_its_path(tmp_path):
    port, log = free_port(), tmp_path / "gunicorn.log"
    command = [
        sys.executable, "-m", "gunicorn", "-c", "n8portal/gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "1",
        "tests.production.slow_app:app",
    ]  # fmt: skip
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{port}/datasets/slow/?q=1", timeout=15)
                break
            except requests.ConnectionError:
                if "Booting worker" not in log.read_text():
                    time.sleep(0.1)
                    continue
                break  # the worker was killed mid-request: the connection closed
    finally:
        server.terminate()
        server.wait(10)

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    timed_out = [line for line in lines if line.get("message") == "request timed out"]
    assert len(timed_out) == 1, log.read_text()
    assert timed_out[0]["level"] == "ERROR"
    assert (timed_out[0]["method"], timed_out[0]["path"], timed_out[0]["status"]) == (
        "GET",
        "/datasets/slow/",
        504,
    )
    assert timed_out[0]["duration_ms"] >= 1000
    assert "gunicorn worker timeout after 1 s" in timed_out[0]["error"]

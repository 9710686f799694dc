"""Real servers for the tests of running on several machines: a PostgreSQL cluster and a Redis of the
test's own (so a test may stop and restart them without touching anything else), and the portal itself
under gunicorn with production settings."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def missing(what: str) -> None:
    """A server these tests need is not on this machine: a failure in CI, a clear skip elsewhere."""
    message = f"{what} is not installed on this machine; these tests start their own."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(answers, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not answers():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not answer within {seconds} seconds")
        time.sleep(0.2)


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class PostgreSQL:
    """A throwaway cluster in a temporary folder, run as the postgres user when we are root."""

    def __init__(self, folder: Path):
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not binaries:
            missing("PostgreSQL (initdb)")
        self.bin = binaries[-1].parent
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def run(self, *command: str) -> None:
        as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_owner, *command], check=True, capture_output=True, cwd=self.folder)

    def create(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"
        )
        self.start()
        self.run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "portal"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l", "log", "start")

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def postgresql() -> Iterator[PostgreSQL]:
    with tempfile.TemporaryDirectory(prefix="portal-pg-") as folder:
        server = PostgreSQL(Path(folder))
        try:
            server.create()
            yield server
        finally:
            if (server.data / "postmaster.pid").exists():
                server.run(str(server.bin / "pg_ctl"), "-D", str(server.data), "-m", "immediate", "stop")


class Redis:
    def __init__(self):
        if not shutil.which("redis-server"):
            missing("Redis (redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: port_open(self.port), "Redis")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def redis() -> Iterator[Redis]:
    server = Redis()
    try:
        server.start()
        yield server
    finally:
        if server.process and server.process.poll() is None:
            server.stop()


# Settings of the test run that production must not inherit (the browser tests allow async-unsafe calls).
NOT_FOR_PRODUCTION = ("DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def portal_environment(database_url: str, redis_url: str, static_root: Path, **extra: str) -> dict[str, str]:
    """Production settings, on plain HTTP because the tests talk to gunicorn without a proxy."""
    environment = {key: value for key, value in os.environ.items() if key not in NOT_FOR_PRODUCTION}
    environment.update(
        DJANGO_SETTINGS_MODULE="n8portal.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        **extra,
    )
    return environment


def manage(environment: dict[str, str], *arguments: str) -> str:
    """Runs a management command against the servers in `environment`; returns what it printed."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_DIR,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(environment: dict[str, str]) -> None:
    """An empty database made ready: tables, static files, the demo directory."""
    manage(environment, "migrate", "--noinput")
    manage(environment, "collectstatic", "--noinput")
    manage(environment, "load_demo")


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health/", timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.HTTPError):
        return False


@contextmanager
def gunicorn(environment: dict[str, str], workers: int = 2) -> Iterator[str]:
    """The portal as it runs in production, on a port of its own; yields its address."""
    port = free_port()
    environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "n8portal/gunicorn.conf.py", "n8portal.wsgi"],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            # Generous: on a busy two-core machine, starting workers that import Django takes a while.
            wait_for(lambda: healthy(url) or process.poll() is not None, "gunicorn", seconds=120)
            assert process.poll() is None, "gunicorn stopped on start"
            yield url
        finally:
            process.terminate()
            try:
                process.wait(40)  # gunicorn lets requests in progress finish, for up to 30 seconds
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            # What a failing test needs to see: every server error in full, a few others, and the end.
            log.seek(0)
            lines = log.read().decode(errors="replace").splitlines()
            failures = [
                line[:5000] for line in lines if "Internal Server Error" in line or "Exception" in line[:200]
            ]
            errors = [line[:1000] for line in lines if '"level": "ERROR"' in line][:10]
            sys.stdout.write("\n".join([*failures, *errors, *lines[-20:]]) + "\n")

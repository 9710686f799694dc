"""A real worker process (`manage.py run_worker`) against the test database, on either engine.

The worker is another process, so it sees only committed rows: these tests use `transactional_db`.
SQLite's test database lives in this process's memory, so for these tests it is copied into a file and
the test's connection switched to that file, which the worker opens too.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from jobs.models import Job

ROOT = Path(settings.BASE_DIR)
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_url(settings_dict: dict) -> str:
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user, host, port = (
        settings_dict["USER"],
        settings_dict["HOST"] or "127.0.0.1",
        settings_dict["PORT"] or 5432,
    )
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture
def shared_database(transactional_db, settings, tmp_path):
    """The test database, where another process can open it; jobs are queued on the database."""
    settings.TASKS = DATABASE_BACKEND
    memory = connections["default"]
    if memory.vendor != "sqlite":
        yield database_url(memory.settings_dict)
        return
    path = tmp_path / "jobs.sqlite3"
    memory.ensure_connection()
    target = __import__("sqlite3").connect(path)
    memory.connection.backup(target)
    target.close()
    on_file = type(memory)({**memory.settings_dict, "NAME": str(path)}, "default")
    connections["default"] = on_file
    try:
        yield database_url(on_file.settings_dict)
    finally:
        on_file.close()
        connections["default"] = memory


class Worker:
    def __init__(self, url: str, log: Path):
        self.url, self.log, self.process = url, log, None

    def start(self) -> "Worker":
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "n8portal.settings",
            "DEBUG": "1",
            "DATABASE_URL": self.url,
            "REDIS_URL": "",
            "DATABASE_CONN_MAX_AGE": "0",
        }
        command = [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay"]
        command += ["--interval", "0.1", "--queue-name", "*"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)  # reaped, so the process is gone, not a zombie

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(shared_database, tmp_path):
    running = Worker(shared_database, tmp_path / "worker.log").start()
    yield running
    running.stop()


def wait_for(condition, timeout: float = 30, what: str = "", log: Path | None = None):
    """Polls `condition` until it returns something true; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    details = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"Waited {timeout} s for {what or condition}.\n{details}")


def job_in(pk: int, *states: str) -> Job | None:
    job = Job.objects.get(pk=pk)
    return job if job.state in states else None


@pytest.fixture
def curator(django_user_model):
    from django.contrib.auth.models import Group

    from accounts.policy import CURATORS_GROUP

    user = django_user_model.objects.create_user("curator@example.org", "curator@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    return user

"""A backup restores: pg_dump of a filled directory, restored into an empty database, holds the same rows
and serves the same pages (the procedure in docs/operations.md).

PostgreSQL only: the SQLite run of the suite skips it, the PostgreSQL run (and CI) runs it.
"""

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client

from areas.models import Area
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme

if connection.vendor != "postgresql":
    pytest.skip(
        "backups are taken with pg_dump, so this runs in the suite's PostgreSQL run, not on SQLite",
        allow_module_level=True,
    )

# Committed data (pg_dump sees only what is committed); the rows migrations add come back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# What differs on every response by design, however often the same page is served from the same data.
PER_RESPONSE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*'), r"\1…"),
    (re.compile(r'(nonce=")[^"]*'), r"\1…"),
]


def postgres_tool(name: str) -> str:
    """The client tool of the server's major version (or newer), from PATH or Debian's folders."""
    server_major = connection.pg_version // 10000
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(Path(path).parts[-3])
    )
    for path in candidates:
        if int(Path(path).parts[-3]) >= server_major:
            return path
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (apt-get install postgresql-client-{server_major})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def libpq_arguments() -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment that reach the test database as Django does."""
    settings = connection.settings_dict
    arguments = ["--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [option, str(settings[key])]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def table_counts() -> dict[str, int]:
    """Rows in every table of the public schema, which holds every installed model's table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [name for (name,) in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def sequence_values() -> dict[str, int | None]:
    """Where each id sequence stands, so that new entries after a restore get fresh ids."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
        return dict(cursor.fetchall())


def page_urls() -> list[str]:
    first = {
        model: model.objects.published().order_by("pk").first()
        for model in (Dataset, Researcher, Project, Organisation, Theme)
    }
    assert all(first.values()), "the demo directory has a published entry of each kind"
    return [
        "/",
        "/datasets/",
        "/researchers/",
        "/projects/",
        "/organisations/",
        "/themes/",
        *(entry.get_absolute_url() for entry in first.values()),
        Area.objects.get(code="E08000032").get_absolute_url(),
        "/search/?q=school",
        "/coverage/",
        "/api/v1/datasets/",
        "/catalogue/dcat",
    ]


def render(urls: list[str]) -> dict[str, bytes]:
    pages = {}
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        content = response.content
        if "html" in response.get("Content-Type", ""):
            text = content.decode()
            for pattern, replacement in PER_RESPONSE:
                text = pattern.sub(replacement, text)
            content = text.encode()
        pages[url] = content
    return pages


@pytest.fixture
def empty_database() -> Iterator[str]:
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted} TEMPLATE template0")
    yield name
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def using_database(name: str) -> str:
    """Points Django's connection at another database on the same server; returns the previous name."""
    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == name
    return previous


def test_a_dump_restored_into_an_empty_database_has_the_same_rows_and_pages(empty_database, tmp_path):
    call_command("load_demo", stdout=open(os.devnull, "w"))
    assert Dataset.objects.published().count() >= 25
    backup = tmp_path / "portal.dump"
    arguments, environment = libpq_arguments()

    subprocess.run(
        [postgres_tool("pg_dump"), *arguments, "--format=custom", "--file", str(backup)]
        + ["--dbname", connection.settings_dict["NAME"]],
        env=environment,
        check=True,
        timeout=300,
    )
    subprocess.run(
        [postgres_tool("pg_restore"), *arguments, "--exit-on-error", "--no-owner"]
        + ["--dbname", empty_database, str(backup)],
        env=environment,
        check=True,
        timeout=300,
    )

    # Counted and rendered from the original before the restored copy, as searches add to the demand log.
    original_counts, original_sequences = table_counts(), sequence_values()
    urls = page_urls()
    original_pages = render(urls)
    test_database = using_database(empty_database)
    try:
        restored_counts, restored_sequences = table_counts(), sequence_values()
        restored_pages = render(urls)
    finally:
        using_database(test_database)

    model_tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    assert model_tables <= set(original_counts), "every installed model's table is counted"
    assert original_counts[Dataset._meta.db_table] >= 25
    assert restored_counts == original_counts
    assert restored_sequences == original_sequences
    for url in urls:
        assert restored_pages[url] == original_pages[url], f"{url} differs when served from the restored copy"

"""Editing pages run a fixed number of queries however many rows an entry or a queue holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Membership
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OutputFactory,
    ProjectFactory,
)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def project_with_parts(parts: int):
    project = ProjectFactory()
    MembershipFactory(project=project, role=Membership.Role.LEAD)
    for _ in range(parts):
        MembershipFactory(project=project)
        DatasetUsageFactory(project=project)
        OutputFactory(project=project)
    return project


def test_a_project_form_costs_the_same_with_two_or_twelve_parts(client, curator):
    client.force_login(curator)
    small, large = project_with_parts(2), project_with_parts(12)
    assert queries_for(client, f"/edit/projects/{small.slug}/") == queries_for(
        client, f"/edit/projects/{large.slug}/"
    )


def edit_dataset(client, dataset, summary):
    dataset.refresh_from_db()
    data = {
        "title": dataset.title,
        "summary": summary,
        "custodian": dataset.custodian.name,
        "source_kind": dataset.source_kind,
        "access_level": dataset.access_level,
        "coverage_scope": dataset.coverage_scope,
        "version": dataset.updated.isoformat(),
        "action": "save",
    }
    assert client.post(f"/edit/datasets/{dataset.slug}/", data).status_code == 302


def test_a_history_page_costs_the_same_with_few_or_many_versions(client, curator):
    client.force_login(curator)
    few, many = DatasetFactory(), DatasetFactory()
    for number in range(2):
        edit_dataset(client, few, f"Summary {number}")
    for number in range(12):
        edit_dataset(client, many, f"Summary {number}")
    queries_for(client, f"/edit/datasets/{few.slug}/history/")  # warm-up: content types are then cached
    assert queries_for(client, f"/edit/datasets/{few.slug}/history/") == queries_for(
        client, f"/edit/datasets/{many.slug}/history/"
    )


def test_the_review_queue_costs_the_same_with_few_or_many_waiting(client, curator):
    client.force_login(curator)
    DatasetFactory.create_batch(2, status="submitted")
    few = queries_for(client, "/review/")
    DatasetFactory.create_batch(10, status="submitted")
    ProjectFactory.create_batch(5, status="submitted")
    assert queries_for(client, "/review/") == few

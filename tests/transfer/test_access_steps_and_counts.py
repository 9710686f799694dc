"""A dataset's steps to access and dated counts travel in the CSV file, one JSON cell each (transfer.parts):
a download carries them, an import replaces them, a bad cell is the row's problem and saves nothing."""

import csv
import io
import json
from datetime import date

import pytest
from reversion.models import Version

from datasets.models import AccessStep, Observation
from tests.factories import DatasetFactory
from transfer.models import PendingImport

from .conftest import as_dicts, read_csv
from .test_bad_input import text_of
from .test_import import confirm, preview

pytestmark = pytest.mark.django_db

HEADER = ["slug", "title", "summary", "source_kind", "access_level", "access_steps", "observations"]


def row_file(steps: str, observations: str = "", slug: str = "npd") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerow(
        [slug, "National Pupil Database", "Pupils.", "education", "controlled", steps, observations]
    )
    return out.getvalue()


@pytest.fixture
def dataset():
    dataset = DatasetFactory(slug="npd", title="National Pupil Database", summary="Pupils.")
    dataset.source_kind, dataset.access_level = "education", "controlled"
    dataset.save()
    AccessStep.objects.create(dataset=dataset, position=1, title="Old step")
    Observation.objects.create(dataset=dataset, count=5, observed_on=date(2020, 1, 1))
    return dataset


def test_a_download_carries_steps_and_counts_as_the_api_gives_them(client, dataset):
    row = as_dicts(read_csv(client.get("/datasets/?format=csv")))[0]
    assert json.loads(row["access_steps"]) == [
        {"position": 1, "title": "Old step", "description": "", "url": ""}
    ]
    assert json.loads(row["observations"]) == [
        {"measure": "individuals", "count": 5, "observed_on": "2020-01-01", "description": ""}
    ]
    api = client.get("/api/v1/datasets/npd/").json()
    assert api["access_steps"] == json.loads(row["access_steps"])
    assert api["observations"] == json.loads(row["observations"])


def test_an_import_replaces_the_steps_and_counts_and_keeps_a_version(curator_client, dataset):
    steps = json.dumps(
        [
            {"position": 3, "title": "Apply | with form", "url": "example.org/apply"},
            {"title": "Send an outline\nfirst", "description": "To the team"},
        ]
    )
    observations = json.dumps([{"measure": "records", "count": "13700", "observed_on": "2024-08-31"}])
    page = text_of(preview(curator_client, "datasets", row_file(steps, observations)))
    assert "1 to update" in page
    assert confirm(curator_client).status_code == 302
    # A step without a number takes its place in the list.
    assert list(dataset.access_steps.values_list("position", "title", "description", "url")) == [
        (2, "Send an outline\nfirst", "To the team", ""),
        (3, "Apply | with form", "", "https://example.org/apply"),
    ]
    assert list(dataset.observations.values_list("measure", "count", "observed_on")) == [
        ("records", 13700, date(2024, 8, 31))
    ]
    version = Version.objects.get_for_object(dataset).get()
    assert "Apply | with form" in str(
        Version.objects.filter(revision=version.revision).values_list("serialized_data", flat=True)[::1]
    )


def test_a_blank_cell_means_none_and_a_file_without_the_column_keeps_them(curator_client, dataset):
    kept = "slug,title,summary,source_kind,access_level\nnpd,New title,Pupils.,education,controlled\n"
    preview(curator_client, "datasets", kept)
    assert confirm(curator_client).status_code == 302
    assert dataset.access_steps.count() == 1 and dataset.observations.count() == 1
    PendingImport.objects.all().delete()
    preview(curator_client, "datasets", row_file(""))
    assert confirm(curator_client).status_code == 302
    assert not dataset.access_steps.exists() and not dataset.observations.exists()


def test_an_unchanged_row_is_left_untouched(curator_client, dataset):
    row = as_dicts(read_csv(curator_client.get("/datasets/?format=csv")))[0]
    page = text_of(preview(curator_client, "datasets", row_file(row["access_steps"], row["observations"])))
    assert "0 to create and 0 to update; 1 already as the file says, left untouched." in page


@pytest.mark.parametrize(
    ("steps", "observations", "message"),
    [
        ("1. Apply | https://example.org", "", "Row 2, column access_steps: This is not a JSON list."),
        ('{"title": "Apply"}', "", "Row 2, column access_steps: Write a JSON list of objects"),
        ('[{"name": "Apply"}]', "", "Row 2, column access_steps: step 1: unknown keys name; use position,"),
        ('[{"title": ""}]', "", "Row 2, column access_steps: step 1, title: This field is required."),
        ('[{"title": "A", "url": "not an address"}]', "", "step 1, url: Enter a valid URL."),
        (
            '[{"position": 1, "title": "A"}, {"position": 1, "title": "B"}]',
            "",
            "Row 2, column access_steps: Each step has its own number. Renumber the repeated one.",
        ),
        (json.dumps([{"title": "A"}] * 31), "", "This cell has 31 steps; the most a dataset may have is 30."),
        (
            "",
            '[{"measure": "people", "count": 1, "observed_on": "2024-01-01"}]',
            "count 1, measure: Select a valid choice.",
        ),
        (
            "",
            '[{"measure": "events", "count": -1, "observed_on": "2024-01-01"}]',
            "count 1, count: Ensure this value is greater than or equal to 0.",
        ),
        (
            "",
            '[{"measure": "events", "count": 5, "observed_on": "2024-13-45"}]',
            "count 1, observed_on: Enter a valid date.",
        ),
        (
            "",
            '[{"measure": "events", "count": [5], "observed_on": "2024-12-31"}]',
            "count 1, count: Enter a whole number.",
        ),
    ],
)
def test_a_bad_cell_is_the_rows_problem_and_nothing_is_saved(
    curator_client, dataset, steps, observations, message
):
    page = text_of(preview(curator_client, "datasets", row_file(steps, observations)))
    assert message in page
    assert "Nothing will be imported until every row is right" in page
    assert confirm(curator_client).status_code == 400
    assert list(dataset.access_steps.values_list("title", flat=True)) == ["Old step"]
    assert list(dataset.observations.values_list("count", flat=True)) == [5]


def test_steps_as_long_as_the_site_takes_travel_in_one_cell(curator_client, client, dataset):
    """Five steps of the longest description the editing form takes: a cell far past 10,000 characters."""
    longest = "x" * 10_000
    dataset.access_steps.all().delete()
    for position in range(1, 6):
        AccessStep.objects.create(
            dataset=dataset, position=position, title=f"Step {position}", description=longest
        )
    cell = as_dicts(read_csv(client.get("/datasets/?format=csv")))[0]["access_steps"]
    assert len(cell) > 50_000
    dataset.access_steps.all().delete()
    page = text_of(preview(curator_client, "datasets", row_file(cell)))
    assert "1 to update" in page
    assert confirm(curator_client).status_code == 302
    assert [
        len(description) for description in dataset.access_steps.values_list("description", flat=True)
    ] == [10_000] * 5

"""The home page features real datasets: the fictional samples come after them, still labelled."""

from datetime import timedelta

from django.utils import timezone

from datasets.models import Dataset
from tests.factories import DatasetFactory


def test_real_datasets_come_before_newer_samples(client, db):
    DatasetFactory(title="Older real data")
    sample = DatasetFactory(title="Newer sample", is_sample=True)
    # Updated later than the real one, so only the rule puts it after.
    Dataset.objects.filter(pk=sample.pk).update(updated=timezone.now() + timedelta(days=1))
    featured = [str(dataset) for dataset in client.get("/").context["recent_datasets"]]
    assert featured == ["Older real data", "Newer sample"]
    html = client.get("/").content.decode()
    assert "Sample data" in html.split("Newer sample")[1].split("</li>")[0]

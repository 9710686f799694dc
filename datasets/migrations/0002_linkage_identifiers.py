"""The identifiers that let datasets about children be linked with each other."""

from django.db import migrations

IDENTIFIERS = [
    ("NHS number", "nhs-number", "The ten-digit number that identifies a patient in NHS England."),
    ("Unique Pupil Number / Pupil Matching Reference", "upn-pmr",
     "The pupil identifier in schools’ records, and its pseudonymised form in the National Pupil Database."),
    ("Unique Learner Number", "uln", "The identifier of a learner in further education and training."),
    ("UPRN", "uprn", "The Unique Property Reference Number of an address."),
    ("Postcode", "postcode", "A full or partial postcode, for linking by place."),
]


def seed(apps, schema_editor):
    LinkageIdentifier = apps.get_model("datasets", "LinkageIdentifier")
    for name, slug, description in IDENTIFIERS:
        LinkageIdentifier.objects.update_or_create(slug=slug, defaults={"name": name, "description": description})


def unseed(apps, schema_editor):
    apps.get_model("datasets", "LinkageIdentifier").objects.filter(slug__in=[i[1] for i in IDENTIFIERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("datasets", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

"""Involvement opportunities join the index, and the words people use for taking part join the synonyms."""

from django.db import migrations, models

GROUPS = [
    ("care experienced, care-experienced, care leavers, care leaver, grew up in care", "Involvement"),
    (
        "young people's advisory group, young people’s advisory group, young people advisory group, YPAG, "
        "youth advisory group, young advisers",
        "Involvement",
    ),
    (
        "patient and public involvement, PPI, PPIE, public involvement, "
        "involving people with lived experience",
        "Involvement (health research)",
    ),
    ("co-production, coproduction, co-produced, co-researchers, participatory research", "Involvement"),
    ("get involved, take part, involvement opportunity, involvement opportunities", "Involvement"),
    ("lived experience, experts by experience, lived-experience", "Involvement"),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=[terms for terms, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0006_places_apart_from_facets")]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("researcher", "Researcher"),
                    ("dataset", "Dataset"),
                    ("project", "Project"),
                    ("organisation", "Organisation"),
                    ("theme", "Theme"),
                    ("opportunity", "Get involved"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]

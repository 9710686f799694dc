"""The N8 data-science themes and the Child of the North priority areas, with a few sub-themes."""

from django.db import migrations

DATA_SCIENCE = "data-science"
CHILD_OF_THE_NORTH = "child-of-the-north"

# (name, slug, family, description, parent slug)
THEMES = [
    ("Digital Health", "digital-health", DATA_SCIENCE,
     "Using health records, apps and sensors to understand and improve children’s health.", None),
    ("Digital Humanities", "digital-humanities", DATA_SCIENCE,
     "Computational methods for texts, archives, voices and culture of childhood and youth.", None),
    ("Machine Learning", "machine-learning", DATA_SCIENCE,
     "Prediction, pattern-finding and causal methods applied to data on children and young people.", None),
    ("Data linkage", "data-linkage", DATA_SCIENCE,
     "Joining records across health, education and social care, safely and accurately.", "digital-health"),
    ("Natural language processing", "natural-language-processing", DATA_SCIENCE,
     "Learning from free text such as case notes, clinical letters and young people’s own words.",
     "machine-learning"),
    ("Early years", "early-years", CHILD_OF_THE_NORTH,
     "Pregnancy to age five: the foundations of health, learning and development.", None),
    ("Education", "education", CHILD_OF_THE_NORTH,
     "Attainment, attendance, exclusion and the school experience.", None),
    ("Physical health", "physical-health", CHILD_OF_THE_NORTH,
     "Healthy weight, chronic conditions, oral health and access to care.", None),
    ("Mental health", "mental-health", CHILD_OF_THE_NORTH,
     "Wellbeing, emotional health and mental health services for children and young people.", None),
    ("Poverty and the cost of living", "poverty-and-cost-of-living", CHILD_OF_THE_NORTH,
     "Child poverty, food insecurity and housing, and what they mean for children’s lives.", None),
    ("Children’s social care", "childrens-social-care", CHILD_OF_THE_NORTH,
     "Early help, children in need, child protection, and children looked after and leaving care.", None),
    ("Youth justice", "youth-justice", CHILD_OF_THE_NORTH,
     "Young people in contact with the police and the youth justice system, and prevention.", None),
    ("Special educational needs", "special-educational-needs", CHILD_OF_THE_NORTH,
     "Special educational needs and disabilities (SEND) and the support children receive.", None),
    ("School readiness", "school-readiness", CHILD_OF_THE_NORTH,
     "Children’s development at the start of school.", "early-years"),
    ("Speech, language and communication", "speech-language-communication", CHILD_OF_THE_NORTH,
     "Early language development and support for speech and language needs.", "early-years"),
    ("Healthy weight", "healthy-weight", CHILD_OF_THE_NORTH,
     "Childhood obesity, nutrition and physical activity.", "physical-health"),
    ("Children looked after", "children-looked-after", CHILD_OF_THE_NORTH,
     "Children in the care of local authorities and care leavers.", "childrens-social-care"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    for name, slug, family, description, parent_slug in THEMES:
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "family": family,
                "description": description,
                "parent": Theme.objects.get(slug=parent_slug) if parent_slug else None,
                "status": "published",
            },
        )


def unseed(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    slugs = [theme[1] for theme in THEMES]
    Theme.objects.filter(slug__in=slugs, parent__isnull=False).delete()
    Theme.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

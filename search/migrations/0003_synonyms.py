"""The first curated list of synonyms and acronyms; curators edit it in the admin."""

from django.db import migrations

GROUPS = [
    ("SEND, special educational needs and disabilities, special educational needs, SEN", "Education"),
    ("EHCP, education health and care plan", "Education"),
    ("CLA, LAC, looked-after children, looked after children, children in care", "Children’s social care"),
    ("CIN, children in need", "Children’s social care"),
    ("NEET, not in education employment or training", "Young people"),
    ("FSM, free school meals", "Education"),
    ("KS1, key stage 1", "Education"),
    ("KS2, key stage 2", "Education"),
    ("KS4, key stage 4, GCSE", "Education"),
    ("CAMHS, CYPMHS, child and adolescent mental health services", "Health"),
    ("ACEs, adverse childhood experiences", "Health and social care"),
    ("NPD, National Pupil Database", "Education"),
    ("HES, Hospital Episode Statistics", "Health"),
    ("MHSDS, Mental Health Services Data Set", "Health"),
    ("NCMP, National Child Measurement Programme", "Health"),
    ("EYFS, early years foundation stage", "Education"),
    ("TRE, trusted research environment, SDE, secure data environment", "Data access"),
    ("BMI, body mass index", "Health"),
    ("child, children, childhood", "Word forms the stemmer does not join"),
    ("young person, young people, youth", "Word forms"),
    ("linkage, linking, linked, record linkage", "Word forms"),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=[terms for terms, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_engines")]

    operations = [migrations.RunPython(seed, unseed)]

"""A 'take part' message to an involvement opportunity is logged as introductions are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("introductions", "0001_initial"),
        ("involvement", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="introductionrequest", name="introduction_one_target"),
        migrations.AddField(
            model_name="introductionrequest",
            name="opportunity",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="introduction_requests",
                to="involvement.opportunity",
            ),
        ),
        migrations.AddConstraint(
            model_name="introductionrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("dataset__isnull", True), ("researcher__isnull", True)),
                    models.Q(("opportunity__isnull", True), ("researcher__isnull", True)),
                    models.Q(("dataset__isnull", True), ("opportunity__isnull", True)),
                    _connector="OR",
                ),
                name="introduction_one_target",
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("datasets", "0004_review_workflow")]

    operations = [
        migrations.AddIndex(
            model_name="dataset",
            index=models.Index(fields=["status", "-updated"], name="dataset_recent_idx"),
        ),
    ]

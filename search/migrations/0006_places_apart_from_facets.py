"""Places move out of the facets into a table of their own: every search counts the facets, and the
places (many per entry, never shown) made that count read twice the rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0005_shared_words_ages_places'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchPlace',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.CharField(help_text="An area's ONS code, or england or uk.", max_length=150)),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='places', to='search.searchentry')),
            ],
            options={
                'indexes': [models.Index(fields=['value', 'entry'], name='search_place_lookup_idx')],
                'constraints': [models.UniqueConstraint(fields=('entry', 'value'), name='one_place_value_per_entry')],
            },
        ),
        migrations.RunSQL(
            "INSERT INTO search_searchplace (entry_id, value) "
            "SELECT entry_id, value FROM search_searchfacet WHERE name = 'place'; "
            "DELETE FROM search_searchfacet WHERE name = 'place'",
            "INSERT INTO search_searchfacet (entry_id, name, value, label) "
            "SELECT entry_id, 'place', value, value FROM search_searchplace",
        ),
    ]

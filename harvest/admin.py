from django.contrib import admin

from .models import HarvestedRecord, PendingHarvest


@admin.register(HarvestedRecord)
class HarvestedRecordAdmin(admin.ModelAdmin):
    """Links from other catalogues' records to our datasets; delete one to harvest its record afresh."""

    list_display = ["identifier", "dataset", "source", "last_harvested"]
    list_filter = ["source"]
    search_fields = ["identifier", "dataset__title"]
    raw_id_fields = ["dataset"]


@admin.register(PendingHarvest)
class PendingHarvestAdmin(admin.ModelAdmin):
    """Harvests awaiting confirmation; old ones a curator abandoned can be deleted here."""

    list_display = ["source_name", "source", "user", "created"]
    list_filter = ["source"]
    readonly_fields = ["user", "source", "source_name", "created"]

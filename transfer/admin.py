from django.contrib import admin

from .models import PendingImport


@admin.register(PendingImport)
class PendingImportAdmin(admin.ModelAdmin):
    """Uploads awaiting confirmation; old ones a curator abandoned can be deleted here."""

    list_display = ["file_name", "kind", "user", "created"]
    list_filter = ["kind"]
    readonly_fields = ["user", "kind", "file_name", "encoding", "created"]

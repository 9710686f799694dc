from django.contrib import admin

from .models import Job, WorkerBeat


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "state", "done", "total", "user", "created", "finished"]
    list_filter = ["state", "kind"]
    readonly_fields = [field.name for field in Job._meta.fields]


@admin.register(WorkerBeat)
class WorkerBeatAdmin(admin.ModelAdmin):
    list_display = ["name", "last_seen"]

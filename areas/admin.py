from django.contrib import admin

from core.admin import LabelledAutocomplete

from .models import Area, AreaCodeAlias


class AliasInline(LabelledAutocomplete, admin.TabularInline):
    model = AreaCodeAlias
    extra = 0


@admin.register(Area)
class AreaAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code", "aliases__old_code", "aliases__old_name"]
    inlines = [AliasInline]


@admin.register(AreaCodeAlias)
class AreaCodeAliasAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["old_code", "old_name", "area", "effective_date"]
    search_fields = ["old_code", "old_name", "area__name"]
    autocomplete_fields = ["area"]

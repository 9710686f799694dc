from django.contrib import admin
from django.db.models import Count

from core.admin import CuratorsEdit, LabelledAutocomplete

from .models import Area, AreaCodeAlias, PlaceName


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


@admin.register(PlaceName)
class PlaceNameAdmin(CuratorsEdit, admin.ModelAdmin):
    list_display = ["name", "label", "kind", "area_count", "ambiguous"]
    list_filter = ["kind", "ambiguous"]
    search_fields = ["name", "label", "note", "areas__name", "areas__code"]
    fields = ["name", "label", "kind", "areas", "ambiguous", "note"]
    # All 62 areas side by side: a county or a region is many clicks in a search box.
    filter_horizontal = ["areas"]
    list_per_page = 100

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(area_count=Count("areas"))

    @admin.display(description="areas", ordering="area_count")
    def area_count(self, place: PlaceName) -> int:
        return place.area_count

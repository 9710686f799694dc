from django import forms
from django.core.exceptions import ValidationError

from core.filters import chosen_texts, printable


class AreaCodeField(forms.ModelChoiceField):
    """An ONS code, current or retired; a retired code stands for the area(s) that replaced it.

    Cleans to a list of areas, because a retired county code can stand for two unitary authorities.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        areas = list(self.queryset.for_code(printable(str(value))))
        if not areas:
            raise ValidationError(
                "There is no northern local authority with the code %(code)s.",
                code="invalid_choice",
                params={"code": value},
            )
        return areas

    def label_from_instance(self, area) -> str:
        return f"{area.name} ({area.get_region_display()})"


class AreaCodesField(forms.ModelMultipleChoiceField):
    """Several ONS codes, current or retired (`?area=E08000032&area=E08000035`); cleans to the list of
    areas they stand for, each once."""

    def clean(self, value):
        areas = []
        for code in chosen_texts(value):
            for area in AreaCodeField(queryset=self.queryset).clean(code):
                if area not in areas:
                    areas.append(area)
        return areas

    def label_from_instance(self, area) -> str:
        return area.name

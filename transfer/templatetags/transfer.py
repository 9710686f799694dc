from django import template

from accounts.policy import is_curator as _is_curator

register = template.Library()


@register.filter
def is_curator(user) -> bool:
    """`{% if user|is_curator %}`: whether to offer curators' pages such as the CSV import."""
    return _is_curator(user)

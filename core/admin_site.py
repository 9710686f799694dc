"""The admin, for curators only.

The admin shows every field of every entry (private email addresses, unshown lived-experience text, an
organisation's editors, status and slug) and changes them without review, so it is no place for
anyone the site would not let do all of that: organisation editors and researchers use the site's
forms, which ask accounts.policy about each entry.
"""

from django.contrib.admin import AdminSite
from django.http import HttpRequest


class CuratorsAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        from accounts.policy import is_curator

        user = request.user
        return user.is_active and user.is_staff and is_curator(user)

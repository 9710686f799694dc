"""Every change to an entry is kept as a version (django-reversion), so it can be compared and restored.

A project's version includes its members, datasets used and outputs, so restoring it brings
those back too. Changes made through the site and the admin are recorded; each editing view
wraps its save in `recorded(...)`.
"""

import reversion
from django.apps import apps

# Entry models, with the rows that belong to them and are versioned with them.
VERSIONED = {
    "themes.Theme": (),
    "organisations.Organisation": (),
    "people.Researcher": (),
    "datasets.Dataset": (),
    "projects.Project": ("memberships", "usages", "outputs"),
}
PARTS = ("projects.Membership", "projects.DatasetUsage", "projects.Output")


def register_versioned_models() -> None:
    for label, follow in VERSIONED.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)
    for label in PARTS:
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model)

"""What the entries an import file updates hold now, read for the whole file in a few queries.

An import uses it to keep what no download could show (links to unpublished organisations and themes,
an unpublished organisation), and to tell the rows that change nothing, which it leaves untouched: no
new `updated` date, no version, no feed entry, no reindex.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from core.models import Entry
from projects.models import Membership

from .lookups import batches


def has_status(model: type[models.Model]) -> bool:
    return issubclass(model, Entry)


@dataclass
class Stored:
    # pk -> {attname: value} of each concrete field, as read.
    values: dict[int, dict[str, object]] = field(default_factory=dict)
    # many-to-many field -> pk -> ids of the entries it links to.
    links: dict[str, dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    # many-to-many field -> pk -> ids of linked entries that are not published (no download shows them).
    hidden_links: dict[str, dict[int, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    # foreign key -> ids of the entries it points to that are not published.
    hidden_targets: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    # project pk -> its lead's researcher pk.
    leads: dict[int, int] = field(default_factory=dict)

    @classmethod
    def read(
        cls, model: type[models.Model], entries: list[models.Model], relations: list[str], reads_lead: bool
    ) -> "Stored":
        """What `entries` (all of `model`) hold now in the `relations` fields a file names, and their
        leads when `reads_lead`. Queries: one per relation per BATCH_SIZE entries, and one per
        BATCH_SIZE for the leads."""
        stored = cls()
        attnames = [model_field.attname for model_field in model._meta.concrete_fields]
        for entry in entries:
            stored.values[entry.pk] = {name: getattr(entry, name) for name in attnames}
        pks = [entry.pk for entry in entries]
        for name in relations:
            model_field = model._meta.get_field(name)
            if model_field.many_to_many:
                stored.read_links(model_field, pks)
            elif has_status(model_field.related_model):
                targets = {getattr(entry, model_field.attname) for entry in entries} - {None}
                for batch in batches(targets):
                    hidden = model_field.related_model.objects.filter(pk__in=batch).exclude(
                        status=Entry.Status.PUBLISHED
                    )
                    stored.hidden_targets[name].update(hidden.values_list("pk", flat=True))
        if reads_lead:
            for batch in batches(pks):
                leads = Membership.objects.filter(project_id__in=batch, role=Membership.Role.LEAD)
                stored.leads.update(leads.values_list("project_id", "researcher_id"))
        return stored

    def read_links(self, model_field: models.ManyToManyField, pks: list[int]) -> None:
        through = model_field.remote_field.through
        own, other = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
        target_has_status = has_status(model_field.related_model)
        wanted = [f"{own}_id", f"{other}_id"] + ([f"{other}__status"] if target_has_status else [])
        for batch in batches(pks):
            rows = through.objects.filter(**{f"{own}_id__in": batch}).values_list(*wanted)
            for pk, target, *status in rows:
                self.links[model_field.name].setdefault(pk, []).append(target)
                if status and status[0] != Entry.Status.PUBLISHED:
                    self.hidden_links[model_field.name].setdefault(pk, []).append(target)

    def keeps_target(self, name: str, instance: models.Model) -> bool:
        """Whether a blank cell in foreign key `name` keeps `instance`'s target, which no download shows."""
        attname = instance._meta.get_field(name).attname
        return instance.pk is not None and getattr(instance, attname) in self.hidden_targets[name]

    def with_hidden_links(self, name: str, pk: int | None, ids: list[int]) -> list[int]:
        """`ids` and the entry's links of `name` that no download shows."""
        return list(dict.fromkeys([*ids, *self.hidden_links[name].get(pk, [])]))

    def changes(self, instance: models.Model, links: dict[str, list[int]], lead_pk: int | None) -> bool:
        """Whether saving `instance` with `links` and `lead_pk` would change what is stored."""
        before = self.values[instance.pk]
        if any(getattr(instance, name) != value for name, value in before.items()):
            return True
        if any(set(ids) != set(self.links[name].get(instance.pk, [])) for name, ids in links.items()):
            return True
        return lead_pk is not None and self.leads.get(instance.pk) != lead_pk

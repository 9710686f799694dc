"""The documents of many entries at once, for filling the index (search.indexing.rebuild, index_missing).

The builders of search.documents read an entry through prefetched model instances: right for the few
entries a save reindexes, but at national scale they made some fifty instances and as many querysets for
each entry. Here a batch of entries reads its links as plain rows, selected by the batch's ids along
indexed joins, and the small tables every entry points to (organisations, themes, areas, identifiers)
once for all the batches; then it hands them to the same functions as the builders
(search.documents.researcher_document…), so the documents are the same
(tests/search/test_batches.py compares them on both engines).
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import Model

from areas.models import Area
from datasets.models import Dataset, LinkageIdentifier, Variable
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

from .documents import (
    BUILDERS,
    MOST_VARIABLES_INDEXED,
    PUBLISHED,
    Document,
    Linked,
    ProjectLinks,
    dataset_document,
    project_document,
    project_places,
    researcher_document,
)
from .models import Kind


class Table:
    """A small table read once: its rows by id, and where each comes in the table's ordering."""

    def __init__(self, queryset):
        self.rows = {row.pk: row for row in queryset}
        self.position = {pk: position for position, pk in enumerate(self.rows)}

    def ordered(self, ids: Iterable[int], published_only: bool = True) -> list:
        """The rows of `ids` in the table's ordering, as a prefetch of them would list them."""
        rows = [self.rows[pk] for pk in sorted(ids, key=self.position.__getitem__)]
        return [row for row in rows if row.is_published] if published_only else rows


def grouped(rows: Iterable[tuple]) -> defaultdict[int, list]:
    """Rows (key, value) as lists of values by key, in the rows' order."""
    groups = defaultdict(list)
    for key, value in rows:
        groups[key].append(value)
    return groups


class Addresses:
    """Entries' addresses by their slugs: each model's `get_absolute_url` asked once, with a stand-in slug,
    and every other slug put in its place (a `reverse()` for each entry was a rebuild's largest single
    cost). A slug that `reverse()` would quote, or an address without the slug once in it, is asked of the
    entry itself."""

    MARK = "n8-slug-stand-in"
    PLAIN = re.compile(r"[-a-zA-Z0-9_]+\Z")

    def __init__(self):
        self.parts: dict[type[Model], tuple[str, str] | None] = {}

    def of(self, entry) -> str:
        model = type(entry)
        if model not in self.parts:
            self.parts[model] = self.split(entry)
        parts = self.parts[model]
        if parts is None or not self.PLAIN.match(entry.slug):
            return entry.get_absolute_url()
        return entry.slug.join(parts)

    def split(self, entry) -> tuple[str, str] | None:
        slug = entry.slug
        try:
            entry.slug = self.MARK
            address = entry.get_absolute_url()
        finally:
            entry.slug = slug
        parts = address.split(self.MARK)
        return (parts[0], parts[1]) if len(parts) == 2 else None


class Batches:
    """Builds the documents of batches of entries of one kind or another, reading the small tables once."""

    def __init__(self):
        self.organisations = Table(Organisation.objects.select_related("area"))
        self.themes = Table(Theme.objects.select_related("parent"))
        self.areas = Table(Area.objects.all())
        self.identifiers = Table(LinkageIdentifier.objects.all())
        # A dataset of each geographic scope, to ask what the model says of it (is it national, its label).
        self.scopes = {scope: Dataset(coverage_scope=scope) for scope, _ in Dataset.CoverageScope.choices}
        self.addresses = Addresses()

    def documents(self, kind: str, ids: list[int]) -> Iterator[Document]:
        """The documents of the published entries of `kind` among `ids`, in the order of their ids."""
        model, build = BUILDERS[kind]
        entries = model.objects.published().filter(pk__in=ids).order_by("pk")
        if kind == Kind.RESEARCHER:
            return self.researchers(entries, ids)
        if kind == Kind.DATASET:
            return self.datasets(entries, ids)
        if kind == Kind.PROJECT:
            return self.projects(entries, ids)
        return build(entries)

    def researchers(self, people, ids: list[int]) -> Iterator[Document]:
        through = Researcher.affiliations.through.objects.filter(researcher_id__in=ids)
        affiliations = grouped(through.values_list("researcher_id", "organisation_id"))
        through = Researcher.themes.through.objects.filter(researcher_id__in=ids)
        themes = grouped(through.values_list("researcher_id", "theme_id"))
        # In membership order (the project's title, the role, the researcher's name), as prefetched.
        memberships = Membership.objects.filter(researcher_id__in=ids, project__status=PUBLISHED)
        projects = grouped(memberships.values_list("researcher_id", "project_id"))
        links = self.project_links({pk for pks in projects.values() for pk in pks})
        for person in people:
            organisations = [self.organisations.rows.get(person.organisation_id)]
            organisations += self.organisations.ordered(affiliations[person.pk], published_only=False)
            yield researcher_document(
                person,
                [o for o in organisations if o is not None and o.is_published],
                self.themes.ordered(themes[person.pk]),
                [links[pk] for pk in projects[person.pk]],
                url=self.addresses.of(person),
            )

    def projects(self, projects, ids: list[int]) -> Iterator[Document]:
        links = self.project_links(ids, with_outputs=True)
        for project in projects:
            yield project_document(project, links[project.pk], url=self.addresses.of(project))

    def project_links(self, ids: Iterable[int], with_outputs: bool = False) -> dict[int, ProjectLinks]:
        """The links of the published projects among `ids`, as search.documents.linked_project gives them."""
        ids = list(ids)
        titles = dict(Project.objects.published().filter(pk__in=ids).values_list("pk", "title"))
        through = Project.themes.through.objects.filter(project_id__in=ids)
        themes = grouped(through.values_list("project_id", "theme_id"))
        through = Project.partner_organisations.through.objects.filter(project_id__in=ids)
        partners = grouped(through.values_list("project_id", "organisation_id"))
        # Links to drafts are left out here rather than in the query: SQLite would otherwise go through
        # every published researcher (or dataset) to find the batch's, even with statistics.
        members = defaultdict(list)
        rows = Membership.objects.filter(project_id__in=ids).values_list(
            "pk", "project_id", "role", "researcher_id", "researcher__name", "researcher__title",
            "researcher__organisation_id", "researcher__status",
        )  # fmt: skip
        for pk, project, role, researcher, name, title, organisation, status in rows:
            if status != PUBLISHED:
                continue
            person = Linked(researcher, name=name, title=title)
            person.display_name = Researcher.display_name.fget(person)
            person.organisation = self.organisations.rows.get(organisation)
            members[project].append(Linked(pk, role=role, researcher=person))
        datasets, used = defaultdict(list), {}
        rows = DatasetUsage.objects.filter(project_id__in=ids).values_list(
            "project_id", "dataset_id", "dataset__title", "dataset__keywords", "dataset__coverage_scope",
            "dataset__status",
        )  # fmt: skip
        for project, pk, title, keywords, scope, status in rows:
            if status != PUBLISHED:
                continue
            dataset = used.get(pk)
            if dataset is None:
                like = self.scopes.get(scope) or Dataset(coverage_scope=scope)
                dataset = used[pk] = Linked(
                    pk, title=title, keywords=keywords, coverage_scope=scope, is_national=like.is_national
                )
                dataset.get_coverage_scope_display = like.get_coverage_scope_display
            datasets[project].append(dataset)
        through = Dataset.areas.through.objects.filter(dataset_id__in=list(used))
        areas = grouped(through.values_list("dataset_id", "area_id"))
        outputs = defaultdict(list)
        if with_outputs:
            rows = Output.objects.filter(project_id__in=ids).values_list(
                "pk", "project_id", "title", "key_finding"
            )
            for pk, project, title, key_finding in rows:
                outputs[project].append(Linked(pk, title=title, key_finding=key_finding))
        links = {}
        for pk, title in titles.items():
            organisations = self.organisations.ordered(partners[pk])
            used_data = datasets[pk]
            links[pk] = ProjectLinks(
                title=title,
                themes=self.themes.ordered(themes[pk]),
                memberships=members[pk],
                datasets=used_data,
                partners=organisations,
                outputs=outputs[pk],
                places=project_places(
                    organisations,
                    members[pk],
                    ((d, self.areas.ordered(areas[d.pk], published_only=False)) for d in used_data),
                ),
            )
        return links

    def datasets(self, datasets, ids: list[int]) -> Iterator[Document]:
        through = Dataset.themes.through.objects.filter(dataset_id__in=ids)
        themes = grouped(through.values_list("dataset_id", "theme_id"))
        through = Dataset.areas.through.objects.filter(dataset_id__in=ids)
        areas = grouped(through.values_list("dataset_id", "area_id"))
        through = Dataset.identifiers.through.objects.filter(dataset_id__in=ids)
        identifiers = grouped(through.values_list("dataset_id", "linkageidentifier_id"))
        through = Dataset.linked_datasets.through.objects.filter(from_dataset_id__in=ids)
        linked = grouped(
            (source, Linked(pk, title=title))
            for source, pk, title, status in through.order_by("to_dataset__title").values_list(
                "from_dataset_id", "to_dataset_id", "to_dataset__title", "to_dataset__status"
            )
            if status == PUBLISHED
        )
        variables = defaultdict(list)
        rows = (
            Variable.objects.filter(dataset_id__in=ids)
            .order_by("dataset_id", "table__position", "table__name", "position", "name")
            .values_list("pk", "dataset_id", "name", "label")
        )
        for pk, dataset, name, label in rows:
            if len(variables[dataset]) < MOST_VARIABLES_INDEXED:
                variables[dataset].append(Linked(pk, name=name, label=label))
        for dataset in datasets:
            custodian = self.organisations.rows.get(dataset.custodian_id)
            yield dataset_document(
                dataset,
                custodian=custodian if custodian is not None and custodian.is_published else None,
                themes=self.themes.ordered(themes[dataset.pk]),
                areas=self.areas.ordered(areas[dataset.pk], published_only=False),
                identifiers=self.identifiers.ordered(identifiers[dataset.pk], published_only=False),
                variables=variables[dataset.pk],
                linked_datasets=linked[dataset.pk],
                url=self.addresses.of(dataset),
            )

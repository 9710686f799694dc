"""Loads the demo directory. Safe to run again: entries are matched by slug and updated."""

import datetime

from django.db import transaction
from django.utils import timezone

from areas.models import Area
from collection.models import Collection, CollectionItem
from datasets.access_facts import ACCESS_FACTS
from datasets.models import AccessStep, Dataset, LinkageIdentifier, Observation
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from search import indexing
from themes.models import Theme

from . import access_routes
from . import collections as collection_content
from . import datasets as dataset_content
from . import opportunities as opportunity_content
from . import organisations as organisation_content
from .dictionaries import load_dictionaries
from .people_and_projects import PROJECTS, researchers

PUBLISHED = Organisation.Status.PUBLISHED
DATASET_FIELDS = {
    "title",
    "summary",
    "description",
    "keywords",
    "source_kind",
    "population",
    "min_age",
    "max_age",
    "includes_antenatal",
    "coverage_scope",
    "start_year",
    "end_year",
    "is_ongoing",
    "unit_of_observation",
    "access_level",
    *ACCESS_FACTS,
    "licence",
    "formats",
    "update_frequency",
    "landing_page",
}


@transaction.atomic
def load_demo(log=print) -> None:
    """Create or update every demo entry, all or nothing, then rebuild the search index once."""
    with indexing.paused():
        load_entries(log)
    log(f"Search index: {indexing.rebuild()} entries")


def load_entries(log) -> None:
    organisations = load_organisations()
    log(f"Organisations: {len(organisations)}")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    datasets = load_datasets(organisations, themes)
    log(f"Datasets: {len(datasets)}")
    people = load_researchers(organisations, themes)
    log(f"Researchers: {len(people)}")
    projects = load_projects(organisations, themes, datasets, people)
    log(f"Projects: {len(projects)}")
    collections = load_collections(themes, datasets, projects)
    log(f"Collections: {len(collections)}")
    log(f"Data dictionaries: {load_dictionaries(datasets, themes)} variables")
    opportunities = load_opportunities(projects)
    log(f"Opportunities to get involved: {len(opportunities)}")


def load_organisations() -> dict[str, Organisation]:
    areas = {area.code: area for area in Area.objects.all()}
    organisations = {}
    for slug, (name, short_name, website, ror_id) in organisation_content.N8_UNIVERSITIES.items():
        organisations[slug] = save(
            Organisation,
            slug,
            name=name,
            short_name=short_name,
            kind=Organisation.Kind.UNIVERSITY,
            is_n8_member=True,
            website=website,
            ror_id=ror_id,
            description=f"{name} is one of the eight universities of the N8 Research Partnership.",
        )
    bodies = [(organisation_content.OTHER_BODIES, False), (organisation_content.SAMPLE_BODIES, True)]
    for content, is_sample in bodies:
        for slug, (name, short_name, kind, website, area_code, description) in content.items():
            organisations[slug] = save(
                Organisation,
                slug,
                name=name,
                short_name=short_name,
                kind=kind,
                website=website,
                area=areas.get(area_code),
                description=description,
                is_sample=is_sample,
            )
    return organisations


def load_datasets(organisations, themes) -> dict[str, Dataset]:
    areas = {area.code: area for area in Area.objects.all()}
    identifiers = {identifier.slug: identifier for identifier in LinkageIdentifier.objects.all()}
    content = [(entry, False) for entry in dataset_content.REAL_DATASETS]
    content += [
        ({**entry, "custodian": dataset_content.SAMPLE_CUSTODIAN}, True)
        for entry in dataset_content.SAMPLE_DATASETS
    ]
    datasets = {}
    for entry, is_sample in content:
        route = access_routes.ROUTES.get(entry["slug"], {})
        confirmed = {
            "access_confirmed_on": access_routes.CHECKED_ON,
            "access_confirmed_by": access_routes.CHECKED_BY,
        }
        dataset = save(
            Dataset,
            entry["slug"],
            custodian=organisations[entry["custodian"]],
            is_sample=is_sample,
            **{field: value for field, value in {**entry, **route}.items() if field in DATASET_FIELDS},
            **(confirmed if route else {}),
        )
        load_route(dataset, route)
        dataset.themes.set(themes[slug] for slug in entry["themes"])
        dataset.areas.set(areas[code] for code in entry.get("areas", []))
        dataset.identifiers.set(identifiers[slug] for slug in entry.get("identifiers", []))
        datasets[dataset.slug] = dataset
    for entry, _ in content:
        datasets[entry["slug"]].linked_datasets.set(datasets[slug] for slug in entry.get("linked", []))
    return datasets


def load_route(dataset: Dataset, route: dict) -> None:
    """Replaces a dataset's steps to access and dated counts with the route's."""
    dataset.access_steps.all().delete()
    for position, (title, description, url) in enumerate(route.get("steps", []), start=1):
        step = AccessStep(dataset=dataset, position=position, title=title, description=description, url=url)
        step.full_clean()
        step.save()
    dataset.observations.all().delete()
    for measure, count, observed_on, description in route.get("observations", []):
        observation = Observation(
            dataset=dataset, measure=measure, count=count, observed_on=observed_on, description=description
        )
        observation.full_clean()
        observation.save()


def load_researchers(organisations, themes) -> list[Researcher]:
    people = []
    for entry in researchers():
        entry = dict(entry)
        slug, theme_slugs, affiliations = entry.pop("slug"), entry.pop("themes"), entry.pop("affiliations")
        entry["organisation"] = organisations[entry["organisation"]]
        person = save(Researcher, slug, is_sample=True, **entry)
        person.themes.set(themes[theme] for theme in theme_slugs)
        person.affiliations.set(organisations[affiliation] for affiliation in affiliations)
        people.append(person)
    return people


def load_projects(organisations, themes, datasets, people) -> list[Project]:
    projects = []
    for entry in PROJECTS:
        project = save(
            Project,
            entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            stage=entry["stage"],
            start_date=datetime.date(*entry["start"], 1),
            end_date=datetime.date(*entry["end"], 28),
            funder=entry["funder"],
            is_sample=True,
        )
        project.partner_organisations.set(organisations[slug] for slug in entry["partners"])
        project.themes.set(themes[slug] for slug in entry["themes"])
        team = [(entry["lead"], Membership.Role.LEAD)] + [
            (index, role_for(people[index])) for index in entry["members"]
        ]
        project.memberships.exclude(researcher__in=[people[index] for index, _ in team]).delete()
        for index, role in team:
            Membership.objects.update_or_create(
                project=project, researcher=people[index], defaults={"role": role}
            )
        project.usages.exclude(dataset__slug__in=[slug for slug, _ in entry["datasets"]]).delete()
        for slug, note in entry["datasets"]:
            DatasetUsage.objects.update_or_create(
                project=project, dataset=datasets[slug], defaults={"note": note}
            )
        project.outputs.exclude(title__in=[output[1] for output in entry["outputs"]]).delete()
        for kind, title, year, finding in entry["outputs"]:
            Output.objects.update_or_create(
                project=project, title=title, defaults={"kind": kind, "year": year, "key_finding": finding}
            )
        projects.append(project)
    return projects


def load_collections(themes, datasets, projects) -> list[Collection]:
    projects_by_slug = {project.slug: project for project in projects}
    collections = []
    for entry in collection_content.COLLECTIONS:
        collection = save(
            Collection,
            entry["slug"],
            title=entry["title"],
            introduction=entry["introduction"],
            theme=themes[entry["theme"]],
            is_sample=True,
        )
        collection.items.all().delete()
        for position, (kind, key, note) in enumerate(entry["items"], start=1):
            if kind == "dataset":
                target = datasets[key]
            elif kind == "project":
                target = projects_by_slug[key]
            elif kind == "output":
                target = Output.objects.get(title=key)
            else:
                target = projects_by_slug[key].memberships.get(role=Membership.Role.LEAD).researcher
            item = CollectionItem(collection=collection, position=position * 10, note=note, **{kind: target})
            item.full_clean()
            item.save()
        collections.append(collection)
    return collections


def load_opportunities(projects) -> list[Opportunity]:
    """The sample opportunities, each closing some days from today so the demo always has open ones."""
    projects_by_slug = {project.slug: project for project in projects}
    today = timezone.localdate()
    opportunities = []
    for entry in opportunity_content.OPPORTUNITIES:
        fields = {
            name: value
            for name, value in entry.items()
            if name not in ("slug", "project", "wants", "closes_in_days")
        }
        wants = {field: field in entry["wants"] for field in Opportunity.AUDIENCES.values()}
        opportunities.append(
            save(
                Opportunity,
                entry["slug"],
                project=projects_by_slug[entry["project"]],
                closes_on=today + datetime.timedelta(days=entry["closes_in_days"]),
                contact_email=f"{entry['slug'].removeprefix('sample-')}@example.org",
                is_sample=True,
                **wants,
                **fields,
            )
        )
    return opportunities


def role_for(person: Researcher) -> str:
    if person.career_stage == Researcher.CareerStage.STUDENT:
        return Membership.Role.LIVED_EXPERIENCE if person.has_lived_experience else Membership.Role.STUDENT
    if person.organisation and person.organisation.kind == Organisation.Kind.LOCAL_AUTHORITY:
        return Membership.Role.PRACTITIONER
    if person.career_stage == Researcher.CareerStage.SENIOR:
        return Membership.Role.CO_INVESTIGATOR
    return Membership.Role.RESEARCHER


def save(model, slug: str, **fields):
    """Create or update one published entry, checked like a curator's edit would be."""
    entry = model.objects.filter(slug=slug).first() or model(slug=slug)
    for name, value in {"status": PUBLISHED, **fields}.items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    return entry

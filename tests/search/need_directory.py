"""A small directory written for the search-needs tests, independent of the demo data.

Thirteen datasets chosen so that topic, place and age each decide something: two SEND datasets in
Bradford (ages 5–16 and 16–25) and one in Sunderland, Born in Bradford, England-wide and UK-wide data
that covers every area, asthma in Leeds and air pollution in Sheffield. The people who used them are
linked through projects, as in the real directory, and the organisations are placed in their areas.

`need_directory` is module-scoped: the rows are committed once, indexed with one rebuild, and
removed at the end of the module. Tests read them and never change them.
"""

import pytest

from areas.models import Area
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from search import indexing
from search.models import SearchEntry, SearchLog, SearchWord
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
)

BRADFORD, LEEDS, SHEFFIELD, HULL = "E08000032", "E08000035", "E08000039", "E06000010"
GATESHEAD, SUNDERLAND, MANCHESTER, SALFORD = "E08000037", "E08000024", "E08000003", "E08000006"
YORK, NEWCASTLE, LANCASTER, BURY = "E06000014", "E08000021", "E07000121", "E08000002"

# Titles, as the tests name them.
NPD = "National Pupil Database"
BRADFORD_SEND = "Bradford SEND support records"
BRADFORD_ADULTHOOD = "Bradford preparing for adulthood records"
SUNDERLAND_SEND = "Sunderland SEND tribunal records"
BIB = "Born in Bradford"
GATESHEAD_NEET = "Gateshead NEET tracking"
LEEDS_ASTHMA = "Leeds childhood asthma register"
GM_EARLY_YEARS = "Greater Manchester early years development"
SHEFFIELD_AIR = "Sheffield air pollution monitoring near schools"
HULL_CLA = "Hull children looked after records"
MCS = "Millennium Cohort Study"
COVID = "COVID-19 Schools Infection Survey"
POST_16 = "Post-16 destinations measures"
DATASETS = [
    NPD, BRADFORD_SEND, BRADFORD_ADULTHOOD, SUNDERLAND_SEND, BIB, GATESHEAD_NEET, LEEDS_ASTHMA,
    GM_EARLY_YEARS, SHEFFIELD_AIR, HULL_CLA, MCS, COVID, POST_16,
]  # fmt: skip

ASHWORTH = "Professor Amara Ashworth"
CLARKE = "Dr Ben Clarke"
SHAH = "Dr Priya Shah"
TOM_LANCASTER = "Dr Tom Lancaster"
RAHMAN = "Dr Aisha Rahman"
MOSS = "Dr Ellen Moss"
OKAFOR = "Dr Sam Okafor"
LIDDLE = "Dr Grace Liddle"
RESEARCHERS = [ASHWORTH, CLARKE, SHAH, TOM_LANCASTER, RAHMAN, MOSS, OKAFOR, LIDDLE]

BIB_PROJECT = "Growing up in Bradford: outdoor play and wellbeing"
SEND_PROJECT = "Attainment of pupils with special educational needs"
EARLY_YEARS_PROJECT = "Early years in Greater Manchester: childcare and child development"
ASTHMA_PROJECT = "Asthma in Leeds primary schools"
BURY_PROJECT = "Do not bury the findings: reporting child health trials"
MCS_PROJECT = "Social mobility in the Millennium Cohort Study"
NEET_PROJECT = "Pathways for young people not in education, employment or training"

YORK_UNIVERSITY = "University of York"
NEWCASTLE_UNIVERSITY = "Newcastle University"
BIHR = "Bradford Institute for Health Research"


def area(code: str) -> Area:
    return Area.objects.get(code=code)


def build() -> None:
    """Creates the directory (with indexing paused: the caller rebuilds the index once)."""
    organisation = OrganisationFactory
    dfe = organisation(name="Department for Education", short_name="DfE", kind="public-body")
    york = organisation(name=YORK_UNIVERSITY, area=area(YORK))
    newcastle = organisation(name=NEWCASTLE_UNIVERSITY, area=area(NEWCASTLE))
    bihr = organisation(name=BIHR, kind="research-institute", area=area(BRADFORD))
    leeds_trust = organisation(name="Leeds Teaching Hospitals NHS Trust", kind="nhs-trust", area=area(LEEDS))
    manchester = organisation(name="University of Manchester", area=area(MANCHESTER))
    hull = organisation(name="Hull City Council", kind="local-authority", area=area(HULL))
    gateshead = organisation(name="Gateshead Council", kind="local-authority", area=area(GATESHEAD))
    sheffield = organisation(name="Sheffield City Council", kind="local-authority", area=area(SHEFFIELD))
    bradford = organisation(
        name="City of Bradford Metropolitan District Council", kind="local-authority", area=area(BRADFORD)
    )
    sunderland = organisation(name="Sunderland City Council", kind="local-authority", area=area(SUNDERLAND))
    ukhsa = organisation(name="UK Health Security Agency", kind="public-body")
    cls = organisation(name="Centre for Longitudinal Studies", kind="research-institute")

    def dataset(title, custodian, ages, keywords, summary, areas=(), scope="local", kind="administrative"):
        made = DatasetFactory(
            title=title,
            custodian=custodian,
            min_age=ages[0],
            max_age=ages[1],
            keywords=keywords,
            summary=summary,
            coverage_scope=scope,
            source_kind=kind,
        )
        made.areas.set([area(code) for code in areas])
        return made

    data = {
        NPD: dataset(
            NPD, dfe, (4, 18),
            "SEND, special educational needs, FSM, free school meals, attainment, KS2, key stage 2, exclusions",
            "Pupil-level attainment, characteristics and school census records for every state school "
            "pupil in England.",
            scope="england", kind="education",
        ),
        BRADFORD_SEND: dataset(
            BRADFORD_SEND, bradford, (5, 16),
            "SEND, special educational needs, EHCP, education health and care plan",
            "Special educational needs support and education, health and care plans for pupils in "
            "Bradford schools.",
            areas=[BRADFORD],
        ),
        BRADFORD_ADULTHOOD: dataset(
            BRADFORD_ADULTHOOD, bradford, (16, 25),
            "SEND, preparation for adulthood, transitions",
            "Young people with special educational needs moving from school to adult services.",
            areas=[BRADFORD],
        ),
        SUNDERLAND_SEND: dataset(
            SUNDERLAND_SEND, sunderland, (5, 16),
            "SEND, EHCP, tribunal, special educational needs",
            "Appeals about special educational needs provision heard for Sunderland pupils.",
            areas=[SUNDERLAND],
        ),
        BIB: dataset(
            BIB, bihr, (0, 16),
            "birth cohort, asthma, childhood obesity, ethnicity",
            "A birth cohort following 13,776 children born in the city between 2007 and 2011, and their "
            "families.",
            areas=[BRADFORD], kind="cohort",
        ),
        GATESHEAD_NEET: dataset(
            GATESHEAD_NEET, gateshead, (16, 18),
            "NEET, not in education employment or training, participation",
            "Monthly tracking of young people who are not in education, employment or training.",
            areas=[GATESHEAD],
        ),
        LEEDS_ASTHMA: dataset(
            LEEDS_ASTHMA, leeds_trust, (0, 11),
            "asthma, respiratory, inhalers, emergency admissions",
            "Children under twelve with an asthma diagnosis, their prescriptions and emergency admissions.",
            areas=[LEEDS], kind="clinical",
        ),
        GM_EARLY_YEARS: dataset(
            GM_EARLY_YEARS, manchester, (0, 5),
            "early years, EYFS, school readiness, childcare, two-year-old checks",
            "Development checks at two and at the end of Reception, with childcare used.",
            areas=[MANCHESTER, SALFORD], kind="survey",
        ),
        SHEFFIELD_AIR: dataset(
            SHEFFIELD_AIR, sheffield, (0, 18),
            "air pollution, air quality, NO2, asthma",
            "Nitrogen dioxide and particulates measured outside primary and secondary schools.",
            areas=[SHEFFIELD], kind="other",
        ),
        HULL_CLA: dataset(
            HULL_CLA, hull, (0, 18),
            "CLA, looked after children, children in care, children's services, care leavers",
            "Placements, moves and outcomes of children in the council's care.",
            areas=[HULL], kind="social-care",
        ),
        MCS: dataset(
            MCS, cls, (0, 22),
            "cohort, longitudinal, child development",
            "A study following around 19,000 young people born across the four nations in 2000 to 2002.",
            scope="uk", kind="cohort",
        ),
        COVID: dataset(
            COVID, ukhsa, (4, 18),
            "COVID-19, coronavirus, pandemic, school attendance",
            "Infection and antibody testing of pupils and staff during the pandemic.",
            scope="england", kind="survey",
        ),
        POST_16: dataset(
            POST_16, dfe, (16, 18),
            "post-16, destinations, NEET, sustained education, apprenticeships",
            "Where pupils go after Key Stage 4 and after 16 to 18 study.",
            scope="england", kind="education",
        ),
    }  # fmt: skip

    def person(name, title, organisation, expertise):
        return ResearcherFactory(
            name=name, title=title, organisation=organisation, expertise=expertise, biography=""
        )

    people = {
        ASHWORTH: person("Amara Ashworth", "Professor", bihr, "birth cohorts, child health inequalities"),
        CLARKE: person("Ben Clarke", "Dr", newcastle, "epidemiology, physical activity"),
        SHAH: person("Priya Shah", "Dr", york, "SEND, special educational needs, inclusion"),
        TOM_LANCASTER: person("Tom Lancaster", "Dr", york, "economics of education, school funding"),
        RAHMAN: person("Aisha Rahman", "Dr", leeds_trust, "air pollution, respiratory health, asthma"),
        MOSS: person("Ellen Moss", "Dr", manchester, "early childhood development, childcare"),
        OKAFOR: person("Sam Okafor", "Dr", newcastle, "longitudinal methods, social mobility"),
        LIDDLE: person("Grace Liddle", "Dr", newcastle, "youth employment, NEET"),
    }

    def project(title, summary, members, used=(), partners=()):
        made = ProjectFactory(title=title, summary=summary, funder="")
        for position, name in enumerate(members):
            MembershipFactory(
                project=made, researcher=people[name], role="lead" if position == 0 else "researcher"
            )
        for name in used:
            DatasetUsageFactory(project=made, dataset=data[name])
        made.partner_organisations.set(partners)
        return made

    project(
        BIB_PROJECT, "How outdoor play shapes wellbeing in a birth cohort.", [ASHWORTH, CLARKE], [BIB], [bihr]
    )
    project(
        SEND_PROJECT,
        "Comparing the progress of pupils with and without SEND, nationally and in one city.",
        [SHAH, TOM_LANCASTER],
        [NPD, BRADFORD_SEND],
    )
    project(EARLY_YEARS_PROJECT, "Childcare and development at age two.", [MOSS], [GM_EARLY_YEARS])
    project(ASTHMA_PROJECT, "Emergency admissions for asthma among pupils.", [RAHMAN], [LEEDS_ASTHMA])
    project(BURY_PROJECT, "Why results of trials in child health go unreported.", [OKAFOR])
    project(MCS_PROJECT, "Who moves up and who stays put, from birth to adulthood.", [OKAFOR], [MCS])
    project(
        NEET_PROJECT,
        "Routes back into learning and work at 16 to 18.",
        [LIDDLE],
        [GATESHEAD_NEET, POST_16],
        [gateshead],
    )  # fmt: skip


def remove() -> None:
    for model in (Project, Researcher, Dataset, Organisation, SearchEntry, SearchWord, SearchLog):
        model.objects.all().delete()


@pytest.fixture(scope="module")
def need_directory(django_db_setup, django_db_blocker):
    """The directory above, committed and indexed once for a module of read-only tests, then removed."""
    with django_db_blocker.unblock():
        with indexing.paused():
            build()
        indexing.rebuild()
    yield
    with django_db_blocker.unblock(), indexing.paused():
        remove()

"""Mixed traffic for the load test: `scripts/loadtest` runs it against gunicorn (see docs/performance.md).

Each simulated visitor searches (common, rare and misspelt words, phrases, with and without facets),
browses facets without words, opens filtered lists and detail pages, types into the search box
(autocomplete), reads the JSON API and looks at the coverage map, in the proportions of the weights
below. Detail pages are real entries of the database under test: a sample of slugs is read from the
API when locust starts, before the timed run, so nothing here depends on one particular directory.

Anything but a 200 is a failure, redirects and 429 (rate limited) included: the server under test is
started with RATELIMIT_ENABLE=false, so a 429 means the limits were not switched off.

Think time between a visitor's requests is LOADTEST_WAIT seconds, "low,high" (default "1,3").
"""

import os
import random
from urllib.parse import quote_plus

import requests
from locust import HttpUser, between, events, task

# What a visitor types: words that match a large share of the directory, rare ones, phrases, typos.
COMMON_WORDS = ["health", "mental health", "school", "children", "education", "survey", "cohort"]
RARE_WORDS = ["4242", "bereavement", "knife crime", "breastfeeding", "apprenticeships", "NEET", "asthma"]
PHRASES = ['"school readiness"', '"young carers"', '"free school meals"', '"oral health"', '"air pollution"']
TYPOS = ["obesty", "anxeity", "immunsation", "atendance", "wellbieng"]
PREFIXES = ["brad", "lee", "sch", "ment", "obe", "cohort", "york", "man", "ear", "you", "heal", "newc"]

THEMES = [
    "children-looked-after",
    "early-years",
    "education",
    "healthy-weight",
    "mental-health",
    "physical-health",
    "poverty-and-cost-of-living",
    "school-readiness",
    "special-educational-needs",
    "youth-justice",
]
AREAS = ["E08000032", "E08000035", "E08000003", "E08000021", "E06000014", "E08000039", "E08000036"]
LIFE_STAGES = ["antenatal", "early-years", "primary", "secondary", "post-16", "young-adults"]
ACCESS_LEVELS = ["open", "safeguarded", "controlled"]
CAREER_STAGES = ["student", "early", "mid", "senior"]
PROJECT_STAGES = ["planned", "active", "completed"]
KINDS = ["dataset", "researcher", "project"]

# Slugs of real entries, filled once when the test starts (see read_slugs).
SLUGS: dict[str, list[str]] = {"datasets": [], "researchers": [], "projects": [], "organisations": []}
# Pages of the API read for slugs: spread over the first few thousand entries of each kind.
SLUG_PAGES = (1, 5, 20)
# How many of the API's pages of 20 each list has (at most 20 are visited), also filled at the start.
API_PAGES: dict[str, int] = {}


@events.init.add_listener
def read_slugs(environment, **kwargs) -> None:
    """Reads a few hundred real slugs of each kind from the API, before the timed run starts."""
    if not environment.host:
        return
    with requests.Session() as session:
        session.headers["X-Forwarded-Proto"] = "https"
        for kind in SLUGS:
            for page in SLUG_PAGES:
                response = session.get(
                    f"{environment.host}/api/v1/{kind}/", params={"page": page, "page_size": 100}, timeout=60
                )
                if response.status_code != 200:
                    break
                answer = response.json()
                SLUGS[kind] += [entry["slug"] for entry in answer["results"]]
                API_PAGES[kind] = max(1, min(20, -(-answer["count"] // 20)))
    missing = [kind for kind, slugs in SLUGS.items() if not slugs]
    if missing:
        raise RuntimeError(
            f"No {', '.join(missing)} found through {environment.host}/api/v1/: is the database filled?"
        )


def wait_range() -> tuple[float, float]:
    low, high = os.environ.get("LOADTEST_WAIT", "1,3").split(",")
    return float(low), float(high)


class Visitor(HttpUser):
    wait_time = between(*wait_range())

    def on_start(self) -> None:
        # As the TLS-terminating proxy in front of the portal would: production settings redirect plain HTTP.
        self.client.headers["X-Forwarded-Proto"] = "https"

    def get(self, name: str, url: str) -> None:
        """Fetches url, counted under name; anything but a 200 (redirects too) is a failure."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    def slug(self, kind: str) -> str:
        return random.choice(SLUGS[kind])

    # Searches: a third of all traffic.
    @task(5)
    def search_common_word(self) -> None:
        self.get("search: common word", f"/search/?q={quote_plus(random.choice(COMMON_WORDS))}")

    @task(4)
    def search_rare_word(self) -> None:
        self.get("search: rare word", f"/search/?q={quote_plus(random.choice(RARE_WORDS))}")

    @task(2)
    def search_phrase(self) -> None:
        self.get("search: phrase", f"/search/?q={quote_plus(random.choice(PHRASES))}")

    @task(2)
    def search_typo(self) -> None:
        self.get("search: typo", f"/search/?q={quote_plus(random.choice(TYPOS))}")

    @task(3)
    def search_with_facets(self) -> None:
        words = quote_plus(random.choice(COMMON_WORDS + RARE_WORDS))
        facets = f"kind=dataset&access_level={random.choice(ACCESS_LEVELS)}"
        if random.random() < 0.5:
            facets = f"kind={random.choice(KINDS)}&theme={random.choice(THEMES)}"
        self.get("search: words + facets", f"/search/?q={words}&{facets}")

    @task(2)
    def browse_facets(self) -> None:
        self.get(
            "search: facets, no words", f"/search/?theme={random.choice(THEMES)}&kind={random.choice(KINDS)}"
        )

    # Lists, filtered as people narrow them.
    @task(3)
    def list_datasets(self) -> None:
        filters = f"area={random.choice(AREAS)}&life_stage={random.choice(LIFE_STAGES)}"
        if random.random() < 0.3:
            filters = f"access_level={random.choice(ACCESS_LEVELS)}&page={random.randint(1, 5)}"
        self.get("list: datasets", f"/datasets/?{filters}")

    @task(3)
    def list_researchers(self) -> None:
        filters = f"theme={random.choice(THEMES)}&career_stage={random.choice(CAREER_STAGES)}"
        self.get("list: researchers", f"/researchers/?{filters}")

    @task(2)
    def list_projects(self) -> None:
        self.get(
            "list: projects",
            f"/projects/?stage={random.choice(PROJECT_STAGES)}&theme={random.choice(THEMES)}",
        )

    # Detail pages: where most visits from search engines land.
    @task(5)
    def dataset_detail(self) -> None:
        self.get("detail: dataset", f"/datasets/{self.slug('datasets')}/")

    @task(5)
    def researcher_detail(self) -> None:
        self.get("detail: researcher", f"/researchers/{self.slug('researchers')}/")

    @task(3)
    def project_detail(self) -> None:
        self.get("detail: project", f"/projects/{self.slug('projects')}/")

    @task(2)
    def organisation_detail(self) -> None:
        self.get("detail: organisation", f"/organisations/{self.slug('organisations')}/")

    # Autocomplete: a few requests per search typed, so the most frequent.
    @task(8)
    def autocomplete(self) -> None:
        self.get("autocomplete", f"/search/suggest/?q={random.choice(PREFIXES)}")

    # The JSON API.
    @task(2)
    def api_list(self) -> None:
        kind = random.choice(["datasets", "researchers", "projects"])
        self.get("api: list", f"/api/v1/{kind}/?page={random.randint(1, API_PAGES[kind])}")

    @task(2)
    def api_detail(self) -> None:
        kind = random.choice(list(SLUGS))
        self.get("api: detail", f"/api/v1/{kind}/{self.slug(kind)}/")

    # Other pages.
    @task(1)
    def coverage_map(self) -> None:
        self.get("coverage map", "/coverage/")

    @task(1)
    def home(self) -> None:
        self.get("home", "/")

"""Every kind of page the portal shows, in one list, with an example of each picked from the demo directory.

`public_pages()` are what a visitor sees; `curator_pages(curator)` are what a curator sees on top of them
(curators may do everything, so their pages cover every editor's). Each page is visited in the browser by
its `visit`: most simply go to their address; a few first do what leads to them (submit a form, add a
dataset to the journey) and return the response of the page that follows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from areas.models import Area
from collection.models import Collection
from datasets.models import Dataset
from following.tokens import token_for_user
from involvement.models import Opportunity
from jobs.models import Job
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    status: int = 200
    # Goes to the page in `page` (a Playwright page) on the site at `site`; returns the server's response.
    visit: Callable | None = None

    def open(self, page, site: str):
        if self.visit:
            return self.visit(page, site, self.path)
        return page.goto(site + self.path)


def after_clicking(button: str, then: str | None = None) -> Callable:
    """Goes to the page, presses `button`, and answers with the page it leads to (or then goes to `then`)."""

    def visit(page, site: str, path: str):
        page.goto(site + path)
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name=button, exact=True).click()
        if then:
            return page.goto(site + then)
        return navigation.value

    return visit


def uploading_a_dictionary(page, site: str, path: str):
    """Uploads a two-variable CSV and answers with the page that follows (the preview: tests run jobs at once)."""
    page.goto(site + path)
    page.get_by_label("Data dictionary file").set_input_files(
        files=[
            {
                "name": "dictionary.csv",
                "mimeType": "text/csv",
                "buffer": b"name,label\nfsm,Free meals\nsen,SEN\n",
            }
        ]
    )
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Check the file", exact=True).click()
    return navigation.value


def uploading_a_large_csv(page, site: str, path: str):
    """Uploads 150 organisations, one of them wrong, and answers with the preview that follows: its rows
    a page at a time, the problems above them."""
    rows = "".join(
        f"Browser organisation {number},{'nonsense' if number == 7 else 'charity'}\n" for number in range(150)
    )
    page.goto(site + path)
    page.get_by_label("What the file lists").select_option("organisations")
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "organisations.csv", "mimeType": "text/csv", "buffer": f"name,kind\n{rows}".encode()}]
    )
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Check the file", exact=True).click()
    return navigation.value


def examples() -> dict:
    """One published entry of each kind from the demo directory, preferring the ones with most to show."""
    return {
        "researcher": Researcher.objects.published().filter(projects__isnull=False).order_by("slug").first(),
        "dataset": Dataset.objects.published().filter(areas__isnull=False).order_by("slug").first(),
        "project": Project.objects.published().filter(members__isnull=False).order_by("slug").first(),
        "organisation": Organisation.objects.published()
        .filter(datasets__isnull=False)
        .order_by("slug")
        .first(),
        "theme": Theme.objects.published().filter(parent__isnull=True).order_by("slug").first(),
        "area": Area.objects.filter(datasets__isnull=False).order_by("code").first(),
        "collection": Collection.objects.published().order_by("slug").first(),
        "contactable dataset": Dataset.objects.published().exclude(contact_email="").order_by("slug").first(),
        "opportunity": Opportunity.objects.open().order_by("slug").first(),
        "uncontactable dataset": Dataset.objects.published()
        .filter(contact_email="")
        .order_by("slug")
        .first(),
    }


def public_pages() -> list[PageType]:
    entry = examples()
    dataset, researcher, theme = entry["dataset"], entry["researcher"], entry["theme"]
    return [
        PageType("home", "/"),
        PageType("about", "/about/"),
        PageType("researcher list", "/researchers/"),
        PageType("dataset list", "/datasets/"),
        PageType("dataset list, filtered to nothing", f"/datasets/?area=NOPE&theme={theme.slug}"),
        PageType("project list", "/projects/"),
        PageType("organisation list", "/organisations/"),
        PageType("theme list", "/themes/"),
        PageType("area list", "/areas/"),
        PageType("collection list", "/collections/"),
        PageType("researcher", researcher.get_absolute_url()),
        PageType("dataset", dataset.get_absolute_url()),
        PageType("dataset with its route to access", "/datasets/national-pupil-database/"),
        PageType("dataset with nobody to ask", entry["uncontactable dataset"].get_absolute_url()),
        PageType("dataset list, within 3 months", "/datasets/?within=13"),
        PageType("project", entry["project"].get_absolute_url()),
        PageType("organisation", entry["organisation"].get_absolute_url()),
        PageType("theme", theme.get_absolute_url()),
        PageType("area", entry["area"].get_absolute_url()),
        PageType("collection", entry["collection"].get_absolute_url()),
        PageType("search with results", "/search/?q=children"),
        PageType("search with no results", "/search/?q=zzyzx+qwxv"),
        PageType("search with facets chosen", f"/search/?q=children&kind=dataset&theme={theme.slug}"),
        PageType(
            "search with several values of a facet chosen",
            "/search/?q=children&kind=dataset&kind=project&area=E08000032&area=E08000035",
        ),
        PageType("search read as a topic, a place and ages", "/search/?q=SEND+Bradford+5-11"),
        PageType("search with a place offered", "/search/?q=Lancaster"),
        PageType("search relaxed", "/search/?q=SEND+qwxzv+Bradford"),
        PageType("search narrowed by ages", "/search/?q=cohort&age_from=5&age_to=11"),
        PageType("search with bad ages", "/search/?q=cohort&age_from=999&age_to=x"),
        PageType("coverage map", "/coverage/"),
        PageType(
            "coverage map of a filtered dataset list",
            f"/coverage/?area=E08000032&area=E08000035&theme={theme.slug}&access_level=open&from=list",
        ),
        PageType("coverage map with bad filters", "/coverage/?theme=nope&within=7&from=list"),
        PageType("gaps", "/coverage/gaps/"),
        PageType("API documentation", "/api/"),
        PageType("data journey, empty", "/journey/"),
        PageType(
            "data journey with a dataset",
            dataset.get_absolute_url(),
            visit=after_clicking("Add to your data journey", then="/journey/"),
        ),
        PageType("introduction to a researcher", f"/introductions/researchers/{researcher.slug}/"),
        PageType(
            "introduction to a dataset's contact",
            f"/introductions/datasets/{entry['contactable dataset'].slug}/",
        ),
        PageType(
            "introduction not available",
            f"/introductions/datasets/{entry['uncontactable dataset'].slug}/",
            status=403,
        ),
        PageType("get involved", "/get-involved/"),
        PageType("get involved, filtered", "/get-involved/?who=lived-experience&payment=paid&setting=online"),
        PageType("opportunity", entry["opportunity"].get_absolute_url()),
        PageType("take part", f"/introductions/opportunities/{entry['opportunity'].slug}/"),
        PageType("privacy notice", "/privacy/"),
        PageType("accessibility statement", "/accessibility/"),
        PageType("cookies statement", "/cookies/"),
        PageType("contact form", "/contact/"),
        PageType("contact form with errors", "/contact/", 400, visit=after_clicking("Send to the curators")),
        PageType("page not found", "/datasets/no-such-dataset/", status=404),
        PageType("data dictionary", "/datasets/national-pupil-database/variables/"),
        PageType(
            "data dictionary searched to nothing", "/datasets/national-pupil-database/variables/?q=zzyzx"
        ),
        PageType(
            "data dictionary, none added", f"/datasets/{entry['uncontactable dataset'].slug}/variables/"
        ),
        PageType(
            "a variable", "/datasets/national-pupil-database/variables/spring-school-census/FSMeligible/"
        ),
        PageType("a theme measured at ages", "/themes/healthy-weight/"),
        PageType("compare datasets", "/compare/?datasets=millennium-cohort-study&datasets=born-in-bradford"),
        PageType("compare, none chosen", "/compare/"),
        PageType("sign in", "/accounts/sign-in/"),
        PageType("password reset", "/accounts/password-reset/"),
        PageType("password reset sent", "/accounts/password-reset/sent/"),
        PageType("password reset done", "/accounts/password-reset/done/"),
    ]


def signed_out_pages(curator) -> list[PageType]:
    """The public pages, and those that only make sense signed out (links from emails)."""
    uid = urlsafe_base64_encode(force_bytes(curator.pk))
    return [
        *public_pages(),
        PageType(
            "choosing a new password",
            f"/accounts/password-reset/{uid}/{default_token_generator.make_token(curator)}/",
        ),
        PageType("unsubscribing from an email link", f"/following/unsubscribe/{token_for_user(curator)}/"),
        PageType("verifying an address", verification_link()),
        PageType("sign up", "/accounts/sign-up/"),
        PageType(
            "sign up with errors", "/accounts/sign-up/", 400, visit=after_clicking("Create the account")
        ),
        PageType("sign up sent", "/accounts/sign-up/sent/"),
        PageType("verification link that no longer works", "/accounts/verify/MQ/no-such-token/", status=400),
        # Last: it signs a person of its own in, and leaves the browser signed out again.
        PageType("account closed", "/accounts/close/", visit=closing_an_account),
    ]


def closing_an_account(page, site: str, path: str):
    """Signs in as a person of its own (not the curator the other pages use), closes the account, and
    answers with the page that says what happens next."""
    from django.contrib.auth import get_user_model

    from .conftest import PASSWORD

    get_user_model().objects.create_user("leaving", "leaving@example.org", PASSWORD)
    page.goto(site + "/accounts/sign-in/")
    page.get_by_label("Email address").fill("leaving@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(site + path)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand that I will be signed out and cannot sign in again").check()
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Close my account").click()
    return navigation.value


def verification_link() -> str:
    """The link emailed to a new, unverified account."""
    from django.contrib.auth import get_user_model

    from accounts.models import Account
    from accounts.tokens import verification_tokens

    user = get_user_model().objects.create_user("new.person", "new.person@example.org", is_active=False)
    Account.objects.create(user=user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/verify/{uid}/{verification_tokens.make_token(user)}/"


def email_change_link() -> str:
    """The link emailed to the new address Cara, the curator, asked to use."""
    from django.contrib.auth import get_user_model

    from accounts.tokens import email_change_token

    cara = get_user_model().objects.get(username="cara")
    return f"/accounts/email/confirm/{email_change_token(cara, 'cara.new@example.org')}/"


def claimable_researcher() -> Researcher:
    """A published profile with no account, with a claim waiting on it (for the claims page)."""
    from django.contrib.auth import get_user_model

    from accounts.models import ProfileClaim

    researcher = Researcher.objects.published().filter(account__isnull=True).order_by("slug").first()
    claimant = get_user_model().objects.create_user("claimant", "claimant@example.org", first_name="Cleo")
    ProfileClaim.objects.get_or_create(user=claimant, researcher=researcher, message="I work there.")
    return researcher


def with_orcid_offered(page, site: str, path: str):
    """The page as it is where the portal has ORCID credentials (it shows "Connect your ORCID iD")."""
    from django.test import override_settings

    with override_settings(ORCID_CLIENT_ID="APP-EXAMPLE", ORCID_CLIENT_SECRET="secret"):
        return page.goto(site + path)


def with_a_connected_orcid(page, site: str, path: str):
    """The page once Cara, the curator, has connected her ORCID iD (kept for the pages after it)."""
    from django.contrib.auth import get_user_model

    from accounts.models import OrcidConnection

    cara = get_user_model().objects.get(username="cara")
    OrcidConnection.objects.get_or_create(user=cara, defaults={"orcid": "0000-0002-1825-0097"})
    return page.goto(site + path)


def running_job(user=None, done: int = 5) -> Job:
    """A link check `done` of 10 through, as a worker in this very process would be running it (so that
    the jobs pages do not take it for lost)."""
    from django.utils import timezone

    from jobs.models import this_process

    now = timezone.now()
    return Job.objects.create(
        user=user,
        kind="link-check",
        label="Check links",
        state=Job.State.RUNNING,
        stage="Checking links",
        done=done,
        total=10,
        started=now,
        heartbeat=now,
        worker=this_process(),
    )


def with_an_enquiry(page, site: str, path: str):
    """Goes to the enquiries page with an open enquiry about the demo's NPD on it."""
    from introductions.models import IntroductionRequest

    IntroductionRequest.objects.get_or_create(
        dataset=Dataset.objects.get(slug="national-pupil-database"),
        requester_name="Ada Analyst",
        requester_email="ada@example.org",
        message="How long does an application take for Key Stage 2 results?",
        outcome=IntroductionRequest.Outcome.SENT,
    )
    return page.goto(site + path)


def example_job() -> Job:
    return Job.objects.filter(kind="link-check").first() or running_job()


def curator_pages() -> list[PageType]:
    """The public pages again, and every page for those who edit and look after the directory."""
    entry = examples()
    dataset, researcher, project = entry["dataset"], entry["researcher"], entry["project"]
    return [
        *public_pages(),
        PageType("account", "/accounts/"),
        PageType("account, with ORCID offered", "/accounts/", visit=with_orcid_offered),
        PageType("account, with a connected ORCID iD", "/accounts/", visit=with_a_connected_orcid),
        PageType("change email address", "/accounts/email/"),
        PageType(
            "change email address with errors", "/accounts/email/", 400, visit=after_clicking("Send the link")
        ),
        PageType("change password", "/accounts/password/"),
        PageType("claim a profile", f"/accounts/claim/{claimable_researcher().slug}/"),
        PageType("claims to decide", "/accounts/claims/"),
        PageType("close account", "/accounts/close/"),
        PageType("confirming a new email address", email_change_link()),
        PageType(
            "following",
            entry["theme"].get_absolute_url(),
            visit=after_clicking("Follow this theme", then="/following/"),
        ),
        PageType("new dataset form", "/edit/datasets/new/"),
        PageType("new dataset form with errors", "/edit/datasets/new/", 400, visit=after_clicking("Publish")),
        PageType("new project form", "/edit/projects/new/"),
        PageType("new researcher form", "/edit/researchers/new/"),
        PageType("new opportunity form", "/edit/opportunities/new/"),
        PageType("editing an opportunity", f"/edit/opportunities/{entry['opportunity'].slug}/"),
        PageType("editing a dataset", f"/edit/datasets/{dataset.slug}/"),
        PageType("editing a project", f"/edit/projects/{project.slug}/"),
        PageType("editing a researcher", f"/edit/researchers/{researcher.slug}/"),
        PageType(
            "preview", f"/edit/datasets/{dataset.slug}/", visit=after_clicking("Preview the public page")
        ),
        PageType("review queue", "/review/"),
        PageType("open enquiries", "/introductions/enquiries/", visit=with_an_enquiry),
        PageType("answered enquiries, none", "/introductions/enquiries/?show=answered"),
        PageType("history", f"/edit/datasets/{dataset.slug}/history/"),
        PageType("archive confirmation", f"/edit/datasets/{dataset.slug}/archive/"),
        PageType("delete confirmation", f"/edit/projects/{project.slug}/delete/"),
        PageType("curation dashboard", "/curation/"),
        PageType("search demand", "/search/demand/"),
        PageType("import", "/import/"),
        PageType("import preview, a page of its rows", "/import/", visit=uploading_a_large_csv),
        PageType("data dictionary import", "/datasets/national-pupil-database/variables/import/"),
        PageType(
            "data dictionary import refused",
            "/datasets/national-pupil-database/variables/import/",
            400,
            visit=after_clicking("Check the file"),
        ),
        PageType(
            "data dictionary import preview",
            "/datasets/national-pupil-database/variables/import/",
            visit=uploading_a_dictionary,
        ),
        PageType("new variable form", "/datasets/national-pupil-database/variables/new/"),
        PageType(
            "editing a variable",
            "/datasets/national-pupil-database/variables/spring-school-census/FSMeligible/edit/",
        ),
        PageType(
            "a variable's history, after an edit",
            "/datasets/national-pupil-database/variables/spring-school-census/FSMeligible/edit/",
            visit=after_clicking(
                "Save the variable",
                then="/datasets/national-pupil-database/variables/spring-school-census/FSMeligible/history/",
            ),
        ),
        PageType(
            "editing a data dictionary table",
            "/datasets/national-pupil-database/tables/spring-school-census/edit/",
        ),
        PageType("harvest datasets", "/harvest/"),
        PageType("harvest a researcher from ORCID", "/harvest/orcid/"),
        PageType("background jobs", "/jobs/"),
        PageType("a job's progress", example_job().get_absolute_url()),
        PageType("admin index", "/admin/"),
        PageType("admin change form", f"/admin/datasets/dataset/{dataset.pk}/change/"),
    ]

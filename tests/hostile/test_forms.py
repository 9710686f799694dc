"""Every form takes any text (and the uploads any bytes) without a server error; what it refuses
changes nothing in the database.

Editing forms are posted by a person who may edit the entry: the form as the page shows it, with
some of its fields (chosen by Hypothesis) replaced by hostile values. The import and harvest uploads
get random bytes or a valid header followed by junk, and what they accept is previewed and confirmed.
"""

import csv
import io
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from editing.forms import FORMS, project_parts
from editing.kinds import kind_of
from editing.workflow import MOVES
from harvest.forms import HarvestForm
from projects.models import Project
from search.service import FACETS
from transfer.columns import COLUMNS

from .inputs import check_answer, fuzz, junk, parameters, row_counts

pytestmark = pytest.mark.django_db


def post(client, url: str, data: dict):
    """Posts `data` as a browser posts a form (repeated names for lists), without multipart framing."""
    return client.post(url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded")


def is_local(response) -> bool:
    location = urlsplit(response["Location"])
    return not location.scheme and not location.netloc and response["Location"].startswith("/")


def form_fields(form) -> dict[str, list[str]]:
    """What a browser posts back for `form` unchanged: each field's name and its value(s)."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, bool):
            data[field.html_name] = ["on"] if value else []
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        elif value is not None:
            data[field.html_name] = [str(field.field.prepare_value(value))]
        else:
            data[field.html_name] = []
    return data


def edit_page_data(entry) -> dict[str, list[str]]:
    """The whole edit form of `entry` as posted unchanged, with its parts for a project."""
    data = form_fields(FORMS[type(entry)](instance=entry))
    if isinstance(entry, Project):
        for formset in project_parts(None, instance=entry).values():
            data.update(form_fields(formset.management_form))
            for form in formset.forms:
                data.update(form_fields(form))
    data["version"] = [entry.updated.isoformat()] if entry.pk else [""]
    data["action"] = ["save"]
    return data


ACTIONS = ["save", "preview", "edit", "submit", "publish"]


def field_names(model) -> dict[str, list[str]]:
    """Every name an edit form of `model` posts (a project's first rows of each part included).

    From the form classes, not from an entry, so that Hypothesis draws from the same names
    however the earlier examples changed the entry.
    """
    names = {name: [] for name in FORMS[model].base_fields}
    if model is Project:
        for prefix, formset in project_parts(None, instance=Project()).items():
            names |= {f"{prefix}-{name}": [] for name in ("TOTAL_FORMS", "INITIAL_FORMS")}
            for index in range(3):
                names |= {f"{prefix}-{index}-{name}": [] for name in formset.empty_form.fields}
    return names | {"version": [], "action": ACTIONS}


@pytest.fixture
def editor(directory, django_user_model):
    """The known researcher's own account: edits their profile, the project they lead, and (as an
    editor of their organisation) its datasets."""
    user = django_user_model.objects.create_user("known", "known.account@example.org", "pw")
    directory["researcher"].account = user
    directory["researcher"].save()
    directory["organisation"].editors.add(user)
    return user


@pytest.mark.parametrize("name", ["researcher", "dataset", "project"])
@fuzz(12)
@given(data=st.data())
def test_editing_forms_take_any_value_and_refuse_without_saving(client, directory, editor, name, data):
    client.force_login(editor)
    entry = type(directory[name]).objects.get(pk=directory[name].pk)
    changed = data.draw(parameters(field_names(type(entry))))
    posted = edit_page_data(entry) | changed
    before = row_counts()
    response = post(client, reverse("editing:edit", args=[kind_of(entry), entry.slug]), posted)
    check_answer(response, {200, 302, 400, 409}, before)


@pytest.mark.parametrize("kind", ["researchers", "datasets", "projects"])
@fuzz(12)
@given(data=st.data())
def test_new_entry_forms_take_any_value(client, directory, django_user_model, kind, data):
    client.force_login(django_user_model.objects.get_or_create(username="someone")[0])
    model = {"researchers": type(directory["researcher"]), "datasets": type(directory["dataset"])}.get(
        kind, type(directory["project"])
    )
    posted = edit_page_data(model()) | data.draw(parameters(field_names(model)))
    before = row_counts()
    check_answer(post(client, reverse("editing:new", args=[kind]), posted), {200, 302, 400}, before)


INTRODUCTION = {
    "name": ["Ada Requester"],
    "organisation": ["Leeds City Council"],
    "email": ["ada@example.com"],
    "message": ["I would value a conversation."],
    "website": [""],
}


@pytest.mark.parametrize("target", ["researchers", "datasets"])
@fuzz(20)
@given(data=st.data())
def test_the_introduction_form_takes_any_value(client, directory, target, data):
    posted = {key: values[0] for key, values in INTRODUCTION.items()} | data.draw(parameters(INTRODUCTION))
    slug = "known"
    before = row_counts()
    response = post(client, f"/introductions/{target}/{slug}/", posted)
    check_answer(response, {200, 400, 403, 429}, before)


@fuzz(20)
@given(data=st.data())
def test_sign_in_takes_any_value_and_signs_nobody_in(client, directory, editor, data):
    fields = {
        "username": ["known.account@example.org"],
        "password": ["pw", "wrong"],
        "next": ["/", "//evil.example"],
    }
    posted = data.draw(parameters(fields))
    before = row_counts()
    response = post(client, reverse("accounts:sign-in"), posted)
    check_answer(response, {200, 302, 400, 403, 429}, before)
    if response.status_code == 302:
        assert is_local(response), response["Location"]
    client.logout()


@fuzz(15)
@given(data=st.data())
def test_password_reset_takes_any_value(client, directory, editor, data):
    before = row_counts()
    response = post(
        client,
        reverse("accounts:password-reset"),
        data.draw(parameters({"email": ["known.account@example.org"]})),
    )
    check_answer(response, {200, 302, 400, 429}, before)
    assert row_counts() == before, "asking for a reset creates no rows"


@fuzz(20)
@given(data=st.data())
def test_following_a_search_takes_any_value_and_stays_on_the_site(client, directory, editor, data):
    client.force_login(editor)
    response = post(
        client,
        reverse("following:follow-search"),
        data.draw(parameters({"q": ["known"], **{name: ["known"] for name in FACETS}})),
    )
    check_answer(response, {302, 400})
    if response.status_code == 302:
        assert is_local(response), response["Location"]


@fuzz(15)
@given(code=junk, next_page=junk)
def test_following_an_area_and_unfollowing_take_any_value(client, directory, editor, code, next_page):
    from urllib.parse import quote

    client.force_login(editor)
    before = row_counts()
    check_answer(post(client, f"/following/areas/{quote(code, safe='')}/", {}), {302, 404}, before)
    response = post(client, "/following/1/unfollow/", {"next": next_page})
    check_answer(response, {302, 400, 404}, before)
    if response.status_code == 302:
        assert is_local(response), response["Location"]


@fuzz(15)
@given(next_page=junk, slug=st.sampled_from(["known", "known-other", "missing"]))
def test_the_data_journey_takes_any_next_address_and_stays_on_the_site(client, directory, next_page, slug):
    response = post(client, reverse("journey:add", args=[slug]), {"next": next_page})
    check_answer(response, {302, 400, 404})
    if response.status_code == 302:
        assert is_local(response), response["Location"]


@fuzz(15)
@given(move=st.sampled_from([*MOVES, "junk"]), comment=junk, next_page=junk)
def test_workflow_moves_take_any_comment_and_next_address(
    curator_client, directory, move, comment, next_page
):
    response = post(
        curator_client, f"/edit/datasets/known-other/move/{move}/", {"comment": comment, "next": next_page}
    )
    check_answer(response, {302, 400, 403, 404})
    if response.status_code == 302:
        assert is_local(response), response["Location"]


def csv_with_junk(kind: str, rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.name for column in COLUMNS[kind]])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


uploads = st.one_of(
    st.binary(max_size=2000),
    st.builds(
        lambda kind, rows: (kind, csv_with_junk(kind, rows)),
        st.sampled_from(list(COLUMNS)),
        st.lists(st.lists(junk.map(lambda text: text[:300]), min_size=1, max_size=30), max_size=4),
    ),
)


@fuzz(25)
@given(kind=st.sampled_from([*COLUMNS, "junk"]) | junk, upload=uploads)
def test_the_import_takes_any_file_and_previews_what_it_accepts(curator_client, directory, kind, upload):
    if isinstance(upload, tuple):
        kind, upload = upload
    before = row_counts()
    response = curator_client.post(
        reverse("transfer:upload"), {"kind": kind, "file": SimpleUploadedFile("entries.csv", upload)}
    )
    check_answer(response, {302, 400}, before)
    if response.status_code == 302:
        check_answer(curator_client.get(response["Location"]), {200})
        confirmed = curator_client.post(response["Location"] + "confirm/")
        check_answer(confirmed, {302, 400}, before)


HARVEST_KINDS = [value for value, _ in HarvestForm.base_fields["kind"].choices]


@fuzz(20)
@given(
    kind=st.sampled_from(HARVEST_KINDS) | junk,
    document=st.binary(max_size=2000) | junk.map(str.encode),
    pasted=st.booleans(),
)
def test_the_harvest_takes_any_document(curator_client, directory, kind, document, pasted):
    data = {"kind": kind}
    if pasted:
        data["text"] = document.decode("utf-8", "replace")
    else:
        data["file"] = SimpleUploadedFile("catalogue.json", document)
    before = row_counts()
    response = curator_client.post(reverse("harvest:upload"), data)
    check_answer(response, {302, 400}, before)
    if response.status_code == 302:
        check_answer(curator_client.get(response["Location"]), {200})


@fuzz(15)
@given(data=st.data())
def test_the_orcid_harvest_takes_any_identifier_and_record(curator_client, directory, data, settings):
    settings.ORCID_FETCH_ENABLED = False
    fields = {"orcid": ["0000-0002-1825-0097"], "record": ['{"orcid-identifier": {}}', "{}"]}
    before = row_counts()
    response = post(curator_client, reverse("harvest:orcid"), data.draw(parameters(fields)))
    check_answer(response, {302, 400}, before)

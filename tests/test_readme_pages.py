"""Every page in the README's table of pages answers at its address, to the people it says."""

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def pages_in_readme() -> list[tuple[str, str]]:
    """(address, who it is for) for each row of the table under "## Pages"."""
    section = README.read_text().split("\n## Pages\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| [^|]+ \| `([^`]+)` \| ([^|]+?) \|$", section, flags=re.MULTILINE)


PAGES = pages_in_readme()


def test_the_readme_lists_the_main_pages():
    addresses = [address for address, _ in PAGES]
    assert len(PAGES) >= 20
    assert {"/", "/search/", "/coverage/gaps/", "/journey/", "/curation/", "/admin/"} <= set(addresses)


@pytest.mark.parametrize(("address", "who"), PAGES)
def test_a_curator_sees_every_page(client, django_user_model, address, who):
    curator = django_user_model.objects.create_superuser("curator", "curator@example.org", "a-long-password")
    client.force_login(curator)
    assert client.get(address).status_code == 200


@pytest.mark.parametrize(("address", "who"), PAGES)
def test_a_visitor_sees_only_the_pages_for_everyone(client, db, address, who):
    status = client.get(address).status_code
    if who == "everyone":
        assert status == 200
    else:
        assert status in (302, 403)

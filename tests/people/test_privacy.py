"""Personal details appear only as their owner chose."""

from tests.factories import ResearcherFactory


def test_an_email_is_shown_only_when_the_person_opted_in(client, db):
    hidden = ResearcherFactory(email="hidden@example.org", show_email=False)
    shown = ResearcherFactory(email="shown@example.org", show_email=True)
    assert "hidden@example.org" not in client.get(hidden.get_absolute_url()).content.decode()
    assert "mailto:shown@example.org" in client.get(shown.get_absolute_url()).content.decode()
    assert "hidden@example.org" not in client.get("/researchers/").content.decode()


def test_lived_experience_is_shown_only_when_the_person_chose_to_show_it(client, db):
    words = "I was a young carer."
    private = ResearcherFactory(
        has_lived_experience=True, lived_experience=words, show_lived_experience=False
    )
    public = ResearcherFactory(has_lived_experience=True, lived_experience=words, show_lived_experience=True)
    withdrawn = ResearcherFactory(
        has_lived_experience=False, lived_experience=words, show_lived_experience=True
    )
    assert words not in client.get(private.get_absolute_url()).content.decode()
    assert words in client.get(public.get_absolute_url()).content.decode()
    assert words not in client.get(withdrawn.get_absolute_url()).content.decode()


def test_a_search_never_finds_people_by_their_hidden_details(client, db):
    ResearcherFactory(name="Quiet Person", email="unique-address@example.org", show_email=False)
    html = client.get("/search/?q=unique-address").content.decode()
    assert "Quiet Person" not in html

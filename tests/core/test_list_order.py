"""List pages and their downloads break ties in their order, so no entry is repeated or skipped."""

from tests.factories import ResearcherFactory


def test_people_of_the_same_name_come_in_a_fixed_order_across_pages(client, db, settings):
    settings.PAGE_SIZE = 2
    same = [ResearcherFactory(name="Alex Smith") for _ in range(5)]
    seen = []
    for number in (1, 2, 3):
        seen += [person.pk for person in client.get("/researchers/", {"page": number}).context["page"]]
    assert seen == sorted(person.pk for person in same)


def test_every_list_orders_by_primary_key_last(client, db):
    for address in ("/researchers/", "/datasets/", "/projects/", "/organisations/", "/themes/"):
        ordering = client.get(address).context["page"].paginator.object_list.query.order_by
        assert ordering[-1] in ("pk", "-pk"), address
    sorted_by_name = (
        client.get("/researchers/", {"sort": "name"}).context["page"].paginator.object_list.query.order_by
    )
    assert list(sorted_by_name) == ["name", "pk"]

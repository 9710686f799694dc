from django.core.management import call_command

from collection.models import Collection, CollectionItem


def test_the_demo_has_two_published_collections_and_loading_it_twice_adds_nothing(db, client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    items = CollectionItem.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert CollectionItem.objects.count() == items == 9
    assert Collection.objects.published().filter(is_sample=True).count() == 2
    response = client.get("/collections/sample-start-here-school-readiness/")
    assert len(response.context["items"]) == 5

"""Every page's header and footer: the main links fold behind a menu button on a phone without any
script, and the footer reaches the map, collections, API and the pages about the portal."""

import re


def test_the_main_links_are_inside_a_menu_disclosure(client, db):
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"') :].split("</nav>")[0]
    assert re.search(r'<details class="menu">\s*<summary>Menu</summary>', nav)
    for path in ("/researchers/", "/datasets/", "/projects/", "/collections/", "/search/"):
        assert f'href="{path}"' in nav.split("</details>")[0]


def test_the_footer_links_to_the_map_collections_api_and_about(client, db):
    html = client.get("/datasets/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for path, text in [
        ("/coverage/", "Coverage map"),
        ("/collections/", "Collections"),
        ("/api/", "API for developers"),
        ("/about/", "About the portal"),
        ("/accessibility/", "Accessibility"),
    ]:
        assert f'<a href="{path}">{text}</a>' in footer, text


def test_a_list_offers_a_skip_link_to_its_results_only_when_there_are_some(client, db):
    from tests.factories import DatasetFactory

    assert "Skip to the results" not in client.get("/datasets/").content.decode()
    DatasetFactory()
    html = client.get("/datasets/").content.decode()
    assert '<a class="skip-link" href="#the-results">Skip to the results</a>' in html
    assert 'id="the-results" tabindex="-1"' in html

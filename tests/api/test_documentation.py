"""The API's page for people shows what a list and a refused filter really answer."""

import json
import re
from html import unescape

from tests.factories import DatasetFactory


def examples(client) -> list:
    html = client.get("/api/").content.decode()
    blocks = re.findall(r'<pre class="code-example"><code>(.*?)</code></pre>', html, re.DOTALL)
    return [unescape(block) for block in blocks]


def test_the_example_list_answer_has_the_fields_the_api_gives(client, bradford):
    DatasetFactory(title="Listed").areas.add(bradford)
    shown = json.loads(examples(client)[1])
    real = client.get("/api/v1/datasets/?area=E08000032").json()
    assert set(shown) == set(real)
    assert set(shown["results"][0]) <= set(real["results"][0])


def test_the_example_refusal_is_what_the_api_answers(client, db):
    shown = json.loads(examples(client)[2])
    response = client.get("/api/v1/datasets/?area=E99999999")
    assert response.status_code == 400
    assert response.json() == shown


def test_repeating_a_filter_is_explained(client, db):
    html = client.get("/api/").content.decode()
    assert "<code>?area=E08000032&amp;area=E08000035</code> is Bradford or Leeds" in html

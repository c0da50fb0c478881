"""The HTML pages through FastAPI's TestClient: the start page, the plans of the examples and
of a posted file, in Dutch and English, and bad input that is never a 500."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.locale import Language, money
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.words.common import WORDS
from tests.web.conftest import EXAMPLE_PATHS, EXAMPLES, example_body

LEAVES = ("I", "II", "III", "IV")


def cents(amount: str) -> int:
    """A CONTRACT §4 money string ("1234.56") as cents."""
    return int(Decimal(amount) * 100)


def page_text(body: str) -> str:
    """The page with its entities decoded (so '&#39;' reads as "'")."""
    return html.unescape(body)


def plan_json(client: TestClient, path: Path, language: Language = "nl") -> dict[str, Any]:
    response = client.post("/api/plan", json={"initiative": example_body(path), "lang": language})
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def leaf_row(body: str, leaf: str) -> str:
    match = re.search(rf'<tr data-leaf="{leaf}">(.*?)</tr>', body, re.S)
    assert match is not None, f"no data-table row for leaf {leaf}"
    return match.group(1)


def test_every_language_has_the_same_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_the_start_page_lists_every_example_and_links_to_its_plan(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="nl">' in response.text
    for path in EXAMPLE_PATHS:
        name = example_body(path)["name"]
        assert f'<a href="/plan/voorbeeld/{path.stem}">{html.escape(name)}</a>' in response.text
        assert client.get(f"/plan/voorbeeld/{path.stem}").status_code == 200


def test_the_start_page_explains_the_four_leaves_and_offers_the_form(client: TestClient) -> None:
    body = client.get("/").text
    for leaf in LEAVES:
        assert LEAF_NAMES["nl"][leaf] in body
    assert 'action="/plan"' in body and 'enctype="multipart/form-data"' in body
    for field in ("veld-tekst", "veld-bestand"):
        assert f'<label for="{field}">' in body and f'id="{field}"' in body


def test_the_english_start_page_links_to_the_english_plans(client: TestClient) -> None:
    body = client.get("/en/").text
    assert '<html lang="en">' in body and 'action="/en/plan"' in body
    for path in EXAMPLE_PATHS:
        assert f'href="/en/plan/example/{path.stem}"' in body
    assert 'href="/"' in body  # the language switch back to Dutch


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_each_example_plan_shows_its_name_leaves_gap_and_alerts(
    client: TestClient, path: Path
) -> None:
    expected = plan_json(client, path)
    response = client.get(f"/plan/voorbeeld/{path.stem}")
    assert response.status_code == 200
    body = response.text
    text = page_text(body)
    assert expected["initiative"]["name"] in text
    for leaf in LEAVES:
        amount = money(cents(expected["leaves"][leaf]), "nl")
        assert amount in leaf_row(body, leaf)
        assert f'data-leaf="{leaf}"' in body
    gap = cents(expected["totals"]["gap"])
    label = "Tekort" if gap > 0 else "Overschot" if gap < 0 else "In evenwicht"
    assert f'<th scope="row">{label}</th>' in body
    assert f'data-gap-cents="{gap}">{money(abs(gap), "nl")}</td>' in body
    assert money(cents(expected["totals"]["costs"]), "nl") in body
    for alert in expected["alerts"]:
        assert f'data-code="{alert["code"]}"' in body
        assert alert["message"] in text


def test_the_plan_page_puts_the_chart_before_its_data_table(client: TestClient) -> None:
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    chart = body.index("<svg")
    table = body.index('<table class="leaves-table">')
    assert chart < body.index("</svg>") < table
    assert "<caption>" in body[table:] and '<th scope="col">' in body[table:]


def test_every_line_amount_has_its_explanation(client: TestClient) -> None:
    expected = plan_json(client, EXAMPLES / "bik-klusjesdienst.yaml")
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    assert body.count('<details class="why">') == len(expected["lines"])
    text = page_text(body)
    assert "Ingevoerde toelage: bedrag per jaar / 12 per maand" in text
    assert "<code>lde.valid</code>" in body and "sinds 1 januari 2004" in text
    assert "betrouwbaarheid: middel" in text
    assert 'href="https://www.socialeeconomie.be/lokale-diensteneconomie"' in body


def test_the_break_even_price_is_shown_per_hour(client: TestClient) -> None:
    expected = plan_json(client, EXAMPLES / "bik-klusjesdienst.yaml")
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    price = money(cents(expected["break_even_price"]), "nl")
    assert f"{price} per uur" in body


def test_the_english_plan_page_shows_english_money_and_messages(client: TestClient) -> None:
    path = EXAMPLES / "bik-klusjesdienst.yaml"
    expected = plan_json(client, path, "en")
    response = client.get(f"/en/plan/example/{path.stem}")
    assert response.status_code == 200
    body = response.text
    for leaf in LEAVES:
        amount = money(cents(expected["leaves"][leaf]), "en")
        assert re.fullmatch(r"€[\d,]+\.\d\d", amount)
        assert amount in leaf_row(body, leaf)
    assert "Shortfall" in body
    for alert in expected["alerts"]:
        assert alert["message"] in page_text(body)
    assert f'href="/plan/voorbeeld/{path.stem}"' in body  # the switch to the Dutch plan


def test_posting_a_valid_yaml_file_shows_its_plan(client: TestClient) -> None:
    path = EXAMPLES / "twe-ocmw-2017.yaml"
    expected = plan_json(client, path)
    response = client.post(
        "/plan", files={"file": (path.name, path.read_bytes(), "application/yaml")}
    )
    assert response.status_code == 200
    assert expected["initiative"]["name"] in page_text(response.text)
    assert money(cents(expected["leaves"]["II"]), "nl") in leaf_row(response.text, "II")


def test_posting_pasted_json_text_shows_its_plan_in_english(client: TestClient) -> None:
    path = EXAMPLES / "ocmw-art60-2006.yaml"
    text = json.dumps(example_body(path))
    response = client.post("/en/plan", data={"text": text})
    assert response.status_code == 200
    assert example_body(path)["name"] in page_text(response.text)


def test_posting_a_bad_file_gives_422_naming_the_field_and_keeps_the_text(
    client: TestClient,
) -> None:
    data = example_body(EXAMPLES / "bik-klusjesdienst.yaml")
    text = (EXAMPLES / "bik-klusjesdienst.yaml").read_text(encoding="utf-8")
    broken = text.replace(f"id: {data['id']}", "id: Niet Goed", 1)
    assert broken != text
    response = client.post("/plan", files={"file": ("bik.yaml", broken.encode(), "text/yaml")})
    assert response.status_code == 422
    body = response.text
    assert '<code class="path">id</code>' in body
    # The model speaks English; the Dutch page says it in Dutch (words/model_messages.py).
    assert "mag alleen kleine letters, cijfers en '-' bevatten" in page_text(body)
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", body, re.S)
    assert textarea is not None
    # A browser drops the one newline that follows <textarea>: the text is kept exactly.
    assert html.unescape(textarea.group(1)).removeprefix("\n") == broken
    assert 'aria-invalid="true"' in body


def test_posting_text_with_a_wrong_field_names_its_path(client: TestClient) -> None:
    text = (EXAMPLES / "bik-klusjesdienst.yaml").read_text(encoding="utf-8")
    broken = text.replace("people:\n", "people:\n  - {id: x, fte: 7}\n", 1)
    response = client.post("/en/plan", data={"text": broken})
    assert response.status_code == 422
    assert '<code class="path">people[0]' in response.text
    assert "The file cannot be read" in response.text


@pytest.mark.parametrize(
    ("data", "files", "path"),
    [
        ({"text": ""}, None, "(het formulier)"),
        ({"text": "id: [unclosed"}, None, "line 1, column"),
        ({"text": "{not json"}, None, "line 1, column"),
        ({"text": "- a list"}, None, "(the whole file)"),
        ({}, {"file": ("x.yaml", b"\xff\xfe\x00bad", "text/yaml")}, "x.yaml"),
    ],
    ids=["nothing", "bad-yaml", "bad-json", "not-a-mapping", "not-utf8"],
)
def test_unreadable_input_is_a_422_form_not_a_500(
    client: TestClient, data: dict[str, str], files: Any, path: str
) -> None:
    response = client.post("/plan", data=data, files=files)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert f'<code class="path">{path}' in html.unescape(response.text)


def test_a_malformed_form_body_is_a_422_form_not_a_500(client: TestClient) -> None:
    response = client.post(
        "/plan",
        content=b"garbage",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 422
    assert '<code class="path">(het formulier)</code>' in response.text


@pytest.mark.parametrize("url", ["/plan/voorbeeld/bestaat-niet", "/en/plan/example/nope"])
def test_an_unknown_example_is_a_404_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text and url.rsplit("/", 1)[1] in response.text


def test_every_page_has_a_skip_link_landmarks_and_the_stylesheet(client: TestClient) -> None:
    for url in ("/", "/en/", "/plan/voorbeeld/bik-klusjesdienst"):
        body = client.get(url).text
        assert '<a class="skip-link" href="#inhoud">' in body
        for landmark in ("<header", "<nav", '<main id="inhoud"', "<footer"):
            assert landmark in body
        assert '<link rel="stylesheet" href="/static/klaverblad.css">' in body
    css = client.get("/static/klaverblad.css")
    assert css.status_code == 200 and ":focus-visible" in css.text


def test_every_table_has_a_caption_and_scoped_headers(client: TestClient) -> None:
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    tables = re.findall(r"<table.*?</table>", body, re.S)
    assert len(tables) >= 3
    for table in tables:
        assert "<caption>" in table
        assert re.search(r"<th(?=[\s>])(?![^>]*scope=)", table) is None


def test_pasted_text_is_used_when_the_file_field_is_left_empty(client: TestClient) -> None:
    path = EXAMPLES / "ocmw-art60-2006.yaml"
    response = client.post(
        "/plan",
        data={"text": path.read_text(encoding="utf-8")},
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 200
    assert example_body(path)["name"] in page_text(response.text)

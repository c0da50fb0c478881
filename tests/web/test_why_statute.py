"""The "Waarom dit statuut?" panel of the plan page: per person, each wage statute's
conditions met or not in words with their reference, and the other eligible statutes with
what they would bring over the horizon; never on a share link (the conditions reveal
diploma and benefit status).

The expected facts are read by hand from examples/bik-klusjesdienst.yaml: w4 has a diploma of
hoger secundair onderwijs, so SINE's low-skilled condition fails; w4 is on WEP+ by the file,
and is also eligible for Activa (a 2006 start: the 2002–2006 table, band < 45 and ≥ 24 months,
36 months of € 500,00, of which the horizon holds 24 = € 12.000,00); not for GESCO, which needs
an allocated post (RULEBOOK v1.2 §3.5)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from klaverblad.advice.condition_labels import CONDITIONS
from klaverblad.rules.catalogue import STATUTES
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS
from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)

DUTCH = CONDITIONS["nl"]
NL, EN = WHY_STATUTE_WORDS["nl"], WHY_STATUTE_WORDS["en"]
EXAMPLE = "/plan/voorbeeld/bik-klusjesdienst"
EXAMPLE_EN = "/en/plan/example/bik-klusjesdienst"
CONDITION_CODES = [condition for spec in STATUTES.values() for condition in spec.conditions]


def panel_of(body: str, person: str) -> str:
    found = re.search(
        rf'<details class="why-statute-person" data-person="{person}">.*?</details>', body, re.S
    )
    assert found is not None, f"no panel for {person}"
    return found.group(0)


def words_of(fragment: str) -> str:
    """The text a reader sees: markup (and so attribute values) left out, spaces joined."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return re.sub(r"\s+", " ", text)


def condition_items(panel: str) -> list[str]:
    return [words_of(item) for item in re.findall(r"<li class=[^>]*>.*?</li>", panel, re.S)]


def test_the_dutch_panel_of_w4_lists_the_failed_sine_condition_in_words(
    client: TestClient,
) -> None:
    panel = panel_of(client.get(EXAMPLE).text, "w4")
    low_skilled = [item for item in condition_items(panel) if DUTCH["sine_low_skilled"] in item]
    assert len(low_skilled) == 1
    assert f"— {NL['not_met']}" in low_skilled[0]
    assert "https://www.vlaanderen.be/sociale-inschakelingseconomie-sine" in low_skilled[0]
    assert NL["title"] in words_of(panel)


def test_the_dutch_panel_says_which_conditions_are_met(client: TestClient) -> None:
    items = condition_items(panel_of(client.get(EXAMPLE).text, "w4"))
    started = [item for item in items if DUTCH["sine_start_window_ok"] in item]
    assert len(started) == 1 and f"— {NL['met']}" in started[0]


def test_the_panel_gives_the_runner_up_statutes_with_their_horizon_totals(
    client: TestClient,
) -> None:
    panel = panel_of(client.get(EXAMPLE).text, "w4")
    runners = re.search(r'<ul class="runners-up">(.*?)</ul>', panel, re.S)
    assert runners is not None
    items = [words_of(item).strip() for item in re.findall(r"<li>.*?</li>", runners.group(1))]
    activa = STATUTES["activa"].label
    assert items == [NL["runner_up"].format(statute=activa, amount="€ 12.000,00")]
    # The statute w4 is on is not a runner-up.
    assert STATUTES["wep_plus"].label not in runners.group(1)


def test_the_english_panel_is_in_english(client: TestClient) -> None:
    body = client.get(EXAMPLE_EN).text
    panel = panel_of(body, "w4")
    text = words_of(panel)
    assert EN["title"] in body and EN["not_met"] in text
    assert "The person is low-skilled" in text
    assert DUTCH["sine_low_skilled"] not in text and NL["not_met"] not in text
    assert "€12,000.00" in text


def test_the_dutch_panel_shows_no_statute_or_condition_code_as_text(client: TestClient) -> None:
    body = client.get(EXAMPLE).text
    section = re.search(r'<section aria-labelledby="waarom-statuut".*?</section>', body, re.S)
    assert section is not None
    outside_code = words_of(re.sub(r"<code>.*?</code>", " ", section.group(0), flags=re.S))
    # A reference may be a web address, which may hold a statute's name: not a code.
    outside_code = re.sub(r"https?://\S+", " ", outside_code)
    # "maatwerk" and "aanwervingsincentive" are Dutch words as well as codes.
    codes = [code for code in STATUTES if code not in ("maatwerk", "aanwervingsincentive")]
    for code in [*codes, "regular", *CONDITION_CODES, "placed_by_ocmw"]:
        # A code stands alone; "contingent-gesco's" in a source's title is a Dutch word.
        assert not re.search(rf"(?<![\w'-]){code}(?![\w'-])", outside_code), code
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", outside_code)


@pytest.fixture(scope="module")
def owner(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    app = make_app(Path(tmp_path_factory.mktemp("why-statute")))
    client = logged_in(app, ANNA)
    assert save_new(client, bik_text()).status_code == 303
    return client


def test_the_owners_saved_page_shows_the_panel(owner: TestClient) -> None:
    body = owner.get(f"/plannen/{BIK_ID}").text
    assert DUTCH["sine_low_skilled"] in words_of(panel_of(body, "w4"))


def test_a_shared_page_has_no_panel(owner: TestClient) -> None:
    assert share_plan(owner, BIK_ID).status_code == 303
    link = re.search(r'href="(/gedeeld/\w+)"', owner.get(f"/plannen/{BIK_ID}").text)
    assert link is not None
    response = new_client(owner.app).get(link.group(1))  # type: ignore[arg-type]
    assert response.status_code == 200
    assert "why-statute" not in response.text and NL["title"] not in response.text

"""`measure_closed` on the pages: the plan page names the alert by its title in words, the
wizard shows its message at the grant's measure field and marks a closed measure's choice."""

from __future__ import annotations

import json
from typing import Any

import yaml
from fastapi.testclient import TestClient

from tests.builders import initiative_data, person
from tests.web.test_wizard import press, wizard_form

LDE_GRANT = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 8000}


def _document(**changes: Any) -> str:
    data = initiative_data(**changes)
    return yaml.safe_dump(json.loads(json.dumps(data)), allow_unicode=True, sort_keys=False)


LDE_2027 = {"horizon": {"start": "2027-01", "months": 12}, "grants": [LDE_GRANT]}


def test_the_plan_page_shows_the_alert_by_its_title_in_words(client: TestClient) -> None:
    body = client.post("/plan", data={"text": _document(**LDE_2027)}).text
    assert 'data-code="measure_closed"' in body
    assert "Maatregel gesloten" in body
    assert "<code>measure_closed</code>" not in body
    assert "gesloten sinds 1 juli 2023" in body


def test_the_wizard_shows_the_message_at_the_grant_measure_and_marks_the_closed_choice(
    client: TestClient,
) -> None:
    review = client.post("/nieuw", data={"document": _document(**LDE_2027)})
    funding = press(client, wizard_form(review), go="step-4").text
    assert 'id="f-grants-0-measure-warning"' in funding
    warning = funding.split('id="f-grants-0-measure-warning">', 1)[1].split("</p>", 1)[0]
    assert "januari 2027 tot december 2027" in warning and "gesloten sinds 1 juli 2023" in warning
    assert "(gesloten sinds 1 juli 2023)</option>" in funding
    # The select points its description at the warning.
    select = funding.split('<select id="f-grants-0-measure"', 1)[1].split(">", 1)[0]
    assert "f-grants-0-measure-warning" in select


def test_the_wizard_says_nothing_for_a_grant_inside_the_window(client: TestClient) -> None:
    document = _document(horizon={"start": "2020-01", "months": 12}, grants=[LDE_GRANT])
    review = client.post("/nieuw", data={"document": document})
    funding = press(client, wizard_form(review), go="step-4").text
    assert "f-grants-0-measure-warning" not in funding
    assert "(Vlaams)</option>" in funding  # LDE, open in 2020, is offered plainly
    # SWP (closed 2019-01-01) and WEP+ (2015-10-01) are closed before 2020 and say so.
    assert "sociale werkplaats (gesloten sinds 1 januari 2019)</option>" in funding


def test_the_review_lists_the_message_beside_the_grant(client: TestClient) -> None:
    review = client.post("/nieuw", data={"document": _document(**LDE_2027)}).text
    assert '<span class="field-warning">' in review
    assert "gesloten sinds 1 juli 2023" in review.split('<span class="field-warning">', 1)[1]


def test_a_statute_closed_to_new_hires_before_the_plan_starts_says_so_among_the_choices(
    client: TestClient,
) -> None:
    document = _document(
        horizon={"start": "2027-01", "months": 12},
        people=[person(start_date="2027-01-01", statute="maatwerk", maatwerk_begeleiding="laag")],
        grants=[],
    )
    review = client.post("/nieuw", data={"document": document})
    people = press(client, wizard_form(review), go="step-3").text
    assert "SINE (gesloten voor nieuwe aanwervingen sinds 1 juli 2023)</option>" in people
    assert "individueel maatwerk</option>" in people  # open: offered plainly


def _people_step(client: TestClient, legal_form: str, start: str) -> str:
    promoter = {"name": "Promotor", "legal_form": legal_form, "municipality": "Gent"}
    document = _document(
        promoter=promoter,
        recognitions=[],
        horizon={"start": start, "months": 12},
        people=[person(start_date=f"{start}-01", statute="regular")],
        grants=[],
    )
    review = client.post("/nieuw", data={"document": document})
    return press(client, wizard_form(review), go="step-3").text


def test_the_closed_note_of_a_statute_follows_the_promoters_window(client: TestClient) -> None:
    # GESCO closed to new hires on 2015-04-01 for a gemeente, on 2016-01-01 for a vzw (RULEBOOK
    # §3.5): a plan of 2015-06 marks it closed for the gemeente only, one of 2016-02 for both,
    # each with its own date.
    assert "GESCO (gesloten voor nieuwe aanwervingen sinds 1 april 2015)</option>" in (
        _people_step(client, "gemeente", "2015-06")
    )
    assert "GESCO</option>" in _people_step(client, "vzw", "2015-06")
    assert "GESCO (gesloten voor nieuwe aanwervingen sinds 1 januari 2016)</option>" in (
        _people_step(client, "vzw", "2016-02")
    )

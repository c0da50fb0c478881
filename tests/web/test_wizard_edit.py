"""Editing a saved plan in the wizard: "Bewerk dit plan in de wizard" on the plan's page opens
the wizard at its review, titled as an edit of that version; its save button saves the next
version of the same plan (with the optimistic lock: a save in between is the conflict page,
the text kept), then returns to the plan's page, which confirms it and lists both versions.
Only who may edit the plan can save over it."""

from __future__ import annotations

import html
import itertools
import json
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from klaverblad.store import history, transaction
from tests.web.test_accounts_support import (
    ANNA,
    BERT,
    BIK_ID,
    KORTRIJK,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    new_client,
    save_new,
)
from tests.web.test_wizard import press, wizard_form

_NUMBERS = itertools.count(1)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("wizard-edit"))


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    return logged_in(app, ANNA)


@pytest.fixture
def plan_id(anna: TestClient) -> str:
    """BIK's plan under an id of its own, saved by Anna (of vzw BIK) as version 1."""
    identifier = f"bik-edit-{next(_NUMBERS)}"
    text = bik_text().replace(f"id: {BIK_ID}", f"id: {identifier}", 1)
    assert save_new(anna, text).status_code == 303
    return identifier


def form_fields(body: str, opening: str) -> dict[str, str]:
    """The named fields (hidden and text inputs) of the form whose tag starts with `opening`."""
    start = body.index(opening)
    form = body[start : body.index("</form>", start)]
    fields = {}
    for tag in re.findall(r"<input [^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name is not None:
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return fields


def open_in_wizard(client: TestClient, plan_id: str, language: str = "nl") -> Response:
    """Press "Bewerk dit plan in de wizard" on the saved plan's page."""
    page = f"/plannen/{plan_id}" if language == "nl" else f"/en/plans/{plan_id}"
    wizard = "/nieuw" if language == "nl" else "/en/new"
    body = client.get(page).text
    data = form_fields(body, f'<form method="post" action="{wizard}" class="plan-actions">')
    response = client.post(wizard, data=data)
    assert response.status_code == 200, response.text
    return response


def renamed_review(client: TestClient, review: Response, name: str) -> Response:
    """Back to step 1, another name, and on to the review again."""
    step1 = press(client, wizard_form(review), "step-1")
    return press(client, wizard_form(step1).set(name=name), "step-6")


def save_form(body: str, plan_id: str) -> dict[str, str]:
    return form_fields(body, f'<form method="post" action="/plannen/{plan_id}" class="save-form">')


def versions(app: FastAPI, plan_id: str) -> list[tuple[int, str]]:
    with transaction(app.state.sessions) as session:
        return [(v.number, v.document["name"]) for v in history(session, plan_id)]


def test_editing_a_saved_plan_in_the_wizard_saves_version_2_and_returns_to_it(
    app: FastAPI, anna: TestClient, plan_id: str
) -> None:
    review = renamed_review(anna, open_in_wizard(anna, plan_id), "BIK, bewerkt in de wizard")
    assert "BIK, bewerkt in de wizard" in review.text
    data = save_form(review.text, plan_id)
    assert data["expected_version"] == "1" and data["csrf"]
    saved = anna.post(f"/plannen/{plan_id}", data=data, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/plannen/{plan_id}?saved=2"
    page = anna.get(saved.headers["location"])
    assert page.status_code == 200
    assert "Versie 2 is bewaard." in page.text
    # The history shows both versions; the plan is the edited one.
    assert re.findall(r'<tr data-version="(\d+)">', page.text) == ["1", "2"]
    assert [number for number, _ in versions(app, plan_id)] == [1, 2]
    assert versions(app, plan_id)[1][1] == "BIK, bewerkt in de wizard"
    # The wizard opened from version 2 edits version 2.
    again = open_in_wizard(anna, plan_id)
    assert save_form(again.text, plan_id)["expected_version"] == "2"


def test_the_review_is_titled_as_an_edit_of_the_version(anna: TestClient, plan_id: str) -> None:
    review = open_in_wizard(anna, plan_id)
    assert "Plan bewerken — versie 1" in review.text
    assert "Bewaar als versie 2" in review.text
    assert "Bewaar in Mijn plannen" not in review.text
    # Every step of the edit keeps the title.
    step2 = press(anna, wizard_form(review), "step-2")
    assert "Plan bewerken — versie 1" in step2.text
    english = open_in_wizard(anna, plan_id, "en")
    assert "Editing plan — version 1" in english.text and "Save as version 2" in english.text
    # A new plan is no edit.
    new = anna.get("/nieuw").text
    assert "Plan bewerken" not in new and "Nieuw financieringsplan" in new


def test_a_stale_edit_gets_the_conflict_page_with_its_text_kept(
    app: FastAPI, anna: TestClient, plan_id: str
) -> None:
    review = renamed_review(anna, open_in_wizard(anna, plan_id), "Mijn wijziging")
    data = save_form(review.text, plan_id)
    # Someone saves version 2 in between (here through the YAML form of the plan's page).
    other = bik_text().replace(f"id: {BIK_ID}", f"id: {plan_id}", 1)
    between = {"document": other, "expected_version": "1", "csrf": csrf_token(anna)}
    assert anna.post(f"/plannen/{plan_id}", data=between, follow_redirects=False).status_code == 303
    conflict = anna.post(f"/plannen/{plan_id}", data=data, follow_redirects=False)
    assert conflict.status_code == 409
    kept = re.search(r'<textarea id="veld-document"[^>]*>\n?(.*?)</textarea>', conflict.text, re.S)
    assert kept is not None and html.unescape(kept.group(1)) == data["document"]
    assert json.loads(html.unescape(kept.group(1)))["name"] == "Mijn wijziging"
    # Saving the kept text on top of version 2 makes version 3.
    assert 'name="expected_version" value="2"' in conflict.text
    assert [number for number, _ in versions(app, plan_id)] == [1, 2]


@pytest.mark.parametrize(
    ("email", "status"),
    [(BERT, 404), (KORTRIJK, 403)],
    ids=["promoter-of-another-organisation", "municipality-that-only-reads"],
)
def test_someone_without_edit_rights_cannot_save_over_the_plan(
    app: FastAPI, anna: TestClient, plan_id: str, email: str, status: int
) -> None:
    review = renamed_review(anna, open_in_wizard(anna, plan_id), "Overgenomen")
    data = save_form(review.text, plan_id)
    outsider = logged_in(app, email)
    data["csrf"] = csrf_token(outsider)
    response = outsider.post(f"/plannen/{plan_id}", data=data, follow_redirects=False)
    # Bert may not even read the plan: the same 404 as a plan that does not exist.
    assert response.status_code == status
    assert [number for number, _ in versions(app, plan_id)] == [1]


def test_an_edit_without_its_form_token_changes_nothing(
    app: FastAPI, anna: TestClient, plan_id: str
) -> None:
    data = save_form(open_in_wizard(anna, plan_id).text, plan_id)
    del data["csrf"]
    response = anna.post(f"/plannen/{plan_id}", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert [number for number, _ in versions(app, plan_id)] == [1]


def test_an_anonymous_edit_of_a_saved_plan_asks_to_log_in_first(app: FastAPI, plan_id: str) -> None:
    visitor = new_client(app)
    text = bik_text().replace(f"id: {BIK_ID}", f"id: {plan_id}", 1)
    review = visitor.post("/nieuw", data={"document": text, "expected_version": "1"})
    assert "Plan bewerken — versie 1" in review.text
    assert 'class="save-form"' not in review.text and 'href="/aanmelden"' in review.text


def test_changing_the_id_in_the_wizard_makes_a_new_plan_never_another_plans_version(
    app: FastAPI, anna: TestClient, plan_id: str
) -> None:
    other = plan_id + "-other"
    text = bik_text().replace(f"id: {BIK_ID}", f"id: {other}", 1)
    assert save_new(anna, text).status_code == 303  # another plan of Anna's, also version 1
    opened = open_in_wizard(anna, plan_id)
    step1 = press(anna, wizard_form(opened), "step-1")
    review = press(anna, wizard_form(step1).set(id=other), "step-6")
    # Not a save over `other` at version 1: the review offers a new plan in Mijn plannen.
    assert f'action="/plannen/{other}" class="save-form"' not in review.text
    assert [number for number, _ in versions(app, other)] == [1]

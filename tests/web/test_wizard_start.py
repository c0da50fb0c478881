"""Opening the wizard on an existing initiative: an example (GET ?example=) or a posted
initiative file (POST `document`), both at the review, and what the review offers: the full
plan, the downloads, saving (with an account) and the file to copy."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from klaverblad.model import load_initiative, parse_initiative
from klaverblad.plan.financing_plan import compute_plan
from tests.web.conftest import EXAMPLE_PATHS, EXAMPLES
from tests.web.test_accounts_support import ANNA, log_in, make_app, new_client
from tests.web.test_wizard import current_step, gap_cents, press, text_of, wizard_form


def hidden(body: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', body)
    assert match is not None, f"no hidden field {name}"
    return html.unescape(match.group(1))


def copied_yaml(body: str) -> str:
    match = re.search(r'<textarea id="wizard-yaml"[^>]*>\n?(.*?)</textarea>', body, re.S)
    assert match is not None, "no initiative file to copy"
    return html.unescape(match.group(1))


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_an_example_opens_at_the_review_with_its_figures(client: TestClient, path: Path) -> None:
    expected = compute_plan(load_initiative(path))
    response = client.get(f"/nieuw?example={path.stem}")
    assert response.status_code == 200
    assert current_step(response.text) == "6"
    assert gap_cents(response.text) == expected.totals.gap_cents
    # The file to copy is the same initiative: it plans to the same gap.
    again = parse_initiative(yaml.safe_load(copied_yaml(response.text)), "copy")
    assert compute_plan(again).totals.gap_cents == expected.totals.gap_cents


def test_an_unknown_example_is_a_404_page(client: TestClient) -> None:
    response = client.get("/nieuw?example=bestaat-niet")
    assert response.status_code == 404 and "bestaat-niet" in response.text


def test_the_review_posts_the_initiative_to_the_plan_page_and_the_exports(
    client: TestClient,
) -> None:
    body = client.get("/nieuw?example=bik-klusjesdienst").text
    assert '<form method="post" action="/plan" class="review-form">' in body
    for fmt in ("pdf", "xlsx", "csv", "yaml"):
        assert f'formaction="/plan/export/{fmt}"' in body
    text = hidden(body, "text")
    plan = client.post("/plan", data={"text": text})
    assert plan.status_code == 200
    expected = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    assert f'data-gap-cents="{expected.totals.gap_cents}"' in plan.text
    # Without an account the page says that saving needs one.
    assert 'href="/aanmelden"' in body and "Meld je aan om je plan te bewaren" in body


def test_a_posted_document_opens_at_the_review_and_keeps_its_version(client: TestClient) -> None:
    text = (EXAMPLES / "ocmw-art60-2006.yaml").read_text(encoding="utf-8")
    response = client.post("/en/new", data={"document": text, "expected_version": "3"})
    assert response.status_code == 200 and current_step(response.text) == "6"
    draft = json.loads(wizard_form(response).value("draft"))
    assert draft["expected_version"] == "3"
    # The version travels through the steps.
    step2 = press(client, wizard_form(response), "step-2")
    assert json.loads(wizard_form(step2).value("draft"))["expected_version"] == "3"


def test_a_logged_in_user_saves_through_my_plans_with_the_token(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    browser = new_client(app)
    log_in(browser, ANNA)
    text = (EXAMPLES / "bik-klusjesdienst.yaml").read_text(encoding="utf-8")
    body = browser.post("/nieuw", data={"document": text}).text
    save = re.search(
        r'<form method="post" action="/mijn-plannen" class="save-form">(.*?)</form>', body, re.S
    )
    assert save is not None
    form = save.group(1)
    assert re.search(r'name="csrf" value="[^"]+"', form)
    assert 'name="expected_version"' not in form
    document = json.loads(hidden(form, "document"))
    saved = parse_initiative(document, "document")
    assert saved == load_initiative(EXAMPLES / "bik-klusjesdienst.yaml")
    # A document opened at a version is an edit: it saves the next version of that plan
    # (tests/web/test_wizard_edit.py walks it).
    body = browser.post("/nieuw", data={"document": text, "expected_version": "2"}).text
    edit = re.search(
        r'<form method="post" action="/plannen/bik-klusjesdienst" class="save-form">(.*?)</form>',
        body,
        re.S,
    )
    assert edit is not None and 'name="expected_version" value="2"' in edit.group(1)


def test_a_document_with_a_wrong_field_opens_with_the_problem_named(client: TestClient) -> None:
    text = (EXAMPLES / "bik-klusjesdienst.yaml").read_text(encoding="utf-8")
    broken = text.replace("fte: 0.5", "fte: 1.5", 1).replace("costs:", "colour: green\ncosts:", 1)
    response = client.post("/nieuw", data={"document": broken})
    assert response.status_code == 422 and current_step(response.text) == "6"
    body = text_of(response.text)
    assert (
        "Persoon 5 (s1): Arbeidsduur (VTE)" in body
        and "moet meer dan 0 en hoogstens 1 zijn" in body
    )
    assert "colour: is geen bekend veld (weggelaten)" in body
    assert "Het plan is nog niet volledig" in body
    # The value stays in its field when the user goes to fix it.
    step3 = press(client, wizard_form(response), "step-3")
    assert wizard_form(step3).value("people[4].fte") == "1,5"


def test_a_document_that_is_not_yaml_is_refused_on_step_one(client: TestClient) -> None:
    response = client.post("/nieuw", data={"document": "id: [unclosed"})
    assert response.status_code == 422 and current_step(response.text) == "1"
    assert "het ingeladen initiatief: line " in text_of(response.text)

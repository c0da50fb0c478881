"""What the wizard says at a field: a grant added in the wizard starts empty and counts only
once its amount is filled in; a default can be accepted ("Klopt") and then loses its mark
for good; a voucher that the kind of service does not allow is flagged at the activity's
"Betaling" field with the reason in words; and the review shows "Waarom dit statuut?" per
person, as the plan page does.

Figures by hand (RULEBOOK §4.1, §4.2): a `lokaal_actieplan` grant has no window and is booked
amount_per_year / 12 in every month; a dienstencheque pays only for huishoudhulp, strijk,
boodschappen, maaltijden and vervoer van mensen met beperkte mobiliteit.
"""

from __future__ import annotations

import html
import json
import re

from fastapi.testclient import TestClient
from httpx import Response

from klaverblad.advice.condition_labels import CONDITIONS
from klaverblad.web.wizard.field_words import FIELD_WORDS
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS
from tests.web.test_wizard import (
    current_step,
    gap_cents,
    press,
    text_of,
    wizard_form,
)

DUTCH = CONDITIONS["nl"]
NL = FIELD_WORDS["nl"]


def draft_of(body: str) -> dict[str, object]:
    """The draft the page carries in its hidden field."""
    found = re.search(r'<input type="hidden" name="draft" value="([^"]*)"', body)
    assert found is not None, "no draft on the page"
    draft = json.loads(html.unescape(found.group(1)))
    assert isinstance(draft, dict)
    return draft


def warning_at(body: str, field_id: str) -> str | None:
    found = re.search(rf'<p class="field-warning" id="{field_id}-warning">(.*?)</p>', body, re.S)
    return text_of(found.group(1)).strip() if found else None


def step_with(client: TestClient, step: int, **values: str | list[str]) -> Response:
    """The wizard's page at `step`, the 2006 horizon set first (rules that do not move with
    today's date), then `values` set on that step and computed."""
    form = wizard_form(client.get("/nieuw")).set(horizon__start="2006-01", horizon__months="12")
    page = press(client, form, f"step-{step}")
    response = press(client, wizard_form(page).set(**values), "refresh")
    assert response.status_code == 200, text_of(response.text)[:2000]
    return response


# --- A grant starts empty ---------------------------------------------------------------------


def test_a_new_grant_has_no_amount_and_does_not_change_the_plan(client: TestClient) -> None:
    before = step_with(client, 4)
    added = press(client, wizard_form(before), "add-grants")
    assert added.status_code == 200
    form = wizard_form(added)
    assert form.value("grants[0].amount_per_year") == ""
    assert gap_cents(added.text) == gap_cents(before.text)
    assert warning_at(added.text, "f-grants-0-amount-per-year") == NL["grant_waiting"]


def test_a_grant_counts_once_its_amount_is_filled_in(client: TestClient) -> None:
    added = press(client, wizard_form(step_with(client, 4)), "add-grants")
    filled = press(client, wizard_form(added).set(grants__0__amount_per_year="1.200"), "refresh")
    assert filled.status_code == 200
    # 1 200 a year over the 12 months of the plan: the shortfall shrinks by 1 200,00.
    assert gap_cents(added.text) - gap_cents(filled.text) == 120_000
    assert warning_at(filled.text, "f-grants-0-amount-per-year") is None


def test_a_problem_of_a_later_grant_lands_on_its_own_field(client: TestClient) -> None:
    # The first grant waits for its amount (left out of the plan); the second, an `overig`
    # grant without a leaf, is the model's grants[0] but the draft's grants[1].
    page = press(client, wizard_form(step_with(client, 4)), "add-grants")
    page = press(client, wizard_form(page), "add-grants")
    form = wizard_form(page).set(grants__1__measure="overig", grants__1__amount_per_year="500")
    response = press(client, form, "refresh")
    assert response.status_code == 422
    assert 'id="f-grants-1-leaf-error"' in response.text
    assert 'id="f-grants-0-leaf-error"' not in response.text


def test_the_review_lists_a_waiting_grant_with_its_note(client: TestClient) -> None:
    page = press(client, wizard_form(step_with(client, 4)), "add-grants")
    review = press(client, wizard_form(page), "step-6")
    assert current_step(review.text) == "6"
    assert NL["grant_waiting"] in text_of(review.text)


# --- Accepting a default ----------------------------------------------------------------------


def test_every_default_offers_a_klopt_button(client: TestClient) -> None:
    body = client.get("/nieuw").text
    assert 'value="accept:horizon.months"' in body
    button = re.search(r'<button[^>]*value="accept:promoter.name"[^>]*>(.*?)</button>', body)
    assert button is not None
    name = html.unescape(re.sub(r"<[^>]+>", "", button.group(1)))  # as a screen reader says it
    assert name == f"{NL['accept']}: houd de standaardwaarde van Naam van de promotor"
    assert 'formaction="/nieuw#f-promoter-name"' in button.group(0)


def test_klopt_drops_the_mark_of_that_field_only_and_keeps_the_step(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw"))
    response = press(client, form, "accept:horizon.months")
    assert response.status_code == 200 and current_step(response.text) == "1"
    body = response.text
    assert 'id="f-horizon-months-default"' not in body
    assert 'id="f-promoter-name-default"' in body
    draft = draft_of(body)
    defaults = draft["defaults"]
    assert isinstance(defaults, list)
    assert "horizon.months" not in defaults and "promoter.name" in defaults
    # The value itself is kept.
    assert wizard_form(response).value("horizon.months") == "36"


def test_an_accepted_default_stays_accepted_on_later_steps(client: TestClient) -> None:
    step3 = press(client, wizard_form(client.get("/nieuw")), "step-3")
    accepted = press(client, wizard_form(step3), "accept:people[0].fte")
    assert 'id="f-people-0-fte-default"' not in accepted.text
    step2 = press(client, wizard_form(accepted), "back")
    again = press(client, wizard_form(step2), "next")
    assert current_step(again.text) == "3"
    assert 'id="f-people-0-fte-default"' not in again.text
    assert 'id="f-people-0-monthly-wage-cost-default"' in again.text


def test_all_defaults_of_a_step_can_be_accepted_at_once(client: TestClient) -> None:
    response = press(client, wizard_form(client.get("/nieuw")), "accept-step")
    assert response.status_code == 200
    assert 'class="default-mark"' not in response.text
    # Step 3's defaults are not step 1's: they stay.
    step3 = press(client, wizard_form(response), "step-3")
    assert 'id="f-people-0-fte-default"' in step3.text


def test_accepting_a_field_that_does_not_exist_changes_nothing(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw"))
    response = press(client, form, "accept:people[9].fte")
    assert response.status_code == 200 and current_step(response.text) == "1"
    assert response.text.count('class="default-mark"') == client.get("/nieuw").text.count(
        'class="default-mark"'
    )


# --- Vouchers at the payment field ------------------------------------------------------------


def dienstencheque_step(client: TestClient, kind: str, language: str = "nl") -> str:
    """Step 2 with the first activity paid by dienstencheques, for a recognised company."""
    path = "/nieuw" if language == "nl" else "/en/new"
    form = wizard_form(client.get(path)).set(
        horizon__start="2006-01",
        horizon__months="12",
        recognitions=["dienstencheque_onderneming"],
    )
    step2 = press(client, form, "step-2")
    values = {
        "activities__0__kind": kind,
        "activities__0__payment": "dienstencheque",
        "activities__0__client_group": "particulier",
    }
    response = press(client, wizard_form(step2).set(**values), "refresh")
    assert response.status_code == 200, text_of(response.text)[:2000]
    return response.text


def test_dienstencheques_for_odd_jobs_are_flagged_at_the_payment_field(
    client: TestClient,
) -> None:
    body = dienstencheque_step(client, "klusjes")
    assert warning_at(body, "f-activities-0-payment") == (
        "Dienstencheques kunnen deze activiteit niet betalen: klusjes staat niet op de lijst "
        "van taken die ze betalen (huishoudhulp, strijk, boodschappen, maaltijden, vervoer van "
        "mensen met beperkte mobiliteit). Ze brengt dan niets op; kies contant of factuur, of "
        "een andere financier."
    )
    field = re.search(r'<select id="f-activities-0-payment"[^>]*>', body)
    assert field is not None and "f-activities-0-payment-warning" in field.group(0)


def test_dienstencheques_for_household_help_are_not_flagged(client: TestClient) -> None:
    assert warning_at(dienstencheque_step(client, "huishoudhulp"), "f-activities-0-payment") is None


def test_the_english_page_gives_the_reason_in_english(client: TestClient) -> None:
    body = dienstencheque_step(client, "tuin", "en")
    warning = warning_at(body, "f-activities-0-payment")
    assert warning is not None
    assert warning.startswith(
        "Service vouchers (dienstencheques) cannot pay for this activity: gardening is not on "
        "the list of tasks they pay for (household help, ironing, shopping, meals, transport of "
        "people with reduced mobility)."
    )


def test_an_unrecognised_company_and_a_company_client_are_both_named(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(horizon__start="2006-01")
    step2 = press(client, form, "step-2")
    values = {
        "activities__0__kind": "strijk",
        "activities__0__payment": "dienstencheque",
        "activities__0__client_group": "bedrijf",
    }
    body = press(client, wizard_form(step2).set(**values), "refresh").text
    warning = warning_at(body, "f-activities-0-payment")
    assert warning is not None
    assert (
        "ze zijn enkel voor particuliere huishoudens (particulieren of kansarme gezinnen (laag "
        "inkomen)), niet voor bedrijven" in warning
    )
    assert "de promotor is niet erkend als dienstenchequeonderneming" in warning


def test_the_bik_example_has_no_voucher_note(client: TestClient) -> None:
    # vervoer (dienstencheques, recognised, private clients) and klussen (PWA cheques at 4,95,
    # inside 2006's range 4,95 – 7,45) are both allowed.
    body = client.get("/nieuw?example=bik-klusjesdienst").text
    assert "kunnen deze activiteit niet betalen" not in body


# --- "Waarom dit statuut?" on the review ------------------------------------------------------


def test_the_review_explains_each_statute_as_the_plan_page_does(client: TestClient) -> None:
    body = client.get("/nieuw?example=bik-klusjesdienst").text
    assert current_step(body) == "6"
    panel = re.search(
        r'<details class="why-statute-person" data-person="w4">.*?</details>', body, re.S
    )
    assert panel is not None
    items = [
        text_of(item) for item in re.findall(r"<li class=[^>]*>.*?</li>", panel.group(0), re.S)
    ]
    low_skilled = [item for item in items if DUTCH["sine_low_skilled"] in item]
    assert len(low_skilled) == 1
    assert WHY_STATUTE_WORDS["nl"]["not_met"] in low_skilled[0]

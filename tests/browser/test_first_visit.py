"""A first-time visitor in Chromium: the start page, an example's plan, an explanation, the
English pages, a pasted file with a mistake and an unknown address — each page checked with
axe-core (WCAG 2.1 AA) and photographed."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from klaverblad.locale import money
from tests.browser.helpers import axe_check, axe_check_phone, error_summary_text, expect_plan, shot
from tests.web.conftest import EXAMPLES, example_body

BIK = "bik-klusjesdienst"
BIK_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"


def api_gap_cents(page: Page, key: str) -> int:
    """The example's gap in cents as the server's JSON API computes it (the unit tests pin
    that number; here the browser must show the same one)."""
    response = page.request.post(
        "/api/plan", data={"initiative": example_body(EXAMPLES / f"{key}.yaml")}
    )
    assert response.ok, response.text()
    euros, cents = response.json()["totals"]["gap"].split(".")
    sign = -1 if euros.startswith("-") else 1
    return sign * (abs(int(euros)) * 100 + int(cents))


def test_a_new_visitor_opens_an_example_from_the_start_page_and_sees_the_cloverleaf_and_the_gap(
    page: Page,
) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Het klaverbladmodel")
    axe_check(page)
    shot(page, "start-nl")
    axe_check_phone(page, "start-nl")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name=BIK_NAME).click()

    expect(page).to_have_url(re.compile(f"/plan/voorbeeld/{BIK}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(BIK_NAME)
    expect_plan(page)
    gap = api_gap_cents(page, BIK)
    # bik-klusjesdienst has more costs than funding (`klaverblad plan` prints a positive gap):
    # a shortfall, shown without a sign next to the word "Tekort".
    assert gap > 0
    expect(page.locator("tr.gap th")).to_have_text("Tekort")
    expect(page.locator("tr.gap td")).to_have_text(money(gap, "nl"))
    axe_check(page)
    shot(page, "example-plan-nl")
    axe_check_phone(page, "example-plan-nl")


def test_a_visitor_opens_how_an_amount_was_calculated_and_sees_the_rule_and_its_parameters(
    page: Page,
) -> None:
    page.goto(f"/plan/voorbeeld/{BIK}")
    # The first amount whose explanation lists parameters (a computed line, not an entered one).
    details = page.locator("details.why").filter(has_text="Parameters:").first
    explanation = details.locator(".explanation")
    expect(explanation).to_be_hidden()

    # With the keyboard, as a screen-reader user would: focus the amount, press Enter.
    details.locator("summary").focus()
    page.keyboard.press("Enter")

    expect(details).to_have_attribute("open", "")
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("Regel:")
    expect(explanation).to_contain_text("Betrouwbaarheid:")
    parameters = explanation.locator("ul.parameters > li")
    expect(parameters.first).to_be_visible()
    # Each parameter names its OpenFisca parameter (dotted name) and the date it holds since.
    expect(parameters.first.locator("code")).to_have_text(re.compile(r"^\w+(\.\w+)+$"))
    expect(parameters.first).to_contain_text("sinds")
    axe_check(page)
    shot(page, "example-plan-explanation-open")


def test_a_visitor_switches_to_english_and_sees_the_financing_plan(page: Page) -> None:
    page.goto(f"/plan/voorbeeld/{BIK}")

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(f"/en/plan/example/{BIK}$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Financing plan")
    expect_plan(page)
    expect(page.locator("tr.gap th")).to_have_text("Shortfall")
    # And back: the switch on the English page leads to the same plan in Dutch.
    expect(page.get_by_role("link", name="Nederlands")).to_have_attribute(
        "href", f"/plan/voorbeeld/{BIK}"
    )
    axe_check(page)
    shot(page, "example-plan-en")


def test_a_pasted_initiative_with_a_wrong_field_shows_an_error_summary_naming_it_and_keeps_the_text(
    page: Page,
) -> None:
    text = (EXAMPLES / f"{BIK}.yaml").read_text(encoding="utf-8")
    # A first person working 7 full-time equivalents: fte must be more than 0 and at most 1,
    # so the file is refused and the field people[0].fte named.
    broken = text.replace("people:\n", "people:\n  - {id: x, fte: 7}\n", 1)
    page.goto("/")
    page.locator("main details.advanced > summary").click()  # the file is an advanced option
    field = page.get_by_label("Initiatiefbestand (YAML of JSON)")
    field.fill(broken)

    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Maak het financieringsplan").click()

    assert answer.value.status == 422
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Het bestand kan niet gelezen worden")
    expect(summary.locator("code.path", has_text="people[0].fte")).to_have_count(1)
    assert "people[0].fte" in error_summary_text(page)
    # The text is kept exactly, and the field points at the summary.
    assert field.input_value() == broken
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", re.compile(r"\S"))
    axe_check(page)
    shot(page, "start-nl-with-errors")


@pytest.mark.parametrize(
    ("address", "title", "home"),
    [
        ("/bestaat-niet", "Pagina niet gevonden", "/"),
        ("/en/does-not-exist", "Page not found", "/en/"),
    ],
)
def test_an_unknown_address_shows_a_page_in_the_visitors_language_with_a_way_home(
    page: Page, address: str, title: str, home: str
) -> None:
    response = page.goto(address)

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("main").get_by_role("link")).to_have_attribute("href", home)
    axe_check(page)
    shot(page, f"not-found{address.replace('/', '-')}")

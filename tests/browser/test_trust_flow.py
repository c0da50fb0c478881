"""No silent zeros and no codes, in Chromium at 1 366 px and at 390 px: an LDE grant entered
for 2027 (LDE closed on 1 July 2023) shows the `measure_closed` message in the plan's alerts
and at the grant's measure field in the wizard; the BIK plan page in Dutch shows no code of a
measure, statute or alert outside YAML/JSON/code blocks."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from tests.browser.helpers import axe_check, expect_plan, shot
from tests.web.test_measure_closed_pages import LDE_2027, _document
from tests.web.test_no_codes_on_dutch_pages import codes_in, read

WIDTHS = [1366, 390]


def _at(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900 if width > 500 else 800})


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url} is {width} px wide in a {inner} px window"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_lde_grant_for_2027_says_it_yields_nothing_in_the_alerts_and_at_its_field(
    page: Page, width: int
) -> None:
    _at(page, width)
    page.goto("/")
    page.locator("main details.advanced > summary").click()
    page.get_by_label("Initiatiefbestand (YAML of JSON)").fill(_document(**LDE_2027))
    page.get_by_role("button", name="Maak het financieringsplan").click()
    expect_plan(page)
    alert = page.locator('[data-code="measure_closed"]')
    expect(alert).to_contain_text("Maatregel gesloten")
    expect(alert).to_contain_text("januari 2027 tot december 2027")
    expect(alert).to_contain_text("gesloten sinds 1 juli 2023")
    expect(alert).not_to_contain_text("measure_closed")
    _fits(page)
    axe_check(page)
    shot(page, f"lde-2027-alert-{width}")

    page.get_by_role("button", name="Bewerk dit plan in de wizard").click()
    page.locator('nav.wizard-nav button[value="step-4"]').click()
    warning = page.locator("#f-grants-0-measure-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("gesloten sinds 1 juli 2023")
    described = page.locator("#f-grants-0-measure").get_attribute("aria-describedby") or ""
    assert "f-grants-0-measure-warning" in described.split()
    _fits(page)
    axe_check(page)
    shot(page, f"lde-2027-wizard-field-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_bik_plan_page_in_dutch_shows_no_code(page: Page, width: int) -> None:
    _at(page, width)
    page.goto("/plan/voorbeeld/bik-klusjesdienst")
    expect_plan(page)
    for summary in page.locator("details.why summary").all()[:5]:
        summary.click()  # the "Hoe berekend?" boxes too
    shown = read(page.content())
    assert codes_in(" ".join(shown.text)) == []
    assert codes_in(page.locator("main").inner_text()) == []
    _fits(page)
    axe_check(page)
    shot(page, f"bik-plan-no-codes-{width}")

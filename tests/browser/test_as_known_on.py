""" "As known on" in Chromium (issue #13, step 9 part 4), on a desktop (1 366 px) and a phone
(390 px): BIK's plan as known on 30 June 2006 says so and links to the comparison, whose date
field compares as planned then with as it turned out — one bar per measure known later and the
total (+ € 75,51, € 0,00, − € 600,00, − € 524,49, worked out in
tests/advice/test_known_on_steps.py); the pages are never wider than the window and axe-core
finds nothing serious."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

import re

from playwright.sync_api import Page, ViewportSize, expect

from tests.browser.accounts import ACCOUNTS
from tests.browser.helpers import NewContext, axe_check, expect_plan, log_in, shot
from tests.browser.test_accounts_flow import SAVE, organisation_a_text

SIZES: dict[str, ViewportSize] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}


def fits(page: Page) -> None:
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window"


@pytest.mark.parametrize("size", list(SIZES))
def test_the_plan_as_known_then_leads_to_the_comparison_with_as_it_turned_out(
    page: Page, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto("/plan/voorbeeld/bik-klusjesdienst")
    page.get_by_label("Zoals gekend op (datum)").fill("2006-06-30")
    page.get_by_role("button", name="Toon het plan zoals toen gekend").click()
    notice = page.locator("#zoals-gekend")
    expect(notice).to_contain_text("gekend waren op 30 juni 2006")
    fits(page)
    axe_check(page)
    notice.get_by_role("link").click()
    chart = page.get_by_role("img", name="Verschil in financiering per wijziging")
    expect(chart).to_be_visible()
    expect(chart.locator(".waterfall-bar")).to_have_count(4)
    table = page.locator('table[data-table="steps"]')
    expect(table).to_contain_text("Zoals toen gepland (regels gekend op 30 juni 2006)")
    expect(table).to_contain_text("Stap 1: waarden van artikel 60 §7 die pas later bekend werden")
    expect(table.locator("tfoot")).to_contain_text("−\u00a0€\u00a0524,49")
    expect(page.get_by_label("Zoals gekend op (datum)").first).to_have_value("2006-06-30")
    fits(page)
    shot(page, f"as-known-on-{size}")
    axe_check(page)


def test_a_bad_date_is_named_at_its_field(page: Page) -> None:
    page.set_viewport_size(SIZES["phone"])
    page.goto(
        "/vergelijken?example=bik-klusjesdienst&as_known_on=2006-06-30&reform=sine-uitbreiding"
    )
    expect(page.locator(".field-error").first).to_contain_text("niet met beide")
    axe_check(page)


@pytest.mark.parametrize("size", list(SIZES))
def test_a_saved_plan_as_known_then_says_so_and_its_downloads_carry_the_date(
    new_context: NewContext, size: str
) -> None:
    # BIK with the file's statutes as known on 30 June 2006, by hand (docs/as-known-on.md):
    # 147.545,19 - 75,51 + 600,00 = 148.069,68.
    plan_id = f"gekend-op-{size}"
    page = new_context().new_page()
    page.set_viewport_size(SIZES[size])
    log_in(page, ACCOUNTS["promoter_a"])
    page.goto("/")
    page.locator("main details.advanced > summary").click()
    page.get_by_label("Initiatiefbestand (YAML of JSON)").fill(
        organisation_a_text(plan_id, "Klusjesdienst zoals toen gekend")
    )
    page.get_by_role("button", name="Maak het financieringsplan").click()
    expect_plan(page)
    page.get_by_role("button", name=SAVE).click()
    expect(page).to_have_url(re.compile(f"/plannen/{plan_id}$"))
    page.get_by_label("Zoals gekend op (datum)").fill("2006-06-30")
    page.get_by_role("button", name="Toon het plan zoals toen gekend").click()
    expect(page).to_have_url(re.compile(f"/plannen/{plan_id}\\?as_known_on=2006-06-30$"))
    expect(page.locator("#zoals-gekend")).to_contain_text("gekend waren op 30 juni 2006")
    expect(page.locator("table.summary")).to_contain_text("148.069,68")
    pdf = page.get_by_role("link", name=re.compile("Download het plan als PDF"))
    expect(pdf).to_have_attribute("href", f"/plannen/{plan_id}/export/pdf?as_known_on=2006-06-30")
    fits(page)
    shot(page, f"as-known-on-saved-{size}")
    axe_check(page)

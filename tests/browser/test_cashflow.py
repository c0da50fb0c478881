"""The cash-flow page of a plan in Chromium (docs/cashflow.md, "Web"), on a desktop (1 366 px)
and a phone (390 px): BIK's page is reached from its plan page, says the pre-financing
(€ 69.454,81, the lowest balance in December 2007: worked out by hand in docs/cashflow.md)
above its chart and its month table, is never wider than the window, and axe-core finds
nothing serious; its form recomputes with other payment terms and its CSV link downloads the
month table."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, ViewportSize, expect

from tests.browser.helpers import axe_check, shot

SIZES: dict[str, ViewportSize] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
PLAN = "/plan/voorbeeld/bik-klusjesdienst"
NBSP = "\u00a0"


@pytest.mark.parametrize("size", list(SIZES))
def test_the_cash_flow_of_bik_shows_the_prefinancing_its_chart_and_its_month_table(
    page: Page, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(PLAN)
    page.get_by_role("link", name="Kasstroom: wanneer komt het geld binnen?").click()
    expect(page).to_have_url(re.compile(r"/plan/voorbeeld/bik-klusjesdienst/kasstroom$"))
    expect(page.locator(".cashflow-headline")).to_have_text(
        f"U moet €{NBSP}69.454,81 voorfinancieren; het laagste saldo is "
        f"€{NBSP}-69.454,81, in december 2007."
    )
    chart = page.get_by_role("img", name="De kasstroom in een grafiek")
    expect(chart).to_be_visible()
    # 24 months of the horizon and January 2008, when the last quarter's SINE money arrives.
    expect(chart.locator(".cashflow-balance rect")).to_have_count(25)
    box = chart.bounding_box()
    assert box is not None and box["width"] <= SIZES[size]["width"]
    table = page.locator("table.cashflow-months")
    expect(table.locator("tbody tr")).to_have_count(25)
    expect(table.locator("tr[data-lowest]")).to_contain_text(f"€{NBSP}-69.454,81")
    expect(table.locator("tr.after-horizon")).to_contain_text("januari 2008 (na de horizon)")
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window"
    shot(page, f"cashflow-{size}")
    axe_check(page)


def test_the_form_recomputes_with_cash_at_the_start_and_names_a_bad_field(page: Page) -> None:
    page.set_viewport_size(SIZES["phone"])
    page.goto(f"{PLAN}/kasstroom")
    # 70.000 at the start lifts every balance by 70 000: the lowest, December 2007, is
    # 70 000 − 69 454,81 = 545,19, so nothing is left to pre-finance.
    page.get_by_label("Geld op de rekening bij de start (euro)").fill("70.000")
    page.get_by_role("button", name="Herbereken").click()
    expect(page.locator(".cashflow-headline")).to_contain_text(
        f"U hoeft niets voor te financieren: het saldo blijft elke maand positief of nul. "
        f"Het laagste saldo is €{NBSP}545,19, in december 2007."
    )
    page.get_by_label("Klanten betalen een factuur na (dagen)").fill("veel")
    page.get_by_role("button", name="Herbereken").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Klanten betalen een factuur na (dagen)")
    expect(summary).to_contain_text("Geef een geheel aantal dagen van 0 tot 365.")
    expect(page.get_by_label("Klanten betalen een factuur na (dagen)")).to_have_value("veel")
    shot(page, "cashflow-phone-form-error")
    axe_check(page)


def test_the_csv_link_downloads_the_month_table(page: Page) -> None:
    page.set_viewport_size(SIZES["desktop"])
    page.goto(f"{PLAN}/kasstroom")
    link = page.get_by_role("link", name=re.compile(r"^Download deze tabel als CSV ?: Kasstroom"))
    expect(link).to_be_visible()
    with page.expect_download() as started:
        link.click()
    rows = started.value.path().read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "Maand;Binnen de horizon;Uitgaven;Ontvangsten;Saldo op de rekening"
    # January 2006: costs 9 500 wages + 500 operating; received 6 540,81 (docs/cashflow.md).
    assert rows[1] == "2006-01;ja;10000,00;6540,81;-3459,19"
    assert rows[-1] == "2008-01;nee;0,00;1000,00;-68454,81"
    assert len(rows) == 1 + 25

"""The multi-year plan per municipality in Chromium (issue #13, step 9 part 5), on a desktop
(1 366 px) and a phone (390 px): Aalst's page shows the amounts of the example initiatives per
direction, funder, beleidsveld and algemene rekening (the city pays vzw Groenkracht 120 h ×
28,00 × 12 = € 40 320,00 a year; OCMW Aalst receives € 1 800,00 a year of federal
art60_verhoogd), every year and the total in view on a desktop, the funder in view while the
table scrolls sideways on a phone, the sources and grades of the codes, the download links, a
page never wider than the window, and axe-core finds nothing serious."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Locator, Page, ViewportSize, expect

from tests.browser.helpers import axe_check, shot

SIZES: dict[str, ViewportSize] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
AALST = "/portefeuille/meerjarenplan?municipality=Aalst"


def _page_fits(page: Page) -> None:
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window"


def _region(table: Locator) -> Locator:
    """The scrolling region (`table-wrap`) around a table."""
    return table.locator("xpath=..")


@pytest.mark.parametrize("size", list(SIZES))
def test_aalsts_multi_year_plan_shows_its_amounts_and_downloads(page: Page, size: str) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(AALST)
    heading = page.get_by_role("heading", name="Meerjarenplan 2026–2031 van Aalst")
    expect(heading).to_be_visible()
    table = page.locator('table[data-table="multi-year-plan"]')
    received = table.locator('tbody[data-direction="received"]')
    expect(received.locator("th[scope=rowgroup]")).to_have_text("Ontvangen door gemeente of OCMW")
    federal = received.locator("tr", has=page.locator("th", has_text="federaal"))
    expect(federal.locator("td.code").first).to_contain_text("0904")
    expect(federal.locator("td.code").first).to_contain_text("Activering van tewerkstelling")
    paid = table.locator('tbody[data-direction="paid"]')
    expect(paid).to_contain_text("€\u00a040.320,00")
    # 6 × 40 320,00 = 241 920,00 over the period.
    expect(paid.locator("td.total")).to_have_text("€\u00a0241.920,00")
    summary = page.locator('table[data-table="multi-year-summary"]')
    # The sum of the plan lines in 2026: 1 800 + 8 640 + 40 320 + 4 800 + 625 = 56 185,00.
    expect(summary).to_contain_text("€\u00a056.185,00")
    xlsx = page.get_by_role(
        "link", name=re.compile(r"^Download als Excel \(XLSX\) ?: Meerjarenplan")
    )
    expect(xlsx).to_be_visible()
    csv = page.get_by_role("link", name=re.compile(r"^Download als CSV ?: Meerjarenplan"))
    expect(csv).to_be_visible()
    # The downloads stand apart from the notes above them (at least 1rem between).
    notes = page.locator("ul.multi-year-notes").bounding_box()
    links = page.locator(".multi-year-downloads").bounding_box()
    assert notes and links and links["y"] - (notes["y"] + notes["height"]) >= 16
    _page_fits(page)
    shot(page, f"multi-year-plan-{size}")
    axe_check(page)


def test_on_a_desktop_every_year_and_the_total_are_in_view(page: Page) -> None:
    page.set_viewport_size(SIZES["desktop"])
    page.goto(AALST)
    table = page.locator('table[data-table="multi-year-plan"]')
    region = _region(table)
    scroll, client = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert scroll <= client, f"the table scrolls: {scroll} px in {client} px"
    total = table.get_by_role("columnheader", name="Totaal")
    box = total.bounding_box()
    assert box and box["x"] + box["width"] <= SIZES["desktop"]["width"]
    expect(page.locator(".scroll-hint").first).to_be_hidden()
    # A code the financial service still chooses reads in italics, not hidden.
    to_choose = table.locator(".to-choose").first
    expect(to_choose).to_be_visible()
    expect(to_choose).to_have_css("font-style", "italic")


def test_on_a_phone_the_table_says_it_scrolls_and_keeps_the_funder_in_view(page: Page) -> None:
    page.set_viewport_size(SIZES["phone"])
    page.goto(AALST)
    expect(page.locator(".scroll-hint").first).to_be_visible()
    table = page.locator('table[data-table="multi-year-plan"]')
    region = _region(table)
    scroll, client = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert scroll > client
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    funder = table.locator("th.funder", has_text="federaal")
    left = region.bounding_box()
    box = funder.bounding_box()
    assert left and box and abs(box["x"] - left["x"]) <= 2, "the funder scrolled away"
    assert box["width"] <= 150, f"the row header is {box['width']} px wide"
    # Scrolled to its end, the total of the federal row is beside it: 6 × 1 800 = 10 800,00.
    row = table.locator("tr", has=page.locator("th.funder", has_text="federaal"))
    total = row.locator("td.total")
    expect(total).to_have_text("€\u00a010.800,00")
    expect(total).to_be_in_viewport()


def test_each_code_leads_to_its_source_and_grade(page: Page) -> None:
    page.set_viewport_size(SIZES["desktop"])
    page.goto(AALST)
    sources = page.locator('section[aria-labelledby="meerjarenplan-aalst-bronnen"]')
    expect(sources.get_by_role("heading", name="Bronnen van de codes")).to_be_visible()
    # 0904 is the first code the table names: from the BBC 2013 list, graded L.
    page.get_by_role("link", name="Bron 1", exact=True).click()
    first = page.locator("#meerjarenplan-aalst-bron-1")
    expect(first).to_be_in_viewport()
    expect(first).to_contain_text("L (reconstructie, aanname)")
    expect(first).to_contain_text("0904 Activering van tewerkstelling")
    # 7405/9 and the economic sector 100 come from the ABB guide, graded M.
    second = page.locator("#meerjarenplan-aalst-bron-2")
    expect(second).to_contain_text("M (secundaire bron of afgeleide datum)")
    expect(second.get_by_role("link")).to_have_attribute(
        "href", "https://lokaalbestuur.vlaanderen.be/subsidie/subsidie-aan-belgische-ocmw"
    )
    expect(sources.locator(".choice-list li")).to_have_count(3)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_portfolio_page_shows_the_section_per_municipality(page: Page, size: str) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto("/portefeuille")
    section = page.locator('section[data-section="multi-year-plan"]')
    expect(section.get_by_role("heading", name="Meerjarenplan 2026–2031 (BBC)")).to_be_visible()
    expect(section.locator('section[data-municipality="Aalst"]')).to_contain_text(
        "€\u00a040.320,00"
    )
    _page_fits(page)
    axe_check(page)

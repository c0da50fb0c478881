"""Who gains and who loses on the portfolio page in Chromium (issue #13, part 3), on a desktop
(1 366 px) and a phone (390 px): the examples under `lde-koppeling-sine` with the SINE
allowance € 50 lower show the chart by initiative (BIK + € 1.200, Labour for Neighbour
− € 900, OCMW Aalst − € 1.100) and by funder (Vlaams + € 2.400, federaal − € 3.200), each
with its table and a CSV link that downloads that table (figures worked out by hand in
tests/web/test_pages_portfolio_gains.py); the page is never wider than the window and
axe-core finds nothing serious."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, ViewportSize, expect

from tests.browser.helpers import axe_check, shot

SIZES: dict[str, ViewportSize] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
QUERY = urlencode(
    {"reform": "lde-koppeling-sine", "set": "sine.herinschakelingsuitkering.amount=450@2006-01"}
)
CHARTS = {
    # chart title, its bars, the table beside it, a row's text of that table
    "Wie wint en wie verliest, per initiatief": (3, "reform_initiatives", "−\xa0€\xa01.100,00"),
    "Wie betaalt meer en wie minder, per financier": (2, "reform_funders", "−\xa0€\xa03.200,00"),
}


@pytest.mark.parametrize("size", list(SIZES))
def test_the_portfolio_with_a_reform_shows_who_gains_and_who_loses_with_their_tables(
    page: Page, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(f"/portefeuille?{QUERY}")
    for title, (count, key, amount) in CHARTS.items():
        chart = page.get_by_role("img", name=title)
        expect(chart).to_be_visible()
        expect(chart.locator(".gains-bar")).to_have_count(count)
        box = chart.bounding_box()
        assert box is not None and box["width"] <= SIZES[size]["width"]
        table = page.locator(f'table[data-table="{key}"]')
        expect(table).to_be_visible()
        expect(table).to_contain_text(amount)
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window"
    shot(page, f"portfolio-gains-{size}")
    axe_check(page)


def test_the_csv_link_under_the_funders_chart_downloads_its_table(page: Page) -> None:
    page.set_viewport_size(SIZES["desktop"])
    page.goto(f"/portefeuille?{QUERY}")
    link = page.get_by_role(
        "link",
        name=re.compile(r"^Download deze tabel als CSV ?: Per financier: huidig en hervormd"),
    )
    expect(link).to_be_visible()
    with page.expect_download() as started:
        link.click()
    text = started.value.path().read_text(encoding="utf-8-sig")
    rows = text.splitlines()
    assert rows[0] == "funder,baseline,alternative,difference"
    assert any(row.startswith("Vlaams,") and row.endswith(",2400.00") for row in rows)
    assert any(row.startswith("federaal,") and row.endswith(",-3200.00") for row in rows)
    assert rows[-1].startswith("total,") and rows[-1].endswith(",-800.00")

"""The waterfall of the comparison page in Chromium (issue #13, part 3), on a desktop
(1 366 px) and a phone (390 px): BIK under the two reforms of the 2006 report shows the chart
(one bar per reform and the total: + € 6 500, + € 7 200, + € 13 700, worked out in
tests/advice/test_reform_steps.py) and its table, the page is never wider than the window,
and axe-core finds nothing serious."""

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
BOTH = "example=bik-klusjesdienst&reform=sine-uitbreiding&reform=lde-koppeling-sine"


@pytest.mark.parametrize("size", list(SIZES))
def test_the_comparison_with_two_reforms_shows_the_waterfall_and_its_table(
    page: Page, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(f"/vergelijken?{BOTH}")
    chart = page.get_by_role("img", name="Verschil in financiering per wijziging")
    expect(chart).to_be_visible()
    expect(chart.locator(".waterfall-bar")).to_have_count(3)
    box = chart.bounding_box()
    assert box is not None and box["width"] <= SIZES[size]["width"]
    table = page.locator('table[data-table="steps"]')
    expect(table).to_contain_text("Stap 1: SINE uitbreiden naar andere doelgroepen")
    expect(table.locator("tfoot")).to_contain_text("€\u00a013.700,00")
    csv = page.get_by_role(
        "link", name=re.compile(r"^Download deze tabel als CSV ?: Het verschil stap")
    )
    expect(csv).to_be_visible()
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window"
    shot(page, f"compare-waterfall-{size}")
    axe_check(page)

"""A promoter asks how sure the plan is, on a desktop (1 366 px) and on a phone (390 px): the
vzw BIK example's plan page says in Dutch how much of the funding rests on reconstructed values
and lists the five parameters carrying the most money; the same file moved to 2015, pasted on
the start page, also shows the tornado chart of the dienstencheque exchange value, its gaps
in the parameters' table (docs/certainty.md). Figures worked out by hand in
tests/advice/test_certainty.py."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from klaverblad.advice.certainty_words import CERTAINTY_WORDS
from tests.browser.helpers import axe_check, shot

WORDS = CERTAINTY_WORDS["nl"]
PLAN = "/plan/voorbeeld/bik-klusjesdienst"
BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


@pytest.mark.parametrize("width", [1366, 390])
def test_the_example_plan_says_how_sure_it_is(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PLAN)
    section = page.get_by_role("region", name=WORDS["title"])
    expect(section).to_be_visible()
    section.scroll_into_view_if_needed()
    expect(section.locator("p.certainty-sentence")).to_have_text(
        "€\xa034.085,19 van de €\xa0147.545,19 rust op gereconstrueerde waarden (L)."
    )
    expect(section.locator("table.certainty-parameters tbody tr")).to_have_count(5)
    expect(section.locator('[data-chart="tornado"]')).to_have_count(0)
    wide = section.locator(".table-wrap").evaluate_all(
        "wraps => wraps.filter(w => w.scrollWidth > w.clientWidth + 1).length"
    )
    assert wide == 0
    axe_check(page)
    shot(page, f"certainty-plan-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_a_plan_with_a_documented_range_shows_the_tornado_chart(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    text = BIK.read_text(encoding="utf-8").replace("start: 2006-01", "start: 2015-01", 1)
    assert "start: 2015-01" in text
    page.goto("/")
    page.locator("main details.advanced > summary").click()  # the file is an advanced option
    page.get_by_label("Initiatiefbestand (YAML of JSON)").fill(text)
    page.get_by_role("button", name="Maak het financieringsplan").click()
    section = page.get_by_role("region", name=WORDS["title"])
    expect(section).to_be_visible()
    chart = section.locator('figure[data-chart="tornado"]')
    chart.scroll_into_view_if_needed()
    expect(chart.locator("svg[role=img]")).to_be_visible()
    expect(chart.locator("rect")).to_have_count(1)
    ranges = section.get_by_role("table", name=WORDS["parameters_caption"])
    expect(ranges).to_contain_text("€\xa0100.592,00")
    expect(ranges).to_contain_text("€\xa094.040,00")
    # The chart and the tables fit the window: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wide = section.locator(".table-wrap").evaluate_all(
        "wraps => wraps.filter(w => w.scrollWidth > w.clientWidth + 1).length"
    )
    assert wide == 0
    axe_check(page)
    shot(page, f"certainty-tornado-{width}")

"""A coordinator asks why w4 of the vzw BIK example is not on SINE, on a desktop (1 366 px)
and on a phone (390 px): the plan page's "Waarom dit statuut?" panel of w4 says in words
that SINE's low-skilled condition is not met (w4 has a diploma of hoger secundair onderwijs,
RULEBOOK §2 and §3.3), and the wizard's review of the same plan says the same (issue 10,
item 6)."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Locator, Page, expect

from klaverblad.advice.condition_labels import CONDITIONS
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS
from tests.browser.helpers import axe_check, not_yet_built, shot

DUTCH = CONDITIONS["nl"]
WORDS = WHY_STATUTE_WORDS["nl"]
LOW_SKILLED = DUTCH["sine_low_skilled"]
PLAN = "/plan/voorbeeld/bik-klusjesdienst"
WIZARD = "/nieuw?example=bik-klusjesdienst"


def open_panel_of(page: Page, person: str) -> Locator:
    """The person's "Waarom dit statuut?" panel, opened as a visitor does: by its summary."""
    section = page.get_by_role("region", name=WORDS["title"])
    expect(section).to_be_visible()
    panel = section.locator(f'details.why-statute-person[data-person="{person}"]')
    panel.locator("summary").click()
    expect(panel).to_have_attribute("open", "")
    return panel


def expect_failed_sine_condition(panel: Locator) -> None:
    """SINE's low-skilled condition is listed as not met, in words, once."""
    condition = panel.locator("li.not-met", has_text=LOW_SKILLED)
    expect(condition).to_have_count(1)
    expect(condition).to_be_visible()
    expect(condition).to_contain_text(WORDS["not_met"])
    expect(panel.locator("li", has_text=LOW_SKILLED)).not_to_contain_text("sine_low_skilled")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_plan_page_says_why_w4_is_not_on_sine(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PLAN)
    panel = open_panel_of(page, "w4")
    expect_failed_sine_condition(panel)
    panel.scroll_into_view_if_needed()
    axe_check(page)
    shot(page, f"why-statute-plan-{width}")


@not_yet_built("/nieuw")
@pytest.mark.parametrize("width", [1366, 390])
def test_the_wizards_review_says_why_w4_is_not_on_sine(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(WIZARD)
    expect(page.locator('li[aria-current="step"]')).to_contain_text("Overzicht")
    panel = open_panel_of(page, "w4")
    expect_failed_sine_condition(panel)
    panel.scroll_into_view_if_needed()
    axe_check(page)
    shot(page, f"why-statute-wizard-{width}")

"""The gap in view as a coordinator sees it in Chromium, on a desktop (1 366 px) and a phone
(390 px) (issue 10, item 8): the plan page of every example keeps a compact summary of costs,
funding and the gap in view after scrolling to the end, its tables need no sideways scrolling
(stacked rows on the phone), and the page is never wider than the window; the wizard is never
wider than the window at any step — also with a dienstencheque activity, which once made it
1 454 px wide at 1 366 px — and keeps its result in view: the panel beside the form on the
desktop, a compact bar above the form on the phone. Every page passes axe-core."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Locator, Page, ViewportSize, expect

from tests.browser.helpers import axe_check, error_summary_text, not_yet_built, shot
from tests.web.conftest import EXAMPLE_PATHS

SIZES: dict[str, ViewportSize] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
EXAMPLES = [path.stem for path in EXAMPLE_PATHS]
RESULT_BAR = "Resultaat in het kort"
FORWARD = re.compile(r"^(Volgende stap|Naar het overzicht)$")
REVIEW = "Je antwoorden"
MAX_STEPS = 6


def expect_no_sideways_scrolling(page: Page, where: str) -> None:
    """Neither the page nor any table region nor the wizard's result panel (which scrolls on
    its own on a desktop) is wider than what it shows."""
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{where}: the page is {width} px wide in a {window} px window"
    wide_tables = page.evaluate(
        """[...document.querySelectorAll('.table-wrap, .wizard-result')]
            .filter(region => region.scrollWidth > region.clientWidth + 1)
            .map(region => `${region.className}: ${region.scrollWidth} px`)"""
    )
    assert wide_tables == [], f"{where}: parts that scroll sideways: {wide_tables}"


def expect_at_the_top_of_the_window(page: Page, element: Locator, where: str) -> None:
    """`element` is stuck at the top of the window: visible, its top at 0."""
    expect(element).to_be_visible()
    box = element.bounding_box()
    assert box is not None, f"{where}: not drawn"
    assert abs(box["y"]) <= 1, f"{where}: its top is at {box['y']:.0f} px, not at the top"


def scroll_to(page: Page, script: str) -> None:
    """Scroll the window to the position `script` computes; without smooth scrolling the
    position holds as soon as the call returns."""
    page.evaluate(f"window.scrollTo(0, {script})")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("key", EXAMPLES)
def test_the_plan_page_keeps_costs_funding_and_the_gap_in_view_without_sideways_scrolling(
    page: Page, key: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(f"/plan/voorbeeld/{key}")
    bar = page.get_by_role("region", name=RESULT_BAR)
    gap = page.locator("table.summary tr.gap td")
    # The bar says what the totals table says: the gap in words with its amount.
    expect(bar.locator("dd[data-gap-cents]")).to_have_text(gap.inner_text())
    expect(bar).to_contain_text(page.locator("table.summary tr.gap th").inner_text())
    # The chart of costs against funding per year, in the totals section.
    expect(page.locator("section").filter(has=page.locator("#totalen"))).to_contain_text(
        "Kosten en financiering per jaar"
    )
    expect_no_sideways_scrolling(page, f"{key} at the top ({size})")

    scroll_to(page, "document.documentElement.scrollHeight")
    expect_at_the_top_of_the_window(page, bar, f"{key}: the result bar after scrolling ({size})")
    expect_no_sideways_scrolling(page, f"{key} at the end ({size})")

    # With every "Hoe berekend?" box open, the amounts still need no sideways scrolling.
    page.evaluate("document.querySelectorAll('details').forEach(box => { box.open = true; })")
    expect_no_sideways_scrolling(page, f"{key} with every explanation open ({size})")
    axe_check(page)
    shot(page, f"gap-plan-{key}-{size}")


def expect_wizard_result_in_view(page: Page, size: str, where: str) -> None:
    """Half-way down the form the result stays in view: on a desktop the panel beside the
    form, on a phone the compact bar above it, which says the panel's gap."""
    scroll_to(
        page,
        "(() => { const form = document.querySelector('.wizard-main');"
        " return form.offsetTop + form.offsetHeight / 2; })()",
    )
    if size == "desktop":
        panel = page.locator("section.wizard-result")
        expect(panel).to_have_css("position", "sticky")
        box = panel.bounding_box()
        assert box is not None and box["y"] < SIZES[size]["height"] and box["y"] + box["height"] > 0
    else:
        bar = page.locator(".wizard-bar")
        expect_at_the_top_of_the_window(page, bar, f"{where}: the result bar")
        gap = page.locator("#wizard-result td[data-gap-cents]")
        if gap.count():
            cents = gap.get_attribute("data-gap-cents") or ""
            expect(bar.locator("dd[data-gap-cents]")).to_have_attribute("data-gap-cents", cents)
        else:  # nothing computed yet: the bar only leads to the fields to correct
            expect(bar.locator("dd")).to_have_count(0)
    scroll_to(page, "0")


def check_wizard_step(page: Page, size: str, name: str) -> None:
    expect_no_sideways_scrolling(page, f"wizard {name} ({size})")
    expect_wizard_result_in_view(page, size, f"wizard {name} ({size})")
    axe_check(page)
    shot(page, f"gap-wizard-{name}-{size}")


@not_yet_built("/nieuw")
@pytest.mark.parametrize("size", list(SIZES))
def test_the_wizard_with_a_dienstencheque_activity_fits_the_window_at_every_step(
    page: Page, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto("/nieuw")
    main = page.locator("main")
    check_wizard_step(page, size, "step-1")

    main.get_by_role("button", name=FORWARD).first.click()
    expect(main.get_by_role("combobox", name="Betaling", exact=True)).to_be_visible()
    check_wizard_step(page, size, "step-2")

    # Paid with dienstencheques: no break-even price, its reason in words where the price
    # stood (that text, kept on one line, made the page 1 454 px wide at 1 366 px).
    main.get_by_role("combobox", name="Betaling", exact=True).select_option(label="dienstencheques")
    expect(page.locator("#wizard-result table.summary td.note")).to_be_visible()
    check_wizard_step(page, size, "step-2-dienstencheque")
    # The gap in one sentence, in the panel as on the plan page.
    expect(page.locator("#wizard-result .gap-headline")).to_contain_text(
        re.compile(r"per jaar .* per maand")
    )
    # A number that cannot be read: the error summary, no plan, and still nothing too wide.
    hours = main.get_by_role("textbox", name="Uren per maand", exact=True)
    hours.fill("elke werkdag van de week een paar uur")
    main.get_by_role("button", name="Bereken opnieuw").last.click()
    expect(page.locator("main [role=alert]").first).to_be_visible()
    check_wizard_step(page, size, "step-2-unreadable")
    main.get_by_role("textbox", name="Uren per maand", exact=True).fill("100")
    main.get_by_role("button", name="Bereken opnieuw").last.click()
    expect(page.locator("#wizard-result table.summary")).to_be_visible()

    for step in range(3, MAX_STEPS + 2):
        if main.get_by_role("heading", name=REVIEW).count():
            break
        main.get_by_role("button", name=FORWARD).first.click()
        page.wait_for_load_state()
        problems = error_summary_text(page)
        assert not problems, f"step {step} refuses the defaults:\n{problems}"
        check_wizard_step(page, size, f"step-{step}")
    else:
        pytest.fail(f"no review ('{REVIEW}') after {MAX_STEPS} steps; at {page.url}")
    expect(main).to_contain_text("dienstencheques")

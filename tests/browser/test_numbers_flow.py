"""A Flemish coordinator types a monthly wage the way she writes it, `2.950`, in the Dutch
wizard, on a desktop (1 366 px) and on a phone (390 px): while she types, before she leaves
the field, the page says "gelezen als € 2.950,00"; the plan then counts 2 950 euros a month
(issue 10, item 1)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from tests.browser.helpers import axe_check, not_yet_built, shot

WAGE_LABEL = "Loonkost per maand (€)"
STEP_PEOPLE = "Ga naar stap 3 Mensen"


@not_yet_built("/nieuw", "/nieuw/gelezen-als")
@pytest.mark.parametrize("width", [1366, 390])
def test_a_wage_typed_2_950_is_echoed_while_typing_and_the_plan_uses_2950(
    page: Page, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/nieuw")
    page.get_by_role("button", name=STEP_PEOPLE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mensen")
    main = page.locator("main")
    wage = main.get_by_label(WAGE_LABEL, exact=True)
    echo = page.locator(f"#{wage.get_attribute('id')}-live")
    result = page.locator("#wizard-result")
    # The default person: € 3 000 a month over the default 36 months, € 5 000 operating
    # costs a year: costs 36 × 3 000 + 3 × 5 000 = € 123 000.
    expect(result).to_contain_text("123.000,00")

    wage.fill("")
    wage.press_sequentially("2.950", delay=60)
    # Before leaving the field: no blur, no submit — the echo follows the typing.
    expect(echo).to_have_text(re.compile(r"^\s*gelezen als €\s2\.950,00\s*$"))
    expect(wage).to_be_focused()
    expect(result).to_contain_text("123.000,00")  # not computed again yet
    axe_check(page)
    shot(page, f"numbers-echo-{width}")

    # Leaving the field computes the plan again, with 2 950 a month:
    # 36 × 2 950 + 3 × 5 000 = 106 200 + 15 000 = € 121 200 of costs.
    wage.press("Tab")
    expect(result).to_contain_text("121.200,00")
    expect(echo).to_contain_text("2.950,00")
    shot(page, f"numbers-plan-{width}")


@not_yet_built("/nieuw", "/nieuw/gelezen-als")
def test_an_ambiguous_wage_is_questioned_while_typing(page: Page) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/nieuw")
    page.get_by_role("button", name=STEP_PEOPLE).click()
    wage = page.locator("main").get_by_label(WAGE_LABEL, exact=True)
    echo = page.locator(f"#{wage.get_attribute('id')}-live")
    wage.fill("")
    wage.press_sequentially("2,950", delay=60)
    expect(echo).to_contain_text(re.compile(r"bedoel je €\s2\.950,00 of €\s2,95\?"))
    expect(wage).to_be_focused()
    axe_check(page)

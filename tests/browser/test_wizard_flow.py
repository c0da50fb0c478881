"""A new user walks the plan wizard in Chromium from step 1 to the review, every step checked
with axe-core. Skipped until the wizard page exists."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    axe_check,
    error_summary_text,
    expect_cloverleaf_and_gap,
    expect_plan,
    not_yet_built,
    shot,
)

NAME = "Klusjesdienst Browsertest"
# Organisation, activities, people, agreements and grants, costs, review (web/wizard/words.py).
MAX_STEPS = 6
FORWARD = re.compile(r"^(Volgende stap|Naar het overzicht)$")
REVIEW = "Je antwoorden"


@not_yet_built("/nieuw")
def test_a_new_user_walks_the_wizard_to_the_review_and_sees_the_cloverleaf_and_the_gap(
    page: Page,
) -> None:
    page.goto("/nieuw")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuw financieringsplan")
    main = page.locator("main")
    main.get_by_label("Naam van het initiatief").fill(NAME)
    main.get_by_label("Korte code van het initiatief").fill("klusjesdienst-browsertest")
    main.get_by_label("Naam van de promotor").fill("vzw Klusjes")
    main.get_by_label("Gemeente").fill("Gent")
    axe_check(page)
    shot(page, "wizard-step-1")

    # Every other field keeps its visible default ("standaardwaarde — pas aan").
    for step in range(2, MAX_STEPS + 2):
        if main.get_by_role("heading", name=REVIEW).count():
            break
        main.get_by_role("button", name=FORWARD).first.click()
        page.wait_for_load_state()
        problems = error_summary_text(page)
        assert not problems, f"step {step} refuses the defaults:\n{problems}"
        axe_check(page)
        shot(page, f"wizard-step-{step}")
    else:
        pytest.fail(f"no review ('{REVIEW}') after {MAX_STEPS} steps; at {page.url}")

    # The review repeats the answers and shows the plan as it stands: cloverleaf and gap.
    expect(main).to_contain_text(NAME)
    expect(main).to_contain_text("vzw Klusjes")
    expect_cloverleaf_and_gap(page)

    # From the review to the full plan with an explanation behind every amount.
    open_plan = "Open het volledige plan met de uitleg bij elk bedrag"
    main.get_by_role("link", name=open_plan).or_(main.get_by_role("button", name=open_plan)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(NAME)
    expect_plan(page)
    axe_check(page)
    shot(page, "wizard-full-plan")


@not_yet_built("/nieuw")
def test_a_changed_default_loses_its_default_mark_at_once(page: Page) -> None:
    page.goto("/nieuw")
    name = page.locator("main").get_by_label("Naam van het initiatief")
    mark_id = f"{name.get_attribute('id')}-default"
    mark = page.locator(f"#{mark_id}")
    expect(mark).to_be_visible()
    assert mark_id in (name.get_attribute("aria-describedby") or "")
    name.fill("Klusjesdienst Gent")
    # wizard.js hides the mark and stops announcing it, before any submit.
    expect(mark).to_be_hidden()
    assert mark_id not in (name.get_attribute("aria-describedby") or "")
    # The other defaults keep theirs.
    promoter = page.locator("main").get_by_label("Naam van de promotor")
    expect(page.locator(f"#{promoter.get_attribute('id')}-default")).to_be_visible()

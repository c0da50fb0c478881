"""A promoter edits a saved plan in the wizard, in Chromium: Mijn plannen leads with "Begin een
financieringsplan"; "Bewerk dit plan in de wizard" on the plan's page opens the wizard titled
as an edit of version 1; a changed name, saved, is version 2 of the same plan, the plan's
history lists both versions, and "Vergelijk statuten" compares that plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from klaverblad.store import make_engine, save_initiative, session_factory, transaction
from klaverblad.store.accounts import user_by_email
from tests.browser.accounts import ACCOUNTS, server_database_url
from tests.browser.helpers import axe_check, expect_plan, log_in, shot
from tests.web.conftest import EXAMPLES, example_body

PLAN_ID = "klusjes-bewerken"
FIRST_NAME = "Klusjesdienst vzw Klusjes"
NEW_NAME = "Klusjesdienst vzw Klusjes, bewerkt"


def save_version_1(data_dir: Path, plan_id: str) -> None:
    """The BIK example as a plan of promoter A (vzw Klusjes, Gent), saved as version 1."""
    data = example_body(EXAMPLES / "bik-klusjesdienst.yaml") | {"id": plan_id, "name": FIRST_NAME}
    data["promoter"] = data["promoter"] | {"name": "vzw Klusjes", "municipality": "Gent"}
    engine = make_engine(server_database_url(data_dir))
    try:
        with transaction(session_factory(engine)) as session:
            author = user_by_email(session, ACCOUNTS["promoter_a"].email)
            assert author is not None
            save_initiative(session, author, data, expected_version=None, note="eerste")
    finally:
        engine.dispose()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_promoter_edits_a_saved_plan_in_the_wizard_and_saves_version_2(
    page: Page, server_data_dir: Path, width: int
) -> None:
    plan_id = f"{PLAN_ID}-{width}"
    page.set_viewport_size({"width": width, "height": 900})
    save_version_1(server_data_dir, plan_id)
    log_in(page, ACCOUNTS["promoter_a"])
    page.goto("/mijn-plannen")
    first = page.locator("main").get_by_role("button").first
    expect(first).to_have_text("Begin een financieringsplan")
    expect(page.locator("main details.advanced")).not_to_have_attribute("open", "")
    shot(page, f"my-plans-entry-{width}")
    page.goto(f"/plannen/{plan_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(FIRST_NAME)

    page.get_by_role("button", name="Bewerk dit plan in de wizard").click()

    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Plan bewerken — versie 1")
    expect(main.get_by_role("heading", name="Je antwoorden")).to_be_visible()
    axe_check(page)
    shot(page, f"wizard-edit-review-{width}")

    main.get_by_role("button", name="Wijzig stap 1: Organisatie").click()
    main.get_by_label("Naam van het initiatief").fill(NEW_NAME)
    main.get_by_role("button", name=re.compile(r"Ga naar stap\s*6")).click()
    expect(main.get_by_role("heading", name="Je antwoorden")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Plan bewerken — versie 1")
    main.get_by_label("Notitie bij deze versie (niet verplicht)").fill("naam aangepast")

    main.get_by_role("button", name="Bewaar als versie 2").click()

    expect(page).to_have_url(re.compile(f"/plannen/{plan_id}\\?saved=2$"))
    expect(page.get_by_role("status").filter(has_text="Versie 2 is bewaard.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(NEW_NAME)
    expect_plan(page)
    history = page.locator("section.history tbody tr")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_contain_text("eerste")
    expect(history.nth(1)).to_contain_text("naam aangepast")
    expect(history.nth(1)).to_contain_text("huidige versie")
    axe_check(page)
    shot(page, f"wizard-edit-saved-{width}")

    page.get_by_role("link", name="Vergelijk statuten").click()
    expect(page).to_have_url(re.compile(f"/vergelijken\\?plan={plan_id}#statuten$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(NEW_NAME)
    expect(page.locator("#statuten select").first).to_be_visible()
    axe_check(page)
    shot(page, f"compare-saved-plan-{width}")

"""Accounts in Chromium: a promoter logs in, saves a plan and shares it with a link that opens
without an account; a promoter of another organisation gets a 404 for it. Skipped until the
login, saved-plan and shared-plan pages exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from klaverblad.store import (
    make_engine,
    save_initiative,
    session_factory,
    transaction,
    user_by_email,
)
from tests.browser.accounts import ACCOUNTS, server_database_url
from tests.browser.helpers import (
    NewContext,
    axe_check,
    expect_plan,
    log_in,
    not_yet_built,
    share_link,
    shot,
)
from tests.web.conftest import EXAMPLES, example_body

BIK = "bik-klusjesdienst"
BIK_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"
SAVE = re.compile(r"^Bewaar (dit plan bij|in) mijn plannen$", re.IGNORECASE)
ACCOUNT_PAGES = ("/aanmelden", "/plannen/een-plan", "/gedeeld/abcdefghij")


@not_yet_built("/aanmelden", "/mijn-plannen")
def test_the_login_page_and_my_plans_pass_axe(page: Page) -> None:
    page.goto("/aanmelden")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")
    axe_check(page)
    shot(page, "login")
    log_in(page, ACCOUNTS["promoter_a"])
    page.goto("/mijn-plannen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plannen")
    axe_check(page)
    shot(page, "my-plans")


def organisation_a_text(plan_id: str, name: str) -> str:
    """The BIK example as an initiative file of vzw Klusjes in Gent (promoter A)."""
    text = (EXAMPLES / f"{BIK}.yaml").read_text(encoding="utf-8")
    changes = {
        f"id: {BIK}\n": f"id: {plan_id}\n",
        f"name: {BIK_NAME}\n": f"name: {name}\n",
        "  name: vzw BIK\n": "  name: vzw Klusjes\n",
        "  municipality: Kortrijk\n": "  municipality: Gent\n",
    }
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@not_yet_built(*ACCOUNT_PAGES)
def test_a_promoter_saves_a_plan_and_a_visitor_without_account_opens_it_by_its_share_link(
    new_context: NewContext,
) -> None:
    name = "Klusjesdienst vzw Klusjes"
    promoter = new_context().new_page()
    log_in(promoter, ACCOUNTS["promoter_a"])
    promoter.goto("/")
    promoter.locator("main details.advanced > summary").click()  # an advanced option
    promoter.get_by_label("Initiatiefbestand (YAML of JSON)").fill(
        organisation_a_text("klusjesdienst-gent", name)
    )
    promoter.get_by_role("button", name="Maak het financieringsplan").click()
    expect_plan(promoter)

    promoter.get_by_role("button", name=SAVE).click()

    # The saved plan's address is its id in the initiative file.
    expect(promoter).to_have_url(re.compile("/plannen/klusjesdienst-gent$"))
    expect(promoter.get_by_role("heading", level=1)).to_contain_text(name)
    expect_plan(promoter)
    axe_check(promoter)
    shot(promoter, "saved-plan")
    link = share_link(promoter)

    visitor = new_context().new_page()  # no cookies: not logged in
    response = visitor.goto(link)

    assert response is not None and response.status == 200
    expect(visitor.locator(".account-nav")).to_contain_text("Aanmelden")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(name)
    expect_plan(visitor)
    axe_check(visitor)
    shot(visitor, "shared-plan")


def save_for_organisation_a(data_dir: Path, plan_id: str, name: str) -> None:
    """A plan saved by promoter A straight in the store (this test is about reading it)."""
    data = example_body(EXAMPLES / f"{BIK}.yaml") | {"id": plan_id, "name": name}
    data["promoter"] = data["promoter"] | {"name": "vzw Klusjes", "municipality": "Gent"}
    engine = make_engine(server_database_url(data_dir))
    try:
        with transaction(session_factory(engine)) as session:
            author = user_by_email(session, ACCOUNTS["promoter_a"].email)
            assert author is not None
            save_initiative(session, author, data, expected_version=None)
    finally:
        engine.dispose()


@not_yet_built(*ACCOUNT_PAGES)
def test_a_promoter_cannot_open_another_organisations_saved_plan(
    new_context: NewContext, server_data_dir: Path
) -> None:
    name = "Buurtdienst vzw Klusjes"
    save_for_organisation_a(server_data_dir, "klusjes-buurtdienst", name)
    # The control: promoter A opens it, so B's 404 is about B and not a broken page.
    owner = new_context().new_page()
    log_in(owner, ACCOUNTS["promoter_a"])
    response = owner.goto("/plannen/klusjes-buurtdienst")
    assert response is not None and response.status == 200
    expect(owner.get_by_role("heading", level=1)).to_contain_text(name)

    other = new_context().new_page()
    log_in(other, ACCOUNTS["promoter_b"])
    response = other.goto("/plannen/klusjes-buurtdienst")

    # 404, not 403: another organisation does not even learn that the plan exists.
    assert response is not None and response.status == 404
    expect(other.locator("main")).not_to_contain_text(name)
    axe_check(other)
    shot(other, "saved-plan-of-another-organisation")

"""Private by default, in Chromium: a promoter logs in and saves a plan, which is not shared;
"Deel dit plan" makes a link that opens in a fresh browser without birth date, diploma or
benefit status, on the page and in every download; "Intrekken" makes the link answer 404."""

from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

import pypdf
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.browser.accounts import ACCOUNTS
from tests.browser.helpers import NewContext, axe_check, expect_plan, log_in, shot
from tests.browser.test_accounts_flow import SAVE, organisation_a_text
from tests.web.test_sharing import personal_data_in

PLAN_ID = "deelbaar-plan-gent"
NAME = "Klusjesdienst vzw Klusjes (gedeeld)"
SHARED_LINK = "main a.share-link"


def download_text(page: Page, address: str, fmt: str) -> str:
    """The text of a download of the page's plan, read as a person's program would."""
    response = page.request.get(f"{address}/export/{fmt}")
    assert response.status == 200, f"{fmt}: {response.status}"
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(response.body()))
        return "\n".join(p.extract_text() for p in reader.pages)
    if fmt == "xlsx":
        workbook = load_workbook(io.BytesIO(response.body()))
        return "\n".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return response.text()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_saved_plan_is_private_until_shared_and_its_link_shows_no_personal_data(
    new_context: NewContext, width: int
) -> None:
    plan_id = f"{PLAN_ID}-{width}"
    promoter = new_context().new_page()
    promoter.set_viewport_size({"width": width, "height": 900})
    log_in(promoter, ACCOUNTS["promoter_a"])
    promoter.goto("/")
    promoter.locator("main details.advanced > summary").click()  # pasting a file: advanced
    promoter.get_by_label("Initiatiefbestand (YAML of JSON)").fill(
        organisation_a_text(plan_id, NAME)
    )
    promoter.get_by_role("button", name="Maak het financieringsplan").click()
    expect_plan(promoter)
    promoter.get_by_role("button", name=SAVE).click()
    expect(promoter).to_have_url(re.compile(f"/plannen/{plan_id}$"))

    # Saved, not shared: no link, the button and its warning.
    expect(promoter.locator(SHARED_LINK)).to_have_count(0)
    expect(promoter.locator("main")).to_contain_text(
        "Iedereen met de link kan dit plan lezen, zonder persoonsgegevens"
    )
    promoter.get_by_role("button", name="Deel dit plan").click()
    link = promoter.locator(SHARED_LINK)
    expect(link).to_be_visible()
    expect(promoter.get_by_role("button", name="Intrekken")).to_be_visible()
    expect(promoter.get_by_role("button", name="Nieuwe link")).to_be_visible()
    axe_check(promoter)
    shot(promoter, f"saved-plan-shared-{width}")
    address = promoter.evaluate(
        "(a) => new URL(a, document.baseURI).href", link.get_attribute("href")
    )
    assert isinstance(address, str) and "/gedeeld/" in address

    visitor = new_context().new_page()  # a fresh browser: no cookies, no account
    visitor.set_viewport_size({"width": width, "height": 900})
    response = visitor.goto(address)
    assert response is not None and response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(NAME)
    expect_plan(visitor)
    expect(visitor.get_by_role("table", name="De mensen van dit plan")).to_be_visible()
    # The whole page, the closed "Hoe berekend?" boxes and hidden fields included.
    assert personal_data_in(visitor.content()) == []
    visitor.locator("details.why summary").first.click()
    assert personal_data_in(visitor.locator("main").inner_text()) == []
    for fmt in ("pdf", "xlsx", "csv", "yaml"):
        assert personal_data_in(download_text(visitor, address, fmt)) == [], fmt
    axe_check(visitor)
    shot(visitor, f"shared-plan-without-personal-data-{width}")

    # The owner's own page keeps everything (the check above can see it).
    assert personal_data_in(promoter.content()) != []

    promoter.get_by_role("button", name="Intrekken").click()
    expect(promoter.locator(SHARED_LINK)).to_have_count(0)
    expect(promoter.get_by_role("button", name="Deel dit plan")).to_be_visible()
    gone = visitor.goto(address)
    assert gone is not None and gone.status == 404
    assert visitor.request.get(f"{address}/export/yaml").status == 404

"""Markup in an initiative's own words stays text, in Chromium: a plan whose name, promoter,
people, activity, funders and version note carry `<script>`, an `<img onerror>` that breaks
out of an attribute, and `javascript:` addresses is saved by promoter A and opened on every
page that shows it — the saved plan, its share link, Mijn plannen, the portfolio, the
wizard's review, the comparison of a posted text, the plan of a posted file, the login page
that carries a save and the page that confirms it — and in its PDF and XLSX. Nowhere does a
script run (`window.__pwned` stays undefined), no element or attribute comes out of the
text, Chromium reports no blocked script, and the text is shown as it was typed.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from openpyxl import load_workbook
from playwright.sync_api import BrowserContext, Page, expect
from pypdf import PdfReader

from tests.browser.accounts import ACCOUNTS
from tests.browser.helpers import NewContext, log_in, share_link

SCRIPT = "<script>window.__pwned=1</script>"
BREAKOUT = '"><img src=x onerror="window.__pwned=1">'
JAVASCRIPT = "javascript:window.__pwned=1"
PLAN_ID = "onveilige-namen"
NAME = f"Plan {SCRIPT}"
PROMOTER = f"vzw Klusjes {BREAKOUT}"
PERSON_1, PERSON_2 = f"w1{SCRIPT}", f"w2{BREAKOUT}"
ACTIVITY = JAVASCRIPT
FUNDER = f"{JAVASCRIPT}//overeenkomst"
GRANT_FUNDER = f"Vlaams{BREAKOUT}"
NOTE = f"notitie {SCRIPT} {BREAKOUT}"
# What a plan view shows of the initiative (the people, lines and funders tables).
PLAN_TEXTS = (NAME, PROMOTER, PERSON_1, PERSON_2, ACTIVITY, FUNDER, GRANT_FUNDER)

# Promoter A's organisation is vzw Klusjes in Gent (accounts.py); two workers, an activity
# paid with PWA cheques and an agreement per hour of it, an LDE grant.
DOCUMENT: dict[str, Any] = {
    "id": PLAN_ID,
    "name": NAME,
    "promoter": {"name": PROMOTER, "legal_form": "vzw", "municipality": "Gent"},
    "recognitions": ["lde"],
    "horizon": {"start": "2006-01", "months": 12},
    "people": [
        {
            "id": PERSON_1,
            "role": "target",
            "birth_date": "1968-03-15",
            "diploma": "lager_secundair",
            "status": "uvw",
            "unemployed_months": 30,
            "start_date": "2006-01-01",
            "fte": 1.0,
            "monthly_wage_cost": 2100.0,
            "statute": "sine",
        },
        {
            "id": PERSON_2,
            "role": "target",
            "birth_date": "1983-06-01",
            "diploma": "lager_secundair",
            "status": "uvw",
            "unemployed_months": 14,
            "start_date": "2006-01-01",
            "fte": 1.0,
            "monthly_wage_cost": 1900.0,
            "statute": "activa",
        },
    ],
    "activities": [
        {
            "id": ACTIVITY,
            "kind": "klusjes",
            "hours_per_month": 60,
            "payment": "pwa_cheque",
            "price_per_hour": 4.95,
            "client_group": "kansarm",
        }
    ],
    "agreements": [
        {"funder": FUNDER, "domain": "wonen", "amount_per_hour": 5.0, "activity": ACTIVITY}
    ],
    "grants": [{"measure": "lde", "funder": GRANT_FUNDER, "amount_per_year": 8000.0}],
}
TEXT = json.dumps(DOCUMENT, indent=2, ensure_ascii=False)

# Runs before the page's own scripts (Playwright injects it past the CSP): every blocked
# resource or inline code is recorded as "<directive> <blocked address or 'inline'>".
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.effectiveDirective + " " + event.blockedURI);
});
"""
# Elements and attributes that could only come from the initiative's text.
FIND_INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith("on")) found.push(element.tagName + " " + name);
      if (["href", "src", "action", "formaction"].includes(name)
          && value.startsWith("javascript:")) found.push(element.tagName + " " + name);
    }
  }
  for (const script of document.scripts) {
    if (script.textContent.includes("__pwned")) found.push("SCRIPT with __pwned");
  }
  for (const image of document.querySelectorAll("img[src='x']")) found.push("IMG src=x");
  return found;
}"""


class Watched:
    """A page whose blocked scripts are recorded, from the console and from CSP events."""

    def __init__(self, context: BrowserContext) -> None:
        context.add_init_script(RECORD_VIOLATIONS)
        self.page = context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda message: self.console.append(message.text))

    def assert_inert(self, *shown: str) -> None:
        """No script of the text ran or was even blocked, and each of `shown` is visible as
        typed in the main part of the page."""
        page = self.page
        page.wait_for_load_state("load")  # an <img src=x> would have failed by now
        assert page.evaluate("() => typeof window.__pwned") == "undefined", page.url
        assert page.evaluate(FIND_INJECTED) == [], page.url
        violations: list[str] = page.evaluate("() => window.__violations")
        assert [v for v in violations if v.startswith("script-src")] == [], page.url
        refused = [m for m in self.console if "Content Security Policy" in m and "script" in m]
        assert refused == [], page.url
        main = page.locator("main")
        for text in shown:
            expect(main.get_by_text(text).first).to_be_visible()


def test_a_saved_plan_full_of_markup_shows_it_as_text_on_every_page(
    new_context: NewContext,
) -> None:
    owner = Watched(new_context())
    page = owner.page
    log_in(page, ACCOUNTS["promoter_a"])
    page.goto("/mijn-plannen")
    main = page.locator("main")
    main.locator("details.advanced > summary").click()  # the file is an advanced option
    main.get_by_label("Initiatiefbestand (YAML of JSON)").fill(TEXT)
    main.get_by_label("Notitie bij deze versie (niet verplicht)").fill(NOTE)
    main.get_by_role("button", name="Bewaar als nieuw plan").click()
    expect(page).to_have_url(re.compile(f"/plannen/{PLAN_ID}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(NAME)
    owner.assert_inert(*PLAN_TEXTS, NOTE)
    link = share_link(page)

    visitor = Watched(new_context())  # no account: the share link alone
    visitor.page.goto(link)
    expect(visitor.page.get_by_role("heading", level=1)).to_contain_text(NAME)
    visitor.assert_inert(*PLAN_TEXTS)

    page.goto("/mijn-plannen")
    owner.assert_inert(NAME, PROMOTER)
    page.goto("/portefeuille")  # vzw Klusjes' portfolio: this plan
    owner.assert_inert(NAME, FUNDER, GRANT_FUNDER)

    page.goto(f"/plannen/{PLAN_ID}")
    page.locator("main").get_by_role("button", name="Bewerk dit plan in de wizard").click()
    expect(page.locator("main").get_by_role("heading", name="Je antwoorden")).to_be_visible()
    owner.assert_inert(NAME, PROMOTER, PERSON_1, PERSON_2, ACTIVITY, FUNDER, GRANT_FUNDER)


# What a browser posts when the login under a save form has expired: the form's own fields
# (its CSRF token is still the visitor's; only the login is gone).
POST_AS_FORM = """([action, fields]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("textarea");
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""


def test_a_save_carried_through_the_login_keeps_its_markup_as_text(
    new_context: NewContext,
) -> None:
    watched = Watched(new_context())
    page = watched.page
    page.goto("/aanmelden")
    token = page.locator("main input[name='csrf']").input_value()
    text = TEXT.replace(PLAN_ID, f"{PLAN_ID}-2")
    fields = {"csrf": token, "document": text, "note": NOTE}
    with page.expect_navigation():
        page.evaluate(POST_AS_FORM, ["/mijn-plannen", fields])
    # The login page (401) carries the save in hidden fields: markup in their values only.
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")
    watched.assert_inert()
    account = ACCOUNTS["promoter_a"]
    page.get_by_label("E-mailadres").fill(account.email)
    page.get_by_label("Wachtwoord").fill(account.password)
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewaren bevestigen")
    expect(page.get_by_label("Initiatiefbestand (YAML of JSON)")).to_have_value(text)
    watched.assert_inert()
    page.get_by_role("button", name="Bewaar nu").click()
    expect(page).to_have_url(re.compile(f"/plannen/{PLAN_ID}-2$"))
    watched.assert_inert(*PLAN_TEXTS, NOTE)


def flat(text: str) -> str:
    """Without whitespace: a PDF breaks long words anywhere."""
    return re.sub(r"\s+", "", text)


def test_a_posted_file_full_of_markup_is_compared_planned_and_exported_as_text(
    new_context: NewContext,
) -> None:
    watched = Watched(new_context())
    page = watched.page
    page.goto("/vergelijken")
    page.locator("main details.advanced > summary").click()  # the file is an advanced option
    form = page.locator("form", has=page.locator("#eigen-tekst"))
    form.locator("#eigen-tekst").fill(TEXT)
    form.locator("input[value='lde-koppeling-sine']").check()
    form.get_by_role("button", name="Vergelijk").click()
    expect(page.locator("main")).to_contain_text(NAME)
    watched.assert_inert(NAME, PERSON_1, PERSON_2)

    page.goto("/")
    page.locator("main details.advanced > summary").click()
    page.get_by_label("Initiatiefbestand (YAML of JSON)").fill(TEXT)
    page.get_by_role("button", name="Maak het financieringsplan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(NAME)
    watched.assert_inert(*PLAN_TEXTS)

    pdf = download(page, "Download het plan als PDF (voor financiers)")
    assert pdf.startswith(b"%PDF-")
    text = flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    for shown in (NAME, PROMOTER, PERSON_1, PERSON_2, ACTIVITY, FUNDER, GRANT_FUNDER):
        assert flat(shown) in text, shown
    workbook = load_workbook(io.BytesIO(download(page, "Download het plan als Excel-bestand")))
    cells = {str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row}
    for shown in (NAME, PERSON_1, PERSON_2, ACTIVITY, FUNDER, GRANT_FUNDER):
        assert any(shown in cell for cell in cells), shown


def download(page: Page, name: str) -> bytes:
    """The file behind the posted plan's download button whose name starts with `name` (a
    button: the plan is not saved, so the text is posted again)."""
    control = page.locator("main").get_by_role("button", name=re.compile(f"^{re.escape(name)}"))
    with page.expect_download() as started:
        control.first.click()
    return started.value.path().read_bytes()

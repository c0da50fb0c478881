"""Where a plan starts and where it goes next: the start page and Mijn plannen lead with
"Begin een financieringsplan" (the wizard), the initiative file (YAML or JSON) waits behind an
"Geavanceerd" disclosure there and on the comparison, and every plan page (an example, a
posted text, a saved plan, a shared plan) links to the comparison with that plan, once to
compare with a reform and once to compare statutes."""

from __future__ import annotations

import html
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.store import share_initiative, transaction
from klaverblad.store.accounts import user_by_email
from tests.web.test_accounts_support import (
    ANNA,
    BERT,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    new_client,
    save_new,
)

ADVANCED_NL = "Geavanceerd: plak of laad een initiatiefbestand (YAML of JSON)"
ADVANCED_EN = "Advanced: paste or load an initiative file (YAML or JSON)"
SAVED_ID = "bik-vergelijken"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = make_app(tmp_path_factory.mktemp("entry-points"))
    anna = logged_in(app, ANNA)
    text = bik_text().replace(f"id: {BIK_ID}", f"id: {SAVED_ID}", 1)
    assert save_new(anna, text).status_code == 303
    return app


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    return logged_in(app, ANNA)


def main_of(body: str) -> str:
    return body[body.index("<main") : body.index("</main>")]


def first_action(body: str) -> str:
    """The first form or link of the page's main part that is not a menu or skip link."""
    match = re.search(r"<(form|a) [^>]*>", main_of(body))
    assert match is not None, "no action on the page"
    return match.group(0)


def assert_leads_with_the_wizard(body: str, wizard: str, label: str) -> None:
    main = main_of(body)
    assert f'<form method="get" action="{wizard}" class="primary-action">' in first_action(body)
    assert main.index(label) < main.index("<textarea")


def assert_file_form_is_advanced(body: str, summary: str) -> None:
    main = main_of(body)
    disclosure = re.search(r'<details class="advanced"[^>]*>\s*<summary>([^<]*)</summary>', main)
    assert disclosure is not None and html.unescape(disclosure.group(1)) == summary
    assert disclosure.start() < main.index("<textarea")


@pytest.mark.parametrize(
    ("path", "wizard", "label", "summary"),
    [
        ("/", "/nieuw", "Begin een financieringsplan", ADVANCED_NL),
        ("/en/", "/en/new", "Start a financing plan", ADVANCED_EN),
    ],
)
def test_the_start_page_leads_with_starting_a_plan(
    client: TestClient, path: str, wizard: str, label: str, summary: str
) -> None:
    body = client.get(path).text
    assert_leads_with_the_wizard(body, wizard, label)
    assert_file_form_is_advanced(body, summary)
    assert '<details class="advanced">' in body  # closed until the visitor opens it


def test_the_button_opens_the_wizard_at_its_first_step(client: TestClient) -> None:
    response = client.get("/nieuw")
    assert response.status_code == 200 and "Stap 1 van 6" in response.text


def test_a_start_page_with_a_bad_file_opens_the_disclosure(client: TestClient) -> None:
    response = client.post("/plan", data={"text": "id: [niet af"})
    assert response.status_code == 422
    assert '<details class="advanced" open>' in response.text


def test_my_plans_leads_with_starting_a_plan(anna: TestClient) -> None:
    body = anna.get("/mijn-plannen").text
    assert_leads_with_the_wizard(body, "/nieuw", "Begin een financieringsplan")
    assert_file_form_is_advanced(body, ADVANCED_NL)
    english = anna.get("/en/my-plans").text
    assert_leads_with_the_wizard(english, "/en/new", "Start a financing plan")


def test_the_comparison_keeps_the_file_behind_the_disclosure(client: TestClient) -> None:
    body = client.get("/vergelijken").text
    assert_file_form_is_advanced(body, ADVANCED_NL)
    main = main_of(body)
    assert main.index('id="voorbeeld-keuze"') < main.index("<details")


def comparison_links(body: str) -> tuple[str, str]:
    reform = re.search(r'<a href="([^"]*)">Vergelijk met een hervorming</a>', body)
    statutes = re.search(r'<a href="([^"]*)">Vergelijk statuten</a>', body)
    assert reform is not None and statutes is not None, "no comparison links"
    return html.unescape(reform.group(1)), html.unescape(statutes.group(1))


def test_an_example_plan_links_to_both_comparisons(client: TestClient) -> None:
    reform, statutes = comparison_links(client.get(f"/plan/voorbeeld/{BIK_ID}").text)
    assert reform == f"/vergelijken?example={BIK_ID}#hervorming"
    assert statutes == f"/vergelijken?example={BIK_ID}#statuten"
    page = client.get(reform.split("#")[0])
    assert page.status_code == 200
    assert 'id="hervorming"' in page.text and 'id="statuten"' in page.text
    assert f'<option value="{BIK_ID}" selected>' in page.text


def test_a_posted_plan_posts_its_text_to_the_comparison(client: TestClient) -> None:
    body = client.post("/plan", data={"text": bik_text()}).text
    for label in ("Vergelijk met een hervorming", "Vergelijk statuten"):
        button = re.search(
            rf'<button type="submit" form="plan-tekst" formaction="([^"]+)"[^>]*>'
            rf"{label}",
            body,
        )
        assert button is not None and button.group(1) == "/vergelijken"
    compared = client.post("/vergelijken", data={"text": bik_text(), "reform": "sine-uitbreiding"})
    assert compared.status_code == 200 and 'id="vergelijking"' in compared.text


def test_a_saved_plan_links_to_the_comparison_of_that_plan(app: FastAPI, anna: TestClient) -> None:
    reform, statutes = comparison_links(anna.get(f"/plannen/{SAVED_ID}").text)
    assert reform == f"/vergelijken?plan={SAVED_ID}#hervorming"
    assert statutes == f"/vergelijken?plan={SAVED_ID}#statuten"
    page = anna.get(f"/vergelijken?plan={SAVED_ID}")
    assert page.status_code == 200
    assert f'<input type="hidden" name="plan" value="{SAVED_ID}">' in page.text
    assert 'id="voorbeeld-keuze"' not in page.text  # the plan is given, no example to pick
    compared = anna.get(f"/vergelijken?plan={SAVED_ID}&reform=sine-uitbreiding")
    assert compared.status_code == 200 and 'id="vergelijking"' in compared.text
    csv = re.search(r'href="(/vergelijken/csv\?plan=[^"]+)"', compared.text)
    assert csv is not None
    download = anna.get(html.unescape(csv.group(1)))
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
    # Who may not read the plan gets the same 404 as for its page; a visitor logs in first.
    bert = logged_in(app, BERT)
    assert bert.get(f"/vergelijken?plan={SAVED_ID}").status_code == 404
    assert bert.get(f"/vergelijken/csv?plan={SAVED_ID}&table=leaves").status_code == 404
    assert bert.get("/vergelijken?plan=bestaat-niet").status_code == 404
    anonymous = new_client(app).get(f"/vergelijken?plan={SAVED_ID}", follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/aanmelden?next=")


def test_a_shared_plan_links_to_the_comparison_by_its_link(app: FastAPI) -> None:
    with transaction(app.state.sessions) as session:
        owner = user_by_email(session, ANNA)
        assert owner is not None
        token = share_initiative(session, owner, SAVED_ID)
    visitor = new_client(app)
    reform, statutes = comparison_links(visitor.get(f"/gedeeld/{token}").text)
    assert reform == f"/vergelijken?shared={token}#hervorming"
    assert statutes == f"/vergelijken?shared={token}#statuten"
    page = visitor.get(f"/vergelijken?shared={token}&reform=sine-uitbreiding")
    assert page.status_code == 200 and 'id="vergelijking"' in page.text
    assert visitor.get("/vergelijken?shared=geen-token").status_code == 404


def test_the_english_plan_pages_link_to_the_english_comparison(client: TestClient) -> None:
    body = client.get(f"/en/plan/example/{BIK_ID}").text
    assert f'href="/en/compare?example={BIK_ID}#hervorming">Compare with a reform</a>' in body
    assert f'href="/en/compare?example={BIK_ID}#statuten">Compare statutes</a>' in body

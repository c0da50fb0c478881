"""The cash-flow page of a plan ("Kasstroom", docs/cashflow.md "Web"): reachable from every plan
page, its headline, table and CSV worked out by hand for a small case, the payment-terms form
(validated, bad input named and never a 500), the plan's own access rules, and English."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.builders import initiative_data
from tests.web.test_accounts_support import (
    ANNA,
    BERT,
    BIK_ID,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)
from tests.web.test_pages_as_known_on import language_switch
from tests.web.test_sharing import page_text, personal_data_in

NBSP = "\xa0"
BIK_PAGE = "/plan/voorbeeld/bik-klusjesdienst/kasstroom"
SHARE_LINK = re.compile(r'<a class="share-link" href="/gedeeld/(\w{10})">')
# A small case: no people; operating costs of 1 200,00 a year (100,00 a month); 10 hours a
# month of odd jobs invoiced at 20,00 (200,00 a month); three months from January 2006.
INVOICED = {
    "id": "a1",
    "kind": "klusjes",
    "hours_per_month": 10,
    "payment": "invoice",
    "price_per_hour": 20,
    "client_group": "particulier",
}


def small_text(**changes: Any) -> str:
    data = initiative_data(
        recognitions=[],
        horizon={"start": "2006-01", "months": 3},
        activities=[INVOICED],
        costs={"operating_per_year": 1200},
        **changes,
    )
    return yaml.safe_dump(data, allow_unicode=True)


def text_of(body: str) -> str:
    """The page's words with single spaces (money has a no-break space after the €)."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).replace(NBSP, " ")


def month_rows(body: str) -> list[tuple[str, str]]:
    """(month, balance in cents) of every row of the month-by-month table."""
    return re.findall(r'<tr data-month="([\d-]+)".*?data-balance-cents="(-?\d+)"', body, re.S)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("cashflow"))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return new_client(app)


def posted(client: TestClient, path: str = "/plan/kasstroom", **fields: str) -> Any:
    return client.post(path, data={"text": small_text(), **fields})


def test_the_small_case_shows_the_months_and_the_prefinancing_worked_out_by_hand(
    client: TestClient,
) -> None:
    # Costs 100,00 in January, February and March. The invoice of a month is sent on its last
    # day and paid 30 days later: 31 Jan → 2 Mar, 28 Feb → 30 Mar, 31 Mar → 30 Apr. So
    # received: Jan 0, Feb 0, Mar 400,00, Apr 200,00 (after the horizon). Balance from 0:
    # Jan −100, Feb −200, Mar +100, Apr +300. Lowest −200,00 in February: pre-finance 200,00;
    # final 300,00 = 0 + saldo (600 − 300).
    response = posted(client)
    assert response.status_code == 200
    words = text_of(response.text)
    assert "U moet € 200,00 voorfinancieren; het laagste saldo is € -200,00, in februari 2006." in (
        words
    )
    assert month_rows(response.text) == [
        ("2006-01", "-10000"),
        ("2006-02", "-20000"),
        ("2006-03", "10000"),
        ("2006-04", "30000"),
    ]
    assert "april 2006 (na de horizon)" in words
    assert "Eindsaldo (na de laatste betaling) € 300,00" in words
    assert "<svg" in response.text and 'role="img"' in response.text


def test_other_payment_terms_are_tried_without_changing_the_plan(client: TestClient) -> None:
    # Start with 5 000,00; invoices paid in 60 days: 31 Jan → 1 Apr, 28 Feb → 29 Apr,
    # 31 Mar → 30 May. Received: Apr 400,00, May 200,00. Balance: Jan 4 900, Feb 4 800,
    # Mar 4 700 (the lowest), Apr 5 100, May 5 300 = 5 000 + saldo 300. Nothing to pre-finance.
    response = posted(client, beginsaldo="5.000", dagen="60")
    assert response.status_code == 200
    words = text_of(response.text)
    assert "U hoeft niets voor te financieren" in words
    assert "Het laagste saldo is € 4.700,00, in maart 2006." in words
    assert [cents for _, cents in month_rows(response.text)] == [
        "490000",
        "480000",
        "470000",
        "510000",
        "530000",
    ]
    assert "Berekend met € 5.000,00 bij de start en facturen betaald na 60 dagen." in words


def test_the_csv_of_the_month_table_has_the_same_figures_in_dutch_spreadsheet_style(
    client: TestClient,
) -> None:
    response = client.post("/plan/kasstroom/csv", data={"text": small_text(), "dagen": "60"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith('-kasstroom.csv"')
    lines = response.text.lstrip("\ufeff").splitlines()
    # 60 days, opening 0: Jan −100, Feb −200, Mar −300, Apr +100, May +300.
    assert lines == [
        "Maand;Binnen de horizon;Uitgaven;Ontvangsten;Saldo op de rekening",
        "2006-01;ja;100,00;0,00;-100,00",
        "2006-02;ja;100,00;0,00;-200,00",
        "2006-03;ja;100,00;0,00;-300,00",
        "2006-04;nee;0,00;400,00;100,00",
        "2006-05;nee;0,00;200,00;300,00",
    ]


@pytest.mark.parametrize(
    ("fields", "named", "message"),
    [
        ({"beginsaldo": "veel"}, "Geld op de rekening bij de start", "is geen getal"),
        ({"beginsaldo": "2,950"}, "Geld op de rekening bij de start", "kan op twee manieren"),
        ({"beginsaldo": "1,234"}, "Geld op de rekening bij de start", "bedoel je"),
        ({"beginsaldo": "9" * 40}, "Geld op de rekening bij de start", ""),
        ({"dagen": "zestig"}, "Klanten betalen een factuur na", "geheel aantal dagen"),
        ({"dagen": "400"}, "Klanten betalen een factuur na", "van 0 tot 365"),
        ({"dagen": "-5"}, "Klanten betalen een factuur na", "van 0 tot 365"),
        ({"dagen": "12.5"}, "Klanten betalen een factuur na", "geheel aantal dagen"),
    ],
)
def test_bad_form_input_names_the_field_keeps_the_text_and_is_no_500(
    client: TestClient, fields: dict[str, str], named: str, message: str
) -> None:
    response = client.get(BIK_PAGE, params=fields)
    assert response.status_code == 422
    words = text_of(response.text)
    assert "Het formulier kan niet gebruikt worden" in words
    assert named in words and message in words
    assert 'aria-invalid="true"' in response.text
    typed = next(iter(fields.values()))
    assert f'value="{html.escape(typed)}"' in response.text
    # The plan's own cash flow is shown below: BIK's pre-financing (docs/cashflow.md).
    assert "U moet € 69.454,81 voorfinancieren" in words


def test_every_plan_page_links_to_its_cash_flow(app: FastAPI, client: TestClient) -> None:
    example = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    assert f'href="{BIK_PAGE}">Kasstroom: wanneer komt het geld binnen?' in example
    english = client.get("/en/plan/example/bik-klusjesdienst").text
    assert 'href="/en/plan/example/bik-klusjesdienst/cash-flow">Cash flow:' in english
    posted_plan = client.post("/plan", data={"text": small_text()}).text
    assert 'formaction="/plan/kasstroom"' in posted_plan


def test_a_saved_plan_is_for_its_readers_and_its_share_link_for_anyone(app: FastAPI) -> None:
    anna = logged_in(app, ANNA)
    assert save_new(anna, bik_text()).status_code == 303
    saved = f"/plannen/{BIK_ID}/kasstroom"
    assert f'href="{saved}"' in anna.get(f"/plannen/{BIK_ID}").text
    mine = anna.get(saved)
    assert mine.status_code == 200
    assert "U moet € 69.454,81 voorfinancieren" in text_of(mine.text)
    assert anna.get(saved + "/csv").status_code == 200
    # Another organisation's promoter gets the 404 of a plan that does not exist; an
    # anonymous visitor the login page.
    assert logged_in(app, BERT).get(saved).status_code == 404
    assert logged_in(app, BERT).get(saved + "/csv").status_code == 404
    visitor = new_client(app)
    anonymous = visitor.get(saved, follow_redirects=False)
    assert anonymous.status_code == 303 and "/aanmelden" in anonymous.headers["location"]
    # Shared: the same figures for anyone, without personal data.
    assert share_plan(anna, BIK_ID).status_code == 303
    found = SHARE_LINK.search(anna.get(f"/plannen/{BIK_ID}").text)
    assert found is not None
    shared = visitor.get(f"/gedeeld/{found.group(1)}/kasstroom")
    assert shared.status_code == 200
    assert "U moet € 69.454,81 voorfinancieren" in text_of(shared.text)
    assert personal_data_in(page_text(shared.text)) == []
    assert visitor.get("/gedeeld/AAAAAAAAAA/kasstroom").status_code == 404


def test_an_older_version_keeps_its_version_in_every_link(app: FastAPI) -> None:
    anna = logged_in(app, ANNA)
    token = csrf_token(anna, f"/plannen/{BIK_ID}")
    saved = anna.post(
        f"/plannen/{BIK_ID}",
        data={"document": bik_text(), "expected_version": "1", "csrf": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = anna.get(f"/plannen/{BIK_ID}/kasstroom", params={"version": "1"})
    assert page.status_code == 200
    assert "/kasstroom/csv?version=1" in page.text
    assert anna.get(f"/plannen/{BIK_ID}/kasstroom", params={"version": "x"}).status_code == 404


def test_the_english_page_writes_money_the_english_way(client: TestClient) -> None:
    response = posted(client, "/en/plan/cash-flow")
    assert response.status_code == 200
    words = text_of(response.text)
    assert "You must pre-finance €200.00; the lowest balance is -€200.00, in February 2006." in (
        words
    )
    assert "April 2006 (after the horizon)" in words


def test_an_unknown_example_or_unreadable_posted_text_is_a_page_not_a_500(
    client: TestClient,
) -> None:
    assert client.get("/plan/voorbeeld/bestaat-niet/kasstroom").status_code == 404
    assert client.post("/plan/kasstroom", data={"text": "id: ["}).status_code == 422


def test_the_timing_table_names_measures_in_words_and_marks_unknown_moments(
    client: TestClient,
) -> None:
    words = text_of(client.get(BIK_PAGE).text)
    assert "doelgroepvermindering per kwartaal, achteraf, 1 maand(en) later" in words
    assert "niet gekend: verondersteld in de maand waarin het verdiend wordt" in words
    assert "geen bron gevonden" in words
    assert "Voor 14 onderdelen is het betaalmoment niet gekend" in words


def test_the_wizards_review_opens_the_cash_flow_of_its_text(client: TestClient) -> None:
    body = client.get("/nieuw?example=bik-klusjesdienst").text
    assert 'formaction="/plan/kasstroom"' in body
    found = re.search(r'<input type="hidden" name="text" value="([^"]*)"', body)
    assert found is not None
    response = client.post("/plan/kasstroom", data={"text": html.unescape(found.group(1))})
    assert response.status_code == 200
    assert "U moet € 69.454,81 voorfinancieren" in text_of(response.text)


def test_the_csv_of_bad_form_input_is_the_page_with_its_error_not_a_file(
    client: TestClient,
) -> None:
    response = client.get(BIK_PAGE + "/csv", params={"dagen": "veel"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "Geef een geheel aantal dagen van 0 tot 365." in text_of(response.text)


def test_the_cash_flow_as_known_on_a_date_uses_the_rules_known_then(client: TestClient) -> None:
    # BIK with the file's statutes ends at its saldo: today 147.545,19 − 216.000,00 =
    # − 68.454,81. As known on 30 June 2006 (docs/as-known-on.md) the leefloon rise of October
    # 2006 (3 × 25,17 = 75,51) was not known and the dienstencheque exchange value of 2007 still
    # 21,00 (12 × 50 h × 1,00 = 600,00 more): 147.545,19 − 75,51 + 600,00 = 148.069,68, so the
    # final balance is 148.069,68 − 216.000,00 = − 67.930,32.
    today = text_of(client.get(BIK_PAGE).text)
    assert "Eindsaldo (na de laatste betaling) € -68.454,81" in today
    page = client.get(BIK_PAGE, params={"as_known_on": "2006-06-30"})
    assert page.status_code == 200
    words = text_of(page.text)
    assert "Eindsaldo (na de laatste betaling) € -67.930,32" in words
    assert "gekend waren op 30 juni 2006" in words
    # Trying other payment terms keeps the date.
    assert 'name="as_known_on" value="2006-06-30"' in page.text
    wrong = client.get(BIK_PAGE, params={"as_known_on": "30/13/2006"})
    assert wrong.status_code == 422
    assert "Zoals gekend op" in text_of(wrong.text)


def test_the_language_switch_of_the_cash_flow_as_known_then_keeps_the_date(
    client: TestClient,
) -> None:
    page = client.get(BIK_PAGE, params={"as_known_on": "2006-06-30", "dagen": "10"})
    # The payment days are left behind (the other language writes numbers otherwise), the
    # date is not: the same rules in English.
    switch = language_switch(page.text)
    assert switch == "/en/plan/example/bik-klusjesdienst/cash-flow?as_known_on=2006-06-30"
    english = client.get(switch)
    assert english.status_code == 200
    words = text_of(english.text)
    assert "This plan uses only the rules known on 30 June 2006." in words
    # 148,069.68 - 216,000.00 = -67,930.32 as known then (the test above, by hand).
    assert "Final balance (after the last payment) -€67,930.32" in words
    assert language_switch(english.text) == f"{BIK_PAGE}?as_known_on=2006-06-30"

""" "As known on" wherever a plan page is shown (docs/as-known-on.md, docs/web.md): a saved
plan, a share link and a posted plan (the wizard's "open the plan") take the date as an
example's page does, and every download of the page (PDF, XLSX, CSV, a table's CSV) computes
the plan under the rules known on that date and says so where it names the rules version.

BIK as known on 30 June 2006 with the file's statutes, by hand (example header and
tests/test_cli_as_known_on.py): funding 147.545,19 under today's rules; as known then w2's
leefloon stays 834,14 in October-December 2006 (- 3 x 25,17 = - 75,51) and the
dienstencheque's exchange value stays 21,00 in 2007 (+ 12 x 50 x 1,00 = + 600,00):
147.545,19 - 75,51 + 600,00 = 148.069,68."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)
from tests.web.test_exports import pdf_text
from tests.web.test_no_codes_on_dutch_pages import codes_in, read
from tests.web.test_pages_as_known_on import language_switch
from tests.web.test_sharing import personal_data_in

SAVED = f"/plannen/{BIK_ID}"
DAY = "2006-06-30"
THEN = "148.069,68"  # 147.545,19 - 75,51 + 600,00
TODAY = "147.545,19"
NOTICE = "Dit plan gebruikt alleen de regels die gekend waren op 30 juni 2006."
LINK = re.compile(r'href="/gedeeld/(\w{10})"')


def text_of(body: str) -> str:
    return " ".join(" ".join(read(body).text).split())


def funding_of_csv(text: str) -> Decimal:
    """The sum of the plan's lines in a CSV of the default style (the memo lines apart)."""
    lines = text.split("\n\n", 1)[0]
    return sum((Decimal(row["amount"]) for row in csv.DictReader(io.StringIO(lines))), Decimal(0))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("known-on-pages"))


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    client = logged_in(app, ANNA)
    assert save_new(client, bik_text()).status_code == 303
    return client


def test_a_saved_plan_as_known_then_says_so_and_its_links_carry_the_date(
    anna: TestClient,
) -> None:
    response = anna.get(f"{SAVED}?as_known_on={DAY}")
    assert response.status_code == 200
    text = text_of(response.text)
    assert NOTICE in text
    assert THEN in text and TODAY not in text
    assert "regels gekend op 30 juni 2006" in text  # the rules version in the facts
    assert f'href="{SAVED}/export/pdf?as_known_on={DAY}"' in response.text
    assert f'href="{SAVED}/export/csv?as_known_on={DAY}&amp;table=totals"' in response.text
    assert f'href="/vergelijken?plan={BIK_ID}&amp;as_known_on={DAY}"' in response.text
    assert codes_in(text) == []


def test_an_older_version_keeps_its_number_in_the_date_form(anna: TestClient) -> None:
    data = {"document": bik_text(), "expected_version": "1", "note": "", "csrf": csrf_token(anna)}
    assert anna.post(SAVED, data=data, follow_redirects=False).status_code == 303
    response = anna.get(f"{SAVED}?version=1&as_known_on={DAY}")
    assert response.status_code == 200
    assert '<input type="hidden" name="version" value="1">' in response.text
    assert f'href="{SAVED}/export/xlsx?version=1&amp;as_known_on={DAY}"' in response.text


def test_the_downloads_of_a_saved_plan_as_known_then_use_and_name_those_rules(
    anna: TestClient,
) -> None:
    csv_text = anna.get(f"/en/plans/{BIK_ID}/export/csv?as_known_on={DAY}").text
    assert funding_of_csv(csv_text) == Decimal("148069.68")
    assert funding_of_csv(anna.get(f"/en/plans/{BIK_ID}/export/csv").text) == Decimal("147545.19")
    pdf = pdf_text(anna.get(f"{SAVED}/export/pdf?as_known_on={DAY}").content)
    assert "regels gekend op 30 juni 2006" in pdf
    assert THEN in pdf
    workbook = load_workbook(io.BytesIO(anna.get(f"{SAVED}/export/xlsx?as_known_on={DAY}").content))
    years = workbook.worksheets[0]
    assert years["A4"].value == "Regelversie"
    assert str(years["B4"].value).endswith(", regels gekend op 30 juni 2006")
    assert "regels gekend op 30 juni 2006" in str(workbook.properties.description)


def test_a_bad_date_on_a_saved_plan_is_said_at_its_field(anna: TestClient) -> None:
    response = anna.get(f"{SAVED}?as_known_on=2006-02-30")
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.text and 'value="2006-02-30"' in response.text


def test_a_download_with_a_bad_date_is_a_page_naming_the_field(anna: TestClient) -> None:
    response = anna.get(f"{SAVED}/export/pdf?as_known_on=30-06-2006")
    assert response.status_code == 422
    assert "Zoals gekend op (datum): Geef een datum in de vorm JJJJ-MM-DD, niet na vandaag." in (
        text_of(response.text)
    )


def test_a_shared_plan_as_known_then_shows_no_personal_data(app: FastAPI, anna: TestClient) -> None:
    assert share_plan(anna, BIK_ID).status_code == 303
    found = LINK.search(anna.get(SAVED).text)
    assert found is not None
    token = found.group(1)
    visitor = new_client(app)
    response = visitor.get(f"/gedeeld/{token}?as_known_on={DAY}")
    assert response.status_code == 200
    text = text_of(response.text)
    assert NOTICE in text and THEN in text
    assert personal_data_in(response.text) == []
    assert f'href="/vergelijken?shared={token}&amp;as_known_on={DAY}"' in response.text
    csv_text = visitor.get(f"/en/shared/{token}/export/csv?as_known_on={DAY}").text
    assert funding_of_csv(csv_text) == Decimal("148069.68")


def test_a_posted_plan_as_known_then_posts_the_date_with_its_downloads(app: FastAPI) -> None:
    visitor = new_client(app)
    response = visitor.post("/plan", data={"text": bik_text(), "as_known_on": DAY})
    assert response.status_code == 200
    text = text_of(response.text)
    assert NOTICE in text and THEN in text
    # The hidden form every download posts holds the date, as the date form does.
    assert f'<input type="hidden" name="as_known_on" value="{DAY}">' in response.text
    assert '<form method="post" action="/plan" class="known-on-form">' in response.text
    posted = visitor.post("/en/plan/export/csv", data={"text": bik_text(), "as_known_on": DAY})
    assert funding_of_csv(posted.text) == Decimal("148069.68")
    plain = visitor.post("/en/plan/export/csv", data={"text": bik_text()})
    assert funding_of_csv(plain.text) == Decimal("147545.19")


def test_an_example_s_table_csv_as_known_then_holds_the_funding_of_then(app: FastAPI) -> None:
    visitor = new_client(app)
    totals = visitor.get(f"/en/plan/example/{BIK_ID}/export/csv?as_known_on={DAY}&table=totals")
    rows = {row["item"]: row["amount"] for row in csv.DictReader(io.StringIO(totals.text))}
    assert rows["funding"] == "148069.68"
    # Costs do not depend on the rules: 216000.00 - 148069.68 = 67930.32.
    assert rows["gap"] == "67930.32"


ENGLISH_NOTICE = "This plan uses only the rules known on 30 June 2006."
EXPECTED = re.compile(r'name="expected_version" value="(\d+)"')


def test_the_language_switch_of_a_saved_plan_as_known_then_keeps_the_date(
    anna: TestClient,
) -> None:
    switch = language_switch(anna.get(f"{SAVED}?as_known_on={DAY}").text)
    assert switch == f"/en/plans/{BIK_ID}?as_known_on={DAY}"
    english = anna.get(switch)
    assert english.status_code == 200
    # 147,545.19 - 75.51 + 600.00 = 148,069.68, written the English way.
    assert ENGLISH_NOTICE in text_of(english.text) and "€148,069.68" in english.text
    assert language_switch(english.text) == f"{SAVED}?as_known_on={DAY}"


def test_the_language_switch_of_an_older_version_keeps_its_number_and_the_date(
    anna: TestClient,
) -> None:
    # A version after the current one makes version 1 an older one.
    found = EXPECTED.search(anna.get(SAVED).text)
    assert found is not None
    data = {"document": bik_text(), "expected_version": found.group(1), "csrf": csrf_token(anna)}
    assert anna.post(SAVED, data=data, follow_redirects=False).status_code == 303
    switch = language_switch(anna.get(f"{SAVED}?version=1&as_known_on={DAY}").text)
    assert switch == f"/en/plans/{BIK_ID}?version=1&as_known_on={DAY}"
    assert ENGLISH_NOTICE in text_of(anna.get(switch).text)


def test_the_language_switch_of_a_share_link_as_known_then_keeps_the_date(
    app: FastAPI, anna: TestClient
) -> None:
    found = LINK.search(anna.get(SAVED).text)
    if found is None:
        assert share_plan(anna, BIK_ID).status_code == 303
        found = LINK.search(anna.get(SAVED).text)
    assert found is not None
    token = found.group(1)
    visitor = new_client(app)
    switch = language_switch(visitor.get(f"/gedeeld/{token}?as_known_on={DAY}").text)
    assert switch == f"/en/shared/{token}?as_known_on={DAY}"
    english = visitor.get(switch)
    assert english.status_code == 200
    assert ENGLISH_NOTICE in text_of(english.text)
    assert personal_data_in(english.text) == []


def test_the_language_switch_of_a_posted_plan_as_known_then_is_the_start_page(
    app: FastAPI,
) -> None:
    # A posted plan has no address: its switch stays the other language's start page.
    response = new_client(app).post("/plan", data={"text": bik_text(), "as_known_on": DAY})
    assert language_switch(response.text) == "/en/"

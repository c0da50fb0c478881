"""The downloads of a plan (PDF, XLSX, CSV, YAML, and a CSV under every table) for examples,
saved plans, share links and posted texts, and the buttons of the plan view around them."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pypdf
import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.locale import day
from klaverblad.report.plan_csv import COLUMNS
from tests.web.conftest import EXAMPLES, example_body
from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)

EXAMPLE = f"/plan/voorbeeld/{BIK_ID}"
EXAMPLE_EN = f"/en/plan/example/{BIK_ID}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = make_app(tmp_path_factory.mktemp("exports"))
    assert save_new(logged_in(app, ANNA), bik_text()).status_code == 303
    return app


@pytest.fixture(scope="module")
def visitor(app: FastAPI) -> TestClient:
    return new_client(app)


@pytest.fixture(scope="module")
def api_plan(visitor: TestClient) -> dict[str, object]:
    """BIK's plan from the JSON API: the expected amounts, computed by the same engine."""
    body = {"initiative": example_body(EXAMPLES / f"{BIK_ID}.yaml")}
    response = visitor.post("/api/plan", json=body)
    assert response.status_code == 200
    plan: dict[str, object] = response.json()
    return plan


def rows(response_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response_text.removeprefix("\ufeff"))))


def dutch_rows(response_text: str) -> list[dict[str, str]]:
    """A Dutch CSV: a BOM, then `;` between the fields."""
    assert response_text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(response_text[1:]), delimiter=";"))


def dutch_amount(cell: str) -> Decimal:
    """An amount with a decimal comma and no thousands separator (`2950,50`)."""
    assert "." not in cell and cell.count(",") == 1, cell
    return Decimal(cell.replace(",", "."))


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [
        ("xlsx", XLSX),
        ("csv", "text/csv; charset=utf-8"),
        ("yaml", "application/yaml; charset=utf-8"),
    ],
)
def test_example_exports_have_their_media_type_and_file_name(
    visitor: TestClient, fmt: str, media_type: str
) -> None:
    response = visitor.get(f"{EXAMPLE}/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{BIK_ID}.{fmt}"'


def test_the_xlsx_is_a_workbook_and_the_yaml_is_the_example_file(visitor: TestClient) -> None:
    workbook = zipfile.ZipFile(io.BytesIO(visitor.get(f"{EXAMPLE}/export/xlsx").content))
    assert "xl/workbook.xml" in workbook.namelist()
    assert visitor.get(f"{EXAMPLE}/export/yaml").text == bik_text()  # comments and all


def test_the_pdf_of_a_saved_plan_names_the_initiative_rules_version_and_date(
    app: FastAPI, api_plan: dict[str, object]
) -> None:
    response = logged_in(app, ANNA).get(f"/plannen/{BIK_ID}/export/pdf")
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'attachment; filename="{BIK_ID}.pdf"'
    text = pdf_text(response.content)
    assert "Klusjesdienst en buurtdiensten vzw BIK" in text
    rules = api_plan["rules"]
    assert isinstance(rules, dict) and rules["version"] in text
    assert day(date.today(), "nl") in text  # the export date, 'd MMMM y'


def test_the_csv_has_every_line_of_the_plan(
    visitor: TestClient, api_plan: dict[str, object]
) -> None:
    expected = api_plan["lines"]
    assert isinstance(expected, list)
    total = sum(Decimal(line["amount"]) for line in expected)
    # The plan's lines, then apart (after an empty row and a heading) the memo lines.
    english, memo = visitor.get(f"{EXAMPLE_EN}/export/csv").text.split("\n\n", 1)
    lines = rows(english)
    assert len(lines) == len(expected)
    assert sum(Decimal(line["amount"]) for line in lines) == total
    assert memo.startswith("memo_lines: buiten de rekening van het initiatief")
    # The Dutch file: the same lines, amounts with a decimal comma under "Bedrag".
    dutch_text, dutch_memo = visitor.get(f"{EXAMPLE}/export/csv").text.split("\n\n", 1)
    assert dutch_memo.startswith("Buiten de rekening van het initiatief")
    dutch = dutch_rows(dutch_text)
    assert len(dutch) == len(expected)
    assert sum(Decimal(line["Bedrag"].replace(",", ".")) for line in dutch) == total


def test_each_table_of_the_plan_page_has_its_csv_link(visitor: TestClient) -> None:
    body = visitor.get(EXAMPLE).text
    tables = len(re.findall(r"<table", body))
    links = re.findall(r'<p class="table-download"><a href="([^"]+)"', body)
    # totals, costs, leaves, the certainty's grades and parameters, one per year (2006 and
    # 2007) and the memo lines (PWA cheques)
    assert len(links) == tables
    assert [html.unescape(link).rsplit("=", 1)[1] for link in links] == [
        "totals",
        "costs",
        "leaves",
        "certainty-grades",
        "certainty-parameters",
        "lines-2006",
        "lines-2007",
        "memo",
    ]


def test_the_costs_csv_holds_every_cost_per_year_and_adds_up_to_the_plans_costs(
    visitor: TestClient, api_plan: dict[str, object]
) -> None:
    totals = api_plan["totals"]
    assert isinstance(totals, dict)
    costs = rows(visitor.get(f"{EXAMPLE_EN}/export/csv?table=costs").text)
    assert {row["item"] for row in costs} == {"wage_cost", "operating_costs"}
    assert {row["person"] for row in costs if row["item"] == "wage_cost"} >= {"w1", "w2"}
    total = sum(Decimal(row["amount"]) for row in costs)
    assert total == Decimal(totals["costs"])
    # The Dutch page's file: the same costs, in words and with decimal commas.
    kosten = dutch_rows(visitor.get(f"{EXAMPLE}/export/csv?table=costs").text)
    assert {row["Omschrijving"] for row in kosten} == {"Loonkost", "Werkingskosten"}
    assert sum(dutch_amount(row["Bedrag"]) for row in kosten) == Decimal(totals["costs"])


def test_the_table_csvs_hold_the_rows_of_their_tables(
    visitor: TestClient, api_plan: dict[str, object]
) -> None:
    leaves = rows(visitor.get(f"{EXAMPLE_EN}/export/csv?table=leaves").text)
    expected_leaves = api_plan["leaves"]
    assert isinstance(expected_leaves, dict)
    assert {row["leaf"]: row["amount"] for row in leaves} == expected_leaves
    # The shares of the positive leaves add up to 1 (to the 4 decimals written, ±0.0002).
    shares = sum((Decimal(row["share"]) for row in leaves), Decimal(0))
    assert abs(shares - 1) <= Decimal("0.0002")
    totals_csv = visitor.get(f"{EXAMPLE_EN}/export/csv?table=totals").text
    totals = {row["item"]: row["amount"] for row in rows(totals_csv)}
    expected_totals = api_plan["totals"]
    assert isinstance(expected_totals, dict)
    assert totals["gap"] == expected_totals["gap"]
    assert totals["break_even_per_hour"] == api_plan["break_even_price"]
    year = visitor.get(f"{EXAMPLE_EN}/export/csv?table=lines-2006")
    assert year.headers["content-disposition"] == (
        f'attachment; filename="{BIK_ID}-lines-2006.csv"'
    )
    year_rows = rows(year.text)
    assert list(year_rows[0]) == list(COLUMNS)
    expected_lines = api_plan["lines"]
    assert isinstance(expected_lines, list)
    assert len(year_rows) == sum(1 for line in expected_lines if line["year"] == 2006)


def test_the_dutch_table_csvs_have_dutch_headers_semicolons_and_decimal_commas(
    visitor: TestClient, api_plan: dict[str, object]
) -> None:
    expected = api_plan["totals"]
    assert isinstance(expected, dict)
    totals_text = visitor.get(f"{EXAMPLE}/export/csv?table=totals").text
    totals = dutch_rows(totals_text)
    assert list(totals[0]) == ["Omschrijving", "Bedrag"]
    assert [dutch_amount(row["Bedrag"]) for row in totals[:3]] == [
        Decimal(expected["costs"]),
        Decimal(expected["funding"]),
        Decimal(expected["gap"]),
    ]
    # BIK's break-even price per hour: (216000 − (147545.19 − 4800)) / 2880 = 25.4357… (the
    # PWA cheques are memo lines, no funding)
    assert totals[3]["Bedrag"] == "25,44"
    leaves = dutch_rows(visitor.get(f"{EXAMPLE}/export/csv?table=leaves").text)
    assert list(leaves[0]) == ["Blad", "Naam", "Bedrag", "Aandeel"]
    # Leaf II: 37485.19 in 2006 + 20500 in 2007, without the PWA cheques' 2 × 3564 (memo lines)
    assert leaves[1]["Naam"] == "II werkgelegenheid" and leaves[1]["Bedrag"] == "57985,19"
    year = dutch_rows(visitor.get(f"{EXAMPLE}/export/csv?table=lines-2006").text)
    assert list(year[0])[:3] == ["Jaar", "Blad", "Maatregel"]
    measures = {row["Maatregel"] for row in year}
    assert "artikel 60 §7" in measures and "art60" not in measures
    assert {row["Status"] for row in year} <= {"berekend", "ingevoerd", "niet berekenbaar"}


def test_the_english_table_csvs_have_no_bom(visitor: TestClient) -> None:
    text = visitor.get(f"{EXAMPLE_EN}/export/csv?table=totals").text
    assert text.startswith("item,label,amount\n")


@pytest.mark.parametrize(
    "path",
    [
        f"{EXAMPLE}/export/docx",
        f"{EXAMPLE}/export/csv?table=lines-1999",
        f"{EXAMPLE}/export/pdf?table=leaves",
        "/plan/voorbeeld/bestaat-niet/export/pdf",
        "/gedeeld/ZZZZZZZZZZ/export/csv",
    ],
)
def test_an_unknown_format_table_example_or_link_is_a_404_page(
    visitor: TestClient, path: str
) -> None:
    response = visitor.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_shared_exports_work_without_logging_in(app: FastAPI, visitor: TestClient) -> None:
    anna = logged_in(app, ANNA)
    assert share_plan(anna, BIK_ID).status_code == 303  # saving alone shares nothing
    body = anna.get(f"/plannen/{BIK_ID}").text
    match = re.search(r'href="/gedeeld/(\w+)"', body)
    assert match is not None
    response = visitor.get(f"/gedeeld/{match.group(1)}/export/yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.text)["id"] == BIK_ID
    leaves = visitor.get(f"/en/shared/{match.group(1)}/export/csv?table=leaves")
    assert leaves.status_code == 200 and rows(leaves.text)[1]["name"] == "II employment"


def test_a_posted_plan_downloads_by_posting_its_text_again(visitor: TestClient) -> None:
    page = visitor.post("/plan", data={"text": bik_text()})
    assert page.status_code == 200
    # One hidden form holds the text; every download is a button of that form.
    hidden = re.search(r'<form id="plan-tekst".*?name="text" value="([^"]*)"', page.text, re.S)
    assert hidden is not None and html.unescape(hidden.group(1)) == bik_text()
    buttons = re.findall(r'form="plan-tekst" formaction="([^"]+)"', page.text)
    assert set(buttons) >= {"/plan/export/pdf", "/plan/export/xlsx", "/plan/export/csv"}
    csv_file = visitor.post("/plan/export/csv", data={"text": bik_text()})
    assert csv_file.headers["content-disposition"] == f'attachment; filename="{BIK_ID}.csv"'
    leaves = visitor.post("/en/plan/export/csv", data={"text": bik_text(), "table": "leaves"})
    assert [row["leaf"] for row in rows(leaves.text)] == ["I", "II", "III", "IV"]


def test_a_posted_export_of_bad_text_is_a_422_form_that_keeps_the_text(
    visitor: TestClient,
) -> None:
    broken = bik_text().replace("months: 24", "months: nul", 1)
    response = visitor.post("/plan/export/pdf", data={"text": broken})
    assert response.status_code == 422
    assert '<code class="path">horizon.months</code>' in response.text
    textarea = re.search(r'<textarea id="veld-tekst"[^>]*>(.*?)</textarea>', response.text, re.S)
    assert textarea is not None
    assert html.unescape(textarea.group(1)).removeprefix("\n") == broken


def test_a_posted_plan_offers_to_log_in_or_to_save(app: FastAPI, visitor: TestClient) -> None:
    anonymous = visitor.post("/plan", data={"text": bik_text()}).text
    assert 'href="/aanmelden?next=/"' in anonymous and 'formaction="/mijn-plannen"' not in anonymous
    anna = logged_in(app, ANNA)
    body = anna.post("/plan", data={"text": bik_text()}).text
    assert 'formaction="/mijn-plannen"' in body and "aanmelden?next" not in body
    form = re.search(
        r'<form method="post" action="/nieuw" class="plan-actions">.*?</form>', body, re.S
    )
    assert form is not None and 'name="csrf"' in form.group(0)
    assert 'name="document"' in form.group(0)

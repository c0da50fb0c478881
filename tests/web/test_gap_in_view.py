"""The gap in view on the plan page: a headline sentence with the gap per year and per month,
a saldo row per year, and a costs table (wage cost per person, operating costs) whose totals
are the plan's own, in Dutch and English, and on a shared page with people by id only."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.locale import Language
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.web.views.plan_gap import gap_headline
from klaverblad.web.words.gap import GAP_WORDS
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

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"nl": "/plan/voorbeeld/bik-klusjesdienst", "en": "/en/plan/example/bik-klusjesdienst"}
SHARE_LINK = re.compile(r'<a class="share-link" href="/gedeeld/(\w{10})">')


@pytest.fixture(scope="module")
def bik() -> FinancingPlan:
    return compute_plan(load_initiative(ROOT / "examples" / "bik-klusjesdienst.yaml"))


def cents_of(shown: str) -> int:
    """An amount as the page shows it ("€ -1.234,56", "-€1,234.56") in cents."""
    text = html.unescape(shown).replace("\xa0", "").replace("€", "").strip()
    if "," in text and (text.rfind(",") > text.rfind(".")):  # Dutch: 1.234,56
        text = text.replace(".", "").replace(",", ".")
    else:  # English: 1,234.56
        text = text.replace(",", "")
    return int(Decimal(text) * 100)


def plain(text: str) -> str:
    return html.unescape(text).replace("\xa0", " ")


def test_the_words_of_the_gap_have_the_same_keys_in_dutch_and_english() -> None:
    assert GAP_WORDS["nl"].keys() == GAP_WORDS["en"].keys()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("nl", "Je komt € 34.227,41 per jaar tekort — € 2.852,28 per maand"),
        ("en", "You are €34,227.41 a year short — €2,852.28 a month"),
    ],
)
def test_the_headline_says_the_gap_per_year_and_per_month_above_the_totals(
    client: TestClient, bik: FinancingPlan, language: Language, sentence: str
) -> None:
    # The plan's own gap and horizon: costs € 216.000,00 (wages 2 100 + 2 000 + 1 900 + 2 000
    # + 1 500 = 9 500 a month × 24, less w2's 12 months × 2 000 after 2006 = 204 000, plus
    # operating 6 000 × 2 = 12 000) − funding € 147.545,19 (no PWA cheques: memo lines)
    # = € 68.454,81 over 24 months.
    assert bik.totals.costs_cents == 21_600_000
    assert (bik.totals.gap_cents, bik.months) == (6_845_481, 24)
    # Per year: 6 845 481 × 12 / 24 = 3 422 740,5 cents → half up → € 34.227,41.
    # Per month: 6 845 481 / 24 = 285 228,375 cents → € 2.852,28.
    body = client.get(PAGES[language]).text
    headline = re.search(r'<p class="gap-headline"[^>]*><strong>(.*?)</strong>', body)
    assert headline is not None and plain(headline.group(1)) == sentence.replace("\xa0", " ")
    assert body.index('class="gap-headline"') < body.index('<table class="summary">')


def test_a_surplus_and_a_balance_have_their_own_sentence() -> None:
    # −100 cents over 3 months: 100 × 12 / 3 = 400 cents a year; 100 / 3 = 33,33… → 33 cents.
    assert plain(gap_headline(-100, 3, "nl")) == (
        "Je houdt een overschot van € 4,00 per jaar over — € 0,33 per maand"
    )
    assert plain(gap_headline(-100, 3, "en")) == (
        "You have a surplus of €4.00 a year — €0.33 a month"
    )
    assert gap_headline(0, 24, "nl") == "Kosten en financiering zijn in evenwicht"
    assert gap_headline(0, 24, "en") == "Costs and funding are in balance"
    # Half a cent a month rounds up, away from zero: 1 / 2 = 0,5 → 1 cent; 1 × 12 / 2 = 6.
    assert plain(gap_headline(1, 2, "en")) == "You are €0.06 a year short — €0.01 a month"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_saldos_of_the_years_add_up_to_minus_the_gap(
    client: TestClient, bik: FinancingPlan, language: Language
) -> None:
    body = client.get(PAGES[language]).text
    rows = re.findall(
        r'<tr class="saldo" data-year="(\d+)"><th[^>]*>(.*?)</th><td class="amount">(.*?)</td>',
        body,
    )
    assert [int(year) for year, _, _ in rows] == [2006, 2007]
    saldos = {int(year): cents_of(amount) for year, _, amount in rows}
    for year in bik.years:
        totals = year.totals
        assert saldos[year.year] == totals.funding_cents - totals.costs_cents
    assert sum(saldos.values()) == -bik.totals.gap_cents
    label = GAP_WORDS[language]["year_saldo"].format(year=2006)
    assert plain(rows[0][1]) == plain(label)


def costs_rows(body: str) -> dict[str, list[int]]:
    """The costs table: per row (person id, "operating", "total") its amounts in cents."""
    table = re.search(r'<table class="costs-table">.*?</table>', body, re.S)
    assert table is not None
    rows = re.findall(r'<tr data-(?:person|costs)="([\w-]+)">(.*?)</tr>', table.group(0), re.S)
    return {
        key: [cents_of(cell) for cell in re.findall(r'<td class="amount"[^>]*>(.*?)</td>', row)]
        for key, row in rows
    }


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_costs_table_shows_wages_per_person_and_operating_costs_per_year(
    client: TestClient, bik: FinancingPlan, language: Language
) -> None:
    rows = costs_rows(client.get(PAGES[language]).text)
    # Monthly wage cost × 12 months a year (w2 leaves at the end of 2006), then the period.
    assert rows["w1"] == [2_520_000, 2_520_000, 5_040_000]
    assert rows["w2"] == [2_400_000, 0, 2_400_000]
    assert rows["w3"] == [2_280_000, 2_280_000, 4_560_000]
    assert rows["w4"] == [2_400_000, 2_400_000, 4_800_000]
    assert rows["s1"] == [1_800_000, 1_800_000, 3_600_000]
    assert rows["operating"] == [600_000, 600_000, 1_200_000]
    total = rows.pop("total")
    # The total row is the plan's own costs, per year and over the period, and the rows add
    # up to it to the cent.
    assert total == [y.totals.costs_cents for y in bik.years] + [bik.totals.costs_cents]
    assert [sum(column) for column in zip(*rows.values(), strict=True)] == total


@pytest.fixture(scope="module")
def shared_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    app: FastAPI = make_app(tmp_path_factory.mktemp("gap-shared"))
    anna = logged_in(app, ANNA)
    assert save_new(anna, bik_text()).status_code == 303
    share_plan(anna, BIK_ID)
    link = SHARE_LINK.search(anna.get(f"/plannen/{BIK_ID}").text)
    assert link is not None
    response = new_client(app).get(f"/gedeeld/{link.group(1)}")
    assert response.status_code == 200
    return response.text


def test_the_shared_page_shows_the_gap_and_the_costs_with_people_by_id_only(
    shared_page: str, client: TestClient
) -> None:
    example = client.get(PAGES["nl"]).text
    assert costs_rows(shared_page) == costs_rows(example)
    table = re.search(r'<table class="costs-table">.*?</table>', shared_page, re.S)
    assert table is not None
    labels = re.findall(r'<tr data-person="\w+"><th scope="row">(.*?)</th>', table.group(0))
    assert labels == [f"Loonkost {person}" for person in ["w1", "w2", "w3", "w4", "s1"]]
    assert 'class="gap-headline"' in shared_page and shared_page.count('class="saldo"') == 2

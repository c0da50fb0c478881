"""The sources of the PDF and the workbook say a parameter's value and unit in words, as the
catalogue does (`report/parameter_values.py`), and an undated value "al van voor 2004"."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_pdf import plan_html
from klaverblad.report.plan_sources import Source, plan_sources, source_value_text
from klaverblad.report.plan_xlsx import plan_to_xlsx

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"
NBSP = "\xa0"


@pytest.fixture(scope="module")
def plan() -> FinancingPlan:
    return compute_plan(load_initiative(BIK))


def source(plan: FinancingPlan, parameter: str, since: str) -> Source:
    return next(s for s in plan_sources(plan) if (s.parameter, s.since) == (parameter, since))


def test_a_source_says_money_with_its_period_and_yes_or_no_in_words(plan: FinancingPlan) -> None:
    # The leefloon of category 3 is 859.31 a month from 2006-10-01 (art60/parameters).
    leefloon = source(plan, "art60.leefloon_cat3", "2006-10-01")
    assert source_value_text(leefloon, "nl") == f"€{NBSP}859,31 per maand"
    assert source_value_text(leefloon, "en") == "€859.31 per month"
    # The SINE doelgroepvermindering is 1 000 a quarter.
    reduction = source(plan, "sine.doelgroepvermindering.amount", "1999-05-03")
    assert source_value_text(reduction, "nl") == f"€{NBSP}1.000,00 per kwartaal"
    # The SINE allowance is still paid in 2006 (true from 1999-05-03).
    paid = source(plan, "sine.herinschakelingsuitkering.paid", "1999-05-03")
    assert (source_value_text(paid, "nl"), source_value_text(paid, "en")) == ("ja", "yes")


def test_the_workbooks_sources_give_units_in_words_and_no_1970(plan: FinancingPlan) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx(plan, [], "nl")))
    rows = {
        (row[0], row[4]): row for row in workbook["Bronnen"].iter_rows(min_row=2, values_only=True)
    }
    # A number stays a number (it sums); its unit is said in words beside it.
    assert rows[("art60.leefloon_cat3", "2006-10-01")][2:5] == (
        859.31,
        "euro per maand",
        "2006-10-01",
    )
    # SINE's short band, 11 quarters, is recorded from 1970-01-01: undated.
    assert rows[("sine.band.short_quarters", "al van voor 2004")][2:4] == (11, "kwartalen")
    assert rows[("sine.herinschakelingsuitkering.paid", "1999-05-03")][2:4] == ("ja", "ja of nee")
    assert not [key for key in rows if key[1] == "1970-01-01"]
    assert not [row for row in rows.values() if row[3] in ("currency-EUR", "boolean", "quarter")]


def test_the_pdfs_sources_say_an_undated_value_holds_since_before_2004(
    plan: FinancingPlan,
) -> None:
    sources = plan_html(plan, [], "nl").split('<section class="sources"')[1]
    # SINE's short band (11 quarters) is recorded from 1970-01-01; the leefloon of category 3
    # is 859.31 a month from 2006-10-01, written d/MM/yyyy in Dutch (ux.md §2.2).
    short = sources.split("sine.band.short_quarters")[1].split("</tr>")[0]
    assert "11 kwartalen" in short and "al van voor 2004" in short
    assert "1/01/1970" not in sources
    leefloon = sources.split("art60.leefloon_cat3")[2].split("</tr>")[0]
    assert f"€{NBSP}859,31 per maand" in leefloon and "1/10/2006" in leefloon

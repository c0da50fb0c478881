"""The plan workbook computes its costs, saldo and break-even price with live formulas from its
cost lines: a promoter who changes a wage in Excel sees the saldo, the gap and the break-even
price follow. The formulas are read back with openpyxl and computed by hand
(`tests/report/xlsx_formulas.py`), and must give the plan's amounts to the cent."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_xlsx import plan_to_xlsx
from tests.builders import initiative_data, person
from tests.report.xlsx_formulas import Evaluator

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BIK = EXAMPLES / "bik-klusjesdienst.yaml"
# BIK on the costs sheet: header on row 4; w1, w2, w3, w4, s1 and the operating costs on rows
# 5..10; columns A label, B statute, C amount, D per, E:F months 2006/2007, G:H costs
# 2006/2007, I total; totals on row 11, funding 12, saldo 13; the client revenue on C15, the
# hours on C16 and the break-even price on C17.


def workbook_of(plan: FinancingPlan, language: str = "nl", **options: Any) -> openpyxl.Workbook:
    data = plan_to_xlsx(plan, plan_alerts(plan), language, **options)  # type: ignore[arg-type]
    return openpyxl.load_workbook(io.BytesIO(data))


def cents(value: Decimal) -> int:
    whole = value * 100
    assert whole == whole.to_integral_value(), value
    return int(whole)


@pytest.fixture(scope="module")
def bik() -> FinancingPlan:
    return compute_plan(load_initiative(BIK))


@pytest.fixture
def bik_workbook(bik: FinancingPlan) -> openpyxl.Workbook:
    return workbook_of(bik)


def test_the_costs_sheet_has_a_cost_line_per_person_and_one_for_operating_costs(
    bik_workbook: openpyxl.Workbook,
) -> None:
    sheet = bik_workbook["Kosten"]
    rows = [[cell.value for cell in row[:6]] for row in sheet.iter_rows(min_row=5, max_row=10)]
    assert rows == [
        ["Loonkost w1", "SINE", 2100, "maand", 12, 12],
        ["Loonkost w2", "artikel 60 §7", 2000, "maand", 12, 0],  # until 2006-12-31
        ["Loonkost w3", "Activa", 1900, "maand", 12, 12],
        ["Loonkost w4", "WEP+", 2000, "maand", 12, 12],
        ["Loonkost s1", "gewoon contract (geen subsidie)", 1500, "maand", 12, 12],
        ["Werkingskosten", "", 6000, "jaar", 12, 12],
    ]
    assert [sheet.cell(4, column).value for column in range(5, 10)] == [
        "Maanden 2006",
        "Maanden 2007",
        "Kosten 2006",
        "Kosten 2007",
        "Totaal",
    ]


def test_each_cost_formula_refers_to_its_own_line_and_the_totals_to_the_lines(
    bik_workbook: openpyxl.Workbook,
) -> None:
    sheet = bik_workbook["Kosten"]
    assert sheet["G5"].value == "=ROUND($C5*E5,2)"  # w1's wage × months of 2006
    assert sheet["H6"].value == "=ROUND($C6*F6,2)"  # w2's wage × months of 2007
    assert sheet["G10"].value == "=ROUND($C10*E10/12,2)"  # operating costs: a twelfth a month
    assert sheet["I5"].value == "=SUM(G5:H5)"
    assert sheet["G11"].value == "=SUM(G5:G10)"
    assert sheet["G12"].value == "='Jaren'!C13"  # the year sheet's funding of 2006
    assert sheet["G13"].value == "=G12-G11"  # saldo = funding − costs
    assert sheet["I13"].value == "=SUM(G13:H13)"
    assert sheet["C17"].value == "=ROUND((I11-I12+C15)/C16,2)"
    years = bik_workbook["Jaren"]
    assert years["C14"].value == "='Kosten'!G11"  # the year sheet's costs read this sheet
    assert years["C17"].value == "='Kosten'!C17"  # and its break-even price


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_formulas_give_the_plans_costs_saldo_gap_and_break_even_to_the_cent(
    path: Path,
) -> None:
    plan = compute_plan(load_initiative(path))
    workbook = workbook_of(plan)
    evaluate = Evaluator(workbook)
    count = len(plan.years)
    lines = len(plan.initiative.people) + 1
    costs_row, funding_row, saldo_row = 5 + lines, 6 + lines, 7 + lines
    for offset, year in enumerate(plan.years):
        column = openpyxl.utils.get_column_letter(5 + count + offset)
        costs = evaluate.cell("Kosten", f"{column}{costs_row}")
        funding = evaluate.cell("Kosten", f"{column}{funding_row}")
        saldo = evaluate.cell("Kosten", f"{column}{saldo_row}")
        assert cents(costs) == year.totals.costs_cents
        assert cents(funding) == year.totals.funding_cents
        assert cents(saldo) == year.totals.funding_cents - year.totals.costs_cents
        year_column = openpyxl.utils.get_column_letter(3 + offset)
        assert cents(evaluate.cell("Jaren", f"{year_column}15")) == year.totals.gap_cents
    if plan.break_even_cents is None:
        assert workbook["Jaren"]["C17"].value is None
    else:
        assert cents(evaluate.cell("Jaren", "C17")) == plan.break_even_cents


def test_changing_a_wage_in_the_workbook_changes_the_saldo_the_gap_and_the_break_even(
    bik_workbook: openpyxl.Workbook,
) -> None:
    evaluate = Evaluator(bik_workbook)
    # As exported: 2006 funding € 82.565,19 − costs € 120.000,00 (the PWA cheques are memo
    # lines, no funding).
    assert evaluate.cell("Kosten", "G13") == Decimal("-37434.81")
    bik_workbook["Kosten"]["C5"] = 2200  # w1: € 100 more a month, 12 months in each year
    assert evaluate.cell("Kosten", "G11") == Decimal("121200.00")
    assert evaluate.cell("Kosten", "G13") == Decimal("-38634.81")  # 82.565,19 − 121.200,00
    assert evaluate.cell("Kosten", "H13") == Decimal("-32220.00")  # 64.980,00 − 97.200,00
    assert evaluate.cell("Jaren", "E15") == Decimal("70854.81")  # the gap: 68.454,81 + 2.400
    # (216.000 + 2.400 − 147.545,19 + 4.800 paid by clients) / 2.880 hours = 26,2690…
    assert evaluate.cell("Kosten", "C17") == Decimal("26.27")


def test_the_formulas_carry_the_plans_amounts_for_viewers_that_do_not_recalculate(
    bik: FinancingPlan,
) -> None:
    data = plan_to_xlsx(bik, [], "nl")
    sheet = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["Kosten"]
    assert [sheet[f"{c}11"].value for c in "GHI"] == [120000, 96000, 216000]
    # funding − costs: 82565.19 − 120000, 64980 − 96000, 147545.19 − 216000 (no PWA cheques)
    assert [sheet[f"{c}13"].value for c in "GHI"] == [-37434.81, -31020, -68454.81]
    assert sheet["C17"].value == 25.44  # 73254.81 / 2880 = 25.4357…


def test_a_part_year_of_operating_costs_rounds_half_up_as_the_plan_does() -> None:
    # € 1,02 a year from December 2006: 1 month in 2006 (0,085 → 0,09), 11 in 2007 (0,935).
    data = initiative_data(
        horizon={"start": "2006-12", "months": 12}, costs={"operating_per_year": 1.02}
    )
    plan = compute_plan(parse_initiative(data, "test"))
    assert [year.totals.costs_cents for year in plan.years] == [9, 94]
    workbook = workbook_of(plan, "en")
    assert workbook.sheetnames[1] == "Costs"
    evaluate = Evaluator(workbook)
    assert [evaluate.cell("Costs", cell) for cell in ("G5", "H5")] == [
        Decimal("0.09"),
        Decimal("0.94"),
    ]
    assert workbook["Costs"]["C10"].value == (
        "not applicable (no hours paid in cash or by invoice)"
    )


def test_a_shared_workbook_names_people_by_id_and_the_owners_by_name() -> None:
    data = initiative_data(people=[person(name="Ahmed Yilmaz")])
    plan = compute_plan(parse_initiative(data, "test"))
    assert workbook_of(plan)["Kosten"]["A5"].value == "Loonkost Ahmed Yilmaz"
    shared = workbook_of(plan, redact=True)
    assert shared["Kosten"]["A5"].value == "Loonkost w1"
    text = " ".join(
        str(cell)
        for sheet in shared.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )
    assert "Ahmed" not in text and "1968" not in text and "lager_secundair" not in text

"""The plan workbook's cash-flow sheet (`Kasstroom`): costs and money received per month as
values, the balance, the lowest balance and the pre-financing as live formulas. openpyxl does
not compute formulas: the tests read them back and compute them from the value cells, by hand
(and with `tests/report/xlsx_formulas.py` for `+ -` and cell references)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.plan.cashflow import compute_cashflow
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_xlsx import plan_to_xlsx
from tests.builders import initiative_data
from tests.report.test_plan_xlsx_costs import BIK
from tests.report.xlsx_formulas import Evaluator

# A small case: no people; operating costs 1 200,00 a year (100,00 a month); 10 hours a month
# invoiced at 20,00 (200,00); three months from January 2006; 1 000,00 at the start; invoices
# paid in 30 days.
SMALL = initiative_data(
    recognitions=[],
    horizon={"start": "2006-01", "months": 3},
    activities=[
        {
            "id": "a1",
            "kind": "klusjes",
            "hours_per_month": 10,
            "payment": "invoice",
            "price_per_hour": 20,
            "client_group": "particulier",
        }
    ],
    costs={"operating_per_year": 1200},
    cash={"opening_balance": 1000, "invoice_payment_days": 30},
)
# The sheet: the cash at the start in C2, the days in C3; the header on row 6; the months from
# row 7 (A month, B within the horizon, C costs, D received, E balance).
FIRST = 7


def workbook_of(plan: FinancingPlan, language: str = "nl", **options: Any) -> openpyxl.Workbook:
    data = plan_to_xlsx(plan, plan_alerts(plan), language, **options)  # type: ignore[arg-type]
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def small() -> FinancingPlan:
    return compute_plan(parse_initiative(SMALL, "small.yaml"))


@pytest.fixture(scope="module")
def small_book(small: FinancingPlan) -> openpyxl.Workbook:
    return workbook_of(small)


def test_the_sheet_follows_the_plan_lines_sheet_in_both_languages(small: FinancingPlan) -> None:
    assert workbook_of(small).sheetnames == [
        "Jaren",
        "Kosten",
        "Plan",
        "Kasstroom",
        "Signalen",
        "Bronnen",
    ]
    assert "Cash flow" in workbook_of(small, "en").sheetnames


def test_each_month_has_its_costs_and_receipts_as_values_and_the_balance_as_a_formula(
    small_book: openpyxl.Workbook,
) -> None:
    sheet = small_book["Kasstroom"]
    assert sheet["C2"].value == 1000
    assert sheet["C3"].value == 30
    rows = [
        [cell.value for cell in row] for row in sheet.iter_rows(min_row=FIRST, max_row=FIRST + 3)
    ]
    # Costs 100 in Jan, Feb, Mar. Invoices: 31 Jan → 2 Mar and 28 Feb → 30 Mar (400 in March),
    # 31 Mar → 30 Apr (200 in April, after the horizon).
    assert [row[:4] for row in rows] == [
        ["januari 2006", "ja", 100, 0],
        ["februari 2006", "ja", 100, 0],
        ["maart 2006", "ja", 100, 400],
        ["april 2006 (na de horizon)", "nee", 0, 200],
    ]
    assert [row[4] for row in rows] == [
        "=$C$2+D7-C7",
        "=E7+D8-C8",
        "=E8+D9-C9",
        "=E9+D10-C10",
    ]
    assert sheet["A11"].value is None  # nothing below the months but an empty row


def test_the_balance_formulas_computed_from_the_value_cells_give_the_engines_balance(
    small: FinancingPlan, small_book: openpyxl.Workbook
) -> None:
    sheet = small_book["Kasstroom"]
    # By hand: 1 000 − 100 = 900; 900 − 100 = 800; 800 + 400 − 100 = 1 100; 1 100 + 200 = 1 300.
    balance = Decimal(str(sheet["C2"].value))
    by_hand = []
    for row in range(FIRST, FIRST + 4):
        balance += Decimal(str(sheet[f"D{row}"].value)) - Decimal(str(sheet[f"C{row}"].value))
        by_hand.append(balance)
    assert by_hand == [900, 800, 1100, 1300]
    evaluated = [Evaluator(small_book).cell("Kasstroom", f"E{row}") for row in range(7, 11)]
    assert evaluated == by_hand
    flow = compute_cashflow(small)
    assert [Decimal(m.balance_cents) / 100 for m in flow.months] == by_hand


def test_the_lowest_balance_its_month_the_prefinancing_and_the_final_balance_are_formulas(
    small_book: openpyxl.Workbook,
) -> None:
    sheet = small_book["Kasstroom"]
    labels = [sheet[f"A{row}"].value for row in range(12, 16)]
    assert labels == [
        "Laagste saldo",
        "Maand met het laagste saldo",
        "Voor te financieren",
        "Eindsaldo (na de laatste betaling)",
    ]
    assert sheet["E12"].value == "=MIN($E$7:$E$10)"
    assert sheet["E13"].value == "=INDEX($A$7:$A$10,MATCH(E12,$E$7:$E$10,0))"
    assert sheet["E14"].value == "=MAX(0,-MIN($E$7:$E$10))"
    assert sheet["E15"].value == "=E10"
    # By hand: MIN(900, 800, 1 100, 1 300) = 800 in February; MAX(0, −800) = 0; final 1 300
    # = 1 000 + saldo (600 − 300).
    balances = [Decimal(900), Decimal(800), Decimal(1100), Decimal(1300)]
    assert min(balances) == 800 and max(Decimal(0), -min(balances)) == 0


def test_changing_the_cash_at_the_start_moves_every_balance_and_the_prefinancing(
    small: FinancingPlan,
) -> None:
    # With 0 at the start the balances are −100, −200, 100, 300: MIN −200, pre-financing 200.
    plan = compute_plan(parse_initiative({**SMALL, "cash": None}, "small.yaml"))
    sheet = workbook_of(plan)["Kasstroom"]
    assert sheet["C2"].value == 0
    flow = compute_cashflow(plan)
    assert [m.balance_cents for m in flow.months] == [-10000, -20000, 10000, 30000]
    assert flow.prefinancing_cents == 20000


def test_the_payment_timings_with_their_sources_stand_below_outside_the_formulas(
    small_book: openpyxl.Workbook,
) -> None:
    sheet = small_book["Kasstroom"]
    assert sheet["A17"].value == "Wanneer het geld binnenkomt"
    assert [c.value for c in sheet[18]] == [
        "Maatregel",
        "Onderdeel",
        "Betaalmoment gekend",
        "Bedrag",
        "Zekerheid",
        "Betaalmoment",
        "Bron",
    ]
    row = [c.value for c in sheet[19]]
    # The invoices of 3 months × 200,00 = 600,00, by the file's own terms (grade H).
    assert row[:5] == [
        "betaling door klanten (contant of factuur)",
        "particulieren",
        "ja",
        600,
        "H",
    ]
    assert row[5].startswith("contant in de maand zelf; een factuur na de betalingstermijn")
    assert "cash" in row[6]


def test_bik_reconciles_and_a_shared_workbook_has_the_same_sheet() -> None:
    plan = compute_plan(load_initiative(BIK))
    book = workbook_of(plan, redact=True)
    sheet = book["Kasstroom"]
    flow = compute_cashflow(plan)
    last = FIRST + len(flow.months) - 1
    evaluator = Evaluator(book)
    # Every balance formula gives the engine's balance, to the cent; the last is the saldo
    # − 68 454,81 (docs/cashflow.md: 0 + funding 147 545,19 − costs 216 000,00).
    for row, month in zip(range(FIRST, last + 1), flow.months, strict=True):
        assert evaluator.cell("Kasstroom", f"E{row}") * 100 == month.balance_cents
    assert month.balance_cents == 14754519 - 21600000
    assert sheet[f"E{last + 2}"].value == f"=MIN($E${FIRST}:$E${last})"
    assert sheet[f"E{last + 4}"].value == f"=MAX(0,-MIN($E${FIRST}:$E${last}))"

"""The cash-flow sheet of the plan workbook (`Kasstroom`, English `Cash flow`): the plan month by
month as cash (`plan/cashflow.py`, docs/cashflow.md), with the balance as live formulas, so
that a promoter who changes the cash at the start, or moves an amount to another month, sees
the balance, the lowest balance and the pre-financing follow.

At the top the cash at the start (a yellow cell: change it) and the invoice payment term of the
file's `cash:` block; then one row per month, from the horizon's first month to the month of
the last payment (months after the horizon say so), with the costs paid and the money received
as values and

    balance of the first month = cash at the start + received − costs
    balance of a later month   = balance of the month before + received − costs

Below the months: the lowest balance `MIN(balances)`, its month `INDEX(months, MATCH(lowest,
balances, 0))`, the pre-financing needed `MAX(0, −MIN(balances))` and the final balance (the
last month's). Then the payment timing of each component, with its source and grade, apart and
outside every formula's range. Every formula carries the cash flow's value (its cents), so
viewers that do not recalculate show the same amounts. No personal data: amounts per month and
per measure component only.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from klaverblad.locale import Language, month_name
from klaverblad.messages import N_, words
from klaverblad.plan.cashflow import Cashflow, compute_cashflow
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.cashflow_output import WORDS as REPORT_WORDS
from klaverblad.report.funder_tables import component_words, measure_words
from klaverblad.report.plan_xlsx_formats import Formats, euros

WORDS = words(
    N_("xlsx_cashflow.sheet"),
    N_("xlsx_cashflow.opening"),
    N_("xlsx_cashflow.days"),
    N_("xlsx_cashflow.note"),
    N_("xlsx_cashflow.in_horizon"),
    N_("xlsx_cashflow.yes"),
    N_("xlsx_cashflow.no"),
    N_("xlsx_cashflow.lowest"),
    N_("xlsx_cashflow.lowest_month"),
    N_("xlsx_cashflow.prefinancing"),
    N_("xlsx_cashflow.final"),
    N_("xlsx_cashflow.source"),
    N_("xlsx_cashflow.known"),
)
# 0-based rows and columns of the sheet.
OPENING_ROW, DAYS_ROW, NOTE_ROW = 1, 2, 3
VALUE_COLUMN = 2
HEADER_ROW = 5
FIRST_MONTH_ROW = HEADER_ROW + 1
MONTH_COLUMN, HORIZON_COLUMN, COSTS_COLUMN, RECEIVED_COLUMN, BALANCE_COLUMN = range(5)


@dataclass(frozen=True)
class CashflowLayout:
    """Where the sheet keeps its figures (cells as `E7`), for tests and other sheets."""

    opening: str
    first_balance_row: int
    last_balance_row: int
    lowest: str
    prefinancing: str
    final: str


def sheet_name(language: Language) -> str:
    return WORDS[language]["sheet"]


def write_cashflow_sheet(
    sheet: Worksheet, plan: FinancingPlan, language: Language, f: Formats
) -> CashflowLayout:
    """Write the cash flow of `plan` (see the module's text); returns where its figures are."""
    return write_flow(sheet, plan, compute_cashflow(plan), language, f)


def write_flow(
    sheet: Worksheet, plan: FinancingPlan, flow: Cashflow, language: Language, f: Formats
) -> CashflowLayout:
    """Write `flow`, the cash flow of `plan`."""
    w, report = WORDS[language], REPORT_WORDS[language]
    sheet.write(0, 0, report["title"], f.title)
    sheet.write(OPENING_ROW, 0, w["opening"], f.bold)
    sheet.write_number(OPENING_ROW, VALUE_COLUMN, euros(flow.opening_cents), f.euro_input)
    sheet.write(DAYS_ROW, 0, w["days"], f.bold)
    sheet.write_number(DAYS_ROW, VALUE_COLUMN, flow.invoice_payment_days, f.whole)
    sheet.write(NOTE_ROW, 0, w["note"], f.italic)
    headers = (report["month"], w["in_horizon"], report["costs"], report["received"])
    for column, header in enumerate((*headers, report["balance"])):
        sheet.write(HEADER_ROW, column, header, f.header)
    opening = xl_rowcol_to_cell(OPENING_ROW, VALUE_COLUMN, row_abs=True, col_abs=True)
    last_in_horizon = flow.first_month + flow.horizon_months - 1
    row = FIRST_MONTH_ROW
    for index, item in enumerate(flow.months):
        row = FIRST_MONTH_ROW + index
        shown = month_name(item.month, language)
        if item.month > last_in_horizon:
            shown += f" ({report['after_horizon']})"
        sheet.write_string(row, MONTH_COLUMN, shown)
        sheet.write_string(row, HORIZON_COLUMN, w["yes" if item.month <= last_in_horizon else "no"])
        sheet.write_number(row, COSTS_COLUMN, euros(item.costs_cents), f.euro)
        sheet.write_number(row, RECEIVED_COLUMN, euros(item.received_cents), f.euro)
        before = opening if index == 0 else xl_rowcol_to_cell(row - 1, BALANCE_COLUMN)
        received = xl_rowcol_to_cell(row, RECEIVED_COLUMN)
        costs = xl_rowcol_to_cell(row, COSTS_COLUMN)
        sheet.write_formula(
            row,
            BALANCE_COLUMN,
            f"={before}+{received}-{costs}",
            f.euro_bold,
            euros(item.balance_cents),
        )
    first, last = FIRST_MONTH_ROW, row
    balances = (
        f"{xl_rowcol_to_cell(first, BALANCE_COLUMN, row_abs=True, col_abs=True)}:"
        f"{xl_rowcol_to_cell(last, BALANCE_COLUMN, row_abs=True, col_abs=True)}"
    )
    months = (
        f"{xl_rowcol_to_cell(first, MONTH_COLUMN, row_abs=True, col_abs=True)}:"
        f"{xl_rowcol_to_cell(last, MONTH_COLUMN, row_abs=True, col_abs=True)}"
    )
    lowest_row = last + 2
    rows = {
        "lowest": (lowest_row, f"=MIN({balances})", euros(flow.lowest_balance_cents)),
        "prefinancing": (
            lowest_row + 2,
            f"=MAX(0,-MIN({balances}))",
            euros(flow.prefinancing_cents),
        ),
        "final": (lowest_row + 3, f"={xl_rowcol_to_cell(last, BALANCE_COLUMN)}", None),
    }
    for key, (at, formula, value) in rows.items():
        sheet.write(at, 0, w[key], f.bold)
        shown_value = euros(flow.final_balance_cents) if value is None else value
        sheet.write_formula(at, BALANCE_COLUMN, formula, f.euro_total, shown_value)
    lowest_cell = xl_rowcol_to_cell(lowest_row, BALANCE_COLUMN)
    sheet.write(lowest_row + 1, 0, w["lowest_month"], f.bold)
    lowest_month = month_name(flow.lowest_month, language)
    if flow.lowest_month > last_in_horizon:
        lowest_month += f" ({report['after_horizon']})"
    sheet.write_formula(
        lowest_row + 1,
        BALANCE_COLUMN,
        f"=INDEX({months},MATCH({lowest_cell},{balances},0))",
        f.bold,
        lowest_month,
    )
    _write_timings(sheet, plan, flow, language, f, lowest_row + 5)
    sheet.set_column(MONTH_COLUMN, MONTH_COLUMN, 30)
    sheet.set_column(HORIZON_COLUMN, HORIZON_COLUMN, 22)
    sheet.set_column(COSTS_COLUMN, RECEIVED_COLUMN, 18)
    sheet.set_column(BALANCE_COLUMN, BALANCE_COLUMN + 1, 30)
    sheet.freeze_panes(FIRST_MONTH_ROW, 1)
    return CashflowLayout(
        opening=xl_rowcol_to_cell(OPENING_ROW, VALUE_COLUMN),
        first_balance_row=first,
        last_balance_row=last,
        lowest=lowest_cell,
        prefinancing=xl_rowcol_to_cell(rows["prefinancing"][0], BALANCE_COLUMN),
        final=xl_rowcol_to_cell(rows["final"][0], BALANCE_COLUMN),
    )


def _write_timings(
    sheet: Worksheet,
    plan: FinancingPlan,
    flow: Cashflow,
    language: Language,
    f: Formats,
    first_row: int,
) -> None:
    """The payment timing of each component that brought money, from `first_row`: measure,
    component, whether its moment is known, the amount, the grade, the timing in words and
    its source."""
    w, report = WORDS[language], REPORT_WORDS[language]
    sheet.write(first_row, 0, report["timings_title"], f.bold)
    header = first_row + 1
    columns = (
        report["measure"],
        report["component"],
        w["known"],
        report["amount"],
        report["grade"],
        report["timing"],
        w["source"],
    )
    for column, name in enumerate(columns):
        sheet.write(header, column, name, f.header)
    for row, item in enumerate(flow.components, start=header + 1):
        timing = item.timing
        label = timing.label_nl if language == "nl" else timing.label_en
        sheet.write_string(row, 0, measure_words(plan, item.measure, language))
        sheet.write_string(row, 1, component_words(item.component, language))
        sheet.write_string(row, 2, w["yes" if timing.timing_known else "no"])
        sheet.write_number(row, 3, euros(item.received_cents), f.euro)
        sheet.write_string(row, 4, timing.grade)
        sheet.write_string(row, 5, label, f.wrap)
        sheet.write_string(row, 6, timing.reference, f.wrap)

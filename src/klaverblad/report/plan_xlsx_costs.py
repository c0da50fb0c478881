"""The costs sheet of the plan workbook (`Kosten`, English `Costs`): the cost lines and, from
them, the costs, the saldo and the break-even price per year as live Excel formulas, so that a
promoter who changes a wage in the workbook sees the costs, the saldo and the break-even price
follow (and the gap on the year sheet, whose costs row reads this sheet).

One row per cost line (`report/funder_tables.cost_lines`): its label, the statute in words,
the amount (a person's monthly wage cost, or the yearly operating costs; yellow: change it),
`maand`/`jaar`, the months it counts in each year (the months a person is employed, the
months of the horizon for the operating costs), then its cost in each year and the total:

    wage cost of a year      = ROUND(amount × months, 2)
    operating costs of a year = ROUND(amount × months / 12, 2)

Below them, per year: the total costs (`SUM` of the lines), the funding (a reference to the
year sheet's funding row, itself `SUM` of `SUMIFS` over the plan's lines) and the saldo
(funding − costs). Then the break-even price per hour, when some hours are paid in cash or by
invoice: `ROUND((total costs − total funding + client revenue) / hours, 2)`, with the client
revenue and the hours as values. Every formula carries the plan's value (its cents), so viewers
that do not recalculate show the same amounts; rounding half away from zero, as Excel's ROUND
does, is how the plan rounds each cost line to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from klaverblad.locale import Language
from klaverblad.model.money import UNITS_PER_EURO
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import MONTHS_PER_YEAR, CostLine, cost_lines, year_saldos
from klaverblad.report.plan_xlsx_formats import Formats, euros

# 0-based rows and columns of the sheet.
HEADER_ROW = 3
FIRST_LINE_ROW = HEADER_ROW + 1
LABEL_COLUMN, STATUTE_COLUMN, AMOUNT_COLUMN, PER_COLUMN = 0, 1, 2, 3
FIRST_MONTHS_COLUMN = 4


@dataclass(frozen=True)
class CostsLayout:
    """Where the sheet keeps what other sheets read: the total costs of each year and of the
    whole horizon, and the break-even price (None when there is none)."""

    sheet: str
    year_costs: list[str]
    total_costs: str
    break_even: str | None


def _quoted(sheet: str, cell: str) -> str:
    return f"'{sheet}'!{cell}"


def _line_formula(line: CostLine, row: int, months_column: int) -> str:
    amount = xl_rowcol_to_cell(row, AMOUNT_COLUMN, col_abs=True)
    months = xl_rowcol_to_cell(row, months_column)
    if line.per == "month":
        return f"=ROUND({amount}*{months},2)"
    return f"=ROUND({amount}*{months}/{MONTHS_PER_YEAR},2)"


def write_costs_sheet(
    sheet: Worksheet,
    plan: FinancingPlan,
    language: Language,
    f: Formats,
    funding_cells: list[str],
    redact: bool = False,
) -> CostsLayout:
    """Write the costs sheet; `funding_cells` are the year sheet's funding cells, one per year
    (as `'Jaren'!C13`). Returns where the totals and the break-even price are."""
    words = DOWNLOAD_WORDS[language]
    name = sheet.get_name()
    years = [year.year for year in plan.years]
    count = len(years)
    first_cost_column = FIRST_MONTHS_COLUMN + count
    total_column = first_cost_column + count
    sheet.write(0, 0, words["costs_sheet_title"].format(name=plan.initiative.name), f.title)
    sheet.write(1, 0, words["costs_sheet_note"], f.italic)

    headers = [words["cost_item"], words["statute"], words["amount"], words["per"]]
    headers += [words["months_in"].format(year=year) for year in years]
    headers += [words["costs_in"].format(year=year) for year in years] + [words["total"]]
    for column, header in enumerate(headers):
        sheet.write(HEADER_ROW, column, header, f.header)

    lines = cost_lines(plan, language, redact)
    for index, line in enumerate(lines):
        row = FIRST_LINE_ROW + index
        sheet.write_string(row, LABEL_COLUMN, line.label)
        sheet.write_string(row, STATUTE_COLUMN, line.statute or "")
        sheet.write_number(row, AMOUNT_COLUMN, euros(line.amount_cents), f.euro_input)
        sheet.write_string(
            row, PER_COLUMN, words["per_month" if line.per == "month" else "per_year"]
        )
        for offset, months in enumerate(line.months):
            sheet.write_number(row, FIRST_MONTHS_COLUMN + offset, months, f.whole)
            sheet.write_formula(
                row,
                first_cost_column + offset,
                _line_formula(line, row, FIRST_MONTHS_COLUMN + offset),
                f.euro,
                euros(line.cents[offset]),
            )
        first = xl_rowcol_to_cell(row, first_cost_column)
        last = xl_rowcol_to_cell(row, total_column - 1)
        sheet.write_formula(
            row, total_column, f"=SUM({first}:{last})", f.euro, euros(sum(line.cents))
        )

    last_line = FIRST_LINE_ROW + len(lines) - 1
    costs_row, funding_row, saldo_row = last_line + 1, last_line + 2, last_line + 3
    sheet.write(costs_row, LABEL_COLUMN, words["costs_total"], f.bold)
    sheet.write(funding_row, LABEL_COLUMN, words["funding"], f.bold)
    sheet.write(saldo_row, LABEL_COLUMN, words["saldo"], f.bold)
    saldos = year_saldos(plan)
    for offset, year in enumerate(plan.years):
        column = first_cost_column + offset
        letter = xl_col_to_name(column)
        sheet.write_formula(
            costs_row,
            column,
            f"=SUM({letter}{FIRST_LINE_ROW + 1}:{letter}{last_line + 1})",
            f.euro_total,
            euros(year.totals.costs_cents),
        )
        sheet.write_formula(
            funding_row,
            column,
            f"={funding_cells[offset]}",
            f.euro,
            euros(year.totals.funding_cents),
        )
        sheet.write_formula(
            saldo_row,
            column,
            f"={letter}{funding_row + 1}-{letter}{costs_row + 1}",
            f.euro_bold,
            euros(saldos[offset]),
        )
    totals = (plan.totals.costs_cents, plan.totals.funding_cents, -plan.totals.gap_cents)
    for row, cents in zip((costs_row, funding_row, saldo_row), totals, strict=True):
        first = xl_rowcol_to_cell(row, first_cost_column)
        last = xl_rowcol_to_cell(row, total_column - 1)
        sheet.write_formula(row, total_column, f"=SUM({first}:{last})", f.euro_bold, euros(cents))

    break_even = _write_break_even(
        sheet,
        plan,
        language,
        f,
        saldo_row + 2,
        xl_rowcol_to_cell(costs_row, total_column),
        xl_rowcol_to_cell(funding_row, total_column),
    )
    sheet.set_column(LABEL_COLUMN, LABEL_COLUMN, 34)
    sheet.set_column(STATUTE_COLUMN, STATUTE_COLUMN, 28)
    sheet.set_column(AMOUNT_COLUMN, AMOUNT_COLUMN, 15)
    sheet.set_column(PER_COLUMN, PER_COLUMN, 7)
    sheet.set_column(FIRST_MONTHS_COLUMN, first_cost_column - 1, 11)
    sheet.set_column(first_cost_column, total_column, 15)
    sheet.freeze_panes(FIRST_LINE_ROW, 1)
    return CostsLayout(
        sheet=name,
        year_costs=[
            _quoted(name, xl_rowcol_to_cell(costs_row, first_cost_column + offset))
            for offset in range(count)
        ],
        total_costs=_quoted(name, xl_rowcol_to_cell(costs_row, total_column)),
        break_even=None if break_even is None else _quoted(name, break_even),
    )


def _write_break_even(
    sheet: Worksheet,
    plan: FinancingPlan,
    language: Language,
    f: Formats,
    row: int,
    costs_cell: str,
    funding_cell: str,
) -> str | None:
    """The break-even price block from `row` on; returns its cell, None when no hours are paid
    in cash or by invoice (`financing_plan._break_even`)."""
    words = DOWNLOAD_WORDS[language]
    booking = plan.booking
    if plan.break_even_cents is None or booking.cash_hundredths_of_hours == 0:
        sheet.write(row, LABEL_COLUMN, words["break_even"], f.bold)
        sheet.write(row, AMOUNT_COLUMN, words["no_break_even"])
        return None
    sheet.write(row, LABEL_COLUMN, words["cash_revenue"])
    sheet.write_number(row, AMOUNT_COLUMN, booking.cash_revenue_units / UNITS_PER_EURO, f.euro)
    sheet.write(row + 1, LABEL_COLUMN, words["cash_hours"])
    sheet.write_number(row + 1, AMOUNT_COLUMN, booking.cash_hundredths_of_hours / 100, f.hours)
    revenue = xl_rowcol_to_cell(row, AMOUNT_COLUMN)
    hours = xl_rowcol_to_cell(row + 1, AMOUNT_COLUMN)
    cell = xl_rowcol_to_cell(row + 2, AMOUNT_COLUMN)
    sheet.write(row + 2, LABEL_COLUMN, words["break_even"], f.bold)
    sheet.write_formula(
        row + 2,
        AMOUNT_COLUMN,
        f"=ROUND(({costs_cell}-{funding_cell}+{revenue})/{hours},2)",
        f.euro_bold,
        euros(plan.break_even_cents),
    )
    sheet.write(row + 3, LABEL_COLUMN, words["break_even_formula"], f.italic)
    return cell

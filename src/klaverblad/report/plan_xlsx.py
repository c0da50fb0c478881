"""The plan as an Excel workbook (XlsxWriter) with live formulas. (The Excel template for
importing people is `plan_xlsx_people.py`; its names are re-exported here.)

Sheets of the plan workbook (Dutch names; English in brackets):

* `Jaren` (`Years`): the initiative, horizon, rules version and export date, then a table with
  the leaves as rows and the years as columns. Each leaf cell is a SUMIFS over the lines sheet
  (by year and leaf), funding is a SUM of the leaves, costs are read from the costs sheet and
  the gap is costs − funding; the last column sums the years. Promoters can change a line and
  see the totals follow.
* `Kosten` (`Costs`): the cost lines (wage cost per person, operating costs) with the costs,
  the saldo and the break-even price per year as formulas (`plan_xlsx_costs.py`): change a
  wage and the saldo and the gap follow.
* `Plan`: one row per plan line (year, leaf, measure in words, component, funder, person,
  activity, amount in euros as a number, status in words); below them, apart and outside
  every formula's range, the memo lines (PWA and wijk-werk cheques) under the heading
  "Buiten de rekening van het initiatief" (RULEBOOK §1), when the plan has some.
* `Kasstroom` (`Cash flow`): the plan month by month as cash, the balance as formulas
  (`plan_xlsx_cashflow.py`).
* `Signalen` (`Alerts`): the alerts by their title in words, with what to do.
* `Bronnen` (`Sources`): the parameter values the lines used, their dates, grades, references.

Every formula carries its computed value, so a viewer that does not recalculate still shows
the amounts. A shared plan (`redact=True`) shows people by id only (`report/redaction.py`).
"""

from __future__ import annotations

import io
from datetime import date

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from klaverblad.advice.alerts import Alert
from klaverblad.advice.known_on_words import rules_text
from klaverblad.locale import Language, month_name
from klaverblad.messages import N_, words
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import (
    component_words,
    funder_words,
    measure_words,
    person_label,
)
from klaverblad.report.plan_csv import COLUMNS
from klaverblad.report.plan_sources import STATUS_WORDS, export_date
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.report.plan_xlsx_cashflow import sheet_name, write_cashflow_sheet
from klaverblad.report.plan_xlsx_costs import CostsLayout, write_costs_sheet
from klaverblad.report.plan_xlsx_formats import DATE_FORMAT, EURO_FORMAT, Formats, euros
from klaverblad.report.plan_xlsx_notes import write_alerts, write_sources
from klaverblad.report.plan_xlsx_people import (
    BOOLEAN_FIELDS,
    CHOICES,
    DATE_FIELDS,
    INTEGER_FIELDS,
    NUMBER_FIELDS,
    PERSON_FIELDS,
    REQUIRED_FIELDS,
    people_template_xlsx,
)

# The people template's names that other modules import from here.
__all__ = [
    "BOOLEAN_FIELDS",
    "CHOICES",
    "DATE_FIELDS",
    "DATE_FORMAT",
    "EURO_FORMAT",
    "INTEGER_FIELDS",
    "NUMBER_FIELDS",
    "PERSON_FIELDS",
    "REQUIRED_FIELDS",
    "people_template_xlsx",
    "plan_to_xlsx",
]

WORDS = words(
    N_("xlsx.years_sheet"),
    N_("xlsx.lines_sheet"),
    N_("xlsx.alerts_sheet"),
    N_("xlsx.sources_sheet"),
    N_("xlsx.plan"),
    N_("xlsx.initiative"),
    N_("xlsx.promoter"),
    N_("xlsx.horizon"),
    N_("xlsx.from"),
    N_("xlsx.months"),
    N_("xlsx.rules"),
    N_("xlsx.reforms"),
    N_("xlsx.exported"),
    N_("xlsx.leaf"),
    N_("xlsx.name"),
    N_("xlsx.total"),
    N_("xlsx.funding"),
    N_("xlsx.costs"),
    N_("xlsx.gap"),
    N_("xlsx.break_even"),
    N_("xlsx.note"),
    N_("xlsx.year"),
    N_("xlsx.measure"),
    N_("xlsx.component"),
    N_("xlsx.funder"),
    N_("xlsx.person"),
    N_("xlsx.activity"),
    N_("xlsx.amount"),
    N_("xlsx.status"),
    N_("xlsx.severity"),
    N_("xlsx.alert"),
    N_("xlsx.subject"),
    N_("xlsx.message"),
    N_("xlsx.no_alerts"),
    N_("xlsx.parameter"),
    N_("xlsx.label"),
    N_("xlsx.value"),
    N_("xlsx.unit"),
    N_("xlsx.since"),
    N_("xlsx.grade"),
    N_("xlsx.references"),
    N_("xlsx.used_by"),
    N_("xlsx.no_sources"),
)

# The lines sheet: column letters of the fields the year sheet's formulas read.
# The same columns, in the same order, as the CSV export.
LINE_COLUMNS = COLUMNS
YEAR_COLUMN = xl_col_to_name(LINE_COLUMNS.index("year"))
LEAF_COLUMN = xl_col_to_name(LINE_COLUMNS.index("leaf"))
AMOUNT_COLUMN = xl_col_to_name(LINE_COLUMNS.index("amount"))
# The year sheet: the header of the table is on this row (0-based), leaves right below it.
HEADER_ROW = 7
FIRST_YEAR_COLUMN = 2


def plan_to_xlsx(
    plan: FinancingPlan,
    alerts: list[Alert],
    language: Language = "nl",
    exported: date | None = None,
    redact: bool = False,
) -> bytes:
    """The plan workbook as bytes (see the module's docstring for its sheets)."""
    words = WORDS[language]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties(
        {
            "title": f"{words['plan']}: {plan.initiative.name}",
            "subject": plan.initiative.id,
            "comments": f"{words['rules']} {rules_text(plan.rules_version, plan.system, language)}",
        }
    )
    formats = Formats(workbook)
    years_sheet = workbook.add_worksheet(words["years_sheet"])
    costs_sheet = workbook.add_worksheet(DOWNLOAD_WORDS[language]["costs_sheet"])
    lines_sheet = workbook.add_worksheet(words["lines_sheet"])
    _write_lines(lines_sheet, plan, language, formats, redact)
    costs = write_costs_sheet(
        costs_sheet, plan, language, formats, funding_cells(plan, words["years_sheet"]), redact
    )
    _write_years(years_sheet, plan, language, formats, export_date(exported), costs)
    write_cashflow_sheet(workbook.add_worksheet(sheet_name(language)), plan, language, formats)
    write_alerts(workbook.add_worksheet(words["alerts_sheet"]), alerts, language, formats, words)
    write_sources(workbook.add_worksheet(words["sources_sheet"]), plan, language, formats, words)
    years_sheet.activate()
    workbook.close()
    return buffer.getvalue()


def lines_range(column: str, count: int, sheet: str = "Plan") -> str:
    """An absolute range over the lines of the lines sheet (at least one row, so that a plan
    without lines still gives valid formulas that sum to 0)."""
    last = max(count, 1) + 1
    return f"'{sheet}'!${column}$2:${column}${last}"


def funding_cells(plan: FinancingPlan, sheet: str) -> list[str]:
    """The year sheet's funding cells, one per year (`'Jaren'!C13`), for the costs sheet."""
    row = HEADER_ROW + 1 + len(LEAVES)
    return [
        f"'{sheet}'!{xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN + offset)}"
        for offset in range(len(plan.years))
    ]


def _write_lines(
    sheet: Worksheet, plan: FinancingPlan, language: Language, f: Formats, redact: bool
) -> None:
    words = WORDS[language]
    people = {person.id: person_label(person, redact) for person in plan.initiative.people}
    for column, name in enumerate(LINE_COLUMNS):
        sheet.write(0, column, words[name], f.header)
    for row, line in enumerate(plan.lines, start=1):
        sheet.write_number(row, 0, line.year)
        sheet.write_string(row, 1, line.leaf)
        sheet.write_string(row, 2, measure_words(plan, line.measure, language))
        sheet.write_string(row, 3, component_words(line.component, language))
        sheet.write_string(row, 4, funder_words(line.funder, language))
        sheet.write_string(row, 5, people.get(line.person, line.person) if line.person else "")
        sheet.write_string(row, 6, line.activity or "")
        sheet.write_number(row, 7, euros(line.cents), f.euro)
        sheet.write_string(row, 8, STATUS_WORDS[language][line.status])
    _write_memo_lines(sheet, plan, language, f, people, max(len(plan.lines), 1) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(plan.lines), 1), len(LINE_COLUMNS) - 1)
    for column, width in enumerate((7, 6, 22, 22, 30, 10, 14, 15, 16)):
        sheet.set_column(column, column, width)


def _write_memo_lines(
    sheet: Worksheet,
    plan: FinancingPlan,
    language: Language,
    f: Formats,
    people: dict[str, str],
    first_row: int,
) -> None:
    """The memo lines apart, from `first_row` (below the lines and an empty row, outside the
    ranges the year sheet sums): a heading, a note, the header and one row per memo line."""
    if not plan.memo_lines:
        return
    words = WORDS[language]
    download = DOWNLOAD_WORDS[language]
    sheet.write(first_row, 0, download["memo_title"], f.bold)
    sheet.write(first_row + 1, 0, download["memo_note"], f.italic)
    header = first_row + 2
    for column, name in enumerate(LINE_COLUMNS):
        sheet.write(header, column, words[name], f.header)
    for row, line in enumerate(plan.memo_lines, start=header + 1):
        sheet.write_number(row, 0, line.year)
        sheet.write_string(row, 1, line.leaf)
        sheet.write_string(row, 2, measure_words(plan, line.measure, language))
        sheet.write_string(row, 3, component_words(line.component, language))
        sheet.write_string(row, 4, funder_words(line.funder, language))
        sheet.write_string(row, 5, people.get(line.person, line.person) if line.person else "")
        sheet.write_string(row, 6, line.activity or "")
        sheet.write_number(row, 7, euros(line.cents), f.euro)
        sheet.write_string(row, 8, STATUS_WORDS[language][line.status])


def _write_years(
    sheet: Worksheet,
    plan: FinancingPlan,
    language: Language,
    f: Formats,
    exported: date,
    costs: CostsLayout,
) -> None:
    words = WORDS[language]
    initiative = plan.initiative
    sheet.write(0, 0, f"{words['plan']}: {initiative.name}", f.title)
    sheet.write(1, 0, words["initiative"], f.bold)
    sheet.write(
        1,
        1,
        f"{initiative.id} — {words['promoter']}: {initiative.promoter.name}, "
        f"{initiative.promoter.municipality}",
    )
    sheet.write(2, 0, words["horizon"], f.bold)
    sheet.write(
        2,
        1,
        f"{words['from']} {month_name(plan.first_month, language)}, "
        f"{plan.months} {words['months']}",
    )
    sheet.write(3, 0, words["rules"], f.bold)
    rules = rules_text(plan.rules_version, plan.system, language)
    if plan.reforms:
        rules += f"; {words['reforms'].lower()}: {', '.join(plan.reforms)}"
    sheet.write(3, 1, rules)
    sheet.write(4, 0, words["exported"], f.bold)
    sheet.write_datetime(4, 1, exported, f.date)
    sheet.write(5, 0, words["note"], f.italic)

    lines_name = WORDS[language]["lines_sheet"]
    count = len(plan.lines)
    amounts = lines_range(AMOUNT_COLUMN, count, lines_name)
    years_range = lines_range(YEAR_COLUMN, count, lines_name)
    leaves_range = lines_range(LEAF_COLUMN, count, lines_name)
    header = HEADER_ROW
    sheet.write(header, 0, words["leaf"], f.header)
    sheet.write(header, 1, words["name"], f.header)
    total_column = FIRST_YEAR_COLUMN + len(plan.years)
    for offset, year in enumerate(plan.years):
        sheet.write_number(header, FIRST_YEAR_COLUMN + offset, year.year, f.year)
    sheet.write(header, total_column, words["total"], f.header)
    funding_row = header + 1 + len(LEAVES)
    costs_row, gap_row = funding_row + 1, funding_row + 2
    for index, leaf in enumerate(LEAVES):
        row = header + 1 + index
        sheet.write_string(row, 0, leaf)
        sheet.write_string(row, 1, LEAF_NAMES[language][leaf])
        leaf_cell = xl_rowcol_to_cell(row, 0, col_abs=True)
        for offset, year in enumerate(plan.years):
            year_cell = xl_rowcol_to_cell(header, FIRST_YEAR_COLUMN + offset, row_abs=True)
            sheet.write_formula(
                row,
                FIRST_YEAR_COLUMN + offset,
                f"=SUMIFS({amounts},{years_range},{year_cell},{leaves_range},{leaf_cell})",
                f.euro,
                euros(year.leaves[leaf]),
            )
    sheet.write(funding_row, 1, words["funding"], f.bold)
    sheet.write(costs_row, 1, words["costs"], f.bold)
    sheet.write(gap_row, 1, words["gap"], f.bold)
    for offset, year in enumerate(plan.years):
        column = FIRST_YEAR_COLUMN + offset
        first = xl_rowcol_to_cell(header + 1, column)
        last = xl_rowcol_to_cell(funding_row - 1, column)
        sheet.write_formula(
            funding_row,
            column,
            f"=SUM({first}:{last})",
            f.euro_total,
            euros(year.totals.funding_cents),
        )
        sheet.write_formula(
            costs_row,
            column,
            f"={costs.year_costs[offset]}",
            f.euro,
            euros(year.totals.costs_cents),
        )
        sheet.write_formula(
            gap_row,
            column,
            f"={xl_rowcol_to_cell(costs_row, column)}-{xl_rowcol_to_cell(funding_row, column)}",
            f.euro_bold,
            euros(year.totals.gap_cents),
        )
    totals = [*(plan.leaves[leaf] for leaf in LEAVES), plan.totals.funding_cents]
    totals += [plan.totals.costs_cents]
    for row, cents in zip(range(header + 1, gap_row), totals, strict=True):
        first = xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN)
        last = xl_rowcol_to_cell(row, total_column - 1)
        style = f.euro_total if row == funding_row else f.euro_bold
        sheet.write_formula(row, total_column, f"=SUM({first}:{last})", style, euros(cents))
    sheet.write_formula(
        gap_row,
        total_column,
        f"={xl_rowcol_to_cell(costs_row, total_column)}"
        f"-{xl_rowcol_to_cell(funding_row, total_column)}",
        f.euro_bold,
        euros(plan.totals.gap_cents),
    )
    if plan.break_even_cents is not None and costs.break_even is not None:
        sheet.write(gap_row + 2, 1, words["break_even"], f.bold)
        sheet.write_formula(
            gap_row + 2,
            FIRST_YEAR_COLUMN,
            f"={costs.break_even}",
            f.euro,
            euros(plan.break_even_cents),
        )
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 34)
    sheet.set_column(FIRST_YEAR_COLUMN, total_column, 16)
    sheet.freeze_panes(header + 1, 2)

"""The tables of the plan page as CSV, one file per table ("CSV under every table"), in the
format of `report/plan_csv.py`: a header of field names, `,` between fields and amounts with a
decimal point (`1234.56`) in both languages, so scripts and spreadsheets read them alike; with
a UTF-8 BOM like every table's CSV of the pages (`views/csv_download.py`).

* `totals`: `item` (costs, funding, gap, break_even_per_hour), `label`, `amount` (empty
  when there is none);
* `leaves`: per leaf `leaf` (I..IV), `name`, `amount`, `share` (of the funding, 4 decimals);
* `costs`: the costs table, one row per cost and year: `item` (wage_cost, operating_costs),
  `person` (the person's id for a wage cost), `year`, `amount`;
* `lines-YYYY`: the plan's lines of year YYYY, with the columns of the whole-plan CSV.
"""

from __future__ import annotations

from decimal import Decimal

from klaverblad.locale import Language
from klaverblad.model.money import format_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_csv import COLUMNS, line_row
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.views.csv_download import csv_text
from klaverblad.web.views.plan_gap import cost_table
from klaverblad.web.words.common import WORDS

LINES_PREFIX = "lines-"


def leaves_csv(plan: FinancingPlan, language: Language) -> str:
    """The chart's data table: each leaf's amount and share of the (positive) funding."""
    total = sum(max(plan.leaves.get(leaf, 0), 0) for leaf in LEAVES)
    rows = []
    for leaf in LEAVES:
        cents = plan.leaves.get(leaf, 0)
        share = Decimal(max(cents, 0)) / total if total else Decimal(0)
        rows.append(
            (leaf, LEAF_NAMES[language][leaf], format_cents(cents), f"{share:.4f}"),
        )
    return csv_text(("leaf", "name", "amount", "share"), rows)


def totals_csv(plan: FinancingPlan, language: Language) -> str:
    """Costs, funding, the gap (costs − funding: positive is a shortfall) and the break-even
    price per hour over the whole horizon."""
    words = WORDS[language]
    totals = plan.totals
    break_even = "" if plan.break_even_cents is None else format_cents(plan.break_even_cents)
    rows = [
        ("costs", words["costs"], format_cents(totals.costs_cents)),
        ("funding", words["funding"], format_cents(totals.funding_cents)),
        ("gap", words["gap"], format_cents(totals.gap_cents)),
        ("break_even_per_hour", words["break_even"], break_even),
    ]
    return csv_text(("item", "label", "amount"), rows)


def costs_csv(plan: FinancingPlan, language: Language) -> str:
    """The costs table (`views/plan_gap.cost_table`) in long form: a row per cost and year."""
    table = cost_table(plan, language)
    rows = [
        (
            "wage_cost" if row.person else "operating_costs",
            row.person or "",
            str(year),
            format_cents(cents),
        )
        for row in table.rows
        for year, cents in zip(table.years, row.cents, strict=True)
    ]
    return csv_text(("item", "person", "year", "amount"), rows)


def year_lines_csv(plan: FinancingPlan, year: int) -> str:
    rows = [line_row(line) for line in plan.lines if line.year == year]
    return csv_text(COLUMNS, rows)


def table_names(plan: FinancingPlan) -> list[str]:
    """Every table of the plan page that has a CSV."""
    return ["totals", "leaves", "costs", *(f"{LINES_PREFIX}{y.year}" for y in plan.years)]


def plan_table_csv(plan: FinancingPlan, table: str, language: Language) -> str | None:
    """Table `table` of the plan page as CSV; None when the page has no such table."""
    if table == "leaves":
        return leaves_csv(plan, language)
    if table == "totals":
        return totals_csv(plan, language)
    if table == "costs":
        return costs_csv(plan, language)
    if table.startswith(LINES_PREFIX) and table in table_names(plan):
        return year_lines_csv(plan, int(table.removeprefix(LINES_PREFIX)))
    return None

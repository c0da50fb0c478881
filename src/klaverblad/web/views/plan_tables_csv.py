"""The tables of the plan page as CSV, one file per table ("CSV under every table"), in the
style of the page's language (`views/csv_download.py`, `report/plan_csv.py`):

* Dutch: Dutch headers, every code in words, `;` between fields, decimal commas without a
  thousands separator (`2950,50`) and a UTF-8 BOM;
* English: the field names as headers, codes for the items, `,` and decimal points
  (`1234.56`), no BOM — so scripts read them as before.

The tables (English columns; Dutch in brackets):

* `totals`: `item` (costs, funding, gap, break_even_per_hour), `label`, `amount` (empty when
  there is none) — in Dutch `Omschrijving`, `Bedrag`;
* `leaves`: per leaf `leaf` (I..IV), `name`, `amount`, `share` (of the funding, 4 decimals)
  — `Blad`, `Naam`, `Bedrag`, `Aandeel`;
* `costs`: the costs table, one row per cost and year: `item` (wage_cost, operating_costs),
  `person` (the person's id for a wage cost), `year`, `amount` — `Kostenpost` (Loonkost,
  Werkingskosten), `Persoon` (name, or id on a shared plan), `Jaar`, `Bedrag`;
* `lines-YYYY`: the plan's lines of year YYYY, with the columns of the whole-plan CSV;
* `memo`: the memo lines (PWA and wijk-werk cheques, outside the initiative's accounts), with
  the same columns, when the plan has some.

A shared plan (`redact=True`) names people by id only (`report/redaction.py`).
"""

from __future__ import annotations

from decimal import Decimal

from klaverblad.locale import Language
from klaverblad.model.money import cents_to_decimal, format_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import cost_lines
from klaverblad.report.plan_csv import lines_csv
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.views.certainty_csv import CERTAINTY_TABLES, certainty_table_csv
from klaverblad.web.views.csv_download import csv_text

LINES_PREFIX = "lines-"


def _amount(cents: int, language: Language) -> object:
    """An amount as a cell: a `Decimal` in Dutch (written with a decimal comma), the
    contract's money string in English."""
    return cents_to_decimal(cents) if language == "nl" else format_cents(cents)


def _header(language: Language, *columns: str) -> tuple[str, ...]:
    words = DOWNLOAD_WORDS[language]
    return tuple(words[f"csv_{column}"] for column in columns)


def leaves_csv(plan: FinancingPlan, language: Language) -> str:
    """The chart's data table: each leaf's amount and share of the (positive) funding."""
    total = sum(max(plan.leaves.get(leaf, 0), 0) for leaf in LEAVES)
    rows = []
    for leaf in LEAVES:
        cents = plan.leaves.get(leaf, 0)
        share = Decimal(max(cents, 0)) / total if total else Decimal(0)
        rows.append(
            (leaf, LEAF_NAMES[language][leaf], _amount(cents, language), f"{share:.4f}"),
        )
    header = _header(language, "leaf", "name", "amount", "share")
    return csv_text(header, rows, language)


def totals_csv(plan: FinancingPlan, language: Language) -> str:
    """Costs, funding, the gap (costs − funding: positive is a shortfall) and the break-even
    price per hour over the whole horizon."""
    words = DOWNLOAD_WORDS[language]
    totals = plan.totals
    break_even = "" if plan.break_even_cents is None else _amount(plan.break_even_cents, language)
    rows: list[tuple[object, ...]] = [
        ("costs", words["costs_total"], _amount(totals.costs_cents, language)),
        ("funding", words["funding_total"], _amount(totals.funding_cents, language)),
        ("gap", words["gap"], _amount(totals.gap_cents, language)),
        ("break_even_per_hour", words["break_even"], break_even),
    ]
    if language == "nl":
        return csv_text(_header(language, "item", "amount"), [row[1:] for row in rows], language)
    return csv_text(("item", "label", "amount"), rows, language)


def costs_csv(plan: FinancingPlan, language: Language, redact: bool = False) -> str:
    """The costs table in long form: a row per cost and year; they add up to the plan's
    costs (`report/funder_tables.cost_lines`)."""
    words = DOWNLOAD_WORDS[language]
    years = [year.year for year in plan.years]
    rows = []
    for line in cost_lines(plan, language, redact):
        wage = line.person_id is not None
        if language == "nl":
            item, person = words["wage_cost" if wage else "operating_costs"], line.person or ""
        else:
            item, person = "wage_cost" if wage else "operating_costs", line.person_id or ""
        rows += [
            (item, person, str(year), _amount(cents, language))
            for year, cents in zip(years, line.cents, strict=True)
        ]
    return csv_text(_header(language, "item", "person", "year", "amount"), rows, language)


def year_lines_csv(
    plan: FinancingPlan, year: int, language: Language | None = None, redact: bool = False
) -> str:
    """The plan's lines of `year` (without a language: the default style)."""
    return lines_csv(plan, [line for line in plan.lines if line.year == year], language, redact)


MEMO_TABLE = "memo"


def table_names(plan: FinancingPlan) -> list[str]:
    """Every table of the plan page that has a CSV."""
    memo = [MEMO_TABLE] if plan.memo_lines else []
    years = [f"{LINES_PREFIX}{y.year}" for y in plan.years]
    return ["totals", "leaves", "costs", *CERTAINTY_TABLES, *years, *memo]


def plan_table_csv(
    plan: FinancingPlan, table: str, language: Language, redact: bool = False
) -> str | None:
    """Table `table` of the plan page as CSV; None when the page has no such table."""
    if table == "leaves":
        return leaves_csv(plan, language)
    if table == "totals":
        return totals_csv(plan, language)
    if table == "costs":
        return costs_csv(plan, language, redact)
    if table.startswith(LINES_PREFIX) and table in table_names(plan):
        return year_lines_csv(plan, int(table.removeprefix(LINES_PREFIX)), language, redact)
    if table in CERTAINTY_TABLES:
        return certainty_table_csv(plan, table, language)
    if table == MEMO_TABLE and plan.memo_lines:
        return lines_csv(plan, plan.memo_lines, language, redact)
    return None

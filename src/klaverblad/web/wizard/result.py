"""The wizard's result panel: the plan of the draft as it stands — the gap in one sentence
(views/plan_gap.gap_headline, through summary_context), the costs against the funding per year
(views/gap_chart.py), the cloverleaf and its table, funding per leaf, costs, the gap
(tekort/overschot), the break-even price, the alerts, the statute each person gets, and per
year — or, when the draft cannot be computed yet, the fields to fill in or correct, by name.
Also the panel's tables as CSV.

The CSV follows `report/plan_csv.py`: ',' between columns, a decimal point, machine-readable
column names.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from klaverblad.locale import Language, money
from klaverblad.model import Initiative
from klaverblad.model.money import format_cents
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.csv_cells import csv_writer
from klaverblad.web.views.gap_chart import gap_chart
from klaverblad.web.views.plan import gap_words, summary_context
from klaverblad.web.wizard.choices import choice_label

CSV_TABLES = ("totals", "leaves", "statutes", "years")


@dataclass(frozen=True)
class YearRow:
    year: int
    leaves: list[str]
    funding: str
    costs: str
    gap: str
    gap_cents: int


def _signed_gap(cents: int, language: Language) -> str:
    label, amount = gap_words(cents, language)
    return f"{label} {amount}" if cents else label


def result_context(
    plan: FinancingPlan, words: dict[str, str], language: Language
) -> dict[str, Any]:
    """Everything wizard_result.html shows of a computed plan."""
    summary = summary_context(plan, language, chart_id="wizard-chart")
    return {
        "computed": True,
        **summary,
        "gap_chart": gap_chart(plan, language, chart_id="wizard-gap"),
        "statutes": [
            {
                "id": person.id,
                "statute": choice_label(words, "statute", person.statute),
                "chosen_by": words["chosen_best" if person.chosen_by == "best" else "chosen_file"],
            }
            for person in plan.people
        ],
        "years": [
            YearRow(
                year.year,
                [money(year.leaves.get(leaf, 0), language) for leaf in LEAVES],
                money(year.totals.funding_cents, language),
                money(year.totals.costs_cents, language),
                _signed_gap(year.totals.gap_cents, language),
                year.totals.gap_cents,
            )
            for year in plan.years
        ],
        "live": f"{summary['gap_label']}: {summary['gap_amount']}",
        "rules_version": plan.rules_version,
    }


def plan_of(initiative: Initiative) -> FinancingPlan:
    return compute_plan(initiative)


def plan_csv(plan: FinancingPlan, table: str) -> str:
    """One of the panel's tables (`CSV_TABLES`) as CSV, amounts as CONTRACT §4 money strings."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    if table == "totals":
        writer.writerow(("costs", "funding", "gap", "break_even_price"))
        break_even = "" if plan.break_even_cents is None else format_cents(plan.break_even_cents)
        writer.writerow(
            (
                format_cents(plan.totals.costs_cents),
                format_cents(plan.totals.funding_cents),
                format_cents(plan.totals.gap_cents),
                break_even,
            )
        )
    elif table == "leaves":
        writer.writerow(("leaf", "amount"))
        for leaf in LEAVES:
            writer.writerow((leaf, format_cents(plan.leaves.get(leaf, 0))))
    elif table == "statutes":
        writer.writerow(("person", "statute", "chosen_by"))
        for person in plan.people:
            writer.writerow((person.id, person.statute, person.chosen_by))
    else:
        writer.writerow(("year", *LEAVES, "funding", "costs", "gap"))
        for year in plan.years:
            writer.writerow(
                (
                    year.year,
                    *(format_cents(year.leaves.get(leaf, 0)) for leaf in LEAVES),
                    format_cents(year.totals.funding_cents),
                    format_cents(year.totals.costs_cents),
                    format_cents(year.totals.gap_cents),
                )
            )
    return buffer.getvalue()

"""The plan's lines as CSV: one row per line, amounts with a decimal point (machine-readable),
followed by nothing else so that spreadsheets and scripts read it as one table. Text that a
spreadsheet would run as a formula (a name beginning with `=`) is escaped (`csv_cells`)."""

from __future__ import annotations

import io

from klaverblad.model.money import format_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import Line
from klaverblad.report.csv_cells import csv_writer

COLUMNS = (
    "year",
    "leaf",
    "measure",
    "component",
    "funder",
    "person",
    "activity",
    "amount",
    "status",
)


def line_row(line: Line) -> tuple[object, ...]:
    """One plan line as a CSV row, in the order of `COLUMNS`."""
    return (
        line.year,
        line.leaf,
        line.measure,
        line.component,
        line.funder,
        line.person or "",
        line.activity or "",
        format_cents(line.cents),
        line.status,
    )


def plan_to_csv(plan: FinancingPlan) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(COLUMNS)
    for line in plan.lines:
        writer.writerow(line_row(line))
    return buffer.getvalue()

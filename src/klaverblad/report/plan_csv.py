"""The plan's lines as CSV: one row per line, followed by nothing else so that spreadsheets and
scripts read it as one table. Text that a spreadsheet would run as a formula (a name beginning
with `=`) is escaped (`csv_cells`).

Two styles (issue 10, item 10):

* the default (no language, or English): the contract's field names as headers (`COLUMNS`),
  codes as values, `,` between fields, amounts with a decimal point (`4000.00`), no BOM — for
  scripts, and what `klaverblad plan --format csv` writes;
* Dutch (`language="nl"`), for a spreadsheet in Dutch (Belgian) settings: Dutch headers,
  the leaf, measure, component and status in words, people and activities by name (a shared
  plan, `redact=True`: people by id), `;` between fields, decimal commas without a thousands
  separator (`2950,50`) and a UTF-8 BOM so that the accents read well.

The memo lines (PWA and wijk-werk cheques, RULEBOOK §1) are no part of the plan's money: when
there are some, `plan_to_csv` writes them apart below the lines — an empty row, a row with the
heading "buiten de rekening van het initiatief" (`MEMO_HEADING` in the default style), the
header again and the memo lines in the same columns — so that the first table still sums to
the plan's funding.
"""

from __future__ import annotations

import io

from klaverblad.locale import Language
from klaverblad.model.money import cents_to_decimal, format_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import Line
from klaverblad.report.csv_cells import csv_writer
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import (
    activity_label,
    component_words,
    measure_words,
    person_label,
)
from klaverblad.report.plan_sources import STATUS_WORDS
from klaverblad.report.plan_table import LEAF_NAMES

BOM = "\ufeff"
# The heading of the memo lines in the default style (for scripts: the contract's key first).
MEMO_HEADING = (
    "memo_lines: buiten de rekening van het initiatief (outside the initiative's accounts)"
)
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
    """One plan line as a CSV row of the default style, in the order of `COLUMNS`."""
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


def dutch_header() -> tuple[str, ...]:
    """The Dutch names of `COLUMNS`."""
    words = DOWNLOAD_WORDS["nl"]
    return tuple(words[f"csv_{column}"] for column in COLUMNS)


class DutchLines:
    """Plan lines as rows of the Dutch style: every code in words, the amount a `Decimal`
    (written with a decimal comma by `csv_writer(..., "nl")`)."""

    def __init__(self, plan: FinancingPlan, redact: bool = False) -> None:
        initiative = plan.initiative
        self._plan = plan
        self._names = {a.id: activity_label(a) for a in initiative.activities}
        self._names.update({p.id: person_label(p, redact) for p in initiative.people})

    def row(self, line: Line) -> tuple[object, ...]:
        names = self._names
        return (
            line.year,
            LEAF_NAMES["nl"][line.leaf],
            measure_words(self._plan, line.measure, "nl"),
            component_words(line.component, "nl"),
            line.funder,
            names.get(line.person, line.person) if line.person else "",
            names.get(line.activity, line.activity) if line.activity else "",
            cents_to_decimal(line.cents),
            STATUS_WORDS["nl"][line.status],
        )


def lines_csv(
    plan: FinancingPlan,
    lines: list[Line],
    language: Language | None = None,
    redact: bool = False,
) -> str:
    """`lines` of `plan` as CSV in the style of `language` (see the module's text)."""
    buffer = io.StringIO()
    if language != "nl":
        writer = csv_writer(buffer)
        writer.writerow(COLUMNS)
        writer.writerows(line_row(line) for line in lines)
        return buffer.getvalue()
    writer = csv_writer(buffer, "nl")
    writer.writerow(dutch_header())
    dutch = DutchLines(plan, redact)
    writer.writerows(dutch.row(line) for line in lines)
    return BOM + buffer.getvalue()


def memo_csv(plan: FinancingPlan, language: Language | None = None, redact: bool = False) -> str:
    """The memo lines apart: an empty row, the heading, the header and the memo lines in the
    style of `language` (no BOM: it follows the lines); empty without memo lines."""
    if not plan.memo_lines:
        return ""
    buffer = io.StringIO()
    dutch = language == "nl"
    writer = csv_writer(buffer, "nl" if dutch else None)
    writer.writerow(())
    writer.writerow((DOWNLOAD_WORDS["nl"]["memo_title"] if dutch else MEMO_HEADING,))
    if dutch:
        writer.writerow(dutch_header())
        rows = DutchLines(plan, redact)
        writer.writerows(rows.row(line) for line in plan.memo_lines)
    else:
        writer.writerow(COLUMNS)
        writer.writerows(line_row(line) for line in plan.memo_lines)
    return buffer.getvalue()


def plan_to_csv(plan: FinancingPlan, language: Language | None = None, redact: bool = False) -> str:
    """Every line of the plan as CSV: the default style, or the Dutch one for `"nl"`; the
    memo lines apart below them (see the module's text)."""
    return lines_csv(plan, plan.lines, language, redact) + memo_csv(plan, language, redact)

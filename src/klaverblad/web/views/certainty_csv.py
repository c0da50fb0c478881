"""The tables of "Hoe zeker is dit plan?" as CSV ("CSV under every table"), in the style of the
page's language (`views/csv_download.py`): Dutch headers, grades in words and decimal commas
on a Dutch page; field names, grade codes and the contract's money strings on an English one.

* `certainty-grades`: per grade (H, M, L, entered) `grade`, `amount` and `share` of the funding
  (4 decimals) — they add up to the plan's funding;
* `certainty-parameters`: the five parameters carrying the most money: `parameter` (its path;
  not in Dutch), `label`, `grade`, `amount`, and where a range is documented `range_low`,
  `range_high`, `gap_low`, `gap_high` and `reason` (the tornado chart's data).

Parameters and amounts only, never a person: the same on a share link.
"""

from __future__ import annotations

from decimal import Decimal

from klaverblad.advice.certainty import GRADES, Certainty, plan_certainty
from klaverblad.advice.certainty_words import CERTAINTY_WORDS
from klaverblad.locale import Language
from klaverblad.model.money import cents_to_decimal, format_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.plan_sources import grade_text
from klaverblad.web.views.csv_download import csv_text

GRADES_TABLE = "certainty-grades"
PARAMETERS_TABLE = "certainty-parameters"
CERTAINTY_TABLES = (GRADES_TABLE, PARAMETERS_TABLE)


def _amount(cents: int, language: Language) -> object:
    return cents_to_decimal(cents) if language == "nl" else format_cents(cents)


def _value(value: float, language: Language) -> object:
    """A range's end as a cell: a `Decimal` in Dutch (a decimal comma), the number in English."""
    return Decimal(str(value)) if language == "nl" else value


def grades_csv(certainty: Certainty, language: Language) -> str:
    """The funding per grade and its share."""
    w = CERTAINTY_WORDS[language]
    funding = certainty.funding_cents
    rows = []
    for grade in GRADES:
        cents = certainty.cents_by_grade[grade]
        share = Decimal(cents) / funding if funding else Decimal(0)
        name = grade_text(grade, language) if language == "nl" else grade
        rows.append((name, _amount(cents, language), f"{share:.4f}"))
    if language == "nl":
        header: tuple[str, ...] = (w["col_grade"], w["col_amount"], w["col_share"])
    else:
        header = ("grade", "amount", "share")
    return csv_text(header, rows, language)


def parameters_csv(certainty: Certainty, language: Language) -> str:
    """The parameters carrying the most money, with their range and the gap at its ends."""
    w = CERTAINTY_WORDS[language]
    rows = []
    for weight in certainty.parameters:
        span = weight.range
        ranged = (
            ("", "", "", "", "")
            if span is None
            else (
                _value(span.low, language),
                _value(span.high, language),
                _amount(span.gap_low_cents, language),
                _amount(span.gap_high_cents, language),
                span.reason,
            )
        )
        if language == "nl":
            row: tuple[object, ...] = (weight.label, grade_text(weight.grade, language))
        else:
            row = (weight.path, weight.label, weight.grade)
        rows.append((*row, _amount(weight.cents, language), *ranged))
    if language == "nl":
        header: tuple[str, ...] = (
            w["col_parameter"],
            w["col_grade"],
            w["col_resting"],
            w["csv_range_low"],
            w["csv_range_high"],
            w["col_gap_low"],
            w["col_gap_high"],
            w["csv_reason"],
        )
    else:
        header = (
            "parameter",
            "label",
            "grade",
            "amount",
            "range_low",
            "range_high",
            "gap_low",
            "gap_high",
            "reason",
        )
    return csv_text(header, rows, language)


def certainty_table_csv(plan: FinancingPlan, table: str, language: Language) -> str | None:
    """Table `table` of the section as CSV; None for a table the section does not have."""
    if table not in CERTAINTY_TABLES:
        return None
    certainty = plan_certainty(plan, language)
    if table == GRADES_TABLE:
        return grades_csv(certainty, language)
    return parameters_csv(certainty, language)

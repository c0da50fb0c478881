"""The words of "How sure is this plan?", the one way the terminal table, the PDF and the
plan page say it: the sentence ("€ 34.085,19 van de € 147.545,19 rust op gereconstrueerde waarden
(L)"), the funding per grade with its share, and the parameters carrying the most money with
their grade in words and, where a range is documented, the gap at its low and high end. Money
in the locale's way (`locale.money`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.numbers import format_percent

from klaverblad.advice.certainty import GRADES, Certainty
from klaverblad.locale import BABEL_LOCALE, Language, money
from klaverblad.messages import N_, words
from klaverblad.report.parameter_values import value_text
from klaverblad.report.plan_sources import grade_text
from klaverblad.rules.by_month import leaf

CERTAINTY_WORDS = words(
    N_("certainty.title"),
    N_("certainty.sentence"),
    N_("certainty.no_funding"),
    N_("certainty.shares_caption"),
    N_("certainty.col_grade"),
    N_("certainty.col_amount"),
    N_("certainty.col_share"),
    N_("certainty.parameters_caption"),
    N_("certainty.col_parameter"),
    N_("certainty.col_resting"),
    N_("certainty.col_range"),
    N_("certainty.col_gap_low"),
    N_("certainty.col_gap_high"),
    N_("certainty.no_range"),
    N_("certainty.range_from_to"),
    N_("certainty.reasons"),
    N_("certainty.tornado_caption"),
    N_("certainty.tornado_note"),
    N_("certainty.csv_range_low"),
    N_("certainty.csv_range_high"),
    N_("certainty.csv_reason"),
    N_("certainty.chart_data"),
)


@dataclass(frozen=True)
class Varied:
    """A parameter varied over its documented range, for the tornado chart."""

    label: str
    range_text: str
    reason: str
    gap_low_cents: int
    gap_high_cents: int


def certainty_view(
    certainty: Certainty, gap_cents: int, system: Any, language: Language = "nl"
) -> dict[str, Any]:
    """What every output shows: `sentence`, `shares` (grade, amount, share), `parameters`
    (label, grade, amount, range, its reason, gaps) and `varied` (the tornado's bars, widest
    first)."""
    w = CERTAINTY_WORDS[language]
    funding = certainty.funding_cents

    def share(cents: int) -> str:
        if funding == 0:
            return "—"
        return format_percent(cents / funding, "#,##0.0%", locale=BABEL_LOCALE[language])

    sentence = (
        w["sentence"].format(
            amount=money(certainty.cents_by_grade["L"], language),
            funding=money(funding, language),
        )
        if funding
        else w["no_funding"]
    )
    parameters: list[dict[str, str]] = []
    varied: list[Varied] = []
    for weight in certainty.parameters:
        range_text, gap_low, gap_high, reason = w["no_range"], "", "", ""
        if weight.range is not None:
            metadata = leaf(system.parameters, weight.path).metadata or {}
            unit, period = metadata.get("unit"), metadata.get("period")
            range_text = w["range_from_to"].format(
                low=value_text(weight.range.low, unit, period, language),
                high=value_text(weight.range.high, unit, period, language),
            )
            reason = weight.range.reason
            gap_low = money(weight.range.gap_low_cents, language)
            gap_high = money(weight.range.gap_high_cents, language)
            varied.append(
                Varied(
                    weight.label,
                    range_text,
                    reason,
                    weight.range.gap_low_cents,
                    weight.range.gap_high_cents,
                )
            )
        parameters.append(
            {
                "label": weight.label,
                "grade": grade_text(weight.grade, language),
                "amount": money(weight.cents, language),
                "range": range_text,
                "reason": reason,
                "gap_low": gap_low,
                "gap_high": gap_high,
            }
        )
    varied.sort(key=lambda bar: -abs(bar.gap_high_cents - bar.gap_low_cents))
    return {
        "words": w,
        "sentence": sentence,
        "shares": [
            {
                "grade": grade_text(grade, language),
                "amount": money(certainty.cents_by_grade[grade], language),
                "share": share(certainty.cents_by_grade[grade]),
            }
            for grade in GRADES
        ],
        "parameters": parameters,
        "varied": varied,
        "gap": money(gap_cents, language),
    }

"""The funder's sections of the PDF (issue 10, item 10), ready for `templates/plan_pdf.html`:
the initiative (description, municipality, kind of service, recognitions), the staff,
the activities, the cost budget per year and the funding per source and year with the saldo.
The amounts come from `report/funder_tables.py` in cents and are formatted here, in nl-BE
(`€ 1.234,56`, `0,5`) or English; every code is in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from klaverblad.advice.certainty import plan_certainty
from klaverblad.advice.certainty_words import certainty_view
from klaverblad.locale import Language, money, number
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import (
    activity_rows,
    cost_lines,
    funding_rows,
    initiative_facts,
    staff_rows,
    year_saldos,
)
from klaverblad.report.tornado_chart import tornado, tornado_svg

# A table with an amount per year shows at most this many years side by side (then the
# next years in a table below it, the total with the last years), so that it fits on A4.
YEARS_PER_TABLE = 4
# A staff or activity table of at most this many rows is kept on one page with its heading.
KEEP_ROWS = 15


@dataclass(frozen=True)
class MoneyRow:
    """A row of a table with an amount per year and a total: its label cells, the amounts,
    and a kind for the style (`line`, `total`, `saldo`)."""

    labels: list[str]
    cells: list[str]
    kind: str = "line"


def short_day(value: date, language: Language) -> str:
    """d/MM/yyyy in Dutch (ux.md §2.2), ISO in English.

    >>> short_day(date(2006, 1, 1), "nl"), short_day(date(2006, 1, 1), "en")
    ('1/01/2006', '2006-01-01')
    """
    return value.isoformat() if language == "en" else f"{value.day}/{value:%m/%Y}"


@dataclass(frozen=True)
class YearChunk:
    """The years one table shows: `cells[start:stop]` of each row (the total with the last)."""

    years: list[int]
    start: int
    stop: int
    total: bool
    title: str


def year_chunks(years: list[int]) -> list[YearChunk]:
    """The years in tables of at most `YEARS_PER_TABLE` columns, the total in the last.

    >>> [(c.years, c.start, c.stop, c.total) for c in year_chunks([2006, 2007])]
    [([2006, 2007], 0, 3, True)]
    >>> [(c.title, c.start, c.stop) for c in year_chunks(list(range(2006, 2013)))]
    [('2006–2009', 0, 4), ('2010–2012', 4, 8)]
    """
    chunks = []
    for start in range(0, len(years), YEARS_PER_TABLE):
        shown = years[start : start + YEARS_PER_TABLE]
        last = start + len(shown) == len(years)
        chunks.append(
            YearChunk(
                years=shown,
                start=start,
                stop=start + len(shown) + (1 if last else 0),
                total=last,
                title=f"{shown[0]}–{shown[-1]}" if len(shown) > 1 else str(shown[0]),
            )
        )
    return chunks


def _money_row(
    labels: list[str], cents: list[int], language: Language, kind: str = "line"
) -> MoneyRow:
    cells = [money(amount, language) for amount in cents] + [money(sum(cents), language)]
    return MoneyRow(labels, cells, kind)


def _in_service(start: date, end: date | None, language: Language) -> str:
    words = DOWNLOAD_WORDS[language]
    if end is None:
        return words["from_day"].format(start=short_day(start, language))
    return words["from_to_day"].format(
        start=short_day(start, language), end=short_day(end, language)
    )


def _about(plan: FinancingPlan, language: Language) -> dict[str, Any]:
    words = DOWNLOAD_WORDS[language]
    facts = initiative_facts(plan, language)
    return {
        "description": facts.description,
        "municipality": facts.municipality,
        "service_kinds": ", ".join(facts.service_kinds) or words["no_activities_short"],
        "recognitions": ", ".join(facts.recognitions) or words["no_recognitions"],
    }


def _staff(plan: FinancingPlan, language: Language, redact: bool) -> list[dict[str, str]]:
    words = DOWNLOAD_WORDS[language]
    return [
        {
            "label": row.label,
            "role": row.role,
            "fte": number(row.fte, language),
            "statute": row.statute,
            "best": words["best_statute"] if row.chosen_as_best else "",
            "in_service": _in_service(row.start, row.end, language),
            "monthly": money(row.monthly_cents, language),
            "yearly": money(row.yearly_cents, language),
        }
        for row in staff_rows(plan, language, redact)
    ]


def _activities(plan: FinancingPlan, language: Language) -> list[dict[str, str]]:
    return [
        {
            "label": row.label,
            "kind": row.kind,
            "clients": row.clients,
            "hours": number(row.hours_per_month, language),
            "price": money(row.price_cents, language)
            if row.price_cents is not None
            else row.price_words or "",
            "price_is_words": "text" if row.price_cents is None else "",
            "payment": row.payment,
        }
        for row in activity_rows(plan, language)
    ]


def funder_sections(plan: FinancingPlan, language: Language, redact: bool) -> dict[str, Any]:
    """The template's context for the funder's sections (`dw` holds their words)."""
    words = DOWNLOAD_WORDS[language]
    costs = [
        _money_row([line.label], line.cents, language)
        for line in cost_lines(plan, language, redact)
    ]
    year_costs = [year.totals.costs_cents for year in plan.years]
    costs.append(_money_row([words["costs_total"]], year_costs, language, "total"))
    funding = [
        _money_row([row.source, row.funder], row.cents, language)
        for row in funding_rows(plan, language)
    ]
    funding += [
        _money_row(
            [words["funding_total"]],
            [year.totals.funding_cents for year in plan.years],
            language,
            "total",
        ),
        _money_row([words["costs_total"]], year_costs, language, "costs"),
        _money_row([words["saldo"]], year_saldos(plan), language, "saldo"),
    ]
    return {
        "dw": words,
        "about": _about(plan, language),
        "staff": _staff(plan, language, redact),
        "redacted": redact,
        "activities": _activities(plan, language),
        "budget_rows": costs,
        "funding_rows": funding,
        "year_chunks": year_chunks([year.year for year in plan.years]),
        "keep_rows": KEEP_ROWS,
    }


def certainty_section(plan: FinancingPlan, language: Language) -> dict[str, Any]:
    """The section "Hoe zeker is dit plan?" (docs/certainty.md), as the plan page and the
    table say it: the sentence, the funding per grade and the five parameters with their range
    and the gap at its ends. Parameters and amounts only: the same in a redacted PDF."""
    certainty = plan_certainty(plan, language)
    view = certainty_view(certainty, plan.totals.gap_cents, plan.system, language)
    chart_svg = None
    if view["varied"]:
        title = view["words"]["tornado_caption"]
        chart = tornado(view["varied"], plan.totals.gap_cents, title, language)
        chart_svg = Markup(tornado_svg(chart, chart_id="tornado-pdf"))
    return {**view, "chart_svg": chart_svg}

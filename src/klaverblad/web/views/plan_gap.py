"""The gap in view: the headline sentence (the gap per year and per month of the horizon),
the saldo of each year, and the costs of the plan per person and year.

Amounts stay exact (integer cents, units of the money grid, fractions) and are rounded half up
to the cent only when shown."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy

from klaverblad.locale import Language, money
from klaverblad.model.money import euros_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.web.views.gap_chart import GapChart, gap_chart
from klaverblad.web.words.gap import GAP_WORDS


def round_half_up(value: Fraction) -> int:
    """A fraction of cents as whole cents, halves away from zero."""
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if 2 * rest >= value.denominator:
        whole += 1
    return -whole if value < 0 else whole


def gap_headline(gap_cents: int, months: int, language: Language) -> str:
    """The sentence "Je komt € … per jaar tekort — € … per maand": the gap × 12 / months and
    the gap / months of a plan over `months` months; a surplus for a negative gap; none for
    zero."""
    words = GAP_WORDS[language]
    if gap_cents == 0:
        return words["headline_balanced"]
    per_month = Fraction(abs(gap_cents), months)
    key = "headline_shortfall" if gap_cents > 0 else "headline_surplus"
    return words[key].format(
        per_year=money(round_half_up(per_month * 12), language),
        per_month=money(round_half_up(per_month), language),
    )


def year_saldos(plan: FinancingPlan) -> dict[int, int]:
    """Funding − costs of every year of the plan, in cents (together: −gap)."""
    return {year.year: year.totals.funding_cents - year.totals.costs_cents for year in plan.years}


@dataclass(frozen=True)
class CostRow:
    """One row of the costs table: a person (by id) or the operating costs, per year."""

    label: str
    person: str | None
    cents: list[int]
    amounts: list[str]
    total: str


@dataclass(frozen=True)
class CostTable:
    years: list[int]
    rows: list[CostRow]
    year_totals: list[str]
    total: str
    # The costs against the funding per year (views/gap_chart.py). It travels with the costs
    # table because plan_context passes this table to plan.html; plan.html reads it as
    # `cost_table.chart` unless the context gives `gap_chart` itself.
    chart: GapChart | None = None


def _row(label: str, person: str | None, units: list[int], language: Language) -> CostRow:
    """A row from exact amounts per year (units), each shown rounded to the cent; its total
    is the sum of the shown amounts, as the plan's totals are (financing_plan._summarise)."""
    cents = [to_cents(amount) for amount in units]
    return CostRow(
        label=label,
        person=person,
        cents=cents,
        amounts=[money(amount, language) for amount in cents],
        total=money(sum(cents), language),
    )


def cost_table(plan: FinancingPlan, language: Language) -> CostTable:
    """The plan's costs as the plan books them (RULEBOOK §4): per person the monthly wage
    cost times the months the rules count them employed, and the operating costs (a twelfth
    of the yearly amount each month), per year; the totals are the plan's own. People appear
    by id only. With it, the chart of the costs against the funding per year."""
    words = GAP_WORDS[language]
    initiative = plan.initiative
    month_years = plan.month_indexes // 12
    years = [year.year for year in plan.years]
    rows: list[CostRow] = []
    employed = plan.statutes.employed if plan.statutes is not None else None
    for index, person in enumerate(initiative.people):
        wage = euros_to_units(person.monthly_wage_cost)
        months = employed[index] if employed is not None else numpy.zeros(plan.months)
        units = [wage * int(months[month_years == year].astype(int).sum()) for year in years]
        label = words["wage_cost_of"].format(person=person.id)
        rows.append(_row(label, person.id, units, language))
    operating = euros_to_units(initiative.costs.operating_per_year) // 12
    units = [operating * int((month_years == year).sum()) for year in years]
    rows.append(_row(words["operating_costs"], None, units, language))
    return CostTable(
        years=years,
        rows=rows,
        year_totals=[money(year.totals.costs_cents, language) for year in plan.years],
        total=money(plan.totals.costs_cents, language),
        chart=gap_chart(plan, language, chart_id="plan-gap"),
    )

"""The tables behind the funder-ready downloads add up to the plan to the cent (costs per
person and year, funding per source and year) and name every measure and statute in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.funder_tables import (
    cost_lines,
    funding_rows,
    measure_words,
    year_saldos,
)
from klaverblad.rules.catalogue import MEASURES

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENGLISH = re.compile(r"\b(leaf|client|other|entered|payments?|agreements?|support|grant)\b", re.I)


@pytest.fixture(scope="module", params=sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def plan(request: pytest.FixtureRequest) -> FinancingPlan:
    return compute_plan(load_initiative(request.param))


def test_the_cost_lines_add_up_to_each_years_costs(plan: FinancingPlan) -> None:
    lines = cost_lines(plan, "nl")
    assert len(lines) == len(plan.initiative.people) + 1
    for index, year in enumerate(plan.years):
        assert sum(line.cents[index] for line in lines) == year.totals.costs_cents


def test_the_funding_rows_add_up_to_each_years_funding(plan: FinancingPlan) -> None:
    rows = funding_rows(plan, "nl")
    for index, year in enumerate(plan.years):
        assert sum(row.cents[index] for row in rows) == year.totals.funding_cents
    saldos = year_saldos(plan)
    assert sum(saldos) == -plan.totals.gap_cents


def test_a_wage_line_is_the_monthly_wage_times_the_months_employed(plan: FinancingPlan) -> None:
    for person, line in zip(plan.initiative.people, cost_lines(plan, "nl"), strict=False):
        assert line.amount_cents == int(person.monthly_wage_cost * 100)
        assert line.cents == [line.amount_cents * months for months in line.months]
        assert all(0 <= months <= 12 for months in line.months)


@pytest.mark.parametrize("code", [*MEASURES, "regular"])
def test_every_measure_and_statute_has_words_in_both_languages(code: str) -> None:
    plan = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    dutch, english = measure_words(plan, code, "nl"), measure_words(plan, code, "en")
    assert english and dutch != code and "_" not in dutch
    # The catalogue's labels are English ("Client payments in cash or by invoice"): a Dutch
    # file shows the Dutch name instead.
    assert not ENGLISH.search(dutch), dutch

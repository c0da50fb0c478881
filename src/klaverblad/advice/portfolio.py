"""A portfolio: many initiatives planned in one vectorised simulation, summed per initiative,
funder, leaf and year; with a reform, baseline, reform and difference side by side, and which
initiatives gain or lose (issue step 2, item 5)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model import Initiative
from klaverblad.model.months import parse_month
from klaverblad.plan.deadline import check_deadline
from klaverblad.plan.financing_plan import FinancingPlan, Horizon, compute_plans
from klaverblad.plan.ledger import LEAVES

SCHEMA = "klaverblad.portfolio/1"


@dataclass(frozen=True)
class Figures:
    """Costs, funding and gap in cents."""

    costs: int = 0
    funding: int = 0

    @property
    def gap(self) -> int:
        return self.costs - self.funding

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.costs + other.costs, self.funding + other.funding)


@dataclass
class Summary:
    """One scenario's sums; every figure is a sum of the plans' reported (rounded) amounts,
    so the portfolio reconciles to the cent with the plans."""

    initiatives: dict[str, Figures] = field(default_factory=dict)
    funders: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    leaves: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEAVES, 0))
    years: dict[int, Figures] = field(default_factory=dict)
    funder_years: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    leaf_years: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    total: Figures = Figures()


def summarise(plans: Iterable[FinancingPlan], summary: Summary | None = None) -> Summary:
    """The sums of `plans`, added to `summary` if given (a portfolio sums chunk by chunk)."""
    summary = summary if summary is not None else Summary()
    for plan in plans:
        check_deadline()
        figures = Figures(plan.totals.costs_cents, plan.totals.funding_cents)
        summary.initiatives[plan.initiative.id] = figures
        summary.total = summary.total + figures
        # Only the plan's lines: its memo lines (PWA and wijk-werk cheques) are outside the
        # initiative's accounts and count in no total of the portfolio (CONTRACT §4).
        for line in plan.lines:
            summary.funders[line.funder] += line.cents
            summary.leaves[line.leaf] += line.cents
            summary.funder_years[(line.funder, line.year)] += line.cents
            summary.leaf_years[(line.leaf, line.year)] += line.cents
        for year in plan.years:
            previous = summary.years.get(year.year, Figures())
            summary.years[year.year] = previous + Figures(
                year.totals.costs_cents, year.totals.funding_cents
            )
    return summary


@dataclass
class Portfolio:
    initiatives: list[Initiative]
    baseline: Summary
    reform: Summary | None
    reforms: tuple[str, ...]
    rules_version: str
    reform_rules_version: str | None

    def change(self, initiative_id: str) -> int:
        """Funding under the reform minus baseline funding, in cents (0 without a reform)."""
        if self.reform is None:
            return 0
        return (
            self.reform.initiatives[initiative_id].funding
            - self.baseline.initiatives[initiative_id].funding
        )

    def funder_changes(self) -> dict[str, int]:
        """Per funder of either scenario, what it pays under the reform minus what it pays
        under the baseline, in cents, by funder name (empty without a reform): who pays more
        and who pays less. They sum to the total change in funding."""
        if self.reform is None:
            return {}
        base, reform = self.baseline.funders, self.reform.funders
        return {
            funder: reform.get(funder, 0) - base.get(funder, 0)
            for funder in sorted(set(base) | set(reform))
        }

    def gaining(self) -> list[str]:
        return [i.id for i in self.initiatives if self.change(i.id) > 0]

    def losing(self) -> list[str]:
        return [i.id for i in self.initiatives if self.change(i.id) < 0]


def compute_portfolio(
    initiatives: list[Initiative],
    baseline: TaxBenefitSystem,
    reform: TaxBenefitSystem | None = None,
    reforms: tuple[str, ...] = (),
    progress: Callable[[int], None] | None = None,
) -> Portfolio:
    """Plan every initiative over its own horizon, under the baseline and, if given, the
    reform; each scenario is one vectorised simulation per chunk of `CHUNK` initiatives,
    whose plans are summed and let go before the next (memory stays that of one chunk).
    Stops with `TimeBudgetExceeded` when the request's time budget runs out."""
    check_deadline()
    items = [(i, Horizon(parse_month(i.horizon.start), i.horizon.months)) for i in initiatives]
    baseline_summary, rules = _scenario(items, baseline, (), progress)
    check_deadline()
    reform_summary, reform_rules = (
        _scenario(items, reform, reforms, progress) if reform else (None, None)
    )
    return Portfolio(
        initiatives=initiatives,
        baseline=baseline_summary,
        reform=reform_summary,
        reforms=reforms,
        rules_version=rules or "",
        reform_rules_version=reform_rules,
    )


# Initiatives per simulation: large enough that the rules run vectorised (10 000 rows of
# 10 people × 12 months and more), small enough that one chunk's plans stay small in memory.
CHUNK = 1000


def _scenario(
    items: list[tuple[Initiative, Horizon]],
    system: TaxBenefitSystem,
    reforms: tuple[str, ...],
    progress: Callable[[int], None] | None,
) -> tuple[Summary, str | None]:
    """One scenario's sums and rules version (None without initiatives), chunk by chunk."""
    summary = Summary()
    version = None
    for offset in range(0, len(items), CHUNK):
        plans = compute_plans(
            items[offset : offset + CHUNK],
            system,
            reforms,
            functools.partial(_advance, progress, offset) if progress else None,
        )
        summarise(plans, summary)
        version = plans[0].rules_version
        # The chunk's plans, and the simulation their statute results keep, go now.
        del plans
    return summary, version


def _advance(progress: Callable[[int], None], offset: int, done: int) -> None:
    """Tell `progress` the plans done in the scenario so far, not only in this chunk."""
    progress(offset + done)

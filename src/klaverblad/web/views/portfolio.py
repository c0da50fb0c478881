"""The portfolio page's figures: many initiatives planned together (`compute_plans`, one
simulation per scenario) and summed as `advice/portfolio.py` sums them, kept with their plans
so that each initiative shows its own leaves; with a reform, baseline, reform and difference
per initiative, funder, leaf and year, and who gains or loses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from klaverblad.advice.portfolio import Portfolio, summarise
from klaverblad.locale import Language
from klaverblad.model import Initiative
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import FinancingPlan, Horizon, compute_plans
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.funder_tables import funder_words
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.rules import baseline_system
from klaverblad.web.views.data_table import (
    Cell,
    Column,
    DataTable,
    Named,
    comparison_columns,
    comparison_row,
)
from klaverblad.web.views.reform_choice import RulesChoice

# The tables in page order; their keys are the `table` parameter of the CSV download.
TABLES = (
    "initiatives",
    "funders",
    "years",
    "reform_initiatives",
    "reform_funders",
    "reform_leaves",
    "reform_years",
)


@dataclass
class PortfolioView:
    portfolio: Portfolio
    baseline_plans: list[FinancingPlan]
    reform_plans: list[FinancingPlan] | None


def compute_view(initiatives: list[Initiative], rules: RulesChoice) -> PortfolioView:
    """Plan every initiative over its own horizon under the baseline and, when `rules` ask for
    a reform or a change, under those rules too: one vectorised simulation per scenario."""
    items = [(i, Horizon(parse_month(i.horizon.start), i.horizon.months)) for i in initiatives]
    baseline = compute_plans(items, baseline_system())
    reform = compute_plans(items, rules.system(), rules.labels) if rules.chosen else None
    portfolio = Portfolio(
        initiatives=initiatives,
        baseline=summarise(baseline),
        reform=summarise(reform) if reform is not None else None,
        reforms=rules.labels,
        rules_version=baseline[0].rules_version if baseline else "",
        reform_rules_version=reform[0].rules_version if reform else None,
    )
    return PortfolioView(portfolio, baseline, reform)


def _funder_leaves(plans: list[FinancingPlan]) -> dict[str, dict[str, int]]:
    """Cents per funder and leaf over every plan: who funds what."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(LEAVES, 0))
    for plan in plans:
        for line in plan.lines:
            totals[line.funder][line.leaf] += line.cents
    return totals


def _leaf_columns(language: Language) -> list[Column]:
    return [Column(f"leaf_{leaf}", LEAF_NAMES[language][leaf]) for leaf in LEAVES]


def _initiative_name(initiative: Initiative) -> Named:
    return Named(initiative.id, initiative.name)


def _initiatives(view: PortfolioView, words: Mapping[str, str], language: Language) -> DataTable:
    rows: list[list[Cell]] = []
    for plan in view.baseline_plans:
        rows.append(
            [
                _initiative_name(plan.initiative),
                plan.initiative.promoter.municipality,
                *(plan.leaves[leaf] for leaf in LEAVES),
                plan.totals.costs_cents,
                plan.totals.funding_cents,
                plan.totals.gap_cents,
            ]
        )
    summary = view.portfolio.baseline
    return DataTable(
        "initiatives",
        words["table_initiatives"],
        [
            Column("initiative", words["initiative"], "text"),
            Column("municipality", words["municipality"], "text"),
            *_leaf_columns(language),
            Column("costs", words["costs"]),
            Column("funding", words["funding"]),
            Column("gap", words["gap_signed"]),
        ],
        rows,
        total=[
            Named("total", words["total"]),
            "",
            *(summary.leaves[leaf] for leaf in LEAVES),
            summary.total.costs,
            summary.total.funding,
            summary.total.gap,
        ],
    )


def _funders(view: PortfolioView, words: Mapping[str, str], language: Language) -> DataTable:
    per_funder = _funder_leaves(view.baseline_plans)
    names = sorted(per_funder, key=str.casefold)
    summary = view.portfolio.baseline
    return DataTable(
        "funders",
        words["table_funders"],
        [
            Column("funder", words["funder"], "text"),
            *_leaf_columns(language),
            Column("total", words["total"]),
        ],
        [
            [
                funder_words(name, language),
                *(per_funder[name][leaf] for leaf in LEAVES),
                summary.funders[name],
            ]
            for name in names
        ],
        total=[
            Named("total", words["total"]),
            *(summary.leaves[leaf] for leaf in LEAVES),
            summary.total.funding,
        ],
    )


def _years(view: PortfolioView, words: Mapping[str, str], language: Language) -> DataTable:
    summary = view.portfolio.baseline
    rows: list[list[Cell]] = [
        [
            str(year),
            *(summary.leaf_years.get((leaf, year), 0) for leaf in LEAVES),
            figures.funding,
            figures.costs,
            figures.gap,
        ]
        for year, figures in sorted(summary.years.items())
    ]
    return DataTable(
        "years",
        words["table_years"],
        [
            Column("year", words["year"], "text"),
            *_leaf_columns(language),
            Column("funding", words["funding"]),
            Column("costs", words["costs"]),
            Column("gap", words["gap_signed"]),
        ],
        rows,
        total=[
            Named("total", words["total"]),
            *(summary.leaves[leaf] for leaf in LEAVES),
            summary.total.funding,
            summary.total.costs,
            summary.total.gap,
        ],
    )


def _reform_tables(
    view: PortfolioView, words: Mapping[str, str], language: Language
) -> dict[str, DataTable]:
    """Baseline, reform and difference per initiative, funder, leaf and year."""
    base, reform = view.portfolio.baseline, view.portfolio.reform
    assert reform is not None
    reform_label = words["with_reform"]
    total = Named("total", words["total"])
    initiatives: list[list[Cell]] = [
        [
            _initiative_name(initiative),
            base.initiatives[initiative.id].funding,
            reform.initiatives[initiative.id].funding,
            view.portfolio.change(initiative.id),
            base.initiatives[initiative.id].gap,
            reform.initiatives[initiative.id].gap,
            reform.initiatives[initiative.id].gap - base.initiatives[initiative.id].gap,
        ]
        for initiative in view.portfolio.initiatives
    ]
    funders = sorted(set(base.funders) | set(reform.funders), key=str.casefold)
    years = sorted(set(base.years) | set(reform.years))
    funding_total = comparison_row(total, base.total.funding, reform.total.funding)
    return {
        "reform_initiatives": DataTable(
            "reform_initiatives",
            words["table_reform_initiatives"],
            [
                Column("initiative", words["initiative"], "text"),
                Column("funding_baseline", words["funding_baseline"]),
                Column("funding_reform", words["funding_reform"]),
                Column("funding_difference", words["funding_difference"], "difference"),
                Column("gap_baseline", words["gap_baseline"]),
                Column("gap_reform", words["gap_reform"]),
                Column("gap_difference", words["gap_difference"], "difference"),
            ],
            initiatives,
            total=[
                total,
                *comparison_row(total, base.total.funding, reform.total.funding)[1:],
                *comparison_row(total, base.total.gap, reform.total.gap)[1:],
            ],
        ),
        "reform_funders": DataTable(
            "reform_funders",
            words["table_reform_funders"],
            comparison_columns("funder", words["funder"], words, reform_label),
            [
                comparison_row(
                    Named(name, funder_words(name, language)),
                    base.funders.get(name, 0),
                    reform.funders.get(name, 0),
                )
                for name in funders
            ],
            total=funding_total,
        ),
        "reform_leaves": DataTable(
            "reform_leaves",
            words["table_reform_leaves"],
            comparison_columns("leaf", words["leaf"], words, reform_label),
            [
                comparison_row(
                    Named(leaf, LEAF_NAMES[language][leaf]), base.leaves[leaf], reform.leaves[leaf]
                )
                for leaf in LEAVES
            ],
            total=funding_total,
        ),
        "reform_years": DataTable(
            "reform_years",
            words["table_reform_years"],
            comparison_columns("year", words["year"], words, reform_label),
            [
                comparison_row(
                    str(year),
                    base.years[year].funding if year in base.years else 0,
                    reform.years[year].funding if year in reform.years else 0,
                )
                for year in years
            ],
            total=funding_total,
        ),
    }


def portfolio_tables(
    view: PortfolioView, words: Mapping[str, str], language: Language
) -> dict[str, DataTable]:
    """Every table of the portfolio by key, in page order (the reform's only with a reform)."""
    tables = {
        "initiatives": _initiatives(view, words, language),
        "funders": _funders(view, words, language),
        "years": _years(view, words, language),
    }
    if view.portfolio.reform is not None:
        tables.update(_reform_tables(view, words, language))
    assert tuple(tables) == TABLES[: len(tables)]
    return tables


def gains_and_losses(view: PortfolioView) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The initiatives that gain and those that lose funding with the reform: (name, cents)."""
    names = {initiative.id: initiative.name for initiative in view.portfolio.initiatives}
    change = view.portfolio.change
    return (
        [(names[i], change(i)) for i in view.portfolio.gaining()],
        [(names[i], change(i)) for i in view.portfolio.losing()],
    )

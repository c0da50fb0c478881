"""The tables of the comparison page: baseline, alternative and difference per total, leaf,
funder, year and person, and the amounts the alternative cannot compute. Every table is also
its own CSV (`DataTable.to_csv`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from klaverblad.locale import Language
from klaverblad.plan.financing_plan import FinancingPlan, PersonResult
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.views.compare_known_on import column_words
from klaverblad.web.views.compare_waterfall import STEP_TABLES, step_tables
from klaverblad.web.views.comparison import Comparison, applied_statute
from klaverblad.web.views.data_table import (
    Cell,
    Column,
    DataTable,
    Named,
    comparison_columns,
    comparison_row,
)
from klaverblad.web.views.reform_summary import person_shifts, statute_word

# The tables in page order; their keys are the `table` parameter of the CSV download. The
# steps' tables (`compare_waterfall`) are always there, empty when the alternative is not
# other rules alone; the page shows them (with the waterfall) only when there are steps.
TABLES = ("totals", "leaves", "funders", "years", "people", "not_computable", *STEP_TABLES)


def _funders(plan: FinancingPlan) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for line in plan.lines:
        totals[line.funder] += line.cents
    return totals


def _totals(comparison: Comparison, words: Mapping[str, str]) -> DataTable:
    base, alternative = comparison.baseline.totals, comparison.alternative.totals
    return DataTable(
        "totals",
        words["table_totals"],
        comparison_columns("item", words["item"], words, words["alternative"]),
        [
            comparison_row(
                Named("costs", words["costs"]), base.costs_cents, alternative.costs_cents
            ),
            comparison_row(
                Named("funding", words["funding"]), base.funding_cents, alternative.funding_cents
            ),
            comparison_row(
                Named("gap", words["gap_signed"]), base.gap_cents, alternative.gap_cents
            ),
        ],
    )


def _leaves(comparison: Comparison, words: Mapping[str, str], language: Language) -> DataTable:
    base, alternative = comparison.baseline.leaves, comparison.alternative.leaves
    return DataTable(
        "leaves",
        words["table_leaves"],
        comparison_columns("leaf", words["leaf"], words, words["alternative"]),
        [
            comparison_row(Named(leaf, LEAF_NAMES[language][leaf]), base[leaf], alternative[leaf])
            for leaf in LEAVES
        ],
        total=comparison_row(
            Named("total", words["funding"]),
            comparison.baseline.totals.funding_cents,
            comparison.alternative.totals.funding_cents,
        ),
    )


def _funder_table(comparison: Comparison, words: Mapping[str, str]) -> DataTable:
    base, alternative = _funders(comparison.baseline), _funders(comparison.alternative)
    names = sorted(set(base) | set(alternative), key=str.casefold)
    return DataTable(
        "funders",
        words["table_funders"],
        comparison_columns("funder", words["funder"], words, words["alternative"]),
        [comparison_row(name, base.get(name, 0), alternative.get(name, 0)) for name in names],
        total=comparison_row(
            Named("total", words["funding"]),
            comparison.baseline.totals.funding_cents,
            comparison.alternative.totals.funding_cents,
        ),
    )


def _years(comparison: Comparison, words: Mapping[str, str]) -> DataTable:
    alternative = {year.year: year for year in comparison.alternative.years}
    rows: list[list[Cell]] = []
    for year in comparison.baseline.years:
        other = alternative[year.year]
        rows.append(
            [
                str(year.year),
                year.totals.funding_cents,
                other.totals.funding_cents,
                other.totals.funding_cents - year.totals.funding_cents,
                year.totals.gap_cents,
                other.totals.gap_cents,
                other.totals.gap_cents - year.totals.gap_cents,
            ]
        )
    return DataTable(
        "years",
        words["table_years"],
        [
            Column("year", words["year"], "text"),
            Column("funding_baseline", words["funding_baseline"]),
            Column("funding_alternative", words["funding_alternative"]),
            Column("funding_difference", words["funding_difference"], "difference"),
            Column("gap_baseline", words["gap_baseline"]),
            Column("gap_alternative", words["gap_alternative"]),
            Column("gap_difference", words["gap_difference"], "difference"),
        ],
        rows,
    )


def _statute_cell(
    person: PersonResult, words: Mapping[str, str], optimised: bool, language: Language
) -> Named:
    """The statute by its name (its code in the CSV), with a word when the person is not
    eligible for it (its amounts are then 0) or when the optimiser chose it."""
    label = statute_word(person.statute, language)
    if applied_statute(person) != person.statute:
        label += f" — {words['not_eligible']}"
    if optimised:
        label += f" — {words['by_optimiser']}"
    return Named(person.statute, label)


def _eligible(person: PersonResult, language: Language) -> Named:
    codes = [name for name, ok in person.eligible.items() if ok]
    names = ", ".join(statute_word(code, language) for code in codes)
    return Named(", ".join(codes), names or "—")


def _people(comparison: Comparison, words: Mapping[str, str], language: Language) -> DataTable:
    """Per person: the statute applied under each, and what it brings over the horizon (the
    totals the statute choice compares: with a reform's extra components, and for WEP+ the
    grant booked in that person's WEP+ months, as the verdict counts it)."""
    rows: list[list[Cell]] = []
    for person, other, shift in zip(
        comparison.baseline.people,
        comparison.alternative.people,
        person_shifts(comparison),
        strict=True,
    ):
        rows.append(
            [
                person.id,
                _statute_cell(person, words, False, language),
                _statute_cell(other, words, person.id in comparison.optimised, language),
                _eligible(other, language),
                shift.before_cents,
                shift.after_cents,
                shift.difference,
            ]
        )
    return DataTable(
        "people",
        words["table_people"],
        [
            Column("person", words["person"], "text"),
            Column("statute_baseline", words["statute_baseline"], "text"),
            Column("statute_alternative", words["statute_alternative"], "text"),
            Column("eligible_alternative", words["eligible_alternative"], "text"),
            Column("baseline", words["baseline"]),
            Column("alternative", words["alternative"]),
            Column("difference", words["difference"], "difference"),
        ],
        rows,
        empty=words["no_people"],
    )


def _not_computable(comparison: Comparison, words: Mapping[str, str]) -> DataTable:
    rows: list[list[Cell]] = [
        [line.measure, line.component, line.person or line.activity or "—", str(line.year)]
        for line in comparison.alternative.lines
        if line.status == "not_computable"
    ]
    return DataTable(
        "not_computable",
        words["table_not_computable"],
        [
            Column("measure", words["measure"], "text"),
            Column("component", words["component"], "text"),
            Column("for", words["for_whom"], "text"),
            Column("year", words["year"], "text"),
        ],
        rows,
        empty=words["all_computable"],
    )


def comparison_tables(
    comparison: Comparison, words: Mapping[str, str], language: Language
) -> dict[str, DataTable]:
    """Every table of the comparison by key, in page order."""
    if comparison.known_on is not None:  # the two plans by their names (docs/as-known-on.md)
        words = column_words(words, language)
    tables = {
        "totals": _totals(comparison, words),
        "leaves": _leaves(comparison, words, language),
        "funders": _funder_table(comparison, words),
        "years": _years(comparison, words),
        "people": _people(comparison, words, language),
        "not_computable": _not_computable(comparison, words),
        **step_tables(comparison.steps, words, language),
    }
    assert tuple(tables) == TABLES
    return tables

"""Booking the chosen wage statute of each person into the ledger, per year and funder."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.model.initiative import Initiative
from klaverblad.plan.horizon_cache import months_key, remember
from klaverblad.plan.initiative_lines import regional_funder
from klaverblad.plan.ledger import Ledger, LineKey
from klaverblad.plan.shared_grants import SHARED_GRANTS, grants_of
from klaverblad.plan.statutes import StatuteResults
from klaverblad.rules.catalogue import REGIONALISED, STATUTES, Component


class Segments:
    """The horizon's months grouped by (year, funder): a one-hot (months, groups) matrix, so
    that one integer matrix product sums every person's months per group."""

    def __init__(self, years: numpy.ndarray, funders: Sequence[str]) -> None:
        groups: dict[tuple[int, str], list[int]] = defaultdict(list)
        for column, (year, funder) in enumerate(zip(years, funders, strict=True)):
            groups[(int(year), funder)].append(column)
        self.keys = list(groups)
        self.matrix = numpy.zeros((len(years), len(self.keys)), dtype=numpy.int64)
        for group, columns in enumerate(groups.values()):
            self.matrix[columns, group] = 1


def component_leaf(component: Component, role: str) -> str:
    if component.leaf == "by_role":
        return "I" if role == "supervisor" else "II"
    return component.leaf


def applying(results: StatuteResults, statute: str) -> numpy.ndarray:
    """Indexes of the people whose applied statute is `statute` and who are eligible for it."""
    return results.members.get(statute, _NOBODY)


_NOBODY = numpy.zeros(0, dtype=numpy.int64)


def book_statutes(
    ledger: Ledger,
    initiative: Initiative,
    results: StatuteResults,
    tree: ParameterNode,
    months: numpy.ndarray,
) -> None:
    years = months // 12
    horizon = months_key(months)

    def segments_for(rule: str) -> Segments:
        """The months by (year, funder) for a funder rule: per month by the regionalisation
        for `REGIONALISED`, else the rule's funder throughout; the same for every plan of
        these months under these rules."""
        funders = regional_funder(tree, months) if rule == REGIONALISED else [rule] * len(months)
        return remember(tree, ("segments", rule, horizon), lambda: Segments(years, funders))

    people = initiative.people
    members_of = results.members
    for statute, measure in STATUTES.items():
        members = members_of.get(statute)
        if members is None:
            continue
        ids = [people[index].id for index in members.tolist()]
        for component in results.component_specs[statute]:
            if component.name not in results.units[statute]:
                continue  # not computed: nobody in the simulation is eligible for `statute`
            line_measure = component.measure or statute
            funder_rule = component.funder or measure.funder
            segments = segments_for(funder_rule)
            leaves = [component_leaf(component, people[index].role) for index in members.tolist()]
            name = component.name
            unknown = results.unknown[statute][name][members].astype(numpy.int64) @ segments.matrix
            sums = results.units[statute][name][members] @ segments.matrix
            rows, groups = numpy.nonzero(sums | unknown)
            amounts_list, unknown_list = sums.tolist(), unknown.tolist()
            for row, group in zip(rows.tolist(), groups.tolist(), strict=True):
                year, funder = segments.keys[group]
                if amounts_list[row][group]:
                    key = LineKey(
                        year, leaves[row], line_measure, name, ids[row], "", funder, "computed"
                    )
                    ledger.add_key(key, amounts_list[row][group])
                if unknown_list[row][group]:
                    key = LineKey(
                        year,
                        leaves[row],
                        line_measure,
                        name,
                        ids[row],
                        "",
                        funder,
                        "not_computable",
                    )
                    ledger.add_key(key, 0)
    _book_shared_grants_without_grant(ledger, initiative, results, years)


def _book_shared_grants_without_grant(
    ledger: Ledger, initiative: Initiative, results: StatuteResults, years: numpy.ndarray
) -> None:
    """A statute paid by a shared grant (WEP+) has no known amount: without an entered grant
    of its measure, its people's lines are not computable (RULEBOOK §3.6)."""
    for statute, funding in SHARED_GRANTS.items():
        if grants_of(initiative, statute):
            continue
        for index in applying(results, statute):
            person = initiative.people[index]
            for year in sorted(set(years[results.grant_applies[statute][index]].tolist())):
                ledger.add(
                    year=int(year),
                    leaf="I" if person.role == "supervisor" else "II",
                    measure=statute,
                    component=funding.component,
                    funder=STATUTES[statute].funder,
                    person=person.id,
                    units=0,
                    status="not_computable",
                )

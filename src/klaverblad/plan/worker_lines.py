"""Booking the chosen wage statute of each person into the ledger, per year and funder."""

from __future__ import annotations

from collections import defaultdict

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.model.initiative import Initiative
from klaverblad.model.money import snap_to_units
from klaverblad.plan.initiative_lines import regional_funder
from klaverblad.plan.ledger import Ledger
from klaverblad.plan.statutes import StatuteResults
from klaverblad.rules.catalogue import REGIONALISED, STATUTES, Component


def _segments(years: numpy.ndarray, funders: list[str]) -> dict[tuple[int, str], numpy.ndarray]:
    """Columns of the horizon grouped by (year, funder)."""
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for column, (year, funder) in enumerate(zip(years, funders, strict=True)):
        groups[(int(year), funder)].append(column)
    return {key: numpy.array(columns) for key, columns in groups.items()}


def _leaf(component: Component, role: str) -> str:
    if component.leaf == "by_role":
        return "I" if role == "supervisor" else "II"
    return component.leaf


def applying(results: StatuteResults, statute: str) -> numpy.ndarray:
    """Indexes of the people whose applied statute is `statute` and who are eligible for it."""
    return numpy.array(
        [
            index
            for index, chosen in enumerate(results.chosen)
            if chosen == statute and results.eligible[statute][index]
        ],
        dtype=numpy.int64,
    )


def wep_plus_months(results: StatuteResults) -> numpy.ndarray:
    """Horizon months in which at least one person applies WEP+ (RULEBOOK §3.6)."""
    people = applying(results, "wep_plus")
    return results.wep_plus_applies[people].any(axis=0)


def book_statutes(
    ledger: Ledger,
    initiative: Initiative,
    results: StatuteResults,
    tree: ParameterNode,
    months: numpy.ndarray,
) -> None:
    years = months // 12
    regional = _segments(years, regional_funder(tree, months))
    people = initiative.people
    for statute, measure in STATUTES.items():
        members = applying(results, statute)
        if not members.size:
            continue
        fixed = _segments(years, [measure.funder] * len(months))
        segments = regional if measure.funder == REGIONALISED else fixed
        for component in measure.components:
            amounts = results.amounts(statute, component.name)[members]
            units = snap_to_units(amounts)
            unknown = numpy.isnan(amounts)
            for (year, funder), columns in segments.items():
                sums = units[:, columns].sum(axis=1)
                missing = unknown[:, columns].any(axis=1)
                for row, index in enumerate(members):
                    person = people[index]
                    line = {
                        "year": year,
                        "leaf": _leaf(component, person.role),
                        "measure": statute,
                        "component": component.name,
                        "funder": funder,
                        "person": person.id,
                    }
                    if sums[row]:
                        ledger.add(units=int(sums[row]), status="computed", **line)
                    if missing[row]:
                        ledger.add(units=0, status="not_computable", **line)
    _book_wep_plus_without_grant(ledger, initiative, results, years)


def _book_wep_plus_without_grant(
    ledger: Ledger, initiative: Initiative, results: StatuteResults, years: numpy.ndarray
) -> None:
    """WEP+ amounts are unknown: without an entered grant the line is not computable."""
    if any(grant.measure == "wep_plus" for grant in initiative.grants):
        return
    measure = STATUTES["wep_plus"]
    for index in applying(results, "wep_plus"):
        person = initiative.people[index]
        for year in numpy.unique(years[results.wep_plus_applies[index]]):
            ledger.add(
                year=int(year),
                leaf="I" if person.role == "supervisor" else "II",
                measure="wep_plus",
                component="toelage",
                funder=measure.funder,
                person=person.id,
                units=0,
                status="not_computable",
            )

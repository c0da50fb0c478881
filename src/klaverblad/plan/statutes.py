"""The wage statutes of a plan: every statute computed for every worker in one simulation,
then one statute per person — the file's, or the best eligible (RULEBOOK §3)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from openfisca_core.simulations import Simulation
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import STATUTES, Person
from klaverblad.model.money import snap_to_units
from klaverblad.plan.situation import calculate
from klaverblad.rules.catalogue import STATUTES as STATUTE_MEASURES
from klaverblad.rules.catalogue import Component, components_of

REGULAR = "regular"


@dataclass
class StatuteResults:
    """Per statute: eligibility (n,), and per component an (n, months) array of amounts.

    NaN in a component means due but not computable (no parameter value that month)."""

    eligible: dict[str, numpy.ndarray]
    conditions: dict[str, numpy.ndarray]
    components: dict[str, dict[str, numpy.ndarray]]
    wep_plus_applies: numpy.ndarray
    employed: numpy.ndarray
    # The components of each statute in the system used (a reform may add some).
    component_specs: dict[str, tuple[Component, ...]]
    chosen: list[str]
    chosen_by: list[str]
    totals_units: dict[str, numpy.ndarray]

    def amounts(self, statute: str, component: str) -> numpy.ndarray:
        return self.components[statute][component]


def compute_statutes(
    simulation: Simulation,
    people: tuple[Person, ...],
    months: int,
    wep_plus_grant_units: numpy.ndarray,
    system: TaxBenefitSystem,
) -> StatuteResults:
    """Compute every statute for every person and choose one each.

    `wep_plus_grant_units` (months,) is the initiative's WEP+ grant per horizon month: what a
    person on WEP+ brings in the months they apply WEP+ (RULEBOOK §3, choice)."""
    count = len(people)

    def grid(variable: str) -> numpy.ndarray:
        return calculate(simulation, variable).reshape(count, months)

    eligible: dict[str, numpy.ndarray] = {}
    conditions: dict[str, numpy.ndarray] = {}
    components: dict[str, dict[str, numpy.ndarray]] = {}
    totals: dict[str, numpy.ndarray] = {}
    specs = {name: components_of(name, system) for name in STATUTES}
    for name in STATUTES:
        measure = STATUTE_MEASURES[name]
        eligible[name] = calculate(simulation, f"{name}_eligible")
        for condition in measure.conditions:
            conditions[condition] = calculate(simulation, condition)
        # A statute nobody is eligible for pays nobody anything: skip computing its timeline.
        if eligible[name].any():
            components[name] = {c.name: grid(c.variable) for c in specs[name]}
        else:
            components[name] = {c.name: numpy.zeros((count, months)) for c in specs[name]}
        totals[name] = sum(
            (snap_to_units(a).sum(axis=1) for a in components[name].values()),
            start=numpy.zeros(count, dtype=numpy.int64),
        )
    wep_plus_applies = grid("wep_plus_applies")
    totals["wep_plus"] = (wep_plus_applies * wep_plus_grant_units).sum(axis=1)
    chosen, chosen_by = _choose(people, eligible, totals)
    return StatuteResults(
        eligible=eligible,
        conditions=conditions,
        components=components,
        wep_plus_applies=wep_plus_applies,
        employed=grid("employed"),
        component_specs=specs,
        chosen=chosen,
        chosen_by=chosen_by,
        totals_units=totals,
    )


def _choose(
    people: tuple[Person, ...],
    eligible: dict[str, numpy.ndarray],
    totals: dict[str, numpy.ndarray],
) -> tuple[list[str], list[str]]:
    """The file's statute if named; else the eligible statute with the highest horizon total,
    ties to the first in rulebook order; else `regular`. An eligible statute worth 0 still
    beats `regular`."""
    chosen: list[str] = []
    chosen_by: list[str] = []
    for index, person in enumerate(people):
        if person.statute is not None:
            chosen.append(person.statute)
            chosen_by.append("file")
            continue
        best, best_total = REGULAR, -1
        for name in STATUTES:
            if eligible[name][index] and int(totals[name][index]) > best_total:
                best, best_total = name, int(totals[name][index])
        chosen.append(best)
        chosen_by.append("best")
    return chosen, chosen_by

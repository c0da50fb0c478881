"""The wage statutes of a plan: every statute computed for every worker in one simulation,
then one statute per person — the file's, or the best eligible (RULEBOOK §3)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import STATUTES, Person
from klaverblad.model.money import snap_to_units
from klaverblad.plan.evaluator import Evaluator
from klaverblad.plan.shared_grants import SHARED_GRANTS
from klaverblad.plan.situation import calculate
from klaverblad.plan.statute_provenance import statute_provenance
from klaverblad.rules.catalogue import STATUTES as STATUTE_MEASURES
from klaverblad.rules.catalogue import Component, components_of
from klaverblad.rules.eligibility import conjunction_of
from klaverblad.rules.provenance import Provenance

REGULAR = "regular"


@dataclass
class StatuteResults:
    """Per statute: eligibility (n,), and per component an (n, months) array of amounts.

    NaN in a component means due but not computable (no parameter value that month)."""

    eligible: dict[str, numpy.ndarray]
    conditions: Mapping[str, numpy.ndarray]
    components: dict[str, dict[str, numpy.ndarray]]
    # Per statute paid by a shared grant (`rules.funding.SharedGrant`): (n, months), the months
    # in which each person would apply it.
    grant_applies: dict[str, numpy.ndarray]
    employed: numpy.ndarray
    # The components of each statute in the system used (a reform may add some).
    component_specs: dict[str, tuple[Component, ...]]
    chosen: list[str]
    chosen_by: list[str]
    totals_units: dict[str, numpy.ndarray]
    # Per statute and component (of those computed): the parameters and inputs its amount
    # was computed from, as recorded while the simulation ran (`rules.provenance`).
    provenance: dict[str, dict[str, Provenance]] = field(default_factory=dict)
    # Per statute and component (of those computed): (n, months) exact units (a not
    # computable month 0) and where the amount is not computable.
    units: dict[str, dict[str, numpy.ndarray]] = field(default_factory=dict)
    unknown: dict[str, dict[str, numpy.ndarray]] = field(default_factory=dict)

    def amounts(self, statute: str, component: str) -> numpy.ndarray:
        return self.components[statute][component]

    @functools.cached_property
    def members(self) -> dict[str, numpy.ndarray]:
        """Per statute someone applies, in the catalogue's order: the indexes of the people
        who apply it (it is theirs and they are eligible for it), found in one pass."""
        given: dict[str, list[int]] = {}
        for index, chosen in enumerate(self.chosen):
            if chosen in self.eligible:
                given.setdefault(chosen, []).append(index)
        found: dict[str, numpy.ndarray] = {}
        for statute in STATUTES:
            if statute in given:
                candidates = numpy.array(given[statute], dtype=numpy.int64)
                held = candidates[self.eligible[statute][candidates]]
                if held.size:
                    found[statute] = held
        return found


class StatuteArrays:
    """Every statute variable of one simulation, flat: per worker (eligibility, conditions)
    and per row (component amounts). Computed once, then sliced per initiative.

    Only what a plan books is computed up front: each statute's eligibility, condition by
    condition, stopping at the first condition no one meets (the eligibility written from the
    spec is their product), and the components of the statutes someone is eligible for. A
    condition is computed when first asked (explanations, alerts), by the same evaluator. What
    each component is computed from is recorded once per set of rules
    (`plan.statute_provenance`)."""

    def __init__(self, simulation: Evaluator, system: TaxBenefitSystem) -> None:
        self.specs = {name: components_of(name, system) for name in STATUTES}
        self.eligible = {name: _eligibility(simulation, system, name) for name in STATUTES}
        self.conditions = Conditions(simulation)
        self.employed = calculate(simulation, "employed")
        self.rows = len(self.employed)
        self.components: dict[str, dict[str, numpy.ndarray | None]] = {}
        for name in STATUTES:
            # A statute nobody is eligible for pays nobody anything: skip its timeline.
            paying = bool(self.eligible[name].any())
            self.components[name] = {
                c.name: calculate(simulation, c.variable) if paying else None
                for c in self.specs[name]
            }
        self.grant_applies = {
            name: calculate(simulation, funding.applies) for name, funding in SHARED_GRANTS.items()
        }
        # Exact units and the not computable rows, once for the whole simulation; per row, a
        # statute's units summed over its components (what the choice compares).
        self.units: dict[str, dict[str, numpy.ndarray]] = {}
        self.unknown: dict[str, dict[str, numpy.ndarray]] = {}
        self.row_units: dict[str, numpy.ndarray] = {}
        for name, computed in self.components.items():
            amounts = {c: values for c, values in computed.items() if values is not None}
            self.units[name] = {c: snap_to_units(values) for c, values in amounts.items()}
            self.unknown[name] = {c: numpy.isnan(values) for c, values in amounts.items()}
            if amounts:
                self.row_units[name] = sum(
                    self.units[name].values(), start=numpy.zeros(self.rows, dtype=numpy.int64)
                )
        recorded = statute_provenance(system)
        self.provenance = {
            name: {
                c.name: recorded[name][c.name]
                for c in self.specs[name]
                if self.components[name][c.name] is not None
            }
            for name in STATUTES
        }


def _eligibility(simulation: Evaluator, system: TaxBenefitSystem, statute: str) -> numpy.ndarray:
    """`<statute>_eligible`; for the product of the spec's conditions, the conditions after
    the first one no one meets are not computed (all False whatever they hold)."""
    name = STATUTE_MEASURES[statute].eligible
    assert name is not None
    conditions = conjunction_of(system.variables[name])
    if conditions is None:
        return calculate(simulation, name)
    result = calculate(simulation, conditions[0])
    for condition in conditions[1:]:
        if not result.any():
            return numpy.zeros(len(result), dtype=bool)
        result = result * calculate(simulation, condition)
    return result


class Conditions(Mapping[str, numpy.ndarray]):
    """The statutes' conditions per worker, each computed by the simulation when first asked;
    `sliced(workers)` is the same view for one initiative's workers."""

    def __init__(self, simulation: Evaluator, workers: slice = slice(None)) -> None:
        self._simulation = simulation
        self._workers = workers

    def sliced(self, workers: slice) -> Conditions:
        return Conditions(self._simulation, workers)

    def __getitem__(self, condition: str) -> numpy.ndarray:
        if condition not in CONDITIONS:
            raise KeyError(condition)
        return calculate(self._simulation, condition)[self._workers]

    def __iter__(self) -> Iterator[str]:
        return iter(CONDITIONS)

    def __len__(self) -> int:
        return len(CONDITIONS)


CONDITIONS = tuple(
    dict.fromkeys(condition for name in STATUTES for condition in STATUTE_MEASURES[name].conditions)
)


def compute_statutes(
    arrays: StatuteArrays,
    workers: slice,
    rows: slice,
    people: tuple[Person, ...],
    months: int,
    grant_units: Mapping[str, numpy.ndarray],
) -> StatuteResults:
    """The statutes of the people in `workers` (their rows in `rows`, worker-major over
    `months`), and the choice of one statute each.

    `grant_units[statute]` (months,) is, for a statute paid by a shared grant (WEP+), the
    initiative's grant per horizon month: what a person on it brings in the months they apply
    it (RULEBOOK §3, choice)."""
    count = len(people)

    # One read-only zero grid for every component nobody in the simulation is due.
    nothing = numpy.zeros((count, months))
    nothing.flags.writeable = False

    def grid(values: numpy.ndarray | None) -> numpy.ndarray:
        if values is None:
            return nothing
        return values[rows].reshape(count, months)

    eligible = {name: values[workers] for name, values in arrays.eligible.items()}
    conditions = arrays.conditions.sliced(workers)
    components: dict[str, dict[str, numpy.ndarray]] = {}
    totals: dict[str, numpy.ndarray] = {}
    units: dict[str, dict[str, numpy.ndarray]] = {}
    unknown: dict[str, dict[str, numpy.ndarray]] = {}
    for name in STATUTES:
        computed = arrays.components[name]
        components[name] = {c: grid(values) for c, values in computed.items()}
        units[name] = {c: grid(values) for c, values in arrays.units[name].items()}
        unknown[name] = {c: grid(values) for c, values in arrays.unknown[name].items()}
        row_units = arrays.row_units.get(name)
        totals[name] = (
            grid(row_units).sum(axis=1)
            if row_units is not None
            else numpy.zeros(count, dtype=numpy.int64)
        )
    grant_applies = {name: grid(values) for name, values in arrays.grant_applies.items()}
    for name, applying in grant_applies.items():
        totals[name] = (applying * grant_units[name]).sum(axis=1)
    chosen, chosen_by = _choose(people, eligible, totals)
    return StatuteResults(
        eligible=eligible,
        conditions=conditions,
        components=components,
        grant_applies=grant_applies,
        employed=grid(arrays.employed),
        component_specs=arrays.specs,
        chosen=chosen,
        chosen_by=chosen_by,
        totals_units=totals,
        provenance=arrays.provenance,
        units=units,
        unknown=unknown,
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
    # Python values once per statute, not a numpy scalar per person and statute.
    candidates = [
        (name, eligible[name].tolist(), totals[name].tolist())
        for name in STATUTES
        if eligible[name].any()
    ]
    for index, person in enumerate(people):
        if person.statute is not None:
            chosen.append(person.statute)
            chosen_by.append("file")
            continue
        best, best_total = REGULAR, -1
        for name, eligible_of, total_of in candidates:
            if eligible_of[index] and total_of[index] > best_total:
                best, best_total = name, total_of[index]
        chosen.append(best)
        chosen_by.append("best")
    return chosen, chosen_by

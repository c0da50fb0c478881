"""Explanations built from the rule metadata (the publicodes idea): for a person, every
condition of each wage statute with met / not met, its wording and reference; the duration
(in months of employment, or in calendar quarters for a statute that runs in quarters);
and, for a month, each component's amount with the parameter values in force and their
source and confidence grade. Nothing here is written per measure by hand: a component's
parameters are those its formulas read, as recorded while computing it (`rules.provenance`);
one read at the start of employment is given at the person's start month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.condition_labels import condition_label
from klaverblad.locale import Language
from klaverblad.model.initiative import Initiative
from klaverblad.model.money import format_cents, snap_to_units, to_cents
from klaverblad.model.months import month_label, month_of_date
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.situation import Grid, build_simulation, calculate, worker_inputs
from klaverblad.plan.statute_provenance import eligibility_variables
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf, start_of_value, value_at_month
from klaverblad.rules.catalogue import STATUTES, components_of
from klaverblad.rules.funding import SharedGrant
from klaverblad.rules.parameter_words import parameter_label, value_note
from klaverblad.rules.provenance import START, ParameterRead, record_provenance


@dataclass(frozen=True)
class UnknownPersonError(Exception):
    person: str
    known: tuple[str, ...]


GRADE_ORDER = ("H", "M", "L")


def weakest_grade(*grades: str | None) -> str | None:
    """The weaker of the grades given: a sound value (H) used in a reconstructed way (L) is L.

    >>> weakest_grade("L", "H"), weakest_grade("M", None)
    ('L', 'M')
    """
    known = [grade for grade in grades if grade in GRADE_ORDER]
    return max(known, key=GRADE_ORDER.index) if known else None


def parameter_facts(
    system: TaxBenefitSystem, path: str, month: int, language: Language = "en"
) -> dict[str, Any]:
    """A parameter's value in force in `month`, since when, unit, grade and references; its
    label and the value's note in `language` (English, the rulebook's own, by default)."""
    parameter = leaf(system.parameters, path)
    metadata = parameter.metadata or {}
    since = start_of_value(parameter, month)
    value_metadata: dict[str, Any] = {}
    for at in parameter.values_list:
        if at.instant_str == since:
            value_metadata = dict(at.metadata or {})
    return {
        "parameter": path,
        "label": parameter_label(parameter, language),
        "value": value_at_month(parameter, month),
        "since": since,
        "unit": metadata.get("unit"),
        "grade": weakest_grade(metadata.get("grade"), value_metadata.get("grade")),
        "parameter_grade": metadata.get("grade"),
        "value_grade": value_metadata.get("grade"),
        "note": value_note(value_metadata, language),
        "reference": metadata.get("reference", []),
    }


def duration_key(system: TaxBenefitSystem, variable: str) -> str:
    """`duration_quarters` for a duration counted in calendar quarters from the quarter of hire
    (its variable's unit is `quarter`: individueel maatwerk, the VOP, the doelgroepvermindering
    zonder werkervaring), else `duration_months` (months of employment)."""
    unit = getattr(system.variables[variable], "unit", None)
    return "duration_quarters" if unit == "quarter" else "duration_months"


def explain_person(
    initiative: Initiative,
    person_id: str,
    measure: str | None = None,
    month: int | None = None,
    language: Language = "nl",
    system: TaxBenefitSystem | None = None,
) -> dict[str, Any]:
    """Why (not): every condition of each statute for one person, and a month's amounts,
    under `system` (the baseline rules, or a reform)."""
    system = system or baseline_system()
    ids = tuple(person.id for person in initiative.people)
    if person_id not in ids:
        raise UnknownPersonError(person_id, ids)
    index = ids.index(person_id)
    person = initiative.people[index]
    plan = compute_plan(initiative, system)
    assert plan.statutes is not None
    applied = plan.people[index]
    at = month if month is not None else max(plan.first_month, month_of_date(person.start_date))
    simulation = build_simulation(
        system, worker_inputs(initiative, (person,)), Grid.rectangle(1, at, 1)
    )
    recorder = record_provenance(simulation)
    start = month_of_date(person.start_date)

    def facts(read: ParameterRead) -> dict[str, Any]:
        month_read = start if read.read_at == START else at
        return {
            **parameter_facts(system, read.path, month_read, language),
            "read_at": read.read_at,
        }

    statutes = [measure] if measure else list(STATUTES)
    explained = []
    for name in statutes:
        spec = STATUTES[name]
        conditions = [
            {
                "condition": condition,
                "met": bool(plan.statutes.conditions[condition][index]),
                "label": condition_label(condition, language),
                "reference": system.variables[condition].reference,
            }
            for condition in spec.conditions
        ]
        components = []
        for component in components_of(name, system):
            amount = calculate(simulation, component.variable)[0]
            components.append(
                {
                    "component": component.name,
                    "rhythm": component.rhythm,
                    "label": system.variables[component.variable].label,
                    "formula": (
                        system.variables[component.variable].formulas.peekitem(0)[1].__doc__ or ""
                    ).strip(),
                    "amount": None
                    if numpy.isnan(amount)
                    else format_cents(to_cents(int(snap_to_units(numpy.array([amount]))[0]))),
                    "status": "not_computable" if numpy.isnan(amount) else "computed",
                    "parameters": [
                        facts(read)
                        for read in recorder.provenance(
                            component.variable, system, eligibility_variables(name)
                        ).parameters
                    ],
                }
            )
        entry: dict[str, Any] = {
            "measure": name,
            "label": spec.label,
            "funder": spec.funder,
            "reference": spec.reference,
            "eligible": bool(plan.statutes.eligible[name][index]),
            "applied": applied.statute == name,
            "conditions": conditions,
            "components": components,
        }
        if spec.duration:
            entry[duration_key(system, spec.duration)] = int(
                calculate(simulation, spec.duration)[0]
            )
        if isinstance(spec.funding, SharedGrant):
            entry["applies_this_month"] = bool(calculate(simulation, spec.funding.applies)[0])
        explained.append(entry)
    return {
        "schema": "klaverblad.explain/1",
        "initiative": initiative.id,
        "person": person_id,
        "month": month_label(at),
        "statute": applied.statute,
        "chosen_by": applied.chosen_by,
        "measures": explained,
    }

"""What each statute component is computed from, recorded once per set of rules.

The formulas are vectorised: every branch runs whatever the data, so the variables a formula
asks for and the parameters it reads do not depend on the people (`rules.provenance`). One run
over a single worker with the inputs' defaults, every statute's eligibility, conditions and
components computed under a recorder, therefore records what a plan's run would; the plans then
run without a tracer. Kept per tax-benefit system (the baseline, each reform) while it lives.
"""

from __future__ import annotations

import threading
import weakref

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import STATUTES
from klaverblad.plan.evaluator import Evaluator
from klaverblad.rules.catalogue import STATUTES as STATUTE_MEASURES
from klaverblad.rules.catalogue import components_of
from klaverblad.rules.provenance import Provenance, record_provenance

# statute -> component -> what its amount is computed from
StatuteProvenance = dict[str, dict[str, Provenance]]

_RECORDS: weakref.WeakKeyDictionary[TaxBenefitSystem, StatuteProvenance] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


def eligibility_variables(statute: str) -> tuple[str, ...]:
    """The statute's eligibility variable and its conditions: what a component's provenance
    sets apart (an explanation gives them as the conditions met)."""
    measure = STATUTE_MEASURES[statute]
    return tuple(filter(None, (measure.eligible, *measure.conditions)))


def statute_provenance(system: TaxBenefitSystem) -> StatuteProvenance:
    """Per statute and component of `system`, what its amount is computed from."""
    with _LOCK:
        known = _RECORDS.get(system)
        if known is None:
            known = _RECORDS[system] = _record(system)
        return known


def _record(system: TaxBenefitSystem) -> StatuteProvenance:
    # One worker with every input at its default, one row: the values do not matter.
    evaluator = Evaluator(system, {"fte": numpy.ones(1)}, numpy.zeros(1, dtype=numpy.int64))
    evaluator.set_input("month_index", numpy.zeros(1, dtype=numpy.int64))
    recorder = record_provenance(evaluator)
    records: StatuteProvenance = {}
    for name in STATUTES:
        for variable in eligibility_variables(name):
            evaluator.calculate(variable)
        records[name] = {}
        for component in components_of(name, system):
            evaluator.calculate(component.variable)
            records[name][component.name] = recorder.provenance(
                component.variable, system, eligibility_variables(name)
            )
    return records

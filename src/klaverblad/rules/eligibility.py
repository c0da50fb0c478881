"""A statute's `<name>_eligible` variable, generated from the conditions of its spec: eligible
at the start of employment when every condition holds (RULEBOOK §3). The conditions stay
variables of the measure's folder, with their own labels and references, so `explain` can name
each one that fails; only their conjunction is written here, once for every statute.
"""

from __future__ import annotations

import weakref
from typing import Any

from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.entities import Worker
from klaverblad.rules.measure_spec import Measure

# The variable classes written here, with their conditions: a plan may then compute a statute's
# eligibility condition by condition and stop at the first that no one meets
# (`plan.statutes`), which it may not do for a variable a reform wrote otherwise.
_GENERATED: weakref.WeakKeyDictionary[type, tuple[str, ...]] = weakref.WeakKeyDictionary()


def conjunction_of(variable: Variable) -> tuple[str, ...] | None:
    """The conditions whose product `variable` is, if it is a variable written here."""
    return _GENERATED.get(type(variable))


def eligibility_variable(measure: Measure) -> type[Variable]:
    """The variable `measure.eligible`: the product of `measure.conditions`."""
    conditions = measure.conditions
    if measure.eligible is None or not conditions:
        raise ValueError(f"{measure.name}: a statute needs an eligibility name and conditions")

    def formula(worker: Any, period: Any) -> Any:
        result = worker(conditions[0], period)
        for condition in conditions[1:]:
            result = result * worker(condition, period)
        return result

    variable = type(
        measure.eligible,
        (Variable,),
        {
            "value_type": bool,
            "entity": Worker,
            "definition_period": ETERNITY,
            "label": f"Eligible for {measure.label} at the start of employment",
            "reference": measure.reference,
            "formula": formula,
            "__module__": f"klaverblad.rules.measures.{measure.name}.variables",
        },
    )
    _GENERATED[variable] = conditions
    return variable

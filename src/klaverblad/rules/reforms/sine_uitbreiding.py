"""`sine-uitbreiding` — "SINE uitbreiden naar andere doelgroepen" (RULEBOOK §7).

Drops the low-skilled condition and lowers every unemployment threshold above 6 months to 6
(lower thresholds stay); the status condition stays. A parameter reform: eligibility is judged
with the reformed parameters in every month of the plan.
"""

from __future__ import annotations

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.reforms import Reform

from klaverblad.rules.system import use_float64

LOWEST_THRESHOLD_MONTHS = 6
THRESHOLDS = ("benefit_under_age", "aid_under_age", "benefit_from_age", "aid_from_age")


def extend_sine(parameters: ParameterNode) -> ParameterNode:
    sine = parameters.children["sine"]
    for value in sine.children["low_skilled_required"].values_list:
        value.value = False
    thresholds = sine.children["unemployment_months"]
    for name in THRESHOLDS:
        parameter: Parameter = thresholds.children[name]
        for value in parameter.values_list:
            if value.value is not None and value.value > LOWEST_THRESHOLD_MONTHS:
                value.value = LOWEST_THRESHOLD_MONTHS
    return parameters


class SineUitbreiding(Reform):
    name = "SINE uitbreiden naar andere doelgroepen"
    # The last year the proposal concerned: the working group reported in 2006 for the
    # policy of 2006–2007 (seed report). A plan starting later is not told to wait for it.
    proposed_until = 2007

    def apply(self) -> None:
        self.modify_parameters(modifier_function=extend_sine)
        use_float64(self)

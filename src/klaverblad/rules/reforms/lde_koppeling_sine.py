"""`lde-koppeling-sine` — "structurele middelen LDE koppelen aan SINE" (RULEBOOK §7).

Every person on SINE in an initiative recognised as lde brings an extra leaf-I line: measure
`lde_sine_omkadering`, component `omkadering`, 1 200 a year × FTE paid 1/12 in each employed
month up to 2023-06, where SINE ends for an lde promoter (RULEBOOK v1.2 §3.3: the parameters
`sine.*.paid_lde` / `booked_lde`) (an illustrative amount, grade L, a parameter).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from openfisca_core.parameters import ParameterNode, load_parameter_file
from openfisca_core.periods import ETERNITY
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from klaverblad.rules.catalogue import Component
from klaverblad.rules.dated import in_force, pay
from klaverblad.rules.entities import WorkerMonth
from klaverblad.rules.system import use_float64

PARAMETER_FILE = Path(__file__).parent / "parameters" / "lde_sine_omkadering.yaml"
COMPONENT = Component(
    "omkadering",
    "lde_sine_omkadering",
    "monthly",
    "I",
    ("lde_sine_omkadering",),
    measure="lde_sine_omkadering",
    funder="Vlaams",
    shape="yearly_fte",
)


class lde_sine_omkadering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "LDE omkadering linked to SINE: a yearly amount / 12 × FTE per employed month"
    reference = "Verslag werkgroep LDE 2006 (voorstel); Klaverblad rulebook v1, §7"

    def formula(row, period):  # noqa: N805
        """Due for a SINE-eligible worker in an lde initiative while employed and while SINE
        still runs for an lde promoter (to 2023-06); the plan books it only for people whose
        applied statute is SINE."""
        rules = in_force(row, period)
        yearly = rules.lde_sine_omkadering
        # '+' is a vectorial 'or': SINE runs for an lde promoter while one component does.
        sine_runs = (
            rules.sine.herinschakelingsuitkering.paid_lde
            + rules.sine.doelgroepvermindering.booked_lde
        )
        due = (
            row.worker("sine_eligible", period)
            * row.worker("recognised_lde", period)
            * row("employed", period)
            * sine_runs
        )
        return pay(due, yearly / 12 * row.worker("fte", period))


def add_parameter(parameters: ParameterNode) -> ParameterNode:
    parameters.add_child(
        "lde_sine_omkadering", load_parameter_file(str(PARAMETER_FILE), "lde_sine_omkadering")
    )
    return parameters


class LdeKoppelingSine(Reform):
    name = "Structurele middelen LDE koppelen aan SINE"
    # Extra components the plan books with a statute under this reform.
    extra_components: ClassVar[dict[str, tuple[Component, ...]]] = {"sine": (COMPONENT,)}

    def apply(self) -> None:
        self.modify_parameters(modifier_function=add_parameter)
        self.add_variable(lde_sine_omkadering)
        use_float64(self)

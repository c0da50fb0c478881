"""The klaverblad tax-benefit system: entities, variables and the dated parameter tree."""

from __future__ import annotations

import functools
import inspect
from pathlib import Path
from types import ModuleType

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from klaverblad.rules.entities import entities
from klaverblad.rules.variables import (
    aanwervingsincentive,
    activa,
    art60,
    gesco,
    inputs,
    maatwerk,
    shared,
    sine,
    twe,
    wep_plus,
)

PARAMETERS_DIRECTORY = Path(__file__).parent / "parameters"
VARIABLE_MODULES: tuple[ModuleType, ...] = (
    inputs,
    shared,
    sine,
    art60,
    twe,
    gesco,
    activa,
    wep_plus,
    aanwervingsincentive,
    maatwerk,
)


def use_float64(system: TaxBenefitSystem) -> None:
    """Give every float variable of `system` float64 storage.

    OpenFisca stores floats as float32, which puts 0.37 % of monthly amounts on the wrong side
    of a half cent (timeline spike §2.3). This sets the dtype per variable of this system only,
    instead of patching OpenFisca's global configuration. Reforms call it again after they
    replace variables.
    """
    for variable in system.variables.values():
        if variable.value_type is float:
            variable.dtype = numpy.float64


class KlaverbladTaxBenefitSystem(TaxBenefitSystem):
    """The rules of RULEBOOK §1–3 as an OpenFisca country package."""

    def __init__(self) -> None:
        super().__init__(entities)
        for module in VARIABLE_MODULES:
            for _, member in inspect.getmembers(module, inspect.isclass):
                if issubclass(member, Variable) and member.__module__ == module.__name__:
                    self.add_variable(member)
        self.load_parameters(str(PARAMETERS_DIRECTORY))
        use_float64(self)


# The name `openfisca test -c klaverblad.rules` looks for.
CountryTaxBenefitSystem = KlaverbladTaxBenefitSystem


@functools.cache
def baseline_system() -> KlaverbladTaxBenefitSystem:
    """The baseline rules, built once per process (about 50 ms)."""
    return KlaverbladTaxBenefitSystem()

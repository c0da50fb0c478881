"""The klaverblad tax-benefit system: entities, variables and the dated parameter tree."""

from __future__ import annotations

import functools
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import numpy
from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from klaverblad.rules.catalogue import STATUTE_MEASURES
from klaverblad.rules.eligibility import eligibility_variable
from klaverblad.rules.entities import entities
from klaverblad.rules.measures import MEASURE_NAMES, folder_of
from klaverblad.rules.variables import inputs, shared

# The parameters no single measure owns (alerts, the regionalisation date); each measure's own
# are in its folder (`klaverblad.rules.measures`).
PARAMETERS_DIRECTORY = Path(__file__).parent / "parameters"


def _measure_variable_modules() -> tuple[ModuleType, ...]:
    return tuple(
        importlib.import_module(f"klaverblad.rules.measures.{name}.variables")
        for name in MEASURE_NAMES
        if (folder_of(name) / "variables.py").exists()
    )


VARIABLE_MODULES: tuple[ModuleType, ...] = (inputs, shared, *_measure_variable_modules())


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
        for measure in STATUTE_MEASURES:
            self.add_variable(eligibility_variable(measure))
        self.load_parameters(str(PARAMETERS_DIRECTORY))
        for name in MEASURE_NAMES:
            directory = folder_of(name) / "parameters"
            if directory.is_dir():
                self.parameters.add_child(name, ParameterNode(name, directory_path=str(directory)))
        use_float64(self)


# The name `openfisca test -c klaverblad.rules` looks for.
CountryTaxBenefitSystem = KlaverbladTaxBenefitSystem


@functools.cache
def baseline_system() -> KlaverbladTaxBenefitSystem:
    """The baseline rules, built once per process (about 50 ms)."""
    return KlaverbladTaxBenefitSystem()

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
from klaverblad.rules.parameter_cache import cached_parameters
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


def _measure_parameter_folders() -> tuple[tuple[str, Path], ...]:
    return tuple(
        (name, folder_of(name) / "parameters")
        for name in MEASURE_NAMES
        if (folder_of(name) / "parameters").is_dir()
    )


def read_parameters() -> ParameterNode:
    """The parameter tree from the YAML files: the shared folder at the root, each measure's
    own folder under the measure's name."""
    parameters = ParameterNode("", directory_path=str(PARAMETERS_DIRECTORY))
    for name, folder in _measure_parameter_folders():
        parameters.add_child(name, ParameterNode(name, directory_path=str(folder)))
    return parameters


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
        # What `load_parameters` does (this system has no `preprocess_parameters`), with the
        # tree kept between processes (`parameter_cache`: most of a cold plan's rules building).
        folders = (("", PARAMETERS_DIRECTORY), *_measure_parameter_folders())
        self.parameters = cached_parameters(folders, read_parameters, __file__)
        use_float64(self)


# The name `openfisca test -c klaverblad.rules` looks for.
CountryTaxBenefitSystem = KlaverbladTaxBenefitSystem


@functools.cache
def baseline_system() -> KlaverbladTaxBenefitSystem:
    """The baseline rules, built once per process."""
    return KlaverbladTaxBenefitSystem()

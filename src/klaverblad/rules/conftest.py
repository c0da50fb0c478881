"""Collects the YAML rule tests (`measures/<name>/tests.yaml`, `tests/*.yaml`) as pytest items.

The YAML files use OpenFisca's own test format and are run by OpenFisca's own machinery
(`openfisca_core.tools.test_runner`): `YamlItem` builds the simulation and checks the outputs
exactly as `openfisca test` does. This file only adds what plain `pytest` lacks:

- the tax-benefit system, `KlaverbladTaxBenefitSystem`, built once per session;
- one pytest item per YAML test, named by the test's sentence (OpenFisca names its items "" until
  they run), so that `pytest -v` lists every rule by name;
- a refusal of tests without a name or with a name used twice in a file.

Under `openfisca test -c klaverblad.rules src/klaverblad/rules`, OpenFisca registers its own
`OpenFiscaPlugin`; this hook then stands aside so that no test is collected twice.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openfisca_core.tools.test_runner import Loader, OpenFiscaPlugin, YamlFile, YamlItem, yaml

from klaverblad.rules.system import KlaverbladTaxBenefitSystem

HERE = Path(__file__).resolve().parent  # rules/: tests/*.yaml and measures/*/tests.yaml
YAML_SUFFIXES = (".yaml", ".yml")


@functools.cache
def tax_benefit_system() -> KlaverbladTaxBenefitSystem:
    """The rules the YAML tests run on, built once per pytest session."""
    return KlaverbladTaxBenefitSystem()


class NamedYamlItem(YamlItem):
    """OpenFisca's YAML test item, reported under the test's name."""

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


class NamedYamlFile(YamlFile):
    """A YAML file of OpenFisca tests whose items carry the tests' names."""

    def collect(self) -> Iterator[NamedYamlItem]:
        with open(self.path, encoding="utf-8") as file:
            tests: Any = yaml.load(file, Loader=Loader)
        if not isinstance(tests, list):
            tests = [tests]
        seen: set[str] = set()
        for position, test in enumerate(tests, start=1):
            name = test.get("name") if isinstance(test, dict) else None
            if not name:
                raise ValueError(f"{self.path}: test #{position} has no name")
            if name in seen:
                raise ValueError(f"{self.path}: the test name {name!r} is used twice")
            seen.add(name)
            if not self.should_ignore(test):
                yield NamedYamlItem.from_parent(
                    self,
                    name=name,
                    baseline_tax_benefit_system=self.tax_benefit_system,
                    test=test,
                    options=self.options,
                )


def _openfisca_runs_the_session(config: pytest.Config) -> bool:
    return any(isinstance(plugin, OpenFiscaPlugin) for plugin in config.pluginmanager.get_plugins())


def _is_rule_test_file(path: Path) -> bool:
    """`measures/<name>/tests.yaml` or a YAML file of `tests/` (not a parameter file)."""
    return path.parent == HERE / "tests" or (
        path.name == "tests.yaml" and path.parent.parent == HERE / "measures"
    )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix not in YAML_SUFFIXES or not _is_rule_test_file(file_path.resolve()):
        return None
    if _openfisca_runs_the_session(parent.config):
        return None
    collector: NamedYamlFile = NamedYamlFile.from_parent(
        parent, path=file_path, tax_benefit_system=tax_benefit_system(), options={}
    )
    return collector

"""The measure folders (`klaverblad.rules.measures`) are the one place a measure is stated: each
folder is registered once, the model's statute names are the registered ones in the same
order, each statute's eligibility is generated from its spec, and each spec's words are in the
catalogues."""

from __future__ import annotations

from typing import get_args

import pytest

from klaverblad.messages import words
from klaverblad.model.consistency import DEFAULT_GRANT_LEAF
from klaverblad.model.initiative import STATUTES, GrantMeasure
from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import INITIATIVE_MEASURES, MEASURES, STATUTE_MEASURES
from klaverblad.rules.funding import SharedGrant
from klaverblad.rules.measures import (
    INITIATIVE_MEASURE_NAMES,
    MEASURE_NAMES,
    MEASURES_DIRECTORY,
    STATUTE_NAMES,
    spec_of,
)

FOLDERS = sorted(
    path.name
    for path in MEASURES_DIRECTORY.iterdir()
    if path.is_dir() and (path / "spec.py").exists()
)


def test_every_measure_folder_is_registered_exactly_once() -> None:
    assert sorted(MEASURE_NAMES) == FOLDERS
    assert len(set(MEASURE_NAMES)) == len(MEASURE_NAMES)


def test_the_model_names_the_registered_statutes_in_the_rulebook_order() -> None:
    assert STATUTES == STATUTE_NAMES


def test_every_grant_measure_of_the_model_has_a_folder() -> None:
    assert set(get_args(GrantMeasure)) <= set(MEASURE_NAMES)


@pytest.mark.parametrize("name", sorted(DEFAULT_GRANT_LEAF))
def test_the_models_default_leaf_of_a_grant_is_the_leaf_of_its_measures_spec(name: str) -> None:
    # `model` may not import `rules` (ARCHITECTURE), so the model keeps the default leaves of
    # RULEBOOK §4.1 by name: lde, swp, lokaal_actieplan I; art60_verhoogd, wep_plus II. An
    # initiative measure's spec states its leaf; a statute paid by a shared grant (wep_plus)
    # is paid for its target workers, whose leaf is II (RULEBOOK §3, `by_role`): the first word
    # of a statute's leaf, "II (I for a supervisor)".
    assert name in get_args(GrantMeasure)
    spec = MEASURES[name]
    if isinstance(spec.funding, SharedGrant):
        assert name in STATUTE_NAMES
        assert spec.leaf.split()[0] == DEFAULT_GRANT_LEAF[name] == "II"
    else:
        assert name in INITIATIVE_MEASURE_NAMES
        assert DEFAULT_GRANT_LEAF[name] == spec.leaf


@pytest.mark.parametrize("name", MEASURE_NAMES)
def test_a_folder_states_the_measure_of_its_own_name(name: str) -> None:
    assert spec_of(name).name == name


def test_the_catalogue_lists_the_folders_in_registration_order() -> None:
    assert tuple(m.name for m in STATUTE_MEASURES) == STATUTE_NAMES
    assert tuple(m.name for m in INITIATIVE_MEASURES) == INITIATIVE_MEASURE_NAMES


@pytest.mark.parametrize("name", STATUTE_NAMES)
def test_a_statute_is_eligible_exactly_when_every_condition_of_its_spec_holds(name: str) -> None:
    measure = spec_of(name)
    system = baseline_system()
    assert measure.conditions, "a statute states its conditions"
    for condition in measure.conditions:
        assert condition in system.variables, condition
    eligible = system.variables[f"{name}_eligible"]
    assert eligible.value_type is bool
    # The generated formula multiplies the conditions: with one of them false, not eligible.
    formula = eligible.formulas.peekitem(0)[1]
    values = dict.fromkeys(measure.conditions, True)

    def worker(variable: str, period: object) -> bool:
        return values[variable]

    assert bool(formula(worker, None)) is True
    values[measure.conditions[-1]] = False
    assert bool(formula(worker, None)) is False


@pytest.mark.parametrize("name", MEASURE_NAMES)
def test_the_words_a_spec_declares_are_in_both_catalogues(name: str) -> None:
    for message in spec_of(name).words:
        group, key = message.split(".", 1)
        texts = words(message)
        assert texts["nl"][key] and texts["en"][key], message
        assert group in {"value", "condition", "rule", "measure_label", "measures"}, message


@pytest.mark.parametrize("name", STATUTE_NAMES)
def test_every_statute_has_its_name_and_every_condition_in_words(name: str) -> None:
    measure = spec_of(name)
    declared = set(measure.words)
    assert f"value.statute_{name}" in declared
    for condition in measure.conditions:
        assert f"condition.{condition}" in declared, condition

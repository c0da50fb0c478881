"""What the measures catalogue page shows, built from the rules catalogue
(`rules/catalogue.py`) and the OpenFisca parameter tree: the measures grouped per leaf, each
with its funder, conditions in words, components and every parameter's values over time; and
the shared parameters no measure owns. Nothing here is written per measure by hand except the
Dutch wording of labels (`words_measures`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.condition_labels import condition_label, rule_wording
from klaverblad.locale import Language, day
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import (
    INITIATIVE_MEASURES,
    REGIONALISATION_PARAMETER,
    REGIONALISED,
    STATUTE_MEASURES,
    Measure,
    components_of,
)
from klaverblad.web.views.parameter_history import ParameterHistory, leaf_paths, parameter_history
from klaverblad.web.words.measures import DUTCH_MEASURE_LABELS, WORDS

# The group of a measure whose leaf is the grant's choice (`overig`).
ANY_LEAF = "any"


@dataclass(frozen=True)
class ComponentView:
    name: str
    rhythm: str
    rule: str


@dataclass(frozen=True)
class MeasureView:
    name: str
    label: str
    leaf: str
    funder: str
    reference: str
    conditions: tuple[str, ...]
    components: tuple[ComponentView, ...]
    how: str
    parameters: tuple[ParameterHistory, ...]


@dataclass(frozen=True)
class LeafGroup:
    leaf: str
    title: str
    measures: tuple[MeasureView, ...]


def group_of(measure: Measure) -> str:
    """The leaf a measure is listed under: its first leaf (`II` for a statute, whose
    supervisors are booked in I), or `any` for a grant whose leaf is chosen."""
    first = measure.leaf.split()[0]
    return first if first in LEAVES else ANY_LEAF


def measure_parameter_paths(measure: Measure, system: TaxBenefitSystem) -> list[str]:
    node = system.parameters.children.get(measure.parameter_node)
    if not measure.parameter_node or not isinstance(node, ParameterNode):
        return []
    return leaf_paths(node, measure.parameter_node)


def shared_parameter_paths(system: TaxBenefitSystem) -> list[str]:
    """The leaves under the top nodes of the tree that no measure owns."""
    owned = {measure.parameter_node for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES)}
    paths: list[str] = []
    for name, child in system.parameters.children.items():
        if name not in owned and isinstance(child, ParameterNode):
            paths += leaf_paths(child, name)
    return paths


def all_parameter_paths(system: TaxBenefitSystem) -> list[tuple[str, str]]:
    """(measure or "", path) of every leaf of the tree, in the page's order."""
    pairs = [
        (measure.name, path)
        for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES)
        for path in measure_parameter_paths(measure, system)
    ]
    return pairs + [("", path) for path in shared_parameter_paths(system)]


def _regionalised(system: TaxBenefitSystem, language: Language) -> str:
    """`federaal tot 30 juni 2014, Vlaams vanaf 1 juli 2014`, from the parameter's dates."""
    history = parameter_history(system, REGIONALISATION_PARAMETER, date.today(), language)
    flemish = next((value.start for value in history.values if value.value is True), None)
    if flemish is None:
        return "federaal"
    until = flemish - timedelta(days=1)
    return WORDS[language]["regionalised"].format(
        until=day(until, language), since=day(flemish, language)
    )


def _funder(measure: Measure, system: TaxBenefitSystem, language: Language) -> str:
    words = WORDS[language]
    funder = measure.funder
    if funder == "(the grant)":
        return words["funder_grant"]
    if funder == "(the agreement)":
        return words["funder_agreement"]
    if funder.startswith(REGIONALISED):
        return _regionalised(system, language) + funder.removeprefix(REGIONALISED)
    return funder


def _leaf(measure: Measure, language: Language) -> str:
    words = WORDS[language]
    if measure.leaf.startswith("II ("):
        return words["leaf_by_role"]
    if measure.leaf in LEAVES:
        return LEAF_NAMES[language][measure.leaf]
    return words["leaf_of_grant"]


def _components(
    measure: Measure, system: TaxBenefitSystem, language: Language
) -> tuple[ComponentView, ...]:
    if measure not in STATUTE_MEASURES:
        return ()
    words = WORDS[language]
    return tuple(
        ComponentView(
            name=component.name,
            rhythm=words[f"rhythm_{component.rhythm}"],
            rule=rule_wording(component.variable, language)
            or str(system.variables[component.variable].label),
        )
        for component in components_of(measure.name, system)
    )


def measure_view(
    measure: Measure, system: TaxBenefitSystem, on: date | None, language: Language
) -> MeasureView:
    label = measure.label
    if language == "nl":
        label = DUTCH_MEASURE_LABELS.get(measure.name, label)
    return MeasureView(
        name=measure.name,
        label=label,
        leaf=_leaf(measure, language),
        funder=_funder(measure, system, language),
        reference=measure.reference,
        conditions=tuple(condition_label(c, language) for c in measure.conditions),
        components=_components(measure, system, language),
        how=WORDS[language].get(f"how_{measure.name}", ""),
        parameters=tuple(
            parameter_history(system, path, on, language)
            for path in measure_parameter_paths(measure, system)
        ),
    )


def leaf_groups(on: date | None, language: Language) -> list[LeafGroup]:
    """Every measure of the catalogue, grouped per leaf (I … IV, then any leaf)."""
    system = baseline_system()
    words = WORDS[language]
    views = [
        (group_of(measure), measure_view(measure, system, on, language))
        for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES)
    ]
    groups = []
    for leaf in (*LEAVES, ANY_LEAF):
        measures = tuple(view for group, view in views if group == leaf)
        if measures:
            title = (
                words["group_any"]
                if leaf == ANY_LEAF
                else words["group_title"].format(name=LEAF_NAMES[language][leaf])
            )
            groups.append(LeafGroup(leaf, title, measures))
    return groups


def shared_parameters(on: date | None, language: Language) -> list[ParameterHistory]:
    system = baseline_system()
    return [
        parameter_history(system, path, on, language) for path in shared_parameter_paths(system)
    ]

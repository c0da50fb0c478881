"""The measures catalogue at a date (`klaverblad measures`): each measure with its leaf and
funder, and every parameter under it with the value in force, its source and grade."""

from __future__ import annotations

import sys
from typing import Any

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.explain import parameter_facts
from klaverblad.advice.measure_windows import Bounds, catalogue_name, window_of
from klaverblad.locale import Language
from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import INITIATIVE_MEASURES, STATUTE_MEASURES


def _leaf_paths(node: ParameterNode, prefix: str) -> list[str]:
    paths: list[str] = []
    for name, child in node.children.items():
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(child, Parameter):
            paths.append(path)
        else:
            paths += _leaf_paths(child, path)
    return paths


def _module_doc(reform: type) -> str:
    """A reform is documented in its module's docstring (the rule in words)."""
    module = sys.modules[reform.__module__]
    return " ".join((module.__doc__ or "").split())


def _bounds(bounds: Bounds | None) -> dict[str, Any] | None:
    if bounds is None:
        return None
    return {
        "opens": bounds.opens.isoformat() if bounds.opens else None,
        "closes": bounds.closes.isoformat() if bounds.closes else None,
        "grade": bounds.grade,
        "reference": list(bounds.references),
    }


def measure_window(tree: ParameterNode, name: str) -> dict[str, Any]:
    """A measure's window (RULEBOOK v1.2 §6.1) and successors, from its parameters: `start`
    judged at a person's start (new hires), `paid` the months it can yield; None when it has
    none. `closes` is the first day it no longer applies."""
    window = window_of(tree, name)
    if window is None:
        return {"window": None, "successors": []}
    return {
        "window": {"start": _bounds(window.start), "paid": _bounds(window.paid)},
        "successors": [
            {"measure": s.measure, "names": dict(s.names), "grade": s.grade}
            for s in window.successors
        ],
    }


def measures_catalogue(
    month: int, system: TaxBenefitSystem | None = None, language: Language = "en"
) -> dict[str, Any]:
    """The catalogue in `month`; each parameter labelled in `language` (English, the rulebook's
    own, by default: the JSON of `klaverblad measures`)."""
    system = system or baseline_system()
    tree = system.parameters
    measures = []
    for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES):
        node = tree.children.get(measure.parameter_node) if measure.parameter_node else None
        parameters = (
            [
                parameter_facts(system, path, month, language)
                for path in _leaf_paths(node, measure.parameter_node)
            ]
            if isinstance(node, ParameterNode)
            else []
        )
        measures.append(
            {
                "measure": measure.name,
                "label": measure.label,
                "names": {lang: catalogue_name(tree, measure.name, lang) for lang in ("nl", "en")},
                "leaf": measure.leaf,
                "funder": measure.funder,
                "reference": measure.reference,
                "conditions": list(measure.conditions),
                "components": [component.name for component in measure.components],
                "parameters": parameters,
                **measure_window(tree, measure.name),
            }
        )
    shared = tree.children["regionalisation"]
    from klaverblad.rules.reforms import REFORMS

    return {
        "reforms": [
            {"name": name, "label": reform.name, "doc": _module_doc(reform)}
            for name, reform in REFORMS.items()
        ],
        "schema": "klaverblad.measures/1",
        "measures": measures,
        "shared_parameters": [
            parameter_facts(system, path, month, language)
            for path in _leaf_paths(shared, "regionalisation")
        ],
    }

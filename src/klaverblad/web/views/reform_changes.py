"""What each named reform (`rules/reforms/registry.py` REFORMS) changes, found by comparing
the reformed parameter tree with the baseline: the values it changes (before and after, per
start date), the parameters it adds, and the components it adds to a statute. Nothing is
described per reform by hand except its Dutch summary (`report/reform_docs.py`).

>>> [change.path for change in reform_view("sine-uitbreiding", None, "en").changes][:2]
['sine.low_skilled_required', 'sine.unemployment_months.benefit_under_age']
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language
from klaverblad.model import STATUTES
from klaverblad.report.parameter_values import start_in_words, value_text
from klaverblad.report.reform_docs import reform_doc
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf
from klaverblad.rules.reforms import REFORMS, reformed_system
from klaverblad.web.views.parameter_history import (
    DatedValue,
    ParameterHistory,
    leaf_paths,
    parameter_history,
    parameter_label,
)
from klaverblad.web.words.measures import WORDS


@dataclass(frozen=True)
class ChangedValue:
    """One dated value a reform changes: `before` under the current rules, `after` with it."""

    path: str
    label: str
    start: date
    start_text: str
    before: DatedValue
    after: DatedValue


@dataclass(frozen=True)
class ReformView:
    name: str
    label: str
    doc: str
    doc_language: Language
    changes: tuple[ChangedValue, ...]
    added: tuple[ParameterHistory, ...]
    # (what is added, in the page's language; the rule's label, in English)
    components: tuple[tuple[str, str], ...]


def _module_doc(reform: type) -> str:
    """A reform is documented in its module's docstring (the rule in words)."""
    module = sys.modules[reform.__module__]
    return " ".join((module.__doc__ or "").split())


def _values(system: TaxBenefitSystem, path: str) -> dict[str, Any]:
    return {at.instant_str: at.value for at in leaf(system.parameters, path).values_list}


def _dated(
    start: date, value: Any, unit: str | None, period: str | None, language: Language
) -> DatedValue:
    return DatedValue(
        start=start,
        start_text=start_in_words(start, language),
        value=value,
        text=value_text(value, unit, period, language),
        grade=None,
        note=None,
        in_force=False,
        unit=unit,
    )


def _changes(
    baseline: TaxBenefitSystem, reformed: TaxBenefitSystem, paths: list[str], language: Language
) -> list[ChangedValue]:
    changes = []
    for path in paths:
        before, after = _values(baseline, path), _values(reformed, path)
        parameter = leaf(baseline.parameters, path)
        metadata = parameter.metadata or {}
        unit, period = metadata.get("unit"), metadata.get("period")
        for instant in sorted(set(before) | set(after)):
            old, new = before.get(instant), after.get(instant)
            if old == new and type(old) is type(new):
                continue
            start = date.fromisoformat(instant)
            changes.append(
                ChangedValue(
                    path=path,
                    label=parameter_label(parameter, path, language),
                    start=start,
                    start_text=start_in_words(start, language),
                    before=_dated(start, old, unit, period, language),
                    after=_dated(start, new, unit, period, language),
                )
            )
    return changes


def _components(
    name: str, reformed: TaxBenefitSystem, language: Language
) -> tuple[tuple[str, str], ...]:
    extra = getattr(REFORMS[name], "extra_components", {})
    words = WORDS[language]
    return tuple(
        (
            words["reform_component"].format(
                component=component.name,
                measure=measure_name(reformed.parameters, component.measure or statute, language),
                leaf=component.leaf,
                funder=component.funder or "—",
                statute=measure_name(reformed.parameters, statute, language),
            ),
            str(reformed.variables[component.variable].label),
        )
        for statute, components in extra.items()
        for component in components
    )


def reform_view(name: str, on: date | None, language: Language) -> ReformView:
    """What the reform `name` changes, its new parameters' values marked at `on`."""
    baseline = baseline_system()
    reformed = reformed_system((name,))
    existing = set(leaf_paths(baseline.parameters, ""))
    paths = leaf_paths(reformed.parameters, "")
    reform = REFORMS[name]
    doc, doc_language = reform_doc(name, _module_doc(reform), language)
    return ReformView(
        name=name,
        label=str(reform.name),
        doc=doc,
        doc_language=doc_language,
        changes=tuple(_changes(baseline, reformed, [p for p in paths if p in existing], language)),
        added=tuple(
            parameter_history(reformed, path, on, language)
            for path in paths
            if path not in existing
        ),
        components=_components(name, reformed, language),
    )


@functools.cache
def reform_statutes(name: str) -> tuple[str, ...]:
    """The wage statutes whose parameters or components the reform `name` changes (what the
    comparison's verdict names when nobody becomes eligible), in the rulebook's order.

    >>> reform_statutes("sine-uitbreiding"), reform_statutes("lde-koppeling-sine")
    (('sine',), ('sine',))
    """
    baseline = baseline_system()
    reformed = reformed_system((name,))
    existing = set(leaf_paths(baseline.parameters, ""))
    paths = [path for path in leaf_paths(reformed.parameters, "") if path in existing]
    touched = {change.path.split(".")[0] for change in _changes(baseline, reformed, paths, "en")}
    touched |= set(getattr(REFORMS[name], "extra_components", {}))
    return tuple(statute for statute in STATUTES if statute in touched)


def reform_views(on: date | None, language: Language) -> list[ReformView]:
    return [reform_view(name, on, language) for name in REFORMS]


def find_parameter(path: str) -> TaxBenefitSystem | None:
    """The rules that hold the leaf parameter `path`: the baseline, else the first reform that
    adds it; None when no rules have it."""
    for system in (baseline_system(), *(reformed_system((name,)) for name in REFORMS)):
        try:
            leaf(system.parameters, path)
        except (KeyError, AttributeError):
            continue
        return system
    return None

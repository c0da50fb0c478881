"""A parameter of the rules over time, for the measures catalogue: every dated value of a leaf
of the OpenFisca parameter tree in words (money nl-BE, percentages, months …), with its grade
and note, and which value is in force on a given day.

"In force on a day" is the value with the latest start on or before that day (the legal
reading); a plan counts a value from the first whole month it applies (RULEBOOK §1). The
values, units and days are said as every output says them (`report/parameter_values.py`: an
undated value "al van voor 2004", never a 1970 date).

>>> from klaverblad.rules import baseline_system
>>> history = parameter_history(
...     baseline_system(), "art60.leefloon_cat3", date(2006, 10, 1), "nl")
>>> history.in_force.text, history.in_force.start_text, history.in_force.grade
('€\\xa0859,31 per maand', '1 oktober 2006', 'H')
>>> history.unit_text
'euro per maand'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.locale import Language
from klaverblad.report.parameter_values import start_in_words, unit_text, value_text
from klaverblad.rules.by_month import leaf
from klaverblad.rules.parameter_words import parameter_label as words_label
from klaverblad.rules.parameter_words import value_note
from klaverblad.web.views.references import Reference, reference


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter: from `start` until the next value starts."""

    start: date
    start_text: str
    value: Any
    text: str
    grade: str | None
    note: str | None
    in_force: bool
    unit: str | None = None

    @property
    def cell(self) -> str:
        """The value as a CSV cell: a decimal point (2 decimals for money), `true`/`false`,
        a list joined by `|`, empty when the parameter stops."""
        if self.value is None:
            return ""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        if isinstance(self.value, list | tuple):
            return "|".join(str(item) for item in self.value)
        if self.unit == "currency-EUR" and isinstance(self.value, int | float):
            return f"{Decimal(str(self.value)):.2f}"
        return str(self.value)


@dataclass(frozen=True)
class ParameterHistory:
    """A leaf parameter: its dotted path (also the page anchor), description, unit (its code
    and period, and in words), the grade of the rule, its sources and its values in date
    order."""

    path: str
    label: str
    unit: str | None
    period: str | None
    unit_text: str
    grade: str | None
    documentation: str
    references: tuple[Reference, ...]
    values: tuple[DatedValue, ...]

    @property
    def in_force(self) -> DatedValue | None:
        return next((value for value in self.values if value.in_force), None)


def leaf_paths(node: ParameterNode, prefix: str) -> list[str]:
    """The dotted paths of every leaf under `node` (named `prefix`), in the tree's order."""
    paths: list[str] = []
    for name, child in node.children.items():
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(child, Parameter):
            paths.append(path)
        elif isinstance(child, ParameterNode):
            paths += leaf_paths(child, path)
    return paths


def _grade(metadata: dict[str, Any] | None) -> str | None:
    grade = (metadata or {}).get("grade")
    return grade if grade in ("H", "M", "L") else None


def parameter_label(parameter: Any, path: str, language: Language) -> str:
    """A parameter's label in `language` (rules/parameter_words.py), else its path."""
    return words_label(parameter, language) or path


def parameter_history(
    system: TaxBenefitSystem, path: str, on: date | None, language: Language
) -> ParameterHistory:
    """Every dated value of the leaf at `path` in `system`, the one in force on `on` marked
    (none without a day).

    A value's grade is its own (`metadata.grade` of the value) or else the parameter's."""
    parameter = leaf(system.parameters, path)
    metadata = dict(parameter.metadata or {})
    unit, period = metadata.get("unit"), metadata.get("period")
    dated = sorted(parameter.values_list, key=lambda at: at.instant_str)
    starts = [date.fromisoformat(at.instant_str) for at in dated]
    current = (
        None if on is None else max((i for i, s in enumerate(starts) if s <= on), default=None)
    )
    values = tuple(
        DatedValue(
            start=start,
            start_text=start_in_words(start, language),
            value=at.value,
            text=value_text(at.value, unit, period, language),
            grade=_grade(at.metadata) or _grade(metadata),
            note=value_note(at.metadata, language),
            in_force=index == current,
            unit=unit,
        )
        for index, (start, at) in enumerate(zip(starts, dated, strict=True))
    )
    documentation = metadata.get(f"documentation_{language}") or (
        metadata.get("documentation") or getattr(parameter, "documentation", None)
    )
    return ParameterHistory(
        path=path,
        label=parameter_label(parameter, path, language),
        unit=unit,
        period=period,
        unit_text=unit_text(unit, period, language),
        grade=_grade(metadata),
        documentation=" ".join(str(documentation or "").split()),
        references=tuple(reference(item) for item in metadata.get("reference") or []),
        values=values,
    )

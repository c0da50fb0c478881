"""The rules as they were known on a date (issue #13, step 9 part 4, docs/as-known-on.md).

Every dated value of a parameter has a date from which it was known: `known_from` in its
metadata, the date its source was published or decided (the Belgisch Staatsblad, the date of a
decree or an announcement), which may precede its date of effect (decided before in force).
A value without `known_from` is taken as known from its own date of effect, and marked as
assumed (`known_from(at).assumed`).

`system_as_known_on(system, day)` is `system` with every value not yet known on `day` removed:
the value before it continues, as a plan made that day would have assumed. A leaf left with no
value at all (a measure decided after `day`) keeps one value at its first date, chosen so that
the measure simply does not exist then, never a silent amount:

- a boolean (a window, `paid`, `valid`): false — the measure is closed, its `measure_closed`
  alert still names it;
- a list (allowed kinds, client groups): empty — nothing is allowed;
- a number: null — an amount no rule gives, booked `not_computable` if it were ever due.

`restored` names top-level nodes (measures, or the shared folders) whose values are all kept,
as they turned out: what the comparison's steps add one by one (`advice/known_on_steps.py`).

Example:
    >>> from klaverblad.rules import baseline_system
    >>> then = system_as_known_on(baseline_system(), date(2006, 6, 30))
    >>> [at.instant_str for at in then.parameters.art60.leefloon_cat3.values_list]
    ['2005-08-01']
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

from openfisca_core.parameters import Parameter, ParameterAtInstant, ParameterNode
from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.rules.system import baseline_system, use_float64

KNOWN_FROM = "known_from"
# The metadata flag of the one value a leaf keeps when none of its values was known yet.
NOT_KNOWN_FLAG = "not_known_then"
# The attribute of a system built here that holds its date (read through `as_known_on`).
_DATE_ATTRIBUTE = "_klaverblad_as_known_on"


class KnownOnError(ValueError):
    """A date that cannot be used; the message says why."""


@dataclass(frozen=True)
class KnownFrom:
    """When a dated value was known, and whether that date is assumed (no source gives it)."""

    day: date
    assumed: bool


@dataclass(frozen=True)
class KnownLater:
    """A step of an "as known on" comparison: the values of one top-level node (a measure or a
    shared folder; `OTHER_RULES` for whatever no single node explains) known after the date."""

    node: str

    @property
    def label(self) -> str:
        return f"known_later:{self.node}"


OTHER_RULES = "*"


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date, not after today; `KnownOnError` otherwise."""
    try:
        day = date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise KnownOnError(f"'{text[:40]}' is not a date in the form YYYY-MM-DD")
    if day > date.today():
        raise KnownOnError(f"{day.isoformat()} is after today: nothing is known then yet")
    return day


def known_from(at: ParameterAtInstant) -> KnownFrom:
    """The date from which the value `at` was known: its `known_from`, else its date of effect
    (assumed)."""
    metadata: dict[str, Any] = getattr(at, "metadata", None) or {}
    given = metadata.get(KNOWN_FROM)
    if given is None:
        return KnownFrom(date.fromisoformat(at.instant_str), assumed=True)
    return KnownFrom(given if isinstance(given, date) else date.fromisoformat(str(given)), False)


def leaves(node: ParameterNode, prefix: str = "") -> list[tuple[str, Parameter]]:
    """Every leaf of `node` with its dotted path."""
    found: list[tuple[str, Parameter]] = []
    for name, child in node.children.items():
        path = f"{prefix}{name}"
        if isinstance(child, ParameterNode):
            found += leaves(child, f"{path}.")
        else:
            found.append((path, child))
    return found


def _value_not_known_then(parameter: Parameter) -> Any:
    """The value a leaf keeps when none of its values was known yet: false for a window (the
    measure is closed), an empty list, else None (an amount no rule gives: not computable)."""
    values = [at.value for at in parameter.values_list]
    if any(isinstance(value, bool) for value in values):
        return False
    if any(isinstance(value, list) for value in values):
        return []
    return None


def unknown_values(
    tree: ParameterNode, day: date, restored: frozenset[str] = frozenset()
) -> dict[str, list[ParameterAtInstant]]:
    """Per leaf path, its values not yet known on `day` (leaves of `restored` nodes apart)."""
    found: dict[str, list[ParameterAtInstant]] = {}
    for path, parameter in leaves(tree):
        if path.split(".")[0] in restored:
            continue
        later = [at for at in parameter.values_list if known_from(at).day > day]
        if later:
            found[path] = later
    return found


def _as_known(parameter: Parameter, day: date) -> None:
    kept = [at for at in parameter.values_list if known_from(at).day <= day]
    if not kept and parameter.values_list:
        first = parameter.values_list[-1]  # OpenFisca keeps the values latest first
        kept = [
            ParameterAtInstant(
                f"{parameter.name}[{first.instant_str}]",
                first.instant_str,
                data={"value": _value_not_known_then(parameter)},
                metadata={**(parameter.metadata or {}), NOT_KNOWN_FLAG: True},
            )
        ]
    parameter.values_list = kept


def _known_on_reform(day: date, restored: frozenset[str]) -> type[Reform]:
    def modify(parameters: ParameterNode) -> ParameterNode:
        for path in unknown_values(parameters, day, restored):
            node: Any = parameters
            for name in path.split("."):
                node = node.children[name]
            _as_known(node, day)
        return parameters

    def apply(self: Reform) -> None:
        self.modify_parameters(modifier_function=modify)
        use_float64(self)

    name = f"as_known_on:{day.isoformat()}"
    return type("AsKnownOnReform", (Reform,), {"name": name, "apply": apply})


# The systems built, per base system (while it lives), date and restored nodes: the most
# recently used `KEPT` per base system (each holds a whole parameter tree), as
# `reforms.registry.system_with_changes` keeps its own.
_BUILT: weakref.WeakKeyDictionary[
    TaxBenefitSystem, OrderedDict[tuple[date, frozenset[str]], TaxBenefitSystem]
] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
KEPT = 8


def system_as_known_on(
    system: TaxBenefitSystem, day: date, restored: frozenset[str] = frozenset()
) -> TaxBenefitSystem:
    """`system` with only the values known on `day` (but for the `restored` nodes), kept for
    the next plans that ask for the same."""
    key = (day, restored)
    with _LOCK:
        built = _BUILT.setdefault(system, OrderedDict())
        if key in built:
            built.move_to_end(key)
            return built[key]
    known = _known_on_reform(day, restored)(system)
    setattr(known, _DATE_ATTRIBUTE, day)
    with _LOCK:
        built[key] = known
        while len(built) > KEPT:
            built.popitem(last=False)
    return known


def rules_known_on(day: date | None) -> TaxBenefitSystem | None:
    """Today's rules as known on `day`; None (today's rules themselves) without a date."""
    return None if day is None else system_as_known_on(baseline_system(), day)


def as_known_on(system: TaxBenefitSystem) -> date | None:
    """The date of a system `system_as_known_on` built, else None. Read from the instance
    itself: a reform built on top forwards unknown attributes to its baseline."""
    found = vars(system).get(_DATE_ATTRIBUTE)
    if found is None:
        baseline = vars(system).get("baseline")
        return as_known_on(baseline) if baseline is not None else None
    return found if isinstance(found, date) else None


def not_known(parameter: Parameter) -> bool:
    """True when none of the leaf's values was known on the date of its system."""
    return any((at.metadata or {}).get(NOT_KNOWN_FLAG) for at in parameter.values_list)


def changed_nodes(system: TaxBenefitSystem, day: date) -> tuple[str, ...]:
    """The top-level nodes (measures, shared folders) with a value not yet known on `day`, in
    the tree's order: the steps from the plan as known then to the rules as they turned out."""
    paths = unknown_values(system.parameters, day)
    return tuple(dict.fromkeys(path.split(".")[0] for path in paths))

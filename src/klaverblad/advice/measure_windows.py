"""When a measure can yield amounts, and what replaced it (RULEBOOK §6.1), read from the rules'
data, never written here: the catalogue names the boolean parameters that make a measure's
window (`Measure.start_window`, `Measure.paid`); those parameters give the dates, with their
reference and grade; the metadata of the measure's parameter node gives its names in Dutch and
English and its successors, each with a reference and a grade.

A parameter is in force in a month when it is on the month's first day (RULEBOOK §1), so a
month lies outside a window when its first day is before the window opens or on or after the
day it closes.

A window may depend on the employer (SINE's 2023 transition, GESCO's end dates, the GESCO
regularisation): see `klaverblad.rules.employer_windows` (the `by_employer` metadata of a
window parameter).

>>> from klaverblad.rules import baseline_system
>>> lde = window_of(baseline_system().parameters, "lde")
>>> lde.paid.closes, [s.names["nl"] for s in lde.successors][0]
(datetime.date(2023, 7, 1), 'individueel maatwerk')
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.locale import Language, month_name
from klaverblad.messages import N_, per_language, text
from klaverblad.model.months import month_label
from klaverblad.rules.catalogue import MEASURES
from klaverblad.rules.employer_windows import Employer, for_employer, parameter_at

Side = Literal["not_yet_open", "closed"]


@dataclass(frozen=True)
class Bounds:
    """The days a window opens (None: before every record) and closes (None: still open),
    with the grade and the sources of the value that closes it (else of the one that opens it)."""

    opens: date | None
    closes: date | None
    grade: str | None
    references: tuple[str, ...]

    def side(self, day: date) -> Side | None:
        if self.opens is not None and day < self.opens:
            return "not_yet_open"
        if self.closes is not None and day >= self.closes:
            return "closed"
        return None

    # The window in months: a month lies outside it when its first day does (`side`).
    @functools.cached_property
    def first_month(self) -> int | None:
        """The first month inside (None: open before every record)."""
        return None if self.opens is None else _first_month_from(self.opens)

    @functools.cached_property
    def end_month(self) -> int | None:
        """The first month after the window (None: still open)."""
        return None if self.closes is None else _first_month_from(self.closes)

    def month_side(self, month: int) -> Side | None:
        """The side of the window that `month` (a month index) lies on, as `side` of its
        first day."""
        if self.first_month is not None and month < self.first_month:
            return "not_yet_open"
        if self.end_month is not None and month >= self.end_month:
            return "closed"
        return None

    def outside(self, first: int, last: int) -> bool:
        """Whether a month of `first`..`last` (month indexes) lies outside the window."""
        return (self.first_month is not None and first < self.first_month) or (
            self.end_month is not None and last >= self.end_month
        )

    def date_of(self, side: Side) -> date:
        found = self.opens if side == "not_yet_open" else self.closes
        assert found is not None
        return found


@dataclass(frozen=True)
class Successor:
    measure: str | None  # the catalogue's name, when the successor is modelled
    names: dict[str, str]
    grade: str | None
    references: tuple[str, ...]


@dataclass(frozen=True)
class MeasureWindow:
    measure: str
    names: dict[str, str]
    # For a person's statute: judged at the start month; for every measure: month by month.
    start: Bounds | None
    paid: Bounds | None
    successors: tuple[Successor, ...]
    # The measures it replaced (whose successors name it), for a month before it opens.
    predecessors: tuple[str, ...]

    def name(self, language: Language) -> str:
        return self.names.get(language) or self.names.get("nl") or self.measure


def _titles(metadata: dict[str, Any]) -> tuple[str, ...]:
    references = metadata.get("reference") or []
    if isinstance(references, dict | str):
        references = [references]
    return tuple(
        str(item.get("title", "")) if isinstance(item, dict) else str(item) for item in references
    )


def _bounds(tree: ParameterNode, names: tuple[str, ...]) -> Bounds | None:
    """The window of `names` together: open while one of them is true."""
    if not names:
        return None
    opens: list[date | None] = []
    closes: list[date | None] = []
    evidence: list[dict[str, Any]] = []
    for name in names:
        parameter = parameter_at(tree, name)
        values = sorted(parameter.values_list, key=lambda at: at.instant_str)
        first_open = next((at for at in values if at.value), None)
        if first_open is None:
            continue
        closing = next(
            (at for at in values if at.instant_str > first_open.instant_str and not at.value),
            None,
        )
        opens.append(date.fromisoformat(first_open.instant_str))
        closes.append(date.fromisoformat(closing.instant_str) if closing else None)
        chosen = closing or first_open
        evidence.append({**(parameter.metadata or {}), **(chosen.metadata or {})})
    if not opens:
        return None
    known_opens = [day for day in opens if day is not None]
    closed = None if None in closes else max(day for day in closes if day is not None)
    # The sources of the parameter that closes last (or opens first when none closes).
    last = closes.index(closed) if closed is not None else opens.index(min(known_opens))
    return Bounds(
        opens=min(known_opens),
        closes=closed,
        grade=evidence[last].get("grade"),
        references=_titles(evidence[last]),
    )


def _successors(metadata: dict[str, Any]) -> tuple[Successor, ...]:
    return tuple(
        Successor(
            measure=item.get("measure"),
            names={"nl": str(item["name_nl"]), "en": str(item["name_en"])},
            grade=item.get("grade"),
            references=_titles(item),
        )
        for item in metadata.get("successors") or []
    )


def _names(metadata: dict[str, Any], measure: str) -> dict[str, str]:
    return {
        "nl": str(metadata.get("name_nl", measure)),
        "en": str(metadata.get("name_en", measure)),
    }


def _node_metadata(tree: ParameterNode, measure: str) -> dict[str, Any]:
    node = MEASURES[measure].parameter_node
    return dict(parameter_at(tree, node).metadata or {}) if node else {}


def measure_name(tree: ParameterNode, measure: str, language: Language) -> str:
    """A measure (or wage statute) in words, as an alert names it: the `name_nl`/`name_en` of
    its metadata, else its catalogue label; the code only for a measure the catalogue lacks.

    >>> from klaverblad.rules import baseline_system
    >>> tree = baseline_system().parameters
    >>> measure_name(tree, "art60", "nl"), measure_name(tree, "wep_plus", "en")
    ('artikel 60 §7', 'WEP+')
    """
    # Read once per rules tree, measure and language, as `window_of`: an alert names a
    # measure often, and a tree is not changed once built. Kept only while the tree lives.
    names = _NAMES.get(tree)
    if names is None:
        names = _NAMES[tree] = {}
    found = names.get((measure, language))
    if found is None:
        found = names[(measure, language)] = _measure_name(tree, measure, language)
    return found


_NAMES: weakref.WeakKeyDictionary[ParameterNode, dict[tuple[str, str], str]] = (
    weakref.WeakKeyDictionary()
)


def _measure_name(tree: ParameterNode, measure: str, language: Language) -> str:
    if measure not in MEASURES:
        return measure
    metadata = _node_metadata(tree, measure)
    return str(metadata.get(f"name_{language}") or MEASURES[measure].label)


def catalogue_name(tree: ParameterNode, measure: str, language: Language) -> str:
    """A measure's name in the catalogue (`klaverblad measures`): as `measure_name`, but a
    measure without names in its metadata is named by the words of its catalogue label
    (`measure_label.<name>`, declared in its spec) rather than the English label."""
    named = measure_name(tree, measure, language)
    label = f"measure_label.{measure}"
    if (
        measure in MEASURES
        and named == MEASURES[measure].label
        and label in MEASURES[measure].words
    ):
        return text(label, language)
    return named


def open_for_hires(
    tree: ParameterNode, measure: str, day: date, employer: Employer | None = None
) -> bool:
    """Whether someone hired on `day` (by `employer`) can start under `measure` (its start
    window, else the months it pays); a measure without a window is always open."""
    window = window_of(tree, measure, employer)
    bounds = None if window is None else (window.start or window.paid)
    return bounds is None or bounds.side(day) is None


def window_of(
    tree: ParameterNode, measure: str, employer: Employer | None = None
) -> MeasureWindow | None:
    """The window of `measure` in the rules `tree`, for `employer` when it depends on one (the
    window of a promoter no `by_employer` case covers when None); None for a measure without
    one. Read once per (rules tree, measure, employer): a plan's alerts ask for it often, and a
    tree is not changed once built (a reform builds a new one)."""
    return _window_of(tree, measure, employer)


# Bounded: a reformed tree held here stays alive only until it falls out.
@functools.lru_cache(maxsize=512)
def _window_of(
    tree: ParameterNode, measure: str, employer: Employer | None
) -> MeasureWindow | None:
    spec = MEASURES.get(measure)
    if spec is None or (spec.start_window is None and not spec.paid):
        return None
    start = (
        _bounds(tree, (for_employer(tree, spec.start_window, employer),))
        if spec.start_window
        else None
    )
    paid = _bounds(tree, tuple(for_employer(tree, name, employer) for name in spec.paid))
    metadata = _node_metadata(tree, measure)
    predecessors = tuple(
        other
        for other in MEASURES
        if other != measure
        and any(s.measure == measure for s in _successors(_node_metadata(tree, other)))
    )
    return MeasureWindow(
        measure=measure,
        names=_names(metadata, measure),
        start=start,
        paid=paid,
        successors=_successors(metadata),
        predecessors=predecessors,
    )


def _first_month_from(day: date) -> int:
    """The first month whose first day is on or after `day` (a value dated on a later day of a
    month is in force from the next month, RULEBOOK §1)."""
    return day.year * 12 + day.month - 1 + (day.day > 1)


def month_sides(bounds: Bounds, months: numpy.ndarray) -> dict[Side, numpy.ndarray]:
    """The months of `months` outside `bounds`, by side (only sides that have some, in the
    order in which `months` first meets them). A month is outside when its first day is
    (`Bounds.side`): compared as month indexes, all months at once."""
    months = numpy.asarray(months)
    masks: list[tuple[Side, numpy.ndarray]] = []
    before = None
    if bounds.first_month is not None:
        before = months < bounds.first_month
        if before.any():
            masks.append(("not_yet_open", before))
    if bounds.end_month is not None:
        after = months >= bounds.end_month
        if before is not None:
            after &= ~before
        if after.any():
            masks.append(("closed", after))
    if len(masks) == 2 and int(masks[1][1].argmax()) < int(masks[0][1].argmax()):
        masks.reverse()
    return {side: months[mask].astype(numpy.int64) for side, mask in masks}


def month_index_runs(months: numpy.ndarray) -> list[tuple[int, int]]:
    """Consecutive months as (first, last) month indexes (a month given twice starts a run of
    its own)."""
    ordered = numpy.sort(numpy.asarray(months, dtype=numpy.int64).reshape(-1))
    if not ordered.size:
        return []
    breaks = numpy.flatnonzero(numpy.diff(ordered) != 1) + 1
    firsts = ordered[numpy.concatenate(([0], breaks))].tolist()
    lasts = ordered[numpy.concatenate((breaks - 1, [ordered.size - 1]))].tolist()
    return list(zip(firsts, lasts, strict=True))


def month_runs(months: numpy.ndarray) -> list[tuple[str, str]]:
    """Consecutive months as (first, last) 'YYYY-MM' pairs."""
    return [(month_label(a), month_label(b)) for a, b in month_index_runs(months)]


def ranges(months: numpy.ndarray) -> Mapping[str, str]:
    """'januari 2027 tot december 2027' (English: 'to'); a single month alone; runs joined
    with 'en'/'and'."""

    def run(first: int, last: int, language: Language) -> str:
        if first == last:
            return month_name(first, language)
        return text(N_("alert.range"), language).format(
            first=month_name(first, language), last=month_name(last, language)
        )

    def in_language(language: Language) -> str:
        parts = [run(first, last, language) for first, last in month_index_runs(months)]
        if len(parts) <= 1:
            return "".join(parts)
        return text(N_("alert.list_and"), language).format(
            first=", ".join(parts[:-1]), last=parts[-1]
        )

    return per_language(in_language)


def ranges_text(months: numpy.ndarray, language: Language) -> str:
    return ranges(months)[language]

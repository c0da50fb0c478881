"""What the wizard says about a measure's window (RULEBOOK §6.1): the `measure_closed` message
at a grant's measure field, and "(gesloten sinds 1 juli 2023)" beside a measure choice that
closed before the plan starts, so that no closed measure is offered silently.

The dates and successors are the rules' (`advice.measure_windows`), the message the alert's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy

from klaverblad.advice.measure_closed import grant_closures, grant_message
from klaverblad.advice.measure_windows import window_of
from klaverblad.locale import Language, day
from klaverblad.messages import N_, texts
from klaverblad.model.initiative import Initiative
from klaverblad.model.months import first_day, parse_month
from klaverblad.rules import baseline_system
from klaverblad.rules.employer_windows import Employer
from klaverblad.web.wizard.convert import read_month

_CLOSED_SINCE = texts(N_("measure_note.closed_since"))
_CLOSED_FOR_HIRES = texts(N_("measure_note.closed_for_hires"))


def grant_warnings(
    initiative: Initiative | None, language: Language, grant_indexes: Sequence[int] = ()
) -> dict[str, str]:
    """The `measure_closed` message per grant measure field (`grants[0].measure`) of a
    checked draft; none while the draft cannot be read. `grant_indexes` gives the draft's
    index of each of the initiative's grants (a grant waiting for its amount is not one)."""
    if initiative is None:
        return {}
    found: dict[str, list[str]] = {}
    tree = baseline_system().parameters
    first = parse_month(initiative.horizon.start)
    months = numpy.arange(first, first + initiative.horizon.months)
    for index, closure in grant_closures(initiative, tree, months):
        if index < len(grant_indexes):
            index = grant_indexes[index]
        found.setdefault(f"grants[{index}].measure", []).append(
            grant_message(closure, tree, language)
        )
    return {path: " ".join(messages) for path, messages in found.items()}


def _closed_by(measure: str, start: date, statute: bool, employer: Employer | None) -> date | None:
    """The day `measure` closed (for a statute: to new hires) for `employer`, when on or
    before `start`."""
    window = window_of(baseline_system().parameters, measure, employer)
    if window is None:
        return None
    bounds = window.start if statute and window.start is not None else window.paid
    if bounds is None or bounds.closes is None or bounds.closes > start:
        return None
    return bounds.closes


def draft_employer(legal_form: object, recognitions: object) -> Employer | None:
    """The promoter of a draft as the windows see it; None while its legal form is unread."""
    if not isinstance(legal_form, str) or not legal_form:
        return None
    named = recognitions if isinstance(recognitions, list | tuple | set) else ()
    return Employer(legal_form, frozenset(str(r) for r in named))


def choice_note(
    field: str,
    measure: str,
    horizon_start: object,
    language: Language,
    employer: Employer | None = None,
) -> str:
    """' (gesloten sinds 1 juli 2023)' for a grant measure (`field` 'measure') or a statute
    (`field` 'statute') closed before the plan's first month for `employer` (a window that
    depends on the promoter, such as GESCO's, RULEBOOK §3.5); '' otherwise."""
    if field not in ("measure", "statute") or not isinstance(horizon_start, str):
        return ""
    month = read_month(horizon_start)
    if month is None:
        return ""
    start = first_day(parse_month(month))
    closed = _closed_by(measure, start, field == "statute", employer)
    if closed is None:
        return ""
    words = _CLOSED_FOR_HIRES if field == "statute" else _CLOSED_SINCE
    return f" ({words[language].format(date=day(closed, language))})"

"""What a share link may show of the people of a plan: the one place that takes personal data
out of every shared output (the shared page, its "Hoe berekend?" explanations and its YAML).

A person is shown by what the plan needs to be understood — id, role, statute, FTE, wage
cost, start and end of the contract — plus an age band (`AGE_BANDS`) and whether they come
from a target group ("doelgroep: ja/nee"), instead of their birth date, diploma, benefit
status, unemployment duration and the decisions that follow from them (OCMW placement,
extensions, maatwerk percentages). Everything not kept by name is left out, so a field added
to the file later stays private until it is added to `KEPT_FIELDS`.

The bands follow the age limits of the rules (RULEBOOK §3): 25 (Activa, the
aanwervingsincentive, the doelgroepvermindering), 45 (SINE and Activa bands), 55 (the
aanwervingsincentive's upper limit). The age is the rules' "age at start": completed years on
the first day of the month the person starts.

>>> person = {"id": "w2", "role": "target", "birth_date": "1980-05-10", "diploma": "lager",
...           "status": "leefloon", "unemployed_months": 3, "start_date": "2006-01-01",
...           "fte": "1.0", "monthly_wage_cost": "2000.00", "statute": "art60",
...           "placed_by_ocmw": True}
>>> redacted_person(person)
{'id': 'w2', 'role': 'target', 'start_date': '2006-01-01', 'fte': '1.0', \
'monthly_wage_cost': '2000.00', 'statute': 'art60', 'age_band': '25_44', 'target_group': True}
>>> age_band_words("under_25", "nl"), age_band_words("55_plus", "en")
('jonger dan 25', '55 or older')
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from klaverblad.advice.alert import Alert
from klaverblad.locale import Language
from klaverblad.messages import N_, texts, words
from klaverblad.model.initiative import Initiative

# The person fields a share link shows as they are.
KEPT_FIELDS = ("id", "role", "start_date", "end_date", "fte", "monthly_wage_cost", "statute")
# (below this age, band): the last band has no upper limit.
AGE_BANDS: tuple[tuple[int | None, str], ...] = (
    (25, "under_25"),
    (45, "25_44"),
    (55, "45_54"),
    (None, "55_plus"),
)
UNKNOWN_BAND = "unknown"
# The benefit status of someone who comes from no target group.
NO_TARGET_GROUP = "geen"

WORDS = words(
    N_("redaction.under_25"),
    N_("redaction.25_44"),
    N_("redaction.45_54"),
    N_("redaction.55_plus"),
    N_("redaction.unknown"),
    N_("redaction.age_band"),
    N_("redaction.target_group"),
    N_("redaction.yes"),
    N_("redaction.no"),
    N_("redaction.yaml_note"),
)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def age_at_start(birth_date: Any, start_date: Any) -> int | None:
    """Completed years on the first day of the start month; None when a date is unreadable.

    >>> age_at_start("1983-06-01", "2006-01-15"), age_at_start("1980-01-01", "2006-01-31")
    (22, 26)
    """
    born, start = _day(birth_date), _day(start_date)
    if born is None or start is None:
        return None
    first = start.replace(day=1)
    return first.year - born.year - ((first.month, first.day) < (born.month, born.day))


def age_band(age: int | None) -> str:
    """The band of an age (`AGE_BANDS`), `unknown` without one.

    >>> [age_band(age) for age in (24, 25, 44, 45, 54, 55, None)]
    ['under_25', '25_44', '25_44', '45_54', '45_54', '55_plus', 'unknown']
    """
    if age is None:
        return UNKNOWN_BAND
    return next(band for limit, band in AGE_BANDS if limit is None or age < limit)


def age_band_words(band: str, language: Language) -> str:
    return WORDS[language].get(band, WORDS[language][UNKNOWN_BAND])


def in_target_group(person: Mapping[str, Any]) -> bool:
    """Whether the person comes from a target group: hired on a benefit or as a registered
    job seeker (any status but `geen`), without saying which."""
    return str(person.get("status", NO_TARGET_GROUP)) != NO_TARGET_GROUP


def redacted_person(person: Mapping[str, Any]) -> dict[str, Any]:
    """A person of an initiative document as a share link shows it (see the module's text)."""
    kept = {name: person[name] for name in KEPT_FIELDS if name in person}
    band = age_band(age_at_start(person.get("birth_date"), person.get("start_date")))
    return {**kept, "age_band": band, "target_group": in_target_group(person)}


def redacted_document(document: Mapping[str, Any]) -> dict[str, Any]:
    """An initiative document (as stored: JSON data) without personal data: every person
    redacted, everything else as it is. Not a valid initiative file any more (its people lack
    the fields the rules need): it is for reading."""
    redacted = copy.deepcopy(dict(document))
    people = redacted.get("people")
    if isinstance(people, list):
        redacted["people"] = [
            redacted_person(person) if isinstance(person, Mapping) else {} for person in people
        ]
    return redacted


def redacted_yaml_note(language: Language) -> str:
    """The comment that opens a shared plan's YAML: what was left out, and why."""
    return f"# {WORDS[language]['yaml_note']}\n"


def redacted_inputs(
    inputs: Mapping[str, Any], person: Mapping[str, Any], language: Language
) -> dict[str, Any]:
    """The inputs of a person's plan-line explanation as a share link shows them: the kept
    fields, then the age band and target group in words."""
    words = WORDS[language]
    kept = {name: value for name, value in inputs.items() if name in KEPT_FIELDS}
    band = age_band(age_at_start(person.get("birth_date"), person.get("start_date")))
    return {
        **kept,
        words["age_band"]: age_band_words(band, language),
        words["target_group"]: words["yes" if in_target_group(person) else "no"],
    }


def redacted_explanations(
    entries: list[dict[str, Any]], people: Sequence[Mapping[str, Any]], language: Language
) -> list[dict[str, Any]]:
    """Plan-line explanations (`advice.line_explanations.explain_lines`) as a share link
    shows them: a person's line keeps only `redacted_inputs`; other lines are unchanged."""
    by_id = {str(person.get("id")): person for person in people}
    shown = []
    for entry in entries:
        person_id = (entry.get("line") or {}).get("person")
        if person_id is None:
            shown.append(entry)
            continue
        person = by_id.get(str(person_id), {})
        inputs = entry.get("inputs") or {}
        shown.append({**entry, "inputs": redacted_inputs(inputs, person, language)})
    return shown


# Alerts that say which of a person's conditions fail (a diploma, a benefit status, months of
# unemployment): on a share link they say only that a statute does not fit, and for whom.
PERSONAL_ALERTS = frozenset({"statute_not_eligible", "sine_not_eligible"})
_WITHHELD = texts(N_("redaction.withheld"))


def unnamed(initiative: Initiative) -> Initiative:
    """`initiative` without its people's names (personal data): a share link computes and
    shows the plan of this, so that pages, alerts and downloads call people by their id."""
    people = tuple(person.model_copy(update={"name": None}) for person in initiative.people)
    return initiative.model_copy(update={"people": people})


def redacted_alerts(alerts: Sequence[Alert]) -> list[Alert]:
    """`alerts` as a share link shows them: an alert that names a person's failed conditions
    says only that a statute does not fit, and its details (the conditions) are left out.

    >>> alert = Alert("sine_not_eligible", "warning", "w4", {"nl": "laaggeschoold …",
    ...               "en": "low-skilled …"}, {"failed": ["low_skilled"]})
    >>> shown = redacted_alerts([alert])[0]
    >>> "laaggeschoold" in shown.message("nl"), shown.details
    (False, {})
    """
    return [
        replace(
            alert,
            messages={
                language: text.format(subject=alert.subject) for language, text in _WITHHELD.items()
            },
            details={},
        )
        if alert.code in PERSONAL_ALERTS
        else alert
        for alert in alerts
    ]

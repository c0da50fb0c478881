"""Rules that relate fields of an initiative to each other (CONTRACT §2, RULEBOOK §2, §4).

Each problem names the exact field path, as pydantic's do, so that the file's author can find
it: `people[2].end_date: is before start_date (2006-01-01)`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from klaverblad.model.initiative import Agreement, Initiative
from klaverblad.model.months import parse_month
from klaverblad.model.problems import Problem

__all__ = ["DEFAULT_GRANT_LEAF", "LDE_LEGAL_FORMS", "Problem", "check_consistency"]

# RULEBOOK §2: the recognition `lde` needs a non-commercial promoter.
LDE_LEGAL_FORMS = ("vzw", "ocmw", "gemeente", "intercommunale", "cooperatie")
# RULEBOOK §4.1: the leaf of a grant when the file gives none.
DEFAULT_GRANT_LEAF = {
    "lde": "I",
    "swp": "I",
    "lokaal_actieplan": "I",
    "art60_verhoogd": "II",
    "wep_plus": "II",
}


def _duplicates(path: str, ids: Sequence[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, identifier in enumerate(ids):
        if identifier in seen:
            yield Problem.of(f"{path}[{index}].id", "duplicate_id", id=identifier)
        seen.add(identifier)


def check_consistency(initiative: Initiative) -> list[Problem]:
    """Every cross-field problem of a shape-valid initiative (empty when it is consistent)."""
    problems: list[Problem] = []
    problems += _duplicates("people", [person.id for person in initiative.people])
    problems += _duplicates("activities", [activity.id for activity in initiative.activities])
    if "lde" in initiative.recognitions and initiative.promoter.legal_form not in LDE_LEGAL_FORMS:
        problems.append(
            Problem.of(
                "recognitions",
                "lde_legal_form",
                legal_forms=", ".join(LDE_LEGAL_FORMS),
                legal_form=initiative.promoter.legal_form,
            )
        )
    for index, recognition in enumerate(initiative.recognitions):
        if recognition in initiative.recognitions[:index]:
            problems.append(
                Problem.of(f"recognitions[{index}]", "listed_twice", recognition=recognition)
            )
    for index, person in enumerate(initiative.people):
        path = f"people[{index}]"
        if person.end_date is not None and person.end_date < person.start_date:
            problems.append(
                Problem.of(f"{path}.end_date", "before_start_date", start_date=person.start_date)
            )
        if person.birth_date >= person.start_date:
            problems.append(
                Problem.of(
                    f"{path}.birth_date", "birth_not_before_start", start_date=person.start_date
                )
            )
    for index, activity in enumerate(initiative.activities):
        if activity.payment != "dienstencheque" and activity.price_per_hour is None:
            problems.append(
                Problem.of(
                    f"activities[{index}].price_per_hour",
                    "price_required",
                    payment=activity.payment,
                )
            )
    activity_ids = {activity.id for activity in initiative.activities}
    for index, agreement in enumerate(initiative.agreements):
        problems += _agreement_problems(f"agreements[{index}]", agreement, activity_ids)
    for index, grant in enumerate(initiative.grants):
        path = f"grants[{index}]"
        if grant.measure == "overig" and grant.leaf is None:
            problems.append(Problem.of(f"{path}.leaf", "leaf_required", measure=grant.measure))
        if (
            grant.from_month
            and grant.until_month
            and parse_month(grant.until_month) < parse_month(grant.from_month)
        ):
            problems.append(
                Problem.of(f"{path}.until", "until_before_from", from_month=grant.from_month)
            )
    return problems


def _agreement_problems(path: str, agreement: Agreement, activity_ids: set[str]) -> list[Problem]:
    per_year = agreement.amount_per_year
    per_hour = agreement.amount_per_hour
    activity = agreement.activity
    if per_year is not None and per_hour is not None:
        return [Problem.of(path, "both_amounts")]
    if per_year is None and per_hour is None:
        return [Problem.of(path, "no_amount")]
    if per_hour is not None and activity is None:
        return [Problem.of(f"{path}.activity", "activity_required")]
    if activity is not None and activity not in activity_ids:
        return [Problem.of(f"{path}.activity", "unknown_activity", activity=activity)]
    return []

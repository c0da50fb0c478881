"""Rules that relate fields of an initiative to each other (CONTRACT §2, RULEBOOK §2, §4).

Each problem names the exact field path, as pydantic's do, so that the file's author can find
it: `people[2].end_date: is before start_date (2006-01-01)`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from klaverblad.model.initiative import Agreement, Initiative
from klaverblad.model.months import parse_month

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at a field path such as `people[2].fte`."""

    path: str
    message: str

    def line(self, source: str) -> str:
        return f"{source}: {self.path}: {self.message}"


def _duplicates(path: str, ids: Sequence[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, identifier in enumerate(ids):
        if identifier in seen:
            yield Problem(f"{path}[{index}].id", f"duplicate id '{identifier}'")
        seen.add(identifier)


def check_consistency(initiative: Initiative) -> list[Problem]:
    """Every cross-field problem of a shape-valid initiative (empty when it is consistent)."""
    problems: list[Problem] = []
    problems += _duplicates("people", [person.id for person in initiative.people])
    problems += _duplicates("activities", [activity.id for activity in initiative.activities])
    if "lde" in initiative.recognitions and initiative.promoter.legal_form not in LDE_LEGAL_FORMS:
        problems.append(
            Problem(
                "recognitions",
                f"the recognition 'lde' needs a legal form among {', '.join(LDE_LEGAL_FORMS)}"
                f" (the promoter is '{initiative.promoter.legal_form}')",
            )
        )
    for index, recognition in enumerate(initiative.recognitions):
        if recognition in initiative.recognitions[:index]:
            problems.append(Problem(f"recognitions[{index}]", f"'{recognition}' is listed twice"))
    for index, person in enumerate(initiative.people):
        path = f"people[{index}]"
        if person.end_date is not None and person.end_date < person.start_date:
            problems.append(
                Problem(f"{path}.end_date", f"is before start_date ({person.start_date})")
            )
        if person.birth_date >= person.start_date:
            problems.append(
                Problem(f"{path}.birth_date", f"is not before start_date ({person.start_date})")
            )
    for index, activity in enumerate(initiative.activities):
        if activity.payment != "dienstencheque" and activity.price_per_hour is None:
            problems.append(
                Problem(
                    f"activities[{index}].price_per_hour",
                    f"is required when payment is '{activity.payment}'",
                )
            )
    activity_ids = {activity.id for activity in initiative.activities}
    for index, agreement in enumerate(initiative.agreements):
        problems += _agreement_problems(f"agreements[{index}]", agreement, activity_ids)
    for index, grant in enumerate(initiative.grants):
        path = f"grants[{index}]"
        if grant.measure == "overig" and grant.leaf is None:
            problems.append(Problem(f"{path}.leaf", "is required when measure is 'overig'"))
        if (
            grant.from_month
            and grant.until_month
            and parse_month(grant.until_month) < parse_month(grant.from_month)
        ):
            problems.append(Problem(f"{path}.until", f"is before from ({grant.from_month})"))
    return problems


def _agreement_problems(path: str, agreement: Agreement, activity_ids: set[str]) -> list[Problem]:
    per_year = agreement.amount_per_year
    per_hour = agreement.amount_per_hour
    activity = agreement.activity
    if per_year is not None and per_hour is not None:
        return [Problem(path, "give either amount_per_year or amount_per_hour, not both")]
    if per_year is None and per_hour is None:
        return [Problem(path, "needs amount_per_year, or amount_per_hour with an activity")]
    if per_hour is not None and activity is None:
        return [Problem(f"{path}.activity", "is required with amount_per_hour")]
    if activity is not None and activity not in activity_ids:
        return [Problem(f"{path}.activity", f"names an unknown activity '{activity}'")]
    return []

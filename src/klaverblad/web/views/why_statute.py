"""The "Waarom dit statuut?" panel of the plan page: per person, every condition of each
wage statute met or not, in words with its reference (the same facts as `klaverblad explain
--person`), and what each statute the person is eligible for would bring over the horizon —
the totals the plan's statute choice compares (plan/statutes.py), not computed again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from klaverblad.advice.condition_labels import condition_label
from klaverblad.locale import Language, money
from klaverblad.model.money import to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.statutes import REGULAR
from klaverblad.rules.catalogue import STATUTES
from klaverblad.web.views.references import Reference, reference
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS


@dataclass(frozen=True)
class Condition:
    label: str
    met: bool
    met_word: str
    sources: list[Reference]


@dataclass(frozen=True)
class StatuteWhy:
    code: str
    label: str
    eligible: bool
    eligible_word: str
    applied: bool
    reference: str
    conditions: list[Condition]
    # What it would bring over the horizon, when the person is eligible for it.
    brings: str | None


@dataclass(frozen=True)
class RunnerUp:
    label: str
    amount: str


@dataclass(frozen=True)
class PersonWhy:
    person: str
    heading: str
    summary_person: str
    chosen: str
    statutes: list[StatuteWhy]
    runners_up: list[RunnerUp]


def _sources(references: Any) -> list[Reference]:
    items = references if isinstance(references, list | tuple) else [references]
    return [reference(str(item)) for item in items if item]


def statute_label(code: str, language: Language) -> str:
    """A statute in words: its name from the catalogue; the ordinary contract in words."""
    if code == REGULAR or code not in STATUTES:
        return WHY_STATUTE_WORDS[language]["regular"]
    return STATUTES[code].label


def why_statute(plan: FinancingPlan, language: Language) -> list[PersonWhy]:
    """Per person of `plan`: each statute's conditions met or not, the applied statute and
    how it was chosen, and the other eligible statutes with their horizon totals, highest
    first."""
    results = plan.statutes
    if results is None:
        return []
    words = WHY_STATUTE_WORDS[language]
    conditions_of = plan.system.variables
    people: list[PersonWhy] = []
    for index, person in enumerate(plan.people):
        values = {
            name: to_cents(int(results.totals_units[name][index]))
            for name in STATUTES
            if bool(results.eligible[name][index])
        }
        statutes = [
            StatuteWhy(
                code=name,
                label=spec.label,
                eligible=name in values,
                eligible_word=words["eligible" if name in values else "not_eligible"],
                applied=person.statute == name,
                reference=spec.reference,
                conditions=[
                    Condition(
                        label=condition_label(condition, language),
                        met=bool(results.conditions[condition][index]),
                        met_word=words[
                            "met" if bool(results.conditions[condition][index]) else "not_met"
                        ],
                        sources=_sources(conditions_of[condition].reference),
                    )
                    for condition in spec.conditions
                ],
                brings=(
                    words["brings"].format(amount=money(values[name], language))
                    if name in values
                    else None
                ),
            )
            for name, spec in STATUTES.items()
        ]
        others = sorted(
            (name for name in values if name != person.statute),
            key=lambda name: -values[name],
        )
        chosen = (
            "chosen_file"
            if person.chosen_by == "file"
            else "chosen_regular"
            if person.statute == REGULAR
            else "chosen_best"
        )
        people.append(
            PersonWhy(
                person=person.id,
                heading=words["person"].format(
                    person=person.id, statute=statute_label(person.statute, language)
                ),
                summary_person=words["summary_person"].format(person=person.id),
                chosen=words[chosen],
                statutes=statutes,
                runners_up=[
                    RunnerUp(statute_label(name, language), money(values[name], language))
                    for name in others
                ],
            )
        )
    return people

"""The constraints of `klaverblad optimise`: quotas, funder caps and fixed people, checked
strictly against the initiative (each problem names its option)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from klaverblad.model.initiative import STATUTES, Initiative, Statute, WageStatute
from klaverblad.plan.shared_grants import funders_of
from klaverblad.plan.statutes import REGULAR

AnyStatute = Statute
# Rulebook order for ties, `regular` last.
ORDER: tuple[str, ...] = (*STATUTES, REGULAR)
# Funders a wage statute can have (RULEBOOK §3; `regionalised` is one of these per month).
STATUTE_FUNDERS: tuple[str, ...] = ("federaal", "Vlaams")
Count = Annotated[int, Field(strict=True, ge=0, le=100_000)]
# Euros: a Decimal, an int or a numeric string (as a YAML or JSON file would give it).
Euros = Annotated[Decimal, Field(strict=False, ge=0, max_digits=14, decimal_places=2)]
PersonId = Annotated[str, Field(strict=True, min_length=1, max_length=100)]
FunderName = Annotated[str, Field(strict=True, min_length=1, max_length=100)]


class Constraints(BaseModel):
    """What the user states: at most N people per statute, at most an amount per funder over
    the horizon (wage-statute funding only, euros), and people fixed to a statute."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    max_positions: dict[WageStatute, Count] = Field(default_factory=dict)
    budget_cap: dict[FunderName, Euros] = Field(default_factory=dict)
    fixed: dict[PersonId, AnyStatute] = Field(default_factory=dict)


@dataclass(frozen=True)
class ConstraintProblem:
    """One problem with the constraints; `option` is the field (`max_positions`, …)."""

    option: str
    text: str


class ConstraintError(ValueError):
    """Constraints that are malformed, name unknown things, or admit no assignment."""

    def __init__(self, problems: list[ConstraintProblem]) -> None:
        super().__init__("; ".join(f"{p.option}: {p.text}" for p in problems))
        self.problems = problems

    def lines(self, names: Mapping[str, str] | None = None) -> list[str]:
        """One line per problem, the option named as `names` spells it (e.g. `--max`)."""
        names = names or {}
        return [f"{names.get(p.option, p.option)}: {p.text}" for p in self.problems]


def listing(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(names)


def _pydantic_problem(error: Any) -> ConstraintProblem:
    location = [str(part) for part in error["loc"]]
    option = location[0] if location else "constraints"
    key = location[1] if len(location) > 1 else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        text = f"'{option}' is not a known constraint (max_positions, budget_cap, fixed)"
        return ConstraintProblem("constraints", text)
    if kind == "literal_error" and location[-1] == "[key]":
        return ConstraintProblem(option, f"'{key}' is not a wage statute ({listing(STATUTES)})")
    if kind == "literal_error":
        text = f"{key}={value}: '{value}' is not a statute ({listing(ORDER)})"
        return ConstraintProblem(option, text)
    if kind == "greater_than_equal":
        return ConstraintProblem(option, f"{key}={value}: must be 0 or more")
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return ConstraintProblem(option, f"{key}={value}: at most 12 digits and 2 decimals")
    return ConstraintProblem(option, f"{key}: {error['msg'].lower()}".lstrip(": "))


def parse_constraints(data: Mapping[str, Any], initiative: Initiative) -> Constraints:
    """Validated constraints for `initiative`, or a ConstraintError with one problem each:
    unknown statutes, negative numbers, unknown people or funders, people fixed to a statute
    they are not eligible for (checked later, by `optimise`, which knows the eligibility)."""
    try:
        constraints = Constraints.model_validate(dict(data))
    except ValidationError as error:
        raise ConstraintError([_pydantic_problem(e) for e in error.errors()]) from None
    problems: list[ConstraintProblem] = []
    people = [person.id for person in initiative.people]
    for person_id in constraints.fixed:
        if person_id not in people:
            known = listing(people) if people else "the file has no people"
            problems.append(ConstraintProblem("fixed", f"'{person_id}' is not a person ({known})"))
    funders = cap_funders(initiative)
    for funder in constraints.budget_cap:
        if funder not in funders:
            problems.append(
                ConstraintProblem(
                    "budget_cap",
                    f"'{funder}' does not fund wage statutes here ({listing(funders)})",
                )
            )
    if problems:
        raise ConstraintError(problems)
    return constraints


def cap_funders(initiative: Initiative) -> list[str]:
    """The funders a cap may name: those of the wage statutes and of the entered grants that
    pay a statute (a shared grant, such as WEP+'s)."""
    funders = list(STATUTE_FUNDERS)
    for funder in funders_of(initiative):
        if funder not in funders:
            funders.append(funder)
    return funders


# ---------------------------------------------------------------------------------------------
# What each (person, statute) brings

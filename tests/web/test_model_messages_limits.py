"""The messages of the safe readers (aliases, nesting, sizes, numbers, control characters) are
Dutch on Dutch pages, like the model's other messages; the refused text is still quoted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from klaverblad.model import InitiativeError, Problem, parse_initiative
from klaverblad.model.loading import parse_text
from klaverblad.web.words.model_messages import translate
from tests.builders import initiative_data, person


def _first_problem(read: Callable[[], Any]) -> Problem:
    with pytest.raises(InitiativeError) as raised:
        read()
    return raised.value.problems[0]


def _text(text: str) -> Callable[[], Any]:
    return lambda: parse_initiative(parse_text(text, "plan.yaml"), "plan.yaml")


def _data(data: Any) -> Callable[[], Any]:
    return lambda: parse_initiative(data, "plan.yaml")


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


CASES = [
    (_text("a: &x [1]\nb: *x\n"), "aliassen zijn niet toegelaten"),
    # NESTING_DEPTH is 20 levels (model/limits.py).
    (_data(initiative_data(name=_nested(30))), "is meer dan 20 niveaus diep genest"),
    # 150 unknown keys and the initiative's 5: 155 fields, MAPPING_KEYS allows 100.
    (
        _data(initiative_data(**{f"k{i}": 1 for i in range(150)})),
        "heeft 155 velden; hoogstens 100 toegelaten",
    ),
    # PEOPLE allows 200.
    (_data(initiative_data(people=[person()] * 201)), "heeft 201 elementen; hoogstens 200"),
    (_text("a: " + "x" * (1024 * 1024)), "is groter dan 1 MB"),
    (
        _data(initiative_data(people=[person(fte="1e1000000")])),
        "'1e1000000' is geen getal: schrijf alleen cijfers, zonder exponent",
    ),
    # 32 nines: more than the 30 significant digits a number may have.
    (
        _data(initiative_data(people=[person(monthly_wage_cost="9" * 32)])),
        f"'{'9' * 32}' is geen getal: het heeft meer dan 30 beduidende cijfers",
    ),
    # 100 characters: more than the 40 of a number; quoted up to 40 of them.
    (
        _data(initiative_data(people=[person(fte="x" * 100)])),
        f"'{'x' * 40}…' (100 tekens) is te lang voor een getal",
    ),
    (
        _data(initiative_data(people=[person(id="w\x001")])),
        "mag het stuurteken U+0000 niet bevatten",
    ),
]


@pytest.mark.parametrize(("read", "dutch"), CASES)
def test_a_message_of_the_safe_readers_is_dutch_on_a_dutch_page(
    read: Callable[[], Any], dutch: str
) -> None:
    problem = _first_problem(read)
    assert dutch in translate(problem, "nl")
    assert translate(problem, "en") == problem.message

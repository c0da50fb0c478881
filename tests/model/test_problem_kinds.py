"""Every problem the model reports has a kind (`model/problem_kinds.py`) and the values its
message fills in, and its English message is the kind's words with those values filled in: a
page says it in its own language from the kind, never by reading the English (issue #11)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given

from klaverblad.model import InitiativeError, Problem, parse_initiative
from klaverblad.model.loading import parse_text
from klaverblad.model.problem_kinds import KINDS, english
from tests.bad_documents import examples_with_a_key_twice, mutated_examples
from tests.builders import initiative_data, person


def problems_of_data(data: Any) -> list[Problem]:
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(data, "plan.yaml")
    return raised.value.problems


def problems_of_text(text: str, source: str = "plan.yaml") -> list[Problem]:
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(parse_text(text, source), source)
    return raised.value.problems


def assert_of_its_kind(problem: Problem) -> None:
    """The problem's kind is known and its message is the kind's words with its params (a
    number a field refuses adds what the field expects)."""
    assert problem.kind in KINDS, problem
    words = english(problem.kind, **problem.params)
    expected = {words, f"{words} ({problem.params.get('what')})"}
    assert problem.message in expected, (problem, problem.params)


def test_a_pydantic_error_keeps_its_type_as_kind_and_its_context_as_params() -> None:
    [problem] = problems_of_data(initiative_data(horizon={"start": "2006-01", "months": 300}))
    # horizon.months: Field(le=HORIZON_MONTHS), the limits table's 240 months.
    assert (problem.path, problem.kind, dict(problem.params)) == (
        "horizon.months",
        "less_than_equal",
        {"le": 240},
    )
    assert problem.message == "Input should be less than or equal to 240"


def test_a_choice_not_allowed_has_the_input_quoted_among_its_params() -> None:
    promoter = {"name": "NV Test", "legal_form": "nv", "municipality": "Gent"}
    [problem] = problems_of_data(initiative_data(promoter=promoter))
    assert problem.kind == "literal_error"
    assert problem.params["input"] == "'nv'"
    assert problem.message == (
        "'nv' is not allowed; expected 'vzw', 'ocmw', 'gemeente', 'intercommunale', "
        "'cooperatie' or 'bedrijf'"
    )


def test_a_validator_of_the_model_raises_an_error_of_its_own_kind() -> None:
    [problem] = problems_of_data(initiative_data(people=[person(fte="1e5")]))
    assert problem.path == "people[0].fte"
    assert problem.kind == "number_exponent"
    assert dict(problem.params) == {"what": "a fraction of full time, e.g. 0.8", "value": "'1e5'"}
    assert problem.message == (
        "'1e5' is not a number: write digits only, without an exponent "
        "(a fraction of full time, e.g. 0.8)"
    )


def test_a_quoted_input_that_looks_like_a_placeholder_is_quoted_as_it_is() -> None:
    # Pydantic fills the values in one after the other: the input goes last, so its "{what}"
    # is not replaced by what the field expects.
    [problem] = problems_of_data(initiative_data(people=[person(fte="{what}")]))
    assert problem.message == (
        "'{what}' is not a number: use digits and at most one decimal separator "
        "(a fraction of full time, e.g. 0.8)"
    )


def test_a_consistency_problem_names_its_kind_and_its_values() -> None:
    people = [person(), person(start_date="2006-03-01", end_date="2006-02-28")]
    problems = problems_of_data(initiative_data(people=people))
    assert [(p.path, p.kind, p.message) for p in problems] == [
        ("people[1].id", "duplicate_id", "duplicate id 'w1'"),
        ("people[1].end_date", "before_start_date", "is before start_date (2006-03-01)"),
    ]
    assert dict(problems[0].params) == {"id": "w1"}
    assert dict(problems[1].params) == {"start_date": date(2006, 3, 1)}


def test_a_reader_problem_names_its_kind_and_its_values() -> None:
    [problem] = problems_of_text('{"id": "a", "id": "b"}', "plan.json")
    assert (problem.path, problem.kind, dict(problem.params)) == (
        "(the whole file)",
        "json_key_twice",
        {"key": "id"},
    )
    assert problem.message == "not valid JSON: the key 'id' is given twice"


def test_a_document_too_large_names_its_size_in_megabytes() -> None:
    [problem] = problems_of_text("a: " + "x" * (1024 * 1024))
    # DOCUMENT_BYTES is 1 MB (model/limits.py); the text is 3 bytes more.
    assert (problem.kind, dict(problem.params), problem.message) == (
        "document_too_large",
        {"megabytes": 1},
        "is larger than 1 MB",
    )


@given(mutated_examples())
def test_every_problem_of_a_mutated_example_is_of_a_known_kind(case: tuple[str, str, str]) -> None:
    text, suffix, _ = case
    for problem in problems_of_text(text, f"plan{suffix}"):
        assert_of_its_kind(problem)


@given(examples_with_a_key_twice())
def test_every_problem_of_a_key_given_twice_is_of_a_known_kind(case: tuple[str, str]) -> None:
    text, _key = case
    for problem in problems_of_text(text):
        assert_of_its_kind(problem)

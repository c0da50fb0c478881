"""A Dutch page says the model's problems in Dutch by their kind and values
(`web/words/model_messages.py`), for every family: pydantic's own errors, the model's
validators, the consistency checks and the document readers. Every kind has words in both
languages; a kind without words shows the English message (issue #11)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from klaverblad.messages import text
from klaverblad.model import InitiativeError, Problem, parse_initiative
from klaverblad.model.loading import parse_text
from klaverblad.model.problem_kinds import KINDS
from klaverblad.web.words.model_messages import MODEL_MESSAGES, translate, translated
from tests.builders import initiative_data, person

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def dutch(data: Any) -> list[str]:
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(data, "plan.yaml")
    return [f"{p.path}: {p.message}" for p in translated(raised.value.problems, "nl")]


def dutch_of_text(document: str, source: str = "plan.yaml") -> list[str]:
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(parse_text(document, source), source)
    return [f"{p.path}: {p.message}" for p in translated(raised.value.problems, "nl")]


def test_a_pydantic_error_is_said_in_dutch_by_its_type() -> None:
    assert dutch(initiative_data(horizon={"start": "2006-01", "months": 300})) == [
        # HORIZON_MONTHS: 240 months.
        "horizon.months: mag hoogstens 240 zijn"
    ]
    promoter = {"name": "NV Test", "legal_form": "nv", "municipality": "Gent"}
    assert dutch(initiative_data(promoter=promoter)) == [
        "promoter.legal_form: 'nv' is niet toegelaten; verwacht 'vzw', 'ocmw', 'gemeente', "
        "'intercommunale', 'cooperatie' of 'bedrijf'"
    ]


def test_a_pydantic_error_the_old_patterns_left_in_english_is_dutch_now() -> None:
    assert dutch(initiative_data(people=[person(gross_quarterly_wage=0)])) == [
        "people[0].gross_quarterly_wage: moet meer dan 0 zijn"
    ]


def test_an_error_of_a_validator_of_the_model_is_said_in_dutch_by_its_kind() -> None:
    people = [person(fte=1.5), person(id="w2", monthly_wage_cost="2100,50")]
    assert dutch(initiative_data(people=people)) == [
        "people[0].fte: moet meer dan 0 en hoogstens 1 zijn",
        "people[1].monthly_wage_cost: '2100,50' is geen getal: gebruik een decimaalpunt",
    ]


def test_a_consistency_problem_is_said_in_dutch_with_its_values() -> None:
    people = [person(), person(start_date="2006-03-01", end_date="2006-02-28")]
    agreements = [{"funder": "stad", "domain": "werk", "amount_per_hour": 5, "activity": "nee"}]
    assert dutch(initiative_data(people=people, agreements=agreements)) == [
        "people[1].id: id 'w1' komt al voor",
        "people[1].end_date: ligt vóór de begindatum (2006-03-01)",
        "agreements[0].activity: verwijst naar een onbekende activiteit 'nee'",
    ]


def test_a_problem_of_a_document_reader_is_said_in_dutch() -> None:
    assert dutch_of_text("id: a\nid: b\n") == [
        "line 2, column 1: geen geldige YAML: de sleutel 'id' staat er twee keer"
    ]
    assert dutch_of_text('{"id": "a", "id": "b"}', "plan.json") == [
        "(the whole file): geen geldige JSON: de sleutel 'id' staat er twee keer"
    ]


def test_an_input_that_is_no_text_is_named_in_dutch() -> None:
    promoter = {"name": "vzw Test", "legal_form": {"a": 1}, "municipality": "Gent"}
    [message] = dutch(initiative_data(promoter=promoter))
    assert message.startswith("promoter.legal_form: een groep velden is niet toegelaten; verwacht")


def test_the_english_page_shows_the_models_english_message_unchanged() -> None:
    problem = Problem.of("people[1].id", "duplicate_id", id="w1")
    assert translate(problem, "en") == "duplicate id 'w1'"


def test_a_kind_without_words_falls_back_to_the_english_message() -> None:
    assert translate(Problem("x", "is odd", "no_such_kind", {"a": 1}), "nl") == "is odd"


def test_a_problem_in_a_pages_own_words_is_shown_as_it_is() -> None:
    assert translate(Problem("naam", "vul een naam in"), "nl") == "vul een naam in"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_the_model_reports_has_words_in_both_languages(kind: str) -> None:
    english = text(f"model_message.{kind}", "en")
    assert english == KINDS[kind]
    # The Dutch words fill in only values the kind has (a detail may be left out).
    names = set(PLACEHOLDER.findall(KINDS[kind]))
    assert set(PLACEHOLDER.findall(text(f"model_message.{kind}", "nl"))) <= names


def test_the_words_of_the_model_messages_are_exactly_those_of_its_kinds() -> None:
    assert sorted(MODEL_MESSAGES) == sorted(f"model_message.{kind}" for kind in KINDS)

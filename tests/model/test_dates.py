"""A date that does not exist is reported at its field path, and one bad date no longer hides
the other problems of a file (issue 10, item 11): YAML's own reading of `2023-02-30` used to
fail for the whole file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from klaverblad.model import InitiativeError, load_initiative
from klaverblad.model.loading import parse_initiative, parse_text
from klaverblad.model.safe_documents import load_yaml
from klaverblad.web.words.model_messages import translate
from tests.builders import initiative_data, person

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


def problems_of(text: str, source: str = "plan.yaml") -> list[str]:
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(parse_text(text, source), source)
    return [f"{p.path}: {p.message}" for p in raised.value.problems]


def test_yaml_keeps_a_date_that_does_not_exist_as_its_text() -> None:
    assert load_yaml("a: 2023-02-30\nb: 2023-02-28\n") == {
        "a": "2023-02-30",
        "b": date(2023, 2, 28),
    }


def test_a_nonexistent_birth_date_is_named_at_its_field_path() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "birth_date: 1968-03-15", "birth_date: 2023-02-30", 1
    )
    assert "birth_date: 2023-02-30" in text  # the example's first person
    assert problems_of(text) == ["people[0].birth_date: 2023-02-30 does not exist"]


def test_the_other_problems_of_the_file_are_still_listed() -> None:
    text = (
        "id: bad-dates\nname: Test\n"
        "promoter: {name: vzw, legal_form: vzw, municipality: Gent}\n"
        "horizon: {start: 2006-01, months: 12}\n"
        "people:\n"
        "  - {id: w1, role: target, birth_date: 2023-02-30, diploma: geen, status: uvw,\n"
        "     unemployed_months: 30, start_date: 2006-01-01, fte: 2, monthly_wage_cost: 2100}\n"
        "  - {id: w2, role: target, birth_date: 1970-01-01, diploma: geen, status: uvw,\n"
        "     unemployed_months: 30, start_date: 2006-13-01, fte: 1, monthly_wage_cost: 2100,\n"
        "     colour: blue}\n"
    )
    assert sorted(problems_of(text)) == [
        "people[0].birth_date: 2023-02-30 does not exist",
        "people[0].fte: must be more than 0 and at most 1",
        "people[1].colour: is not a known field",
        "people[1].start_date: 2006-13-01 does not exist",
    ]


def test_the_dutch_message_says_bestaat_niet() -> None:
    data = initiative_data(people=[person(birth_date="2023-02-30")])
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(data, "plan.json")
    [problem] = raised.value.problems
    assert translate(problem, "nl") == "2023-02-30 bestaat niet"
    assert translate(problem, "en") == "2023-02-30 does not exist"


def test_a_nonexistent_date_in_json_gets_the_same_message() -> None:
    data = initiative_data(people=[person(birth_date="2023-02-30")])
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(data, "plan.json")
    assert raised.value.lines() == ["plan.json: people[0].birth_date: 2023-02-30 does not exist"]


def test_a_text_that_is_not_a_date_keeps_its_own_message() -> None:
    data = initiative_data(people=[person(birth_date="30/02/2023")])
    with pytest.raises(InitiativeError) as raised:
        parse_initiative(data, "plan.json")
    assert raised.value.lines() == [
        "plan.json: people[0].birth_date: '30/02/2023' is not a date in the form YYYY-MM-DD"
    ]


def test_the_command_line_loader_reports_it_at_its_path(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "birth_date: 1968-03-15", "birth_date: 2023-02-30", 1
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InitiativeError) as raised:
        load_initiative(path)
    assert raised.value.lines() == [f"{path}: people[0].birth_date: 2023-02-30 does not exist"]

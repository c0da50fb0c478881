"""Bad initiative files: one plain problem per field, naming its path; nothing else raises."""

import json
from pathlib import Path

import pytest

from klaverblad.model import InitiativeError, load_initiative, parse_initiative
from tests.builders import initiative_data, person


def problems(data: object) -> list[str]:
    with pytest.raises(InitiativeError) as caught:
        parse_initiative(data, source="plan.yaml")
    return caught.value.lines()


def test_a_valid_file_loads_with_exact_decimal_money() -> None:
    loaded = parse_initiative(initiative_data(people=[person()]), source="ok.yaml")
    assert str(loaded.people[0].monthly_wage_cost) == "2100.0"
    assert loaded.people[0].statute is None


def test_an_unknown_key_is_named_with_its_path() -> None:
    assert problems(initiative_data(people=[person(colour="red")])) == [
        "plan.yaml: people[0].colour: is not a known field"
    ]


def test_a_missing_required_key_is_named() -> None:
    data = initiative_data()
    del data["horizon"]
    assert problems(data) == ["plan.yaml: horizon: is required but missing"]


def test_the_string_false_is_not_read_as_true() -> None:
    assert problems(initiative_data(people=[person(placed_by_ocmw="false")])) == [
        "plan.yaml: people[0].placed_by_ocmw: must be true or false"
    ]


def test_a_number_given_as_text_or_with_a_fraction_is_not_a_whole_number() -> None:
    lines = problems(
        initiative_data(
            people=[person(unemployed_months="30"), person(id="w2", unemployed_months=17.9)]
        )
    )
    assert lines == [
        "plan.yaml: people[0].unemployed_months: must be a whole number",
        "plan.yaml: people[1].unemployed_months: must be a whole number",
    ]


def test_out_of_range_values_name_their_limits() -> None:
    lines = problems(
        initiative_data(
            horizon={"start": "2006-01", "months": 241},
            people=[person(fte=0, monthly_wage_cost=-1, maatwerk_loonpremie_pct=42)],
        )
    )
    assert "plan.yaml: horizon.months: Input should be less than or equal to 240" in lines
    assert "plan.yaml: people[0].fte: must be more than 0 and at most 1" in lines
    assert "plan.yaml: people[0].monthly_wage_cost: must not be negative" in lines
    assert (
        "plan.yaml: people[0].maatwerk_loonpremie_pct: must be a multiple of 5 from 20 to 75 "
        "(a VDAB decision)" in lines
    )


def test_money_with_more_than_two_decimals_is_refused() -> None:
    assert problems(initiative_data(people=[person(monthly_wage_cost=2100.001)])) == [
        "plan.yaml: people[0].monthly_wage_cost: has more than 2 decimals "
        "(euros with at most 2 decimals)"
    ]


def test_malformed_dates_and_months_are_named() -> None:
    lines = problems(
        initiative_data(
            horizon={"start": "2006-13", "months": 12},
            people=[person(start_date="2006-02-30")],
        )
    )
    assert lines == [
        "plan.yaml: horizon.start: '2006-13' is not a month in the form YYYY-MM",
        "plan.yaml: people[0].start_date: 2006-02-30 does not exist",
    ]


def test_a_value_outside_an_enumeration_lists_the_allowed_values() -> None:
    (line,) = problems(initiative_data(people=[person(status="werkloos")]))
    assert line.startswith("plan.yaml: people[0].status: 'werkloos' is not allowed; expected")
    assert "'uvw'" in line


def test_duplicate_ids_and_unknown_references_are_errors() -> None:
    activity = {
        "id": "a1",
        "kind": "klusjes",
        "hours_per_month": 10,
        "payment": "cash",
        "price_per_hour": 7.5,
        "client_group": "particulier",
    }
    data = initiative_data(
        people=[person(), person()],
        activities=[activity],
        agreements=[
            {
                "funder": "Kind en Gezin",
                "domain": "kinderopvang",
                "amount_per_hour": 1,
                "activity": "a9",
            }
        ],
    )
    assert problems(data) == [
        "plan.yaml: people[1].id: duplicate id 'w1'",
        "plan.yaml: agreements[0].activity: names an unknown activity 'a9'",
    ]


def test_cross_field_rules_name_the_field_to_fix() -> None:
    data = initiative_data(
        promoter={"name": "NV", "legal_form": "bedrijf", "municipality": "Gent"},
        people=[person(end_date="2005-12-31")],
        activities=[
            {
                "id": "a1",
                "kind": "klusjes",
                "hours_per_month": 10,
                "payment": "cash",
                "client_group": "particulier",
            }
        ],
        grants=[
            {
                "measure": "overig",
                "funder": "X",
                "amount_per_year": 1,
                "from": "2007-03",
                "until": "2007-01",
            }
        ],
    )
    assert problems(data) == [
        "plan.yaml: recognitions: the recognition 'lde' needs a legal form among vzw, ocmw, "
        "gemeente, intercommunale, cooperatie (the promoter is 'bedrijf')",
        "plan.yaml: people[0].end_date: is before start_date (2006-01-01)",
        "plan.yaml: activities[0].price_per_hour: is required when payment is 'cash'",
        "plan.yaml: grants[0].leaf: is required when measure is 'overig'",
        "plan.yaml: grants[0].until: is before from (2007-03)",
    ]


def test_a_key_given_twice_in_yaml_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text("id: a\nid: b\n", encoding="utf-8")
    with pytest.raises(InitiativeError) as caught:
        load_initiative(path)
    assert caught.value.lines() == [
        f"{path}: line 2, column 1: not valid YAML: the key 'id' is given twice"
    ]


def test_broken_yaml_and_json_say_where(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(InitiativeError) as caught:
        load_initiative(broken)
    assert caught.value.lines()[0].startswith(f"{broken}: line 2, column 1: not valid YAML")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"id": }', encoding="utf-8")
    with pytest.raises(InitiativeError) as caught:
        load_initiative(bad_json)
    assert caught.value.lines() == [
        f"{bad_json}: line 1, column 8: not valid JSON: Expecting value"
    ]


def test_json_and_yaml_files_of_the_same_shape_load_the_same(tmp_path: Path) -> None:
    data = initiative_data(people=[person()])
    as_json = tmp_path / "plan.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    assert load_initiative(as_json) == parse_initiative(data, source="x")


def test_a_missing_file_is_a_plain_problem(tmp_path: Path) -> None:
    with pytest.raises(InitiativeError) as caught:
        load_initiative(tmp_path / "nope.yaml")
    assert caught.value.lines() == [
        f"{tmp_path / 'nope.yaml'}: (the file): cannot be read: No such file or directory"
    ]


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    assert problems(["a", "list"]) == ["plan.yaml: (the whole file): must be a mapping of fields"]

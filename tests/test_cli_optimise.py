"""`klaverblad optimise` as a user runs it: JSON, the table in Dutch and English, bad options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.builders import initiative_data, person


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", "optimise", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def three_workers(tmp_path: Path) -> Path:
    """SINE or GESCO each: a 10 000.00 / 5 035.01, b 10 000.00 / 2 400.00, c 5 000.00 / 2 517.51
    (tests/advice/test_optimise.py)."""
    data = initiative_data(
        people=[
            person(id="a", unemployed_months=12),
            person(id="b", unemployed_months=12, monthly_wage_cost=200),
            person(id="c", unemployed_months=12, fte=0.5, monthly_wage_cost=1050),
        ]
    )
    path = tmp_path / "three.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_json_gives_current_and_proposed_with_the_gain(three_workers: Path) -> None:
    result = run(str(three_workers), "--max", "sine=1", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == [
        "schema",
        "initiative",
        "horizon",
        "rules",
        "constraints",
        "solver",
        "totals",
        "years",
        "people",
        "funders",
        "positions",
    ]
    assert document["schema"] == "klaverblad.optimise/1"
    assert document["constraints"] == {"max_positions": {"sine": 1}, "budget_cap": {}, "fixed": {}}
    assert document["solver"]["status"] == "optimal"
    assert [(p["id"], p["current"], p["proposed"]) for p in document["people"]] == [
        ("a", "sine", "gesco"),
        ("b", "sine", "sine"),
        ("c", "sine", "gesco"),
    ]
    assert document["people"][0]["gain"] == "-4964.99"
    assert document["people"][0]["years"] == [
        {"year": 2006, "current_value": "10000.00", "proposed_value": "5035.01", "gain": "-4964.99"}
    ]
    assert document["totals"]["current"] == {
        "funding": "25000.00",
        "gap": "15200.00",
        "meets_constraints": False,
    }
    assert document["totals"]["proposed"] == {"funding": "17552.52", "gap": "22647.48"}
    assert document["years"] == [
        {"year": 2006, "current_gap": "15200.00", "proposed_gap": "22647.48", "gain": "-7447.48"}
    ]


def test_caps_and_fixed_people_reach_the_solver(three_workers: Path) -> None:
    result = run(
        str(three_workers), "--cap", "federaal=15000", "--fix", "c=sine", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [p["proposed"] for p in document["people"]] == ["gesco", "sine", "sine"]
    assert document["funders"][0] == {
        "funder": "federaal",
        "current": "25000.00",
        "proposed": "15000.00",
        "cap": "15000.00",
    }
    assert document["constraints"]["fixed"] == {"c": "sine"}


def test_the_table_is_dutch_by_default_and_english_on_request(three_workers: Path) -> None:
    dutch = run(str(three_workers), "--max", "sine=1", "--format", "table")
    assert dutch.returncode == 0, dutch.stderr
    assert "Optimalisatie van de loonstatuten" in dutch.stdout
    assert "€\xa022.647,48" in dutch.stdout
    assert "€\xa0-4.964,99" in dutch.stdout
    english = run(str(three_workers), "--max", "sine=1", "--format", "table", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "Wage statute optimisation" in english.stdout
    assert "€22,647.48" in english.stdout


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--max", "x"], "--max: 'x' is not in the form statute=number"),
        (["--max", "sine=two"], "--max: sine=two: 'two' is not a whole number"),
        (
            ["--max", "foo=1"],
            "--max: 'foo' is not a wage statute (sine, art60, twe, gesco, activa, activa_start, "
            "wep_plus, aanwervingsincentive, dgv_zonder_werkervaring, maatwerk, vop)",
        ),
        (["--max", "sine=-1"], "--max: sine=-1: must be 0 or more"),
        (["--cap", "federaal=-5"], "--cap: federaal=-5: must be 0 or more"),
        (["--cap", "federaal=abc"], "--cap: federaal=abc: 'abc' is not an amount in euros"),
        (["--cap", "OCMW=5"], "--cap: 'OCMW' does not fund wage statutes here (federaal, Vlaams)"),
        (
            ["--cap", "federaal=1e999999"],
            "--cap: federaal=1e999999: '1e999999' is not a number: write digits only, without "
            "an exponent",
        ),
        (
            ["--cap", "federaal=" + "9" * 31],
            f"--cap: federaal={'9' * 31}: '{'9' * 31}' is not a number: it has more than 30 "
            "significant digits",
        ),
        (["--max", "sine=1e9999999"], "--max: sine=1e9999999: '1e9999999' is not a whole number"),
        (["--fix", "zz=sine"], "--fix: 'zz' is not a person (a, b, c)"),
        (
            ["--fix", "a=art60"],
            "--fix: a=art60: a is not eligible for art60 (eligible: sine, gesco, regular)",
        ),
        (
            ["--fix", "a=sine", "--fix", "b=sine", "--max", "sine=1"],
            "--max: sine=1: the people fixed to sine alone are 2 (a, b)",
        ),
        (
            ["--fix", "a=sine", "--cap", "federaal=100"],
            "--cap: federaal=100: the people fixed to a statute alone bring 10000.00 from federaal",
        ),
    ],
)
def test_a_bad_option_exits_2_with_one_line_naming_it(
    three_workers: Path, options: list[str], message: str
) -> None:
    result = run(str(three_workers), *options, "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [message]
    assert "Traceback" not in result.stderr


def test_a_bad_file_exits_2_as_for_plan(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(initiative_data(people=[person(fte=2)])), encoding="utf-8")
    result = run(str(path), "--format", "json")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{path}: people[0].fte: must be more than 0 and at most 1"
    ]

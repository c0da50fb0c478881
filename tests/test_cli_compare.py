"""`klaverblad compare FILE --reform NAME --set PATH=VALUE@YYYY-MM`: the difference between the
baseline and the changes, one step per change (docs/compare.md). BIK's figures are worked out
by hand in tests/advice/test_reform_steps.py: + € 6 500 for the SINE extension (w4 on SINE
instead of WEP+), + € 7 200 for the LDE–SINE link (3 people × € 2 400)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner, Result

from klaverblad.cli import app

RUNNER = CliRunner()
BIK = str(Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml")
BOTH = ("--reform", "sine-uitbreiding", "--reform", "lde-koppeling-sine")


def run(*args: str) -> Result:
    return RUNNER.invoke(app, ["compare", *args])


def test_the_json_gives_the_baseline_each_step_and_the_final_totals() -> None:
    result = run(BIK, *BOTH, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "klaverblad.compare/1"
    assert [step["change"] for step in document["steps"]] == [
        "sine-uitbreiding",
        "lde-koppeling-sine",
    ]
    assert [step["funding"] for step in document["steps"]] == ["6500.00", "7200.00"]
    assert document["baseline"]["costs"] == document["final"]["costs"]
    assert document["difference"] == {"funding": "13700.00", "gap": "-13700.00"}
    assert {"funder": "Vlaams", "amount": "7200.00"} in document["steps"][1]["funders"]


def test_parameter_changes_follow_the_reforms_in_the_order_given() -> None:
    # The SINE allowance from € 500 to € 600 a month from July 2006: w1, w3 and (after the
    # extension) w4 are on SINE in the 18 months from 2006-07 to 2007-12: 3 × 18 × € 100.
    result = run(
        BIK,
        "--set",
        "sine.herinschakelingsuitkering.amount=600@2006-07",
        "--reform",
        "sine-uitbreiding",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    steps = json.loads(result.stdout)["steps"]
    assert [step["change"] for step in steps] == [
        "sine-uitbreiding",
        "set:sine.herinschakelingsuitkering.amount=600.0@2006-07",
    ]
    assert steps[1]["funding"] == "5400.00"


def test_the_csv_has_one_row_per_step_person_and_measure() -> None:
    result = run(BIK, *BOTH, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["step"], r["person"], r["measure"], r["amount"]) for r in rows] == [
        ("1", "", "wep_plus", "-13500.00"),
        ("1", "w4", "sine", "20000.00"),
        ("2", "w1", "lde_sine_omkadering", "2400.00"),
        ("2", "w3", "lde_sine_omkadering", "2400.00"),
        ("2", "w4", "lde_sine_omkadering", "2400.00"),
    ]


def test_the_table_speaks_dutch_with_nl_be_money_by_default() -> None:
    result = run(BIK, *BOTH)
    assert result.exit_code == 0, result.stderr
    assert "Het verschil stap voor stap" in result.stdout
    assert "SINE uitbreiden naar andere doelgroepen" in result.stdout
    assert "€\xa06.500,00" in result.stdout
    assert "€\xa013.700,00" in result.stdout
    assert "w4: WEP+ wordt SINE" in result.stdout
    assert "LDE-omkadering gekoppeld aan SINE" in result.stdout  # a reform's measure, in words


def test_the_table_speaks_english_with_lang_en() -> None:
    result = run(BIK, *BOTH, "--lang", "en")
    assert "The difference step by step" in result.stdout
    assert "€13,700.00" in result.stdout


def test_an_unknown_reform_exits_2_with_one_line() -> None:
    result = run(BIK, "--reform", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "--reform: 'nope' is not a reform; known reforms: sine-uitbreiding, lde-koppeling-sine"
    ]


def test_without_any_change_the_command_exits_2_saying_what_to_give() -> None:
    result = run(BIK)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "--reform" in result.stderr


def test_a_bad_file_exits_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: Bad Id\n", encoding="utf-8")
    result = run(str(path), *BOTH)
    assert result.exit_code == 2
    assert all(line.startswith(f"{path}: ") for line in result.stderr.splitlines())

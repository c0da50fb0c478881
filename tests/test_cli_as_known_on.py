"""`klaverblad plan FILE --as-known-on DATE` and `klaverblad compare FILE --as-known-on DATE`
(docs/as-known-on.md): the plan under only the rules known on that date, and the plan as
planned then against the plan as it turned out. BIK's figures are worked out by hand in
tests/advice/test_known_on_steps.py."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from klaverblad.cli import app

RUNNER = CliRunner()
BIK = str(Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml")


def run(*args: str) -> Result:
    return RUNNER.invoke(app, list(args))


def test_the_plan_as_known_on_a_date_before_a_change_ignores_it() -> None:
    result = run("plan", BIK, "--as-known-on", "2006-06-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["rules"]["as_known_on"] == "2006-06-30"
    # The file's statutes: funding 147545.19 under today's rules (worked out in the example's
    # header); as known then, w2's leefloon stays 834.14 in 2006-10..12 (- 3 x 25.17 = - 75.51)
    # and the dienstencheque stays 21.00 in 2007 (+ 12 x 50 x 1.00 = + 600.00):
    # 147545.19 - 75.51 + 600.00 = 148069.68.
    assert plan["totals"]["funding"] == "148069.68"


def test_the_plan_of_today_says_it_is_known_on_no_date() -> None:
    result = run("plan", BIK, "--format", "json")
    # An extension of CONTRACT §4: one more key of `rules`, after the two it had.
    assert list(json.loads(result.stdout)["rules"]) == ["version", "reforms", "as_known_on"]
    assert json.loads(result.stdout)["rules"]["as_known_on"] is None
    assert json.loads(result.stdout)["totals"]["funding"] == "147545.19"


def test_a_bad_date_exits_2_naming_the_option() -> None:
    result = run("plan", BIK, "--as-known-on", "30-06-2006")
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == "--as-known-on: '30-06-2006' is not a date in the form YYYY-MM-DD"
    )
    result = run("compare", BIK, "--as-known-on", "2006-02-30")
    assert result.exit_code == 2
    assert result.stderr.startswith("--as-known-on: ")


def test_the_comparison_as_known_on_gives_one_step_per_measure_known_later() -> None:
    result = run("compare", BIK, "--as-known-on", "2006-06-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["rules"]["as_known_on"] == "2006-06-30"
    assert document["rules"]["changes"] == [
        "known_later:art60",
        "known_later:activa",
        "known_later:dienstencheque",
    ]
    assert [step["funding"] for step in document["steps"]] == ["75.51", "0.00", "-600.00"]
    assert document["difference"] == {"funding": "-524.49", "gap": "524.49"}


def test_the_table_names_the_plans_and_the_measures_in_dutch() -> None:
    result = run("compare", BIK, "--as-known-on", "2006-06-30")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Zoals toen gepland" in text and "juni 2006" in text
    assert "Zoals het uitdraaide" in text
    assert "artikel 60 §7" in text and "€ -600,00" in text
    assert "known_later" not in text


def test_a_date_and_a_reform_together_exit_2() -> None:
    result = run("compare", BIK, "--as-known-on", "2006-06-30", "--reform", "sine-uitbreiding")
    assert result.exit_code == 2
    assert result.stderr.startswith("--as-known-on: ")


def test_the_plan_table_names_the_date_on_its_rules_line() -> None:
    result = run("plan", BIK, "--as-known-on", "2006-06-30", "--format", "table", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    rules_line = result.stdout.splitlines()[1]
    assert rules_line.startswith("rules ") and rules_line.endswith(
        ", rules as known on 30 June 2006"
    )
    today = run("plan", BIK, "--format", "table", "--lang", "en").stdout.splitlines()[1]
    assert "known on" not in today


def test_the_plan_csv_keeps_its_columns_and_the_json_carries_the_date() -> None:
    # The CSV is one table of lines without a place for metadata (report/plan_csv.py): it
    # carries neither the rules version nor the date, the JSON's `rules` does.
    result = run("plan", BIK, "--as-known-on", "2006-06-30", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert header == "year,leaf,measure,component,funder,person,activity,amount,status"
    lines = result.stdout.split("\n\n", 1)[0].splitlines()[1:]
    # The lines sum to the funding as known then: 148069.68 (worked out above).
    cents = sum(int(line.split(",")[7].replace(".", "")) for line in lines)
    assert cents == 14806968

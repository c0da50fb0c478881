"""The command line as a user runs it: exit status, standard error, formats (CONTRACT §3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from tests.builders import initiative_data, person


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def write(tmp_path: Path, data: object, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_a_bad_file_exits_2_with_one_line_per_problem_and_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person(fte=2, colour="red")]))
    result = run("plan", str(path), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}: people[0].fte: must be more than 0 and at most 1",
        f"{path}: people[0].colour: is not a known field",
    ]


def test_plan_json_follows_the_contract(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    result = run("plan", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert list(plan) == [
        "schema",
        "initiative",
        "horizon",
        "rules",
        "totals",
        "leaves",
        "years",
        "lines",
        "memo_lines",  # v1.2, always there, right after the lines (CONTRACT §4)
        "people",
        "break_even_price",
        "alerts",
        "certainty",  # step 9, an extension (docs/certainty.md)
    ]
    assert plan["memo_lines"] == []
    assert plan["schema"] == "klaverblad.plan/1"
    assert plan["totals"]["funding"] == "10000.00"
    assert plan["break_even_price"] is None
    assert plan["alerts"][0]["code"] == "amount_unknown"


def test_start_and_months_override_the_horizon_and_bad_values_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    result = run("plan", str(path), "--format", "json", "--start", "2007-01", "--months", "3")
    assert json.loads(result.stdout)["horizon"] == {"start": "2007-01", "months": 3}
    bad = run("plan", str(path), "--start", "2007-13")
    assert (bad.returncode, bad.stderr.strip()) == (
        2,
        "--start: '2007-13' is not a month in the form YYYY-MM",
    )
    assert run("plan", str(path), "--months", "241").returncode == 2


def test_csv_and_table_formats(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    csv_lines = run("plan", str(path), "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "year,leaf,measure,component,funder,person,activity,amount,status"
    assert "2006,II,sine,doelgroepvermindering,federaal,w1,,4000.00,computed" in csv_lines
    table = run("plan", str(path), "--format", "table").stdout
    assert "€\xa010.000,00" in table and "II werkgelegenheid" in table
    english = run("plan", str(path), "--format", "table", "--lang", "en").stdout
    assert "€10,000.00" in english and "II employment" in english


def test_output_writes_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    target = tmp_path / "out.json"
    assert run("plan", str(path), "--format", "json", "--output", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "klaverblad.plan/1"


def test_explain_lists_every_condition_with_met_label_and_reference(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    result = run("explain", str(path), "--person", "w1", "--format", "json", "--month", "2006-03")
    explained = json.loads(result.stdout)
    sine = next(m for m in explained["measures"] if m["measure"] == "sine")
    assert sine["eligible"] and sine["applied"]
    assert [c["condition"] for c in sine["conditions"]] == [
        "sine_start_window_ok",
        "sine_employer_ok",
        "sine_status_ok",
        "sine_low_skilled",
        "sine_unemployment_ok",
    ]
    assert all(c["met"] and c["label"] and c["reference"] for c in sine["conditions"])
    rsz = next(c for c in sine["components"] if c["component"] == "doelgroepvermindering")
    assert rsz["amount"] == "1000.00"  # March is a quarter end
    assert rsz["parameters"][0]["grade"] == "H"
    art60 = next(m for m in explained["measures"] if m["measure"] == "art60")
    assert [c["met"] for c in art60["conditions"]] == [True, False, False]
    text = run("explain", str(path), "--person", "w1", "--measure", "art60").stdout
    assert "NIET voldaan" in text


def test_explain_an_unknown_person_or_measure_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person()]))
    result = run("explain", str(path), "--person", "nobody")
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"--person: no person 'nobody' in {path}; known: w1",
    )
    assert run("explain", str(path), "--person", "w1", "--measure", "x").returncode == 2


def test_measures_gives_each_parameter_at_a_date_with_source_and_grade() -> None:
    result = run("measures", "--date", "2006-10-15", "--format", "json")
    catalogue = json.loads(result.stdout)
    art60 = next(m for m in catalogue["measures"] if m["measure"] == "art60")
    leefloon = next(p for p in art60["parameters"] if p["parameter"] == "art60.leefloon_cat3")
    assert (leefloon["value"], leefloon["since"], leefloon["grade"]) == (859.31, "2006-10-01", "L")
    assert leefloon["reference"][0]["href"].startswith("https://")
    assert run("measures", "--date", "2006-13-01").returncode == 2


def test_csv_output_puts_the_alerts_on_standard_error(tmp_path: Path) -> None:
    path = write(tmp_path, initiative_data(people=[person(statute="art60")]))
    result = run("plan", str(path), "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.startswith("year,leaf,measure")
    assert "[error] statute_not_eligible w1: " in result.stderr


def test_measures_lists_the_reforms_of_the_2006_report() -> None:
    catalogue = json.loads(run("measures", "--format", "json").stdout)
    assert [reform["name"] for reform in catalogue["reforms"]] == [
        "sine-uitbreiding",
        "lde-koppeling-sine",
    ]
    assert "SINE uitbreiden" in catalogue["reforms"][0]["doc"]


def test_sine_lines_carry_the_v1_2_component_names(tmp_path: Path) -> None:
    """RULEBOOK v1.2 C2: `doelgroepvermindering` (4 × 1000) and `herinschakelingsuitkering`
    (12 × 500) for a full-time SINE worker of 2006; the v1.1 names are gone from the lines."""
    path = write(tmp_path, initiative_data(people=[person()]))
    plan = json.loads(run("plan", str(path), "--format", "json").stdout)
    lines = [line for line in plan["lines"] if line["measure"] == "sine"]
    amounts = {line["component"]: line["amount"] for line in lines}
    assert amounts == {"doelgroepvermindering": "4000.00", "herinschakelingsuitkering": "6000.00"}


def test_a_v1_1_parameter_name_in_set_is_read_as_its_v1_2_name_with_one_warning(
    tmp_path: Path,
) -> None:
    """CONTRACT §3: `sine.activeringsuitkering.amount` stands for
    `sine.herinschakelingsuitkering.amount` for one version; 600 a month from 2006-01 gives
    4 × 1000 + 12 × 600 = 11 200.00."""
    path = write(tmp_path, initiative_data(people=[person()]))
    old = run(
        "plan",
        str(path),
        "--format",
        "json",
        "--set",
        "sine.activeringsuitkering.amount=600@2006-01",
    )
    assert old.returncode == 0, old.stderr
    warnings = [line for line in old.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "sine.herinschakelingsuitkering.amount" in warnings[0] and "v1.3" in warnings[0]
    plan = json.loads(old.stdout)
    assert plan["totals"]["funding"] == "11200.00"
    assert plan["rules"]["reforms"] == ["set:sine.herinschakelingsuitkering.amount=600.0@2006-01"]
    new = run(
        "plan",
        str(path),
        "--format",
        "json",
        "--set",
        "sine.herinschakelingsuitkering.amount=600@2006-01",
    )
    assert "warning:" not in new.stderr
    assert json.loads(new.stdout)["totals"] == plan["totals"]


def test_measures_gives_each_measure_its_window_and_successor_in_words() -> None:
    """CONTRACT §3 (v1.2): SINE takes new hires until 30 June 2023 (RULEBOOK §3.3) and pays
    at the latest to June 2025; its successor is individueel maatwerk (§6.1)."""
    result = run("measures", "--date", "2025-06-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    sine = next(m for m in json.loads(result.stdout)["measures"] if m["measure"] == "sine")
    assert sine["window"]["start"]["closes"] == "2023-07-01"
    assert sine["window"]["paid"]["closes"] == "2025-07-01"
    assert "maatwerk" in [s["measure"] for s in sine["successors"]]
    assert sine["names"] == {"nl": "SINE", "en": "SINE"}
    regular = next(m for m in json.loads(result.stdout)["measures"] if m["measure"] == "overig")
    assert (regular["window"], regular["successors"]) == (None, [])
    table = run("measures", "--date", "2025-06-01", "--lang", "nl").stdout
    assert "tot en met 30 juni 2023; bedragen" in " ".join(table.split())

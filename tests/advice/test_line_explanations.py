"""Every line of every example is explained from the rule metadata (issue step 2, item 2)."""

import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from klaverblad.advice.line_explanations import explain_lines
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_line_of_an_example_has_a_rule_inputs_references_and_a_grade(path: Path) -> None:
    plan = compute_plan(load_initiative(path))
    explained = explain_lines(plan)
    assert len(explained) == len(plan.lines) > 0
    for entry in explained:
        assert entry["rule"], entry["line"]
        assert entry["references"], entry["line"]
        assert entry["grade"] in ("H", "M", "L", "entered"), entry["line"]
        if entry["line"]["status"] == "computed":
            assert entry["inputs"], entry["line"]


def test_a_statute_line_names_each_parameter_value_in_force_in_its_year() -> None:
    # BIK's Art. 60 worker in 2006: the leefloon 834.14 until September, 859.31 from October.
    plan = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    (entry,) = [
        e
        for e in explain_lines(plan, "en")
        if e["line"]["measure"] == "art60" and e["line"]["year"] == 2006
    ]
    leefloon = [p for p in entry["parameters"] if p["parameter"] == "art60.leefloon_cat3"]
    assert [(p["value"], p["since"]) for p in leefloon] == [
        (834.14, "2005-08-01"),
        (859.31, "2006-10-01"),
    ]
    assert entry["grade"] == "L"  # the leefloon is H, its use as the subsidy is L
    assert entry["inputs"]["status"] == "leefloon"
    assert entry["rule"].startswith("Art. 60 staatstoelage")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def test_explain_line_and_lines_from_the_command_line() -> None:
    path = str(EXAMPLES / "bik-klusjesdienst.yaml")
    one = json.loads(run("explain", path, "--line", "0", "--format", "json").stdout)
    assert [entry["index"] for entry in one["lines"]] == [0]
    every = json.loads(run("explain", path, "--lines", "--format", "json").stdout)
    plan = json.loads(run("plan", path, "--format", "json").stdout)
    assert len(every["lines"]) == len(plan["lines"])
    too_far = run("explain", path, "--line", "9999")
    assert too_far.returncode == 2 and too_far.stderr.startswith("--line: the plan has ")
    both = run("explain", path, "--line", "0", "--person", "w1")
    assert (both.returncode, both.stderr.strip()) == (
        2,
        "give exactly one of --person ID, --line N or --lines",
    )


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_line_carries_a_sum_whose_terms_add_up_to_its_amount(path: Path) -> None:
    plan = compute_plan(load_initiative(path))
    for line, entry in zip(plan.lines, explain_lines(plan), strict=True):
        terms = [
            [(Decimal(f["value"]) - Decimal(f.get("minus") or 0), f["kind"]) for f in term]
            for term in entry["sum"]["terms"]
        ]
        total = Decimal(0)
        for term in terms:
            product = Decimal(1)
            for value, kind in term:
                # "÷ 12" and "÷ the FTE of the full amount" divide; a percentage is / 100.
                product *= (
                    1 / value
                    if kind in ("twelfth", "full_fte")
                    else value / 100
                    if kind == "percent"
                    else value
                )
            total += product
        assert total.quantize(Decimal("0.01"), ROUND_HALF_UP) * 100 == line.cents, entry


def test_a_line_names_a_legal_source_or_the_rulebook_section_not_an_english_label() -> None:
    plan = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    references = {(e["line"]["measure"], tuple(e["references"])) for e in explain_lines(plan, "nl")}
    assert ("lde", ("Klaverblad-regelboek v1.2, §4.1",)) in references
    assert ("beleidsdomein", ("Klaverblad-regelboek v1.2, §4.3",)) in references
    assert (
        "dienstencheque",
        ("Wet 20 juli 2001; KB 12 december 2001 (dienstencheques)",),
    ) in references
    assert not any("entered grant" in " ".join(r) for _, r in references)


def test_a_persons_decisions_are_inputs_only_when_given() -> None:
    plan = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    by_person = {
        e["line"]["person"]: e["inputs"] for e in explain_lines(plan) if e["line"]["person"]
    }
    assert by_person["w2"]["placed_by_ocmw"] is True
    assert "placed_by_ocmw" not in by_person["w1"] and "gesco_verhoogd" not in by_person["w1"]

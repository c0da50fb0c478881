"""The report's two reforms and generic parameter changes (RULEBOOK §7), in whole plans."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf, value_at_month
from klaverblad.rules.reforms import ReformError, parse_change, reformed_system
from tests.builders import initiative, person
from tests.plan.helpers import cents

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


def test_sine_uitbreiding_lets_a_person_with_a_higher_diploma_onto_sine() -> None:
    # Hoger secundair and 8 months on benefit: baseline SINE needs low-skilled and 12 months;
    # the reform drops the first and lowers the second to 6. SINE then beats GESCO.
    data = initiative(people=[person(diploma="hoger_secundair", unemployed_months=8)])
    assert compute_plan(data).people[0].statute == "gesco"
    reformed = compute_plan(data, reformed_system(("sine-uitbreiding",)))
    assert reformed.people[0].statute == "sine"
    assert cents(reformed, measure="sine") == 1_000_000


def test_sine_uitbreiding_lifts_the_sine_alert_only_for_whom_it_changes_eligibility() -> None:
    # At BIK, w4 (hoger secundair) can switch under the reform; w2 (3 months on leefloon,
    # below the 6 that stays 6) still cannot.
    bik = load_initiative(BIK)
    baseline = [a.subject for a in plan_alerts(compute_plan(bik)) if a.code == "sine_not_eligible"]
    reformed_plan = compute_plan(bik, reformed_system(("sine-uitbreiding",)))
    reformed = [a.subject for a in plan_alerts(reformed_plan) if a.code == "sine_not_eligible"]
    assert (baseline, reformed) == (["w2", "w4"], ["w2"])


def test_lde_koppeling_sine_adds_1200_a_year_of_omkadering_per_full_time_sine_worker() -> None:
    plan = compute_plan(load_initiative(BIK), reformed_system(("lde-koppeling-sine",)))
    lines = [line for line in plan.lines if line.measure == "lde_sine_omkadering"]
    assert {(line.person, line.year, line.cents, line.leaf, line.component) for line in lines} == {
        ("w1", 2006, 120_000, "I", "omkadering"),
        ("w1", 2007, 120_000, "I", "omkadering"),
    }


def test_reforms_stack_and_leave_the_baseline_untouched() -> None:
    both = reformed_system(("sine-uitbreiding", "lde-koppeling-sine"))
    data = initiative(people=[person(diploma="hoger", unemployed_months=6)])
    plan = compute_plan(data, both, reforms=("sine-uitbreiding", "lde-koppeling-sine"))
    assert plan.people[0].statute == "sine"
    assert cents(plan, measure="lde_sine_omkadering") == 120_000
    required = leaf(baseline_system().parameters, "sine.low_skilled_required")
    assert value_at_month(required, 2006 * 12) is True
    assert compute_plan(data).people[0].statute == "gesco"


def test_a_parameter_change_applies_from_its_month() -> None:
    # The SINE allowance raised to 600 from 2006-07: 6 × 500 + 6 × 600 = 6 600.
    change = parse_change("sine.herinschakelingsuitkering.amount=600@2006-07")
    plan = compute_plan(initiative(people=[person()]), reformed_system((), (change,)))
    assert cents(plan, component="herinschakelingsuitkering") == 660_000
    assert change.label == "set:sine.herinschakelingsuitkering.amount=600.0@2006-07"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sine.nothing=1@2006-01", "'sine.nothing' is not a parameter (see `klaverblad measures`)"),
        ("sine.herinschakelingsuitkering.amount=abc@2006-01", "'abc' is not a number for "),
        ("sine.herinschakelingsuitkering.amount=500.001@2006-01", "at most 2 decimals"),
        ("sine.herinschakelingsuitkering.paid=maybe@2006-01", "is true or false, not 'maybe'"),
        ("sine.herinschakelingsuitkering.amount=500", "is not of the form PARAMETER=VALUE@YYYY-MM"),
        ("dienstencheque.allowed_kinds=1@2006-01", "is a list; only numbers and booleans"),
    ],
)
def test_a_bad_parameter_change_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ReformError, match=None) as caught:
        parse_change(text)
    assert message in str(caught.value)


def test_an_unknown_reform_is_refused() -> None:
    with pytest.raises(ReformError, match="known reforms: sine-uitbreiding, lde-koppeling-sine"):
        reformed_system(("nope",))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def test_plan_reports_its_reforms_and_says_when_one_changes_nothing() -> None:
    result = run("plan", str(BIK), "--format", "json", "--reform", "lde-koppeling-sine")
    assert json.loads(result.stdout)["rules"]["reforms"] == ["lde-koppeling-sine"]
    assert result.stderr == ""
    twe = BIK.with_name("twe-ocmw-2017.yaml")
    result = run("plan", str(twe), "--format", "json", "--reform", "lde-koppeling-sine")
    assert result.returncode == 0
    assert "the reform changes nothing in this plan" in result.stderr


def test_bad_reform_options_exit_2_naming_the_option() -> None:
    result = run("plan", str(BIK), "--reform", "nope", "--set", "x=1@2006-01")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "--set: 'x' is not a parameter (see `klaverblad measures`)",
        "--reform: 'nope' is not a reform; known reforms: sine-uitbreiding, lde-koppeling-sine",
    ]

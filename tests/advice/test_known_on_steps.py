"""As planned then against as it turned out (`advice/known_on_steps.py`): BIK's 2006 plan
under the rules known on 30 June 2006 and under today's, one step per measure whose values
became known later, the steps summing to the total to the cent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from klaverblad.advice.known_on_steps import known_on_steps
from klaverblad.model import load_initiative
from klaverblad.rules.known_on import KnownLater

BIK = load_initiative(Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml")


def test_bik_as_known_mid_2006_against_as_it_turned_out() -> None:
    result = known_on_steps(BIK, date(2006, 6, 30))
    # By hand (docs/as-known-on.md):
    # - art60: the leefloon cat. 3 rose 834.14 -> 859.31 on 2006-10-01, unknown on 30 June;
    #   w2 works until 2006-12: 3 months x 25.17 = + 75.51.
    # - activa: the table of 2007 applies to starts from 2007; w3 started 2006: 0.00.
    # - dienstencheque: the exchange value fell 21.00 -> 20.00 on 2007-01-01; vervoer, 50 h a
    #   month in 2007: 12 x 50 x -1.00 = - 600.00.
    assert [step.change for step in result.steps] == [
        KnownLater("art60"),
        KnownLater("activa"),
        KnownLater("dienstencheque"),
    ]
    assert [step.funding_cents for step in result.steps] == [7551, 0, -60000]
    assert result.steps[0].people_measures == {("w2", "art60"): 7551}
    assert result.steps[2].people_measures == {(None, "dienstencheque"): -60000}
    # 75.51 + 0 - 600.00 = -524.49, and the steps telescope to the two plans' difference.
    assert result.funding_cents == -52449
    assert sum(step.funding_cents for step in result.steps) == result.funding_cents
    assert result.gap_cents == 52449


def test_a_date_after_the_horizon_gives_no_step() -> None:
    # Every value in force over 2006-2007 was known by 2010: nothing to explain.
    result = known_on_steps(BIK, date(2010, 1, 1))
    assert result.steps == ()
    assert result.baseline.totals == result.final.totals


def test_a_value_not_known_at_all_is_not_computable_never_a_silent_zero() -> None:
    # On 30 June 2005 the leefloon of 2005-08-01 (the first value the rules hold) was not
    # known: w2's Artikel 60 amounts are unknown then, booked not computable, and the
    # turned-out rules bring them: the step of art60 is the whole staatstoelage,
    # 9 x 834.14 + 3 x 859.31 = 7507.26 + 2577.93 = 10085.19.
    result = known_on_steps(BIK, date(2005, 6, 30))
    assert result.steps[0].change == KnownLater("art60")
    assert result.steps[0].funding_cents == 1008519
    statuses = {line.status for line in result.baseline.lines if line.measure == "art60"}
    assert "not_computable" in statuses

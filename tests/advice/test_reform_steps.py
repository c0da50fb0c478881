"""Why a reform changes a plan: one step per change, in the order given, the steps summing to
the total difference to the cent (issue #13, part 3). Figures of the BIK example worked out by
hand from its file and the parameters (see each test)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from klaverblad.advice.reform_steps import (
    SCHEMA,
    Change,
    reform_steps,
    steps_to_csv,
    steps_to_dict,
)
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.rules.reforms import parse_change
from tests.strategies import Data, initiative_documents

BIK = load_initiative(Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml")
BOTH = ["sine-uitbreiding", "lde-koppeling-sine"]
# The extra LDE omkadering of the reform lde-koppeling-sine: 1 200 a year per full-time person
# on SINE (rules/reforms/parameters/lde_sine_omkadering.yaml), over BIK's 24 months.
OMKADERING_PER_PERSON = 1200_00 * 2


def test_two_reforms_give_two_steps_that_sum_to_the_total_difference() -> None:
    result = reform_steps(BIK, BOTH)
    # Step 1: w4 (on WEP+ in the file) becomes eligible for SINE and takes it as the better
    # statute: SINE brings 24 × € 500 allowance + 8 quarters × € 1 000 reduction = € 20 000;
    # the WEP+ grant the file enters (€ 9 000 a year) is no longer booked in w4's 18 WEP+
    # months: − € 13 500. Net + € 6 500.
    # Step 2: w1, w3 and w4 are on SINE all 24 months full-time: 3 × € 2 400 = € 7 200.
    assert [step.label for step in result.steps] == BOTH
    assert [step.funding_cents for step in result.steps] == [
        20000_00 - 13500_00,
        3 * OMKADERING_PER_PERSON,
    ]
    assert [step.gap_cents for step in result.steps] == [-6500_00, -7200_00]
    assert result.funding_cents == 13700_00
    assert result.gap_cents == -13700_00
    first, second = result.steps
    assert first.people_measures == {(None, "wep_plus"): -13500_00, ("w4", "sine"): 20000_00}
    assert first.funders == {"federaal": 20000_00, "Vlaams + federaal": -13500_00}
    assert [(s.person, s.before, s.after) for s in first.statutes] == [("w4", "wep_plus", "sine")]
    assert second.people_measures == {
        (person, "lde_sine_omkadering"): OMKADERING_PER_PERSON for person in ("w1", "w3", "w4")
    }
    assert second.funders == {"Vlaams": 3 * OMKADERING_PER_PERSON}


def test_the_order_changes_the_steps_but_not_the_total() -> None:
    reversed_ = reform_steps(BIK, list(reversed(BOTH)))
    # The link first: only w1 and w3 are on SINE yet (2 × € 2 400); the extension then brings
    # w4's SINE net of WEP+ (€ 6 500) and w4's omkadering (€ 2 400).
    assert [step.label for step in reversed_.steps] == list(reversed(BOTH))
    assert [step.funding_cents for step in reversed_.steps] == [
        2 * OMKADERING_PER_PERSON,
        6500_00 + OMKADERING_PER_PERSON,
    ]
    assert reversed_.funding_cents == reform_steps(BIK, BOTH).funding_cents


def test_a_change_that_changes_nothing_is_a_zero_step() -> None:
    # The SINE allowance already is € 500 a month (sine/.../herinschakelingsuitkering/amount).
    same = parse_change("sine.herinschakelingsuitkering.amount=500@2006-01")
    result = reform_steps(BIK, ["sine-uitbreiding", same])
    step = result.steps[1]
    assert (step.funding_cents, step.gap_cents, step.people_measures, step.funders) == (
        0,
        0,
        {},
        {},
    )
    assert step.label == "set:sine.herinschakelingsuitkering.amount=500.0@2006-01"


def test_keeping_the_files_statutes_leaves_w4_on_wep_plus() -> None:
    # With the file's statutes, the extension cannot move w4: it changes nothing.
    result = reform_steps(BIK, ["sine-uitbreiding"], keep_file=True)
    assert result.steps[0].funding_cents == 0
    assert result.steps[0].statutes == ()


def test_the_json_and_csv_carry_every_step_with_money_strings() -> None:
    result = reform_steps(BIK, BOTH)
    document = steps_to_dict(result)
    assert document["schema"] == SCHEMA == "klaverblad.compare/1"
    assert document["rules"]["changes"] == BOTH
    assert [step["funding"] for step in document["steps"]] == ["6500.00", "7200.00"]
    assert document["difference"] == {"funding": "13700.00", "gap": "-13700.00"}
    assert {"person": None, "measure": "wep_plus", "amount": "-13500.00"} in document["steps"][0][
        "people_measures"
    ]
    rows = list(csv.DictReader(io.StringIO(steps_to_csv(result))))
    assert len(rows) == 2 + 3  # step 1: WEP+ and w4's SINE; step 2: three people
    assert sum(int(row["amount"].replace(".", "")) for row in rows) == 13700_00


def test_a_step_that_changes_nothing_is_still_a_row_of_the_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(steps_to_csv(reform_steps(BIK, BOTH[:1], True)))))
    assert [(r["step"], r["person"], r["measure"], r["amount"]) for r in rows] == [
        ("1", "", "", "0.00")
    ]


CHANGES: list[Change] = [
    "sine-uitbreiding",
    "lde-koppeling-sine",
    parse_change("sine.herinschakelingsuitkering.amount=650@2005-01"),
]


@settings(max_examples=15, deadline=None)
@given(initiative_documents(), st.permutations(CHANGES), st.booleans())
def test_steps_always_sum_to_the_total_difference_to_the_cent(
    document: Data, changes: list[Change], keep_file: bool
) -> None:
    initiative = parse_initiative(document, source="generated.yaml")
    result = reform_steps(initiative, changes, keep_file=keep_file)
    assert len(result.steps) == len(changes)
    assert sum(step.funding_cents for step in result.steps) == result.funding_cents
    assert sum(step.gap_cents for step in result.steps) == result.gap_cents
    for step in result.steps:
        assert sum(step.people_measures.values()) == step.funding_cents
        assert sum(step.funders.values()) == step.funding_cents

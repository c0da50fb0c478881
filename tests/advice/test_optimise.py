"""The statute optimiser: optima known by hand, brute force on small cases, constraint problems.

Every case is an LDE vzw over the 12 months of 2006, where (RULEBOOK §3) a full-time SINE worker
brings 10 000.00 (4 × 1 000 RSZ + 12 × 500 allowance, × FTE), GESCO 5 035.01 a year × FTE capped
at the monthly wage cost, and Activa 500 a month × FTE for its band's months. Workers with 12
months of unemployment at 37 are eligible for SINE and GESCO only (Activa needs 24 months at
that age, WEP+ 24). Minimising the gap = maximising what the statutes bring: costs do not
depend on the statutes."""

from __future__ import annotations

import itertools
from typing import Any, get_args

import pytest

from klaverblad.advice.optimise import OptimiseResult, optimise, statute_funding, with_statutes
from klaverblad.advice.optimise_constraints import (
    ConstraintError,
    Constraints,
    WageStatute,
    parse_constraints,
)
from klaverblad.model import STATUTES, Initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.optimise_json import optimise_to_dict
from tests.builders import initiative, person

COSTS = 40_200_00  # 12 × (2 100 + 200 + 1 050)


def worker(id: str, **changes: Any) -> dict[str, Any]:
    return person(id=id, unemployed_months=12, **changes)


def three_workers() -> Initiative:
    """a: SINE 10 000.00, GESCO 5 035.01 (difference 4 964.99);
    b: wage 200 a month, so GESCO is capped at 12 × 200 = 2 400.00: SINE 10 000.00 (7 600.00);
    c: half time at 1 050: SINE 5 000.00, GESCO 2 517.505 → 2 517.51 (2 482.49)."""
    return initiative(
        people=[
            worker("a"),
            worker("b", monthly_wage_cost=200),
            worker("c", fte=0.5, monthly_wage_cost=1050),
        ]
    )


def run(case: Initiative, **data: Any) -> OptimiseResult:
    return optimise(case, parse_constraints(data, case))


def gap(case: Initiative, statutes: dict[str, str]) -> int:
    return compute_plan(with_statutes(case, statutes)).totals.gap_cents


def meets(plan: FinancingPlan, constraints: Constraints) -> bool:
    assert plan.statutes is not None
    chosen = plan.statutes.chosen
    ids = [p.id for p in plan.initiative.people]
    funding = statute_funding(plan)
    return (
        all(chosen[ids.index(p)] == s for p, s in constraints.fixed.items())
        and all(chosen.count(s) <= n for s, n in constraints.max_positions.items())
        and all(funding.get(f, 0) <= cap * 100 for f, cap in constraints.budget_cap.items())
    )


def smallest_feasible_gap(case: Initiative, constraints: Constraints) -> int:
    """Brute force: every assignment of an eligible statute or `regular` to every person,
    each evaluated by the plan itself."""
    plan = compute_plan(case)
    assert plan.statutes is not None
    options = [
        [s for s in STATUTES if plan.statutes.eligible[s][i]] + ["regular"]
        for i in range(len(case.people))
    ]
    ids = [p.id for p in case.people]
    gaps = []
    for assignment in itertools.product(*options):
        candidate = compute_plan(with_statutes(case, dict(zip(ids, assignment, strict=True))))
        if meets(candidate, constraints):
            gaps.append(candidate.totals.gap_cents)
    return min(gaps)


def test_the_wage_statutes_of_the_input_model_are_those_of_the_rulebook() -> None:
    assert get_args(WageStatute) == STATUTES


def test_one_sine_place_goes_to_the_person_with_the_largest_sine_minus_gesco_difference() -> None:
    # Everyone takes GESCO, and the one SINE place adds SINE − GESCO of its holder:
    # b adds 7 600.00 > a 4 964.99 > c 2 482.49. Funding = 10 000.00 (b) + 5 035.01 (a)
    # + 2 517.51 (c) = 17 552.52; gap = 40 200.00 − 17 552.52 = 22 647.48.
    result = run(three_workers(), max_positions={"sine": 1})
    assert result.solver_status == "optimal"
    assert result.assignment == {"a": "gesco", "b": "sine", "c": "gesco"}
    assert result.proposed_plan.totals.funding_cents == 17_552_52
    assert result.proposed_gap_cents == COSTS - 17_552_52 == 22_647_48
    # Without the quota all three take SINE: 25 000.00, gap 15 200.00, but that breaks it.
    assert result.current_gap_cents == 15_200_00
    assert not result.current_feasible
    people = {p.id: p for p in result.people}
    assert (people["a"].current_cents, people["a"].proposed_cents) == (10_000_00, 5_035_01)
    assert people["a"].gain_cents == -4_964_99
    assert people["b"].gain_cents == 0
    assert people["c"].gain_by_year() == {2006: 2_517_51 - 5_000_00}
    assert [(y.year, y.gain_cents) for y in result.years] == [(2006, 15_200_00 - 22_647_48)]
    assert [(q.statute, q.current, q.proposed, q.most) for q in result.positions] == [
        ("sine", 3, 1, 1)
    ]


def test_the_optimiser_beats_best_eligible_repaired_to_the_quota() -> None:
    # a: SINE 10 000.00 or GESCO 5 035.01; d at 0.9 FTE for 200 a month: SINE 9 000.00 or GESCO
    # capped at 2 400.00. "Best eligible, then drop the lowest SINE to meet the quota" keeps a
    # on SINE: 10 000.00 + 2 400.00 = 12 400.00. The optimum puts d on SINE:
    # 9 000.00 + 5 035.01 = 14 035.01, 1 635.01 more.
    case = initiative(people=[worker("a"), worker("d", fte=0.9, monthly_wage_cost=200)])
    result = run(case, max_positions={"sine": 1})
    repaired = gap(case, {"a": "sine", "d": "gesco"})
    assert result.assignment == {"a": "gesco", "d": "sine"}
    assert result.proposed_plan.totals.funding_cents == 14_035_01
    assert repaired - result.proposed_gap_cents == 14_035_01 - 12_400_00
    assert not result.best_eligible_feasible


@pytest.mark.parametrize(
    "data",
    [
        {"max_positions": {"sine": 1}},
        {"max_positions": {"sine": 2, "gesco": 1}},
        {"max_positions": {"sine": 0}},
        {"budget_cap": {"federaal": 15000}},
        {"budget_cap": {"federaal": 12000, "Vlaams": 5000}},
        {"max_positions": {"sine": 1}, "fixed": {"b": "gesco"}},
        {"max_positions": {"gesco": 1}, "budget_cap": {"federaal": 9999.99}},
    ],
)
def test_no_feasible_assignment_has_a_smaller_gap_than_the_proposal(data: dict[str, Any]) -> None:
    case = three_workers()
    result = run(case, **data)
    assert meets(result.proposed_plan, result.constraints)
    assert result.proposed_gap_cents == smallest_feasible_gap(case, result.constraints)
    if result.best_eligible_feasible:
        assert result.proposed_gap_cents <= result.best_eligible_gap_cents


def test_a_federal_cap_picks_the_best_set_of_sine_workers_that_fits() -> None:
    # SINE is federal in 2006, GESCO Flemish. Sets of SINE workers within 15 000.00 federal:
    # {b, c} 10 000 + 5 000 + a's GESCO 5 035.01 = 20 035.01 (the best); {a, c} 15 000 + 2 400
    # = 17 400.00; {b} 10 000 + 5 035.01 + 2 517.51 = 17 552.52; …
    result = run(three_workers(), budget_cap={"federaal": 15000})
    assert result.assignment == {"a": "gesco", "b": "sine", "c": "sine"}
    assert result.proposed_gap_cents == COSTS - 20_035_01
    funders = {f.funder: f for f in result.funders}
    assert (funders["federaal"].proposed_cents, funders["federaal"].cap_cents) == (
        15_000_00,
        15_000_00,
    )
    assert funders["Vlaams"].proposed_cents == 5_035_01


def test_a_fixed_person_keeps_the_statute_and_the_rest_is_optimised_around_it() -> None:
    # b fixed to GESCO (2 400.00); one SINE place left for a (adds 4 964.99) or c (2 482.49):
    # a. Funding 10 000.00 + 2 400.00 + 2 517.51 = 14 917.51.
    result = run(three_workers(), max_positions={"sine": 1}, fixed={"b": "gesco"})
    assert result.assignment == {"a": "sine", "b": "gesco", "c": "gesco"}
    assert result.proposed_plan.totals.funding_cents == 14_917_51
    assert [p.fixed for p in result.people] == [False, True, False]


def test_a_person_can_be_fixed_to_regular() -> None:
    result = run(three_workers(), fixed={"a": "regular"})
    assert result.assignment == {"a": "regular", "b": "sine", "c": "sine"}
    assert result.proposed_gap_cents == COSTS - 15_000_00


def test_the_wep_plus_grant_counts_once_so_the_optimiser_beats_best_eligible_unbound() -> None:
    # Not low-skilled, 30 months unemployed: GESCO, Activa (16 months: 6 000.00 in 2006) and
    # WEP+. The WEP+ grant of 12 000.00 a year is the initiative's, booked in months in which
    # someone applies WEP+: best eligible puts both on WEP+ (each "worth" 12 000.00) for
    # 12 000.00 in all; one on WEP+ and one on Activa brings 18 000.00.
    case = initiative(
        people=[person(id=i, diploma="hoger_secundair") for i in ("a", "b")],
        grants=[{"measure": "wep_plus", "funder": "Vlaams", "amount_per_year": 12000}],
    )
    result = run(case)
    assert sorted(result.assignment.values()) == ["activa", "wep_plus"]
    assert result.best_eligible_gap_cents - result.proposed_gap_cents == 6_000_00
    assert result.proposed_gap_cents == smallest_feasible_gap(case, result.constraints)


def test_a_cap_on_the_wep_plus_grant_funder_keeps_everyone_off_wep_plus() -> None:
    case = initiative(
        people=[person(id=i, diploma="hoger_secundair") for i in ("a", "b")],
        grants=[{"measure": "wep_plus", "funder": "Vlaams", "amount_per_year": 12000}],
    )
    result = run(case, budget_cap={"Vlaams": 11999.99})
    assert result.assignment == {"a": "activa", "b": "activa"}
    assert result.proposed_gap_cents == smallest_feasible_gap(case, result.constraints)


def test_without_constraints_the_proposal_keeps_the_best_eligible_statutes() -> None:
    result = run(three_workers())
    assert result.assignment == {"a": "sine", "b": "sine", "c": "sine"}
    assert result.gain_cents == 0
    assert result.current_feasible


def test_among_equal_assignments_the_current_statutes_are_kept() -> None:
    # Two identical workers, one SINE place: either way is worth the same; the file's wins.
    case = initiative(people=[worker("a", statute="gesco"), worker("b", statute="sine")])
    result = run(case, max_positions={"sine": 1})
    assert result.assignment == {"a": "gesco", "b": "sine"}
    assert result.gain_cents == 0
    # Costs 2 × 12 × 2 100.00 = 50 400.00; now 10 000.00 + 5 035.01; best eligible (both on
    # SINE, 20 000.00) breaks the quota.
    assert result.proposed_gap_cents == 50_400_00 - 15_035_01
    assert not result.best_eligible_feasible


def test_among_equal_values_rulebook_order_wins_and_an_eligible_statute_beats_regular() -> None:
    # Without a WEP+ grant WEP+ is worth 0, as is `regular`; with GESCO and Activa closed, the
    # rulebook prefers the eligible statute.
    case = initiative(people=[person(id="a", diploma="hoger_secundair")])
    result = run(case, max_positions={"gesco": 0, "activa": 0})
    assert result.assignment == {"a": "wep_plus"}


def test_fixed_people_beyond_a_quota_are_refused_naming_the_option() -> None:
    case = three_workers()
    with pytest.raises(ConstraintError) as error:
        run(case, max_positions={"sine": 1}, fixed={"a": "sine", "b": "sine"})
    assert error.value.lines({"max_positions": "--max"}) == [
        "--max: sine=1: the people fixed to sine alone are 2 (a, b)"
    ]


def test_fixed_people_beyond_a_cap_are_refused_with_the_amount() -> None:
    with pytest.raises(ConstraintError) as error:
        run(three_workers(), budget_cap={"federaal": 5000}, fixed={"a": "sine"})
    assert error.value.lines() == [
        "budget_cap: federaal=5000: the people fixed to a statute alone bring 10000.00 from "
        "federaal"
    ]


def test_fixing_a_person_to_a_statute_they_are_not_eligible_for_is_refused() -> None:
    with pytest.raises(ConstraintError) as error:
        run(three_workers(), fixed={"a": "art60"})
    assert error.value.lines() == [
        "fixed: a=art60: a is not eligible for art60 (eligible: sine, gesco, regular)"
    ]


def test_unknown_statutes_people_funders_and_negative_numbers_are_each_named() -> None:
    case = three_workers()
    with pytest.raises(ConstraintError) as error:
        parse_constraints(
            {
                "max_positions": {"bar": 1, "sine": -1},
                "budget_cap": {"Vlaams": -2},
                "fixed": {"b": "foo"},
            },
            case,
        )
    assert error.value.lines() == [
        "max_positions: 'bar' is not a wage statute (sine, art60, twe, gesco, activa, "
        "activa_start, wep_plus, aanwervingsincentive, dgv_zonder_werkervaring, maatwerk, vop)",
        "max_positions: sine=-1: must be 0 or more",
        "budget_cap: Vlaams=-2: must be 0 or more",
        "fixed: b=foo: 'foo' is not a statute (sine, art60, twe, gesco, activa, activa_start, "
        "wep_plus, aanwervingsincentive, dgv_zonder_werkervaring, maatwerk, vop, regular)",
    ]
    with pytest.raises(ConstraintError) as error:
        parse_constraints({"fixed": {"zz": "sine"}, "budget_cap": {"OCMW": 1}}, case)
    assert error.value.lines() == [
        "fixed: 'zz' is not a person (a, b, c)",
        "budget_cap: 'OCMW' does not fund wage statutes here (federaal, Vlaams)",
    ]


def test_an_initiative_without_people_has_nothing_to_choose() -> None:
    case = initiative()
    result = run(case, max_positions={"sine": 0})
    assert result.people == []
    assert result.gain_cents == 0


def test_the_json_document_names_its_schema_and_reconciles() -> None:
    result = run(three_workers(), max_positions={"sine": 1})
    document = optimise_to_dict(result)
    assert document["schema"] == "klaverblad.optimise/1"
    assert document["totals"]["proposed"]["gap"] == "22647.48"
    assert document["totals"]["gain"] == "-7447.48"
    assert [p["proposed"] for p in document["people"]] == ["gesco", "sine", "gesco"]
    assert document["positions"] == [{"statute": "sine", "current": 3, "proposed": 1, "max": 1}]

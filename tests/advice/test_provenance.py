"""A plan line's parameters and inputs are those its formulas read, recorded while the plan
was computed (issue 11 item 2), not a list kept by hand."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import numpy
import pytest
from openfisca_core.parameters import ParameterNode

from klaverblad.advice.explain import explain_person
from klaverblad.advice.line_explanations import explain_lines
from klaverblad.locale import Language
from klaverblad.model import load_initiative
from klaverblad.model.initiative import Initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.situation import Grid, build_simulation, calculate, worker_inputs
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import by_month
from klaverblad.rules.catalogue import STATUTES
from klaverblad.rules.provenance import MONTH, START, ParameterRead, record_provenance
from klaverblad.rules.reforms import parse_change, reformed_system
from tests.builders import initiative, person

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(EXAMPLES.glob("*.yaml"))
JAN_2006 = 2006 * 12


def art60_in_2016() -> Initiative:
    """An OCMW's leefloon beneficiary on Art. 60 §7 from June 2016, full time, 48 at the start;
    the plan covers 2017."""
    worker = person(status="leefloon", start_date="2016-06-01", statute="art60")
    return initiative(
        promoter={"name": "OCMW Test", "legal_form": "ocmw", "municipality": "Kortrijk"},
        horizon={"start": "2017-01", "months": 12},
        people=[worker],
    )


def explained(plan: FinancingPlan, measure: str, language: Language = "en") -> dict[str, Any]:
    (entry,) = [e for e in explain_lines(plan, language) if e["line"]["measure"] == measure]
    return entry


def test_the_month_view_tells_the_recorder_each_leaf_read_and_never_a_node() -> None:
    seen: list[str] = []
    view = by_month(baseline_system().parameters, numpy.array([JAN_2006])).recording(seen.append)
    assert view.art60.leefloon_cat3.tolist() == [834.14]
    duration = view.art60.duration
    assert seen == ["art60.leefloon_cat3"]  # a node is not a read
    assert duration.base_months_young.tolist() == [12]
    assert seen == ["art60.leefloon_cat3", "art60.duration.base_months_young"]


def test_the_recorder_sees_a_read_through_at_start_and_one_through_in_force() -> None:
    system = baseline_system()
    bik = load_initiative(EXAMPLES / "bik-klusjesdienst.yaml")
    (w2,) = [p for p in bik.people if p.id == "w2"]
    simulation = build_simulation(system, worker_inputs(bik, (w2,)), Grid.rectangle(1, JAN_2006, 1))
    recorder = record_provenance(simulation)
    # The leefloon in January 2006 (834.14) × 1 FTE: recording changes no value.
    assert calculate(simulation, "art60_staatstoelage").tolist() == [834.14]
    # `art60_start_window_ok` reads one parameter, at the start month (through `at_start`).
    window = recorder.provenance("art60_start_window_ok", system)
    assert window.parameters == (ParameterRead("art60.start_window", START),)
    assert window.inputs == ("start_date",)
    # `art60_paying` reads `art60.paid` itself, in the row's month (through `in_force`): its
    # own read comes first, then those of the variables it asked for.
    paying = recorder.provenance("art60_paying", system)
    assert paying.parameters[0] == ParameterRead("art60.paid", MONTH)
    assert ParameterRead("art60.start_window", START) in paying.parameters
    amount = recorder.provenance("art60_staatstoelage", system)
    assert amount.parameters[0] == ParameterRead("art60.leefloon_cat3", MONTH)
    assert set(paying.parameters) < set(amount.parameters)
    # The eligibility set apart: the window is read only through it, the status only by it.
    apart = recorder.provenance("art60_staatstoelage", system, ("art60_eligible",))
    assert ParameterRead("art60.start_window", START) not in apart.parameters
    assert apart.condition_parameters == (ParameterRead("art60.start_window", START),)
    assert apart.parameters == tuple(r for r in amount.parameters if r in set(apart.parameters))
    assert "status" in apart.inputs and set(apart.inputs) == set(amount.inputs)


def test_the_plan_records_nothing_for_a_statute_nobody_is_paid() -> None:
    plan = compute_plan(art60_in_2016())
    assert plan.statutes is not None
    assert set(plan.statutes.provenance["art60"]) == {"staatstoelage"}
    # A statute nobody is eligible for is not computed (`StatuteArrays`): nothing to record.
    for name in STATUTES:
        computed = plan.statutes.eligible[name].any()
        specs = {c.name for c in plan.statutes.component_specs[name]} if computed else set()
        assert set(plan.statutes.provenance[name]) == specs, name
    assert not plan.statutes.eligible["aanwervingsincentive"].any()  # hires from 2017 on


def leaf_or_node(tree: ParameterNode, path: str) -> str:
    node: Any = tree
    for name in path.split("."):
        node = node.children[name]
    return "node" if isinstance(node, ParameterNode) else "leaf"


READ = re.compile(r"\b(in_force|at_start)\(\s*(?:row|worker)\s*,\s*period\s*\)((?:\.\w+)+)")


def formula_reads(plan: FinancingPlan, variable: str) -> set[tuple[str, str, str]]:
    """(path, read_at, leaf or node) of each parameter the variable's own formula names."""
    formula = plan.system.variables[variable].formulas.peekitem(0)[1]
    reads: set[tuple[str, str, str]] = set()
    for how, chain in READ.findall(inspect.getsource(formula)):
        path = chain.lstrip(".")
        kind = leaf_or_node(plan.system.parameters, path)
        reads.add((path, START if how == "at_start" else MONTH, kind))
    return reads


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_a_statute_line_lists_every_parameter_its_formula_reads(path: Path) -> None:
    plan = compute_plan(load_initiative(path))
    assert plan.statutes is not None
    variables = {
        (component.measure or statute, component.name): component.variable
        for statute in STATUTES
        for component in plan.statutes.component_specs[statute]
    }
    checked = 0
    for entry in explain_lines(plan, "en"):
        line = entry["line"]
        if not line["person"] or line["status"] != "computed":
            continue
        if (line["measure"], line["component"]) not in variables:
            continue  # a WEP+ grant: entered, not computed
        listed = {(p["parameter"], p["read_at"]) for p in entry["parameters"]}
        assert listed, line
        for read_path, read_at, kind in formula_reads(
            plan, variables[(line["measure"], line["component"])]
        ):
            if kind == "leaf":
                assert (read_path, read_at) in listed, (line, read_path)
            else:  # a node kept in a name, its leaves read later
                assert any(p.startswith(f"{read_path}.") for p, _ in listed), (line, read_path)
        checked += 1
    assert checked


def test_a_value_read_at_the_start_is_the_one_in_force_in_the_start_month() -> None:
    # 48 at the start (middle band, 36 to 50): 18 months / 1 FTE, June 2016 to November 2017;
    # a middle band of 20 months for contracts from 2017 does not reach this one.
    # 2017: 5 × 1 089.82 (to May) + 3 × 1 179.65 (from June) + 3 × 1 190.27 (from September)
    # = 5 449.10 + 3 538.95 + 3 570.81 = 12 558.86.
    change = parse_change("art60.duration.base_months_middle=20@2017-01")
    plan = compute_plan(art60_in_2016(), reformed_system((), (change,)))
    entry = explained(plan, "art60")
    assert entry["line"]["amount"] == "12558.86"
    (middle,) = [
        (p["value"], p["since"], p["read_at"])
        for p in entry["parameters"]
        if p["parameter"] == "art60.duration.base_months_middle"
    ]
    assert middle == (18, "1970-01-01", START)
    leefloon = [
        (p["value"], p["since"], p["read_at"])
        for p in entry["parameters"]
        if p["parameter"] == "art60.leefloon_cat3"
    ]
    assert leefloon == [
        (1089.82, "2013-09-01", MONTH),
        (1179.65, "2017-06-01", MONTH),
        (1190.27, "2017-09-01", MONTH),
    ]


def test_a_line_lists_the_amounts_parameters_and_leaves_its_conditions_to_eligible_by() -> None:
    # Art. 60 closed to new contracts on 2017-01-01 (`art60.start_window`): a condition, which
    # the explanation names in `eligible_by`, not among the amount's parameters.
    entry = explained(compute_plan(art60_in_2016()), "art60")
    assert "art60_start_window_ok" in entry["eligible_by"]
    listed = {p["parameter"] for p in entry["parameters"]}
    assert "art60.start_window" not in listed
    assert {"art60.leefloon_cat3", "art60.paid", "art60.duration.base_months_middle"} <= listed


def test_a_line_shows_the_persons_fields_its_formulas_used_and_who_it_is_for() -> None:
    # Art. 60 reads the status (leefloon), the birth date (age band of the duration), the FTE
    # and the employment dates; not the diploma nor the months of unemployment. The role,
    # wage cost and statute say whom the line is for; `placed_by_ocmw` is not given.
    entry = explained(compute_plan(art60_in_2016()), "art60")
    assert list(entry["inputs"]) == [
        "role",
        "birth_date",
        "status",
        "start_date",
        "end_date",
        "fte",
        "monthly_wage_cost",
        "statute",
    ]
    assert entry["inputs"]["status"] == "leefloon"


def test_a_reformed_parameter_shows_its_reformed_value() -> None:
    # The leefloon set to 1 200.00 from 2017-06 (replacing the later values): 2017 is
    # 5 × 1 089.82 + 6 × 1 200.00 = 5 449.10 + 7 200.00 = 12 649.10.
    change = parse_change("art60.leefloon_cat3=1200@2017-06")
    plan = compute_plan(art60_in_2016(), reformed_system((), (change,)))
    entry = explained(plan, "art60")
    assert entry["line"]["amount"] == "12649.10"
    leefloon = [
        (p["value"], p["since"])
        for p in entry["parameters"]
        if p["parameter"] == "art60.leefloon_cat3"
    ]
    assert leefloon == [(1089.82, "2013-09-01"), (1200.0, "2017-06-01")]


def test_a_reforms_extra_component_lists_its_own_parameter() -> None:
    plan = compute_plan(
        load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"),
        reformed_system(("lde-koppeling-sine",)),
    )
    entries = [
        e for e in explain_lines(plan, "en") if e["line"]["measure"] == "lde_sine_omkadering"
    ]
    assert entries
    for entry in entries:
        listed = [(p["parameter"], p["read_at"]) for p in entry["parameters"]]
        assert listed[0] == ("lde_sine_omkadering", MONTH)
        assert ("sine.start_window", START) not in listed  # SINE's conditions: `eligible_by`
    assert plan.statutes is not None
    record = plan.statutes.provenance["sine"]["omkadering"]
    assert ParameterRead("sine.start_window", START) in record.condition_parameters
    assert "recognised_lde" in record.inputs


def test_explain_person_lists_the_parameters_a_component_read() -> None:
    result = explain_person(art60_in_2016(), "w1", "art60", month=2017 * 12, language="en")
    (component,) = result["measures"][0]["components"]
    facts = {
        (p["parameter"], p["read_at"]): (p["value"], p["since"]) for p in component["parameters"]
    }
    # January 2017: the leefloon of 2013-09-01; the duration as it stood at the June 2016 start.
    assert facts[("art60.leefloon_cat3", MONTH)] == (1089.82, "2013-09-01")
    assert facts[("art60.duration.base_months_middle", START)] == (18, "1970-01-01")
    assert ("art60.start_window", START) not in facts  # a condition, listed with the others
    assert component["amount"] == "1089.82"

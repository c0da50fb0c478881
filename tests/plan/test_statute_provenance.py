"""What each statute component is computed from is recorded once per set of rules
(`plan.statute_provenance`), on a single default worker, and plans run without a tracer: it
must be what a recorder sees while the plan's own people are computed, for any people."""

from __future__ import annotations

from pathlib import Path

import numpy
import yaml
from hypothesis import given, settings

from klaverblad.model import parse_initiative
from klaverblad.model.initiative import STATUTES
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.situation import Grid, build_simulation, calculate, worker_inputs
from klaverblad.plan.statute_provenance import eligibility_variables, statute_provenance
from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import components_of
from klaverblad.rules.provenance import record_provenance
from klaverblad.rules.reforms import reformed_system
from tests.strategies import Data, initiative_documents

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"
REFORMS = ("sine-uitbreiding", "lde-koppeling-sine")


def _recorded_while_planning(document: Data, system: object) -> dict[str, dict[str, object]]:
    initiative = parse_initiative(document, source="generated.yaml")
    inputs = worker_inputs(initiative, initiative.people)
    grid = Grid.rectangle(
        len(initiative.people), parse_month(initiative.horizon.start), initiative.horizon.months
    )
    simulation = build_simulation(system, inputs, grid)
    recorder = record_provenance(simulation)
    # As the plans did before the record was made once: every eligibility, then the
    # components, all under the recorder.
    for name in STATUTES:
        calculate(simulation, f"{name}_eligible")
    records: dict[str, dict[str, object]] = {}
    for name in STATUTES:
        records[name] = {}
        for component in components_of(name, system):
            calculate(simulation, component.variable)
            records[name][component.name] = recorder.provenance(
                component.variable, system, eligibility_variables(name)
            )
    return records


@settings(max_examples=25)
@given(initiative_documents())
def test_the_record_made_once_is_what_a_plans_own_run_records(document: Data) -> None:
    if not document.get("people"):
        return
    system = baseline_system()
    assert statute_provenance(system) == _recorded_while_planning(document, system)


@settings(max_examples=10)
@given(initiative_documents())
def test_a_reforms_record_is_what_its_own_run_records(document: Data) -> None:
    if not document.get("people"):
        return
    system = reformed_system(REFORMS)
    assert statute_provenance(system) == _recorded_while_planning(document, system)


def test_a_plan_carries_the_record_of_the_components_it_computed() -> None:
    system = baseline_system()
    plan = compute_plan(parse_initiative(_bik(), source="bik.yaml"), system)
    assert plan.statutes is not None
    recorded = statute_provenance(system)
    # BIK has people eligible for art60 and none for gesco: art60's components carry their
    # record, gesco's were not computed and carry none.
    assert plan.statutes.provenance["art60"] == recorded["art60"]
    assert plan.statutes.provenance["gesco"] == {}
    assert numpy.any(plan.statutes.eligible["art60"])
    assert not numpy.any(plan.statutes.eligible["gesco"])


def _bik() -> Data:
    return yaml.safe_load(BIK.read_text(encoding="utf-8"))

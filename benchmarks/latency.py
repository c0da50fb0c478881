"""Benchmark (a): warm single-plan latency, p50 and p95 over ≥ 200 runs.

    .venv/bin/python -m benchmarks.latency [--runs 300] [--json OUT]

One run is the whole plan as the command line makes it: compute the plan (simulation, statute
choice, booking in exact money), the alerts, and the contract JSON text. Cases: the two cases
of the 2006 report and a synthetic initiative of 50 people over 60 months. Baselines, timed in
the same process on the same case:

- the naive reference (`benchmarks.naive_reference`: plain Python, Decimal, line by line,
  month by month, checked equal to the cent by tests/test_naive_reference.py) with its JSON;
  it computes no alerts, Klaverblad's run does (issue step 8's yardstick: Klaverblad must be
  faster);
- the same Klaverblad plan on OpenFisca's own `Simulation` instead of the lean evaluator
  (`plan.evaluator`), the engine path before step 8;
- the hand-written numpy implementation of SINE, GESCO and Art. 60
  (`benchmarks.numpy_baseline`) on the synthetic people: bare arithmetic.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest.mock import patch

import numpy

from benchmarks import numpy_baseline
from benchmarks.naive_reference import naive_plan_json
from benchmarks.synthetic_initiative import synthetic_initiative
from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import Initiative, load_initiative
from klaverblad.plan import financing_plan
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.situation import openfisca_simulation, worker_inputs
from klaverblad.report.plan_json import plan_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = {
    "vzw BIK (2006 report)": EXAMPLES / "bik-klusjesdienst.yaml",
    "Stad Antwerpen (2006 report)": EXAMPLES / "antwerpen-labour-for-neighbour.yaml",
}


def whole_plan(initiative: Initiative) -> str:
    plan = compute_plan(initiative)
    return json.dumps(plan_to_dict(plan, plan_alerts(plan)))


def percentiles(run: Callable[[], object], runs: int, warm_up: int = 30) -> dict[str, float]:
    for _ in range(warm_up):
        run()
    times = []
    gc.collect()
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "runs": runs,
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (runs - 1))],
    }


def numpy_inputs(initiative: Initiative) -> tuple[dict[str, numpy.ndarray], numpy.ndarray]:
    inputs = worker_inputs(initiative, initiative.people)
    start = numpy.datetime64(initiative.horizon.start, "M")
    horizon = numpy.arange(start, start + initiative.horizon.months).astype("datetime64[D]")
    return inputs, horizon


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    cases = {name: load_initiative(path) for name, path in CASES.items()}
    cases["synthetic 50 people × 60 months"] = synthetic_initiative(50, 60)
    rows = []
    for name, initiative in cases.items():
        ours = percentiles(functools.partial(whole_plan, initiative), args.runs)
        naive = percentiles(functools.partial(naive_plan_json, initiative), args.runs)
        with patch.object(financing_plan, "build_simulation", openfisca_simulation):
            engine = percentiles(functools.partial(whole_plan, initiative), args.runs)
        results[name] = {**ours, "naive": naive, "openfisca_simulation": engine}
        rows.append(
            f"| {name} | {ours['p50_ms']:.2f} | {ours['p95_ms']:.2f} "
            f"| {naive['p50_ms']:.2f} | {ours['p50_ms'] / naive['p50_ms']:.2f} "
            f"| {engine['p50_ms']:.2f} | {engine['p50_ms'] / ours['p50_ms']:.2f} |"
        )
    inputs, horizon = numpy_inputs(cases["synthetic 50 people × 60 months"])
    yardstick = percentiles(lambda: numpy_baseline.compute(inputs, horizon), args.runs)
    results["numpy baseline, SINE+GESCO+Art. 60 only, 50 × 60"] = yardstick
    print(
        f"{args.runs} runs each, p50/p95 in ms, every figure of a row in the same process.\n\n"
        "| case | Klaverblad p50 | p95 | naive Decimal p50 | Klaverblad ÷ naive "
        "| on OpenFisca's Simulation p50 | that ÷ Klaverblad |\n|---|---|---|---|---|---|---|"
    )
    print("\n".join(rows))
    print(
        f"\nnumpy SINE+GESCO+Art. 60 only, 50 × 60: p50 {yardstick['p50_ms']:.2f} ms "
        f"(Klaverblad's whole synthetic plan ÷ this: "
        f"{results['synthetic 50 people × 60 months']['p50_ms'] / yardstick['p50_ms']:.1f})"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

"""Benchmark (a): warm single-plan latency, p50 and p95 over ≥ 200 runs.

    .venv/bin/python -m benchmarks.latency [--runs 300] [--json OUT]

One run is the whole plan as the command line makes it: compute the plan (simulation, statute
choice, booking in exact money), the alerts, and the contract JSON text. Cases: the two cases
of the 2006 report and a synthetic initiative of 50 people over 60 months. Baseline, timed in
the same process: the hand-written numpy implementation of SINE, GESCO and Art. 60
(`benchmarks.numpy_baseline`) on the same 50 × 60 people, so the ratio shows what the rules
engine, the eight statutes and the booking cost over bare arithmetic.
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

import numpy

from benchmarks import numpy_baseline
from benchmarks.synthetic_initiative import synthetic_initiative
from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import Initiative, load_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.situation import worker_inputs
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
    synthetic = synthetic_initiative(50, 60)
    for name, path in CASES.items():
        initiative = load_initiative(path)
        results[name] = percentiles(functools.partial(whole_plan, initiative), args.runs)
    results["synthetic 50 people × 60 months"] = percentiles(
        lambda: whole_plan(synthetic), args.runs
    )
    inputs, horizon = numpy_inputs(synthetic)
    results["numpy baseline, SINE+GESCO+Art. 60 only, 50 × 60"] = percentiles(
        lambda: numpy_baseline.compute(inputs, horizon), args.runs
    )
    print("| case | runs | p50 ms | p95 ms |\n|---|---|---|---|")
    for name, figures in results.items():
        print(f"| {name} | {figures['runs']} | {figures['p50_ms']:.2f} | {figures['p95_ms']:.2f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

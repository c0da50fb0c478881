"""Portfolio benchmark (issue step 2): 10 000 initiatives of 10 people over 12 months (100 000
people), baseline and baseline + reform, each scenario one vectorised simulation.

    .venv/bin/python -m benchmarks.portfolio [--initiatives 10000] [--json OUT]

Baseline in the same command: the same initiatives planned one by one with `compute_plan`
(on a sample, scaled), so the ratio shows what one shared simulation saves.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any

from benchmarks.synthetic_initiative import synthetic_initiative
from klaverblad.advice.portfolio import compute_portfolio
from klaverblad.model import Initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms import reformed_system

REFORMS = ("sine-uitbreiding", "lde-koppeling-sine")
ONE_BY_ONE_SAMPLE = 300


def population(count: int) -> list[Initiative]:
    initiatives = []
    for index in range(count):
        each = synthetic_initiative(people=10, months=12, seed=index)
        initiatives.append(each.model_copy(update={"id": f"synthetic-{index:05d}"}))
    return initiatives


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    baseline, reform = baseline_system(), reformed_system(REFORMS)
    started = time.perf_counter()
    initiatives = population(args.initiatives)
    built = time.perf_counter() - started
    people = sum(len(i.people) for i in initiatives)

    started = time.perf_counter()
    compute_portfolio(initiatives, baseline)
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    result = compute_portfolio(initiatives, baseline, reform, REFORMS)
    both_seconds = time.perf_counter() - started

    sample = initiatives[:ONE_BY_ONE_SAMPLE]
    started = time.perf_counter()
    for each in sample:
        compute_plan(each)
    one_by_one = (time.perf_counter() - started) / len(sample) * len(initiatives)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "initiatives": len(initiatives),
        "people": people,
        "months": 12,
        "validate_inputs_s": built,
        "baseline_s": baseline_seconds,
        "baseline_and_reform_s": both_seconds,
        "one_by_one_baseline_s_estimated": one_by_one,
        "gaining": len(result.gaining()),
        "losing": len(result.losing()),
        "peak_rss_mib": peak,
    }
    print("| what | figure |\n|---|---|")
    print(f"| initiatives × people × months | {len(initiatives):,} × {people:,} × 12 |")
    print(f"| validating the inputs (pydantic) | {built:.1f} s |")
    print(f"| portfolio, baseline only (one simulation) | {baseline_seconds:.1f} s |")
    print(f"| portfolio, baseline + reform {' + '.join(REFORMS)} | {both_seconds:.1f} s |")
    print(
        f"| baseline planned one by one (`compute_plan`, {len(sample)} sampled, scaled) "
        f"| {one_by_one:.1f} s ({one_by_one / baseline_seconds:.1f}× the shared simulation) |"
    )
    gaining, losing = figures["gaining"], figures["losing"]
    print(f"| initiatives gaining / losing under the reform | {gaining:,} / {losing:,} |")
    print(f"| peak resident memory of the process | {peak:,.0f} MiB |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()

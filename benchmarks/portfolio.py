"""Portfolio benchmark (issue steps 2 and 8): 10 000 initiatives of 10 people over 12 months
(100 000 people), baseline and baseline + reform, whole plans, each scenario one vectorised
simulation per chunk of initiatives (`advice.portfolio.CHUNK`).

    .venv/bin/python -m benchmarks.portfolio [--initiatives 10000] [--json OUT]

Baseline in the same command: the same initiatives planned one by one with `compute_plan`
(on a sample, scaled), so the ratio shows what the shared simulations save. Memory: resident
memory once the inputs are loaded, and the kernel's high-water mark (VmHWM, reset before each
scenario) while planning.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from benchmarks.synthetic_initiative import synthetic_initiative
from benchmarks.throughput import _status_kib, reset_peak
from klaverblad.advice.portfolio import CHUNK, compute_portfolio
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
    compute_portfolio(initiatives[:20], baseline, reform, REFORMS)  # warm: the rules' caches
    loaded = _status_kib("VmRSS") / 1024

    peak_known = reset_peak()
    started = time.perf_counter()
    compute_portfolio(initiatives, baseline)
    baseline_seconds = time.perf_counter() - started
    baseline_peak = _status_kib("VmHWM") / 1024

    reset_peak()
    started = time.perf_counter()
    result = compute_portfolio(initiatives, baseline, reform, REFORMS)
    both_seconds = time.perf_counter() - started
    both_peak = _status_kib("VmHWM") / 1024

    sample = initiatives[:ONE_BY_ONE_SAMPLE]
    started = time.perf_counter()
    for each in sample:
        compute_plan(each)
    one_by_one = (time.perf_counter() - started) / len(sample) * len(initiatives)
    person_months = people * 12
    figures = {
        "initiatives": len(initiatives),
        "people": people,
        "months": 12,
        "validate_inputs_s": built,
        "baseline_s": baseline_seconds,
        "baseline_and_reform_s": both_seconds,
        "one_by_one_baseline_s_estimated": one_by_one,
        "person_months_per_s": person_months / baseline_seconds,
        "ms_per_initiative_and_scenario": baseline_seconds / len(initiatives) * 1000,
        "gaining": len(result.gaining()),
        "losing": len(result.losing()),
        "rss_inputs_loaded_mib": loaded,
        "peak_rss_baseline_mib": baseline_peak if peak_known else None,
        "peak_rss_baseline_and_reform_mib": both_peak if peak_known else None,
    }
    print("| what | figure |\n|---|---|")
    print(f"| initiatives × people × months | {len(initiatives):,} × {people:,} × 12 |")
    print(f"| validating the inputs (pydantic) | {built:.1f} s |")
    print(
        f"| portfolio, baseline only (chunks of {CHUNK:,} initiatives per simulation) "
        f"| {baseline_seconds:.2f} s ({person_months / baseline_seconds / 1e6:.2f} M "
        f"person-months/s, {figures['ms_per_initiative_and_scenario']:.3f} ms per initiative) |"
    )
    print(
        f"| portfolio, baseline + reform {' + '.join(REFORMS)} | {both_seconds:.2f} s "
        f"({both_seconds / baseline_seconds:.2f}× the baseline alone) |"
    )
    print(
        f"| baseline planned one by one (`compute_plan`, {len(sample)} sampled, scaled) "
        f"| {one_by_one:.1f} s ({one_by_one / baseline_seconds:.1f}× the portfolio) |"
    )
    gaining, losing = figures["gaining"], figures["losing"]
    print(f"| initiatives gaining / losing under the reform | {gaining:,} / {losing:,} |")
    print(f"| resident memory with the inputs loaded (before planning) | {loaded:,.0f} MiB |")
    if peak_known:
        print(
            f"| peak resident memory while planning: baseline / with the reform "
            f"| {baseline_peak:,.0f} / {both_peak:,.0f} MiB |"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()

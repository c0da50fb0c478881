"""Where a plan's time goes, stage by stage, next to the naive reference in the same process:
the profile that explains what is left of the step-8 gaps (`benchmarks/README.md`).

    .venv/bin/python -m benchmarks.plan_stages [--runs 300] [--portfolio 1000] [--json OUT]

Each stage is timed by wrapping the function that does it (in `plan.financing_plan`'s
namespace, where the plan calls it), so the sum of the stages is the plan; the wrappers cost
about a microsecond each. Single plans: the two report cases and the synthetic 50 × 60, p50 per
stage over `--runs` plans after a warm-up. Portfolio: the stages of one scenario of
`--portfolio` synthetic initiatives of 10 people × 12 months (one chunk), per initiative.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.latency import CASES
from benchmarks.naive_reference import naive_plan_json
from benchmarks.portfolio import population
from benchmarks.synthetic_initiative import synthetic_initiative
from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.portfolio import compute_portfolio
from klaverblad.model import Initiative, load_initiative
from klaverblad.plan import financing_plan
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.rules import baseline_system

# (name in plan.financing_plan, what it does), in the order a plan runs them.
STAGES = (
    ("stack_initiatives", "inputs: the people as arrays"),
    ("build_simulation", "the evaluator set up"),
    ("StatuteArrays", "the rules: eligibility and amounts of the statutes"),
    ("compute_statutes", "per initiative: its slice, the statute choice"),
    ("book_statutes", "per initiative: wage-subsidy lines"),
    ("book_grants", "per initiative: grant lines"),
    ("book_activities", "per initiative: client and voucher lines"),
    ("book_agreements", "per initiative: policy-domain lines"),
)


@contextmanager
def timed_stages(seconds: dict[str, float]) -> Iterator[None]:
    """Add the time spent in each stage to `seconds` while inside."""
    originals = {name: getattr(financing_plan, name) for name, _ in STAGES}

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - started

        return run

    for name, function in originals.items():
        setattr(financing_plan, name, wrap(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(financing_plan, name, function)


def single_plan(initiative: Initiative, runs: int) -> dict[str, float]:
    """p50 ms of each stage, of the rest of the plan, of the alerts and of the JSON text."""
    samples: dict[str, list[float]] = defaultdict(list)
    for run in range(runs + 30):
        seconds: dict[str, float] = defaultdict(float)
        with timed_stages(seconds):
            started = time.perf_counter()
            plan = financing_plan.compute_plan(initiative)
            planned = time.perf_counter()
        alerts = plan_alerts(plan)
        alerted = time.perf_counter()
        json.dumps(plan_to_dict(plan, alerts))
        done = time.perf_counter()
        if run < 30:
            continue
        for name, _ in STAGES:
            samples[name].append(seconds[name])
        samples["rest of the plan"].append(planned - started - sum(seconds.values()))
        samples["alerts"].append(alerted - planned)
        samples["JSON text"].append(done - alerted)
        samples["whole"].append(done - started)
    naive = []
    for _ in range(runs):
        started = time.perf_counter()
        naive_plan_json(initiative)
        naive.append(time.perf_counter() - started)
    figures = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    figures["naive reference"] = statistics.median(naive) * 1000
    return figures


def portfolio_scenario(count: int) -> dict[str, float]:
    """ms per initiative of each stage of one portfolio scenario (a warm run first)."""
    initiatives = population(count)
    system = baseline_system()
    compute_portfolio(initiatives[:20], system)
    seconds: dict[str, float] = defaultdict(float)
    with timed_stages(seconds):
        started = time.perf_counter()
        compute_portfolio(initiatives, system)
        whole = time.perf_counter() - started
    figures = {name: seconds[name] / count * 1000 for name, _ in STAGES}
    figures["rest (plan objects, totals, the portfolio's sums)"] = (
        (whole - sum(seconds.values())) / count * 1000
    )
    figures["whole"] = whole / count * 1000
    return figures


def _table(figures: dict[str, float], unit: str) -> str:
    whole = figures["whole"]
    words = dict(STAGES)
    rows = [f"| stage | {unit} | share |", "|---|---|---|"]
    for name, value in figures.items():
        if name in ("whole", "naive reference"):
            continue
        label = f"`{name}`: {words[name]}" if name in words else name
        rows.append(f"| {label} | {value:.3f} | {value / whole:.0%} |")
    rows.append(f"| **whole** | **{whole:.3f}** | 100% |")
    if "naive reference" in figures:
        naive = figures["naive reference"]
        rows.append(
            f"| naive reference, same process (no alerts) | {naive:.3f} "
            f"| Klaverblad ÷ naive {whole / naive:.2f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--portfolio", type=int, default=1000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    cases = {name: load_initiative(path) for name, path in CASES.items()}
    cases["synthetic 50 people × 60 months"] = synthetic_initiative(50, 60)
    results: dict[str, Any] = {}
    for name, initiative in cases.items():
        results[name] = single_plan(initiative, args.runs)
        print(f"**{name}**, p50 of {args.runs} plans:\n\n{_table(results[name], 'ms')}\n")
    label = f"portfolio scenario, {args.portfolio:,} initiatives of 10 people × 12 months"
    results[label] = portfolio_scenario(args.portfolio)
    print(f"**{label}**, per initiative:\n\n{_table(results[label], 'ms per initiative')}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

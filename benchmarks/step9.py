"""What step 9's answers cost next to the plan they start from, in the same process:

    .venv/bin/python -m benchmarks.step9 [--runs 100] [--json OUT]

Baseline: a warm plan with its alerts and JSON text (what `klaverblad plan` and `POST /api/plan`
compute). Beside it, p50 of `--runs` runs after a warm-up, each with its ratio to the baseline:

- the plan and its cash flow month by month, as the cash flow's JSON (`klaverblad cashflow`,
  issue #13 part 2);
- the plan as known on a date with its alerts and JSON, its rules already built
  (`--as-known-on`, part 4; building them is shown apart: once per date, then cached);
- as planned then against as it turned out, one step per measure known later (`compare
  --as-known-on`);
- the multi-year plan 2026–2031 of Aalst from the eight examples (part 5), next to their
  portfolio over the same 72 months.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from benchmarks.latency import CASES
from benchmarks.synthetic_initiative import synthetic_initiative
from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.known_on_steps import known_on_steps
from klaverblad.advice.multi_year_plan import compute_multi_year_plan
from klaverblad.advice.portfolio import compute_portfolio
from klaverblad.model import Initiative, load_initiative
from klaverblad.plan.cashflow import compute_cashflow
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.cashflow_output import cashflow_to_dict
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.rules import baseline_system
from klaverblad.rules.known_on import system_as_known_on

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# BIK's 2006 plan as known in the middle of its first year (docs/as-known-on.md).
KNOWN_ON = date(2006, 6, 30)
WARM_UP = 10


def p50_ms(work: Callable[[], object], runs: int) -> float:
    for _ in range(WARM_UP):
        work()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def _plan_json(initiative: Initiative, system: TaxBenefitSystem | None = None) -> str:
    plan = compute_plan(initiative, system)
    return json.dumps(plan_to_dict(plan, plan_alerts(plan)))


def _cashflow_json(initiative: Initiative) -> str:
    return json.dumps(cashflow_to_dict(compute_cashflow(compute_plan(initiative))))


def one_initiative(initiative: Initiative, runs: int) -> dict[str, float]:
    """ms of the plan and of each answer built on it."""
    then = system_as_known_on(baseline_system(), KNOWN_ON)
    return {
        "plan + alerts + JSON (baseline)": p50_ms(lambda: _plan_json(initiative), runs),
        "plan + its cash flow + the cash flow's JSON": p50_ms(
            lambda: _cashflow_json(initiative), runs
        ),
        "plan as known on 2006-06-30 + alerts + JSON": p50_ms(
            lambda: _plan_json(initiative, then), runs
        ),
        "as planned then vs as it turned out": p50_ms(
            lambda: known_on_steps(initiative, KNOWN_ON), max(runs // 5, 5)
        ),
    }


def _table(figures: dict[str, float], unit: str) -> str:
    baseline = next(iter(figures.values()))
    rows = [f"| answer | {unit} | × the first row |", "|---|---|---|"]
    rows += [f"| {name} | {ms:.2f} | {ms / baseline:.2f} |" for name, ms in figures.items()]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    cases = {name: load_initiative(path) for name, path in CASES.items()}
    cases["synthetic 50 people × 60 months"] = synthetic_initiative(50, 60)
    # Building the rules as known on a date, once (then cached per date).
    started = time.perf_counter()
    system_as_known_on(baseline_system(), date(2007, 3, 31))
    build_ms = (time.perf_counter() - started) * 1000
    for name, initiative in cases.items():
        figures = one_initiative(initiative, args.runs)
        results[name] = figures
        print(f"**{name}**, p50:\n\n{_table(figures, 'ms')}\n")
    print(f"Building the rules as known on a new date, once: {build_ms:.0f} ms.\n")
    examples = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    portfolio_ms = p50_ms(lambda: compute_portfolio(examples, baseline_system()), 5)
    multi_year_ms = p50_ms(lambda: compute_multi_year_plan(examples, "Aalst"), 5)
    label = "the eight examples"
    results[label] = {
        "portfolio, each over its own horizon (baseline)": portfolio_ms,
        "multi-year plan of Aalst, 2026–2031": multi_year_ms,
    }
    print(f"**{label}**, p50 of 5:\n\n{_table(results[label], 'ms')}")
    results["known on build ms"] = build_ms
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

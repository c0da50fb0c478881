"""Where the time of one OpenFisca throughput run goes.

    .venv/bin/python -m benchmarks.profile_openfisca [--people 1000000] [--engine openfisca]

Two runs on the benchmark's dataset (horizon 2006-07 × 12), after a warm-up on 200 people:
1. with OpenFisca's tracer, for each variable's own formula time (its calculation minus the
   calculations it asked for), grouped by entity;
2. under cProfile, for time by cause: the per-element parameter lookups of
   `klaverblad.rules.by_month` (split into the `numpy.unique` of the month indexes and the
   table look-up), projections `row.worker(...)`, encoding the enumeration names of the inputs,
   the rest of `set_input`, and the numpy work inside the formulas.
cProfile and the tracer slow the run down; read the shares, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from typing import Any

import numpy

from benchmarks import dataset, engines

# (label, predicate on a pstats key (file, line, function)); cumulative time of the matches.
CAUSES: list[tuple[str, Any]] = [
    ("whole run (build + 4 calculations)", lambda f, _l, n: n == "run_engine"),
    ("  build: Simulation + set_input", lambda f, _l, n: n == "build_simulation"),
    ("    of which enum names → indices", lambda f, _l, n: n == "encode" and "enum" in f),
    ("  calculate (all formulas, OpenFisca bookkeeping)", lambda f, _l, n: n == "calculate"),
    ("    by_month: numpy.unique of month indexes", lambda f, _l, n: n == "by_month"),
    (
        "    by_month: leaf look-up + take",
        lambda f, _l, n: n == "__getattr__" and f.endswith("by_month.py"),
    ),
    ("    projections row.worker(...)", lambda f, _l, n: n == "project"),
    ("    pay(): numpy.where", lambda f, _l, n: n == "pay"),
]


def formula_times(simulation: Any) -> list[tuple[str, str, float]]:
    """(variable, entity, own formula seconds) from the tracer, largest first."""
    own: dict[str, float] = defaultdict(float)
    for node in simulation.tracer.browse_trace():
        own[node.name] += node.formula_time()
    variables = simulation.tax_benefit_system.variables
    return sorted(
        ((name, variables[name].entity.key, seconds) for name, seconds in own.items()),
        key=lambda item: -item[2],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_openfisca")
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--engine", default="openfisca")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)

    horizon = dataset.horizon_months("2006-07", 12)
    data = dataset.population(args.people, horizon[0], 12)
    engines.run_engine(args.engine, dataset.population(200, horizon[0], 12), horizon)

    # 1. Tracer: own time per variable (the tracer itself adds a little per calculation).
    with engines.dense_months() if "dense" in args.engine else _nothing():
        simulation = engines.build_simulation(
            data, horizon, codes="codes" in args.engine, openfisca=True
        )
        simulation.trace = True
        started = time.perf_counter()
        for name in engines.AMOUNTS:
            simulation.calculate(name, engines.SENTINEL)
        traced = time.perf_counter() - started
    rows = formula_times(simulation)
    del simulation
    by_entity: dict[str, float] = defaultdict(float)
    for _, entity, seconds in rows:
        by_entity[entity] += seconds
    print(f"Tracer, {args.people:,} people × 12, engine {args.engine}: {traced:.2f} s computing")
    print(
        "own formula time by entity: "
        + ", ".join(f"{entity} {seconds:.2f} s" for entity, seconds in by_entity.items())
    )
    print("| variable | entity | own s |\n|---|---|---:|")
    for name, entity, seconds in rows[: args.top]:
        print(f"| {name} | {entity} | {seconds:.3f} |")

    # 2. cProfile: time by cause.
    profiler = cProfile.Profile()
    profiler.enable()
    engines.run_engine(args.engine, data, horizon)
    profiler.disable()
    stats = pstats.Stats(profiler)
    table: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    table = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (f, li, n), (_, _, _, ct, _) in table.items() if n == "run_engine")
    print(f"\ncProfile, {args.people:,} people × 12: {total:.2f} s in all")
    print("| cause | calls | cumulative s | share |\n|---|---:|---:|---:|")
    for label, matches in CAUSES:
        hits = [(nc, ct) for key, (_, nc, _, ct, _) in table.items() if matches(*key)]
        calls = sum(nc for nc, _ in hits)
        seconds = sum(ct for _, ct in hits)
        print(f"| {label} | {calls} | {seconds:.3f} | {seconds / total:.0%} |")
    print("\nTop functions by own time:")
    stats.sort_stats("tottime").print_stats(args.top)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    numpy.seterr(all="ignore")
    main()

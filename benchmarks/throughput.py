"""Throughput of the rules engine against a hand-written numpy baseline (issue benchmark c).

    .venv/bin/python -m benchmarks.throughput [--sizes 1000,10000,100000,1000000] [--json OUT]

What is timed, for n people × 12 months (horizon 2006-07 … 2007-06 by default, which crosses
the leefloon changes of 2006-10 and 2007-04 and four calendar quarters):
- `openfisca`: build the design-C simulation from the column arrays (entities, `month` per
  row, 18 worker inputs with the enumerations as names), compute `sine_doelgroepvermindering`,
  `sine_herinschakelingsuitkering`, `gesco_premie` and `art60_staatstoelage`, and pull them as
  (n, months) arrays;
- `numpy`: `benchmarks.numpy_baseline.compute` on the same arrays.
The system (`baseline_system()`, built once per process) and the dataset are not timed.

Method. Every timed run happens in a fresh child process, after a warm-up run of the same
engine on 200 people, and the engines alternate (openfisca, numpy, numpy, openfisca, ...).
Separate processes, because on this VM a run's time depends on the memory the process has
already churned: a numpy run right after an OpenFisca run in the same process takes 2–3× longer,
nearly all of it kernel time for page faults (`--same-process` shows this). Each child reports
wall time, user and system CPU time, minor page faults, and peak memory: the kernel's
high-water mark of resident memory (VmHWM), reset just before the timed run through
`/proc/self/clear_refs`; "peak" is that mark (interpreter, OpenFisca and the dataset included),
"Δ peak" is the mark minus the resident size at the start of the run. `tracemalloc` is not
used: numpy does report its buffers to it, but it slows every allocation and counts requested
bytes, not the resident memory the machine has to provide.

Before timing, the two engines are checked for identical amounts on 10 000 people over several
12-month horizons that cross every dated value and window of the three measures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy

from benchmarks import dataset

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
DEFAULT_HORIZON = "2006-07"
MONTHS = 12
WARM_UP_PEOPLE = 200
# Horizons of the identity check: the benchmark's, the first leefloon (2005-08), the GESCO
# contingent window (starts before 2015-04), the Art. 60 start window (to 2016-12) and the 2017-06
# leefloon, the end of Art. 60 payments (2018-12), the SINE start window and allowance (2023-06),
# and the last RSZ forfait (2025-06). Starts reach 6 years back, so start-date rules cross too.
CHECK_HORIZONS = (
    "2006-07",
    "2005-01",
    "2014-10",
    "2015-07",
    "2016-07",
    "2018-07",
    "2023-01",
    "2025-01",
)
CHECK_PEOPLE = 10_000


def default_reps(n: int) -> int:
    return 3 if n >= 1_000_000 else 5


# --- memory and machine --------------------------------------------------------------------


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        match = re.search(rf"^{field}:\s+(\d+) kB", status.read(), re.MULTILINE)
    return int(match.group(1)) if match else -1


def reset_peak() -> bool:
    """Reset the kernel's high-water mark of resident memory (Linux ≥ 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read(), re.MULTILINE)
            cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    thp = "unknown"
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as setting:
            thp = setting.read().strip()
    except OSError:
        pass
    rules = "unknown"
    try:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        head = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", root, "status", "--porcelain", "src/klaverblad/rules"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        rules = f"{head}{' + uncommitted changes' if dirty else ''}"
    except OSError:
        pass
    return {
        "rules (git)": rules,
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "openfisca-core": version("openfisca-core"),
        "transparent_hugepage": thp,
    }


# --- one timed run (in a child process) ----------------------------------------------------


def timed_run(engine: str, data: dataset.Population, horizon: numpy.ndarray) -> dict[str, Any]:
    from benchmarks import engines

    gc.collect()
    peak_reset = reset_peak()
    rss_before = _status_kib("VmRSS")
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    result = engines.run_engine(engine, data, horizon, keep=True)
    seconds = time.perf_counter() - started
    usage_after = resource.getrusage(resource.RUSAGE_SELF)
    peak = _status_kib("VmHWM")
    record: dict[str, Any] = {
        "engine": engine,
        "seconds": seconds,
        "build_seconds": result.build_seconds,
        "compute_seconds": result.compute_seconds,
        "user_seconds": usage_after.ru_utime - usage_before.ru_utime,
        "system_seconds": usage_after.ru_stime - usage_before.ru_stime,
        "minor_faults": usage_after.ru_minflt - usage_before.ru_minflt,
        "rss_before_mib": rss_before / 1024,
        "peak_mib": peak / 1024 if peak_reset else float("nan"),
        "delta_peak_mib": (peak - rss_before) / 1024 if peak_reset else float("nan"),
    }
    if result.simulation is not None:
        record["openfisca_cache_mib"] = result.simulation.cached_bytes() / 2**20
    del result
    return record


def child(engines_in_order: list[str], n: int, horizon_start: str, reps: int) -> None:
    """Generate the dataset, warm up, then time `reps` rounds; one JSON line per run."""
    from benchmarks import engines

    engines.baseline_system()
    horizon = dataset.horizon_months(horizon_start, MONTHS)
    warm_up = dataset.population(WARM_UP_PEOPLE, horizon[0], MONTHS)
    data = dataset.population(n, horizon[0], MONTHS)
    for engine in engines_in_order:
        engines.run_engine(engine, warm_up, horizon)
    for rep in range(reps):
        order = engines_in_order if rep % 2 == 0 else engines_in_order[::-1]
        for engine in order:
            record = timed_run(engine, data, horizon)
            record.update(n=n, months=MONTHS, rep=rep, horizon=horizon_start)
            print(json.dumps(record), flush=True)


def spawn(engines_in_order: list[str], n: int, horizon_start: str, reps: int) -> list[dict]:
    command = [
        sys.executable,
        "-m",
        "benchmarks.throughput",
        "--child",
        ",".join(engines_in_order),
        str(n),
        horizon_start,
        str(reps),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


# --- identity check ------------------------------------------------------------------------


def cents(values: numpy.ndarray) -> list[int]:
    """Exact half-up rounding to cents of each float's exact binary value."""
    quantum = Decimal("0.01")
    return [int(Decimal(float(v)).quantize(quantum, ROUND_HALF_UP) * 100) for v in values]


def check_identity(engine: str = "openfisca", n: int = CHECK_PEOPLE) -> list[dict[str, Any]]:
    """Compare `engine` with numpy per (row, month) on each check horizon; one record each."""
    from benchmarks import engines

    records = []
    for horizon_start in CHECK_HORIZONS:
        horizon = dataset.horizon_months(horizon_start, MONTHS)
        data = dataset.population(n, horizon[0], MONTHS)
        ours = engines.run_engine(engine, data, horizon).grids
        theirs = engines.run_numpy(data, horizon).grids
        for name in engines.AMOUNTS:
            a, b = ours[name], theirs[name]
            nan_a, nan_b = numpy.isnan(a), numpy.isnan(b)
            both = ~nan_a & ~nan_b
            differ = both & (a != b)
            cent_mismatches = 0
            if differ.any():
                cent_mismatches = sum(
                    x != y for x, y in zip(cents(a[differ]), cents(b[differ]), strict=True)
                )
            where_nan_differs = numpy.argwhere(nan_a != nan_b)
            records.append(
                {
                    "engine": engine,
                    "horizon": horizon_start,
                    "amount": name,
                    "cells": int(a.size),
                    "non_zero": int((both & (b != 0)).sum()),
                    "nan_openfisca": int(nan_a.sum()),
                    "nan_numpy": int(nan_b.sum()),
                    "nan_position_mismatches": len(where_nan_differs),
                    "bitwise_different": int(differ.sum()),
                    "max_abs_diff": float(numpy.abs(a[both] - b[both]).max(initial=0.0)),
                    "cent_mismatches": int(cent_mismatches),
                    "first_mismatches": [
                        {
                            "worker": int(i),
                            "month": str(horizon[j]),
                            "openfisca": a[i, j],
                            "numpy": b[i, j],
                        }
                        for i, j in numpy.argwhere(differ | (nan_a != nan_b))[:5]
                    ],
                }
            )
    return records


def identity_summary(records: list[dict[str, Any]]) -> str:
    cells = sum(r["cells"] for r in records)
    non_zero = sum(r["non_zero"] for r in records)
    nans = sum(r["nan_numpy"] for r in records)
    bad = [r for r in records if r["cent_mismatches"] or r["nan_position_mismatches"]]
    bitwise = sum(r["bitwise_different"] for r in records)
    lines = [
        f"Identity check: {CHECK_PEOPLE:,} people × {MONTHS} months × {len(CHECK_HORIZONS)} "
        f"horizons ({', '.join(CHECK_HORIZONS)}), 4 amounts: {cells:,} cells, "
        f"{non_zero:,} non-zero, {nans:,} NaN (not computable).",
    ]
    if not bad:
        lines.append(
            f"IDENTICAL: no cent mismatch, NaN positions equal; {bitwise} cells differ bitwise "
            f"(max |diff| {max(r['max_abs_diff'] for r in records):.3g})."
        )
    else:
        lines.append("MISMATCH:")
        for r in bad:
            lines.append(
                f"- {r['horizon']} {r['amount']}: {r['cent_mismatches']} cent mismatches, "
                f"{r['nan_position_mismatches']} NaN-position mismatches; first: "
                f"{r['first_mismatches']}"
            )
    return "\n".join(lines)


# --- the table -----------------------------------------------------------------------------


def summarise(runs: list[dict], engine_names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for n in sorted({r["n"] for r in runs}):
        row: dict[str, Any] = {"n": n, "person_months": n * MONTHS, "engines": {}}
        for engine in engine_names:
            mine = [r for r in runs if r["n"] == n and r["engine"] == engine]
            if not mine:
                continue
            seconds = statistics.median(r["seconds"] for r in mine)
            row["engines"][engine] = {
                "reps": len(mine),
                "seconds": seconds,
                "min_seconds": min(r["seconds"] for r in mine),
                "max_seconds": max(r["seconds"] for r in mine),
                "pm_per_s": n * MONTHS / seconds,
                "build_seconds": statistics.median(r["build_seconds"] for r in mine),
                "user_seconds": statistics.median(r["user_seconds"] for r in mine),
                "system_seconds": statistics.median(r["system_seconds"] for r in mine),
                "peak_mib": max(r["peak_mib"] for r in mine),
                "delta_peak_mib": max(r["delta_peak_mib"] for r in mine),
                "cache_mib": max((r.get("openfisca_cache_mib", 0.0) for r in mine), default=0.0),
            }
        baseline = row["engines"].get("numpy")
        for engine, e in row["engines"].items():
            if baseline and engine != "numpy":
                e["ratio_to_numpy"] = e["seconds"] / baseline["seconds"]
                # User CPU only: the system time is page faults, which vary a lot on this VM.
                # A tiny numpy run may measure 0 s of user CPU: no ratio then (NaN, shown "nan").
                e["user_cpu_ratio_to_numpy"] = (
                    e["user_seconds"] / baseline["user_seconds"]
                    if baseline["user_seconds"]
                    else float("nan")
                )
        rows.append(row)
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| people × 12 | engine | runs | median s (min–max) | person-months/s | build s "
        "| user / sys CPU s | peak RSS MiB (Δ) | vs numpy: time (user CPU) |",
        "|---:|---|---:|---|---:|---:|---|---|---:|",
    ]
    for row in rows:
        for engine, e in row["engines"].items():
            ratio = (
                f"{e['ratio_to_numpy']:.2f}× ({e['user_cpu_ratio_to_numpy']:.2f}×)"
                if "ratio_to_numpy" in e
                else ""
            )
            build = f"{e['build_seconds']:.3f}" if engine != "numpy" else "–"
            lines.append(
                f"| {row['n']:,} | {engine} | {e['reps']} | {e['seconds']:.3f} "
                f"({e['min_seconds']:.3f}–{e['max_seconds']:.3f}) | {e['pm_per_s'] / 1e6:.2f} M "
                f"| {build} | {e['user_seconds']:.2f} / {e['system_seconds']:.2f} "
                f"| {e['peak_mib']:,.0f} ({e['delta_peak_mib']:+,.0f}) | {ratio} |"
            )
    return "\n".join(lines)


def targets(rows: list[dict[str, Any]]) -> str:
    big = [r for r in rows if r["n"] == 1_000_000]
    if not big:
        return "Targets: not evaluated (1M people not in --sizes)."
    lines = []
    for engine, e in big[0]["engines"].items():
        if "ratio_to_numpy" not in e:
            continue
        pm = e["pm_per_s"]
        lines.append(
            f"Targets at 1M × 12, {engine}: ≥ 5 M person-months/s → {pm / 1e6:.2f} M "
            f"({'met' if pm >= 5e6 else 'MISSED'}); within 1.5× of numpy → "
            f"{e['ratio_to_numpy']:.2f}× ({'met' if e['ratio_to_numpy'] <= 1.5 else 'MISSED'})."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--reps", type=int, default=0, help="runs per engine and size")
    parser.add_argument("--horizon", default=DEFAULT_HORIZON, help="first month, YYYY-MM")
    parser.add_argument("--json", dest="json_out", help="write all figures to this file")
    parser.add_argument(
        "--engines",
        default="openfisca,numpy",
        help="comma-separated: numpy, openfisca, or what-if variants such as openfisca+dense "
        "(see benchmarks/engines.py)",
    )
    parser.add_argument("--skip-check", action="store_true")
    parser.add_argument(
        "--same-process",
        action="store_true",
        help="time both engines alternately in one process per size (shows the memory effect)",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        engines_csv, n, horizon_start, reps = args.child
        child(engines_csv.split(","), int(n), horizon_start, int(reps))
        return

    started = time.perf_counter()
    engine_names = args.engines.split(",")
    info = machine()
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    identity: list[dict[str, Any]] = []
    if not args.skip_check:
        for engine in engine_names:
            if engine != "numpy":
                checked = check_identity(engine)
                print(f"[{engine}] " + identity_summary(checked), flush=True)
                identity += checked

    runs: list[dict] = []
    for n in (int(s) for s in args.sizes.split(",")):
        reps = args.reps or default_reps(n)
        if args.same_process:
            runs += spawn(engine_names, n, args.horizon, reps)
        else:
            for rep in range(reps):
                order = engine_names if rep % 2 == 0 else engine_names[::-1]
                for engine in order:
                    runs += spawn([engine], n, args.horizon, 1)
        print(f"  {n:,} people done ({time.perf_counter() - started:.0f} s)", flush=True)

    rows = summarise(runs, engine_names)
    mode = "same process, alternating" if args.same_process else "a fresh process per run"
    first = numpy.datetime64(args.horizon, "M")
    print(
        f"\nHorizon {first} … {first + MONTHS - 1}; median over runs, {mode}; "
        f"warm-up on {WARM_UP_PEOPLE} people.\n"
    )
    print(markdown(rows))
    print("\n" + targets(rows))
    print(f"Total time {time.perf_counter() - started:.0f} s.")
    if args.json_out:
        with open(args.json_out, "w") as out:
            json.dump(
                {
                    "machine": info,
                    "horizon": args.horizon,
                    "months": MONTHS,
                    "mode": mode,
                    "identity": identity,
                    "summary": rows,
                    "runs": runs,
                },
                out,
                indent=1,
                default=float,
            )


if __name__ == "__main__":
    main()

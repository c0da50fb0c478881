"""Benchmark (b): cold `klaverblad plan` wall time, a fresh process each run.

    .venv/bin/python -m benchmarks.cold_start [--runs 15] [--json OUT]

Timed with the same method in the same command, as baselines: the bare interpreter
(`python -c pass`) and the import of openfisca_core alone, so the ratio shows what start-up
costs beyond Python and OpenFisca themselves.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "bik-klusjesdienst.yaml"
COMMANDS = {
    "python -c pass (interpreter baseline)": [sys.executable, "-c", "pass"],
    "python -c 'import openfisca_core' (engine baseline)": [
        sys.executable,
        "-c",
        "import openfisca_core.simulations, openfisca_core.taxbenefitsystems",
    ],
    "klaverblad plan examples/bik-klusjesdienst.yaml --format json": [
        sys.executable,
        "-m",
        "klaverblad",
        "plan",
        str(EXAMPLE),
        "--format",
        "json",
    ],
}


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first run only warms the file cache
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times[1:]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    for name, command in COMMANDS.items():
        times = wall_times(command, args.runs)
        results[name] = {
            "runs": args.runs,
            "median_s": statistics.median(times),
            "max_s": max(times),
        }
    print("| command | runs | median s | max s |\n|---|---|---|---|")
    for name, figures in results.items():
        print(
            f"| {name} | {figures['runs']} | {figures['median_s']:.3f} | {figures['max_s']:.3f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

"""Benchmark (b): cold `klaverblad plan` wall time, a fresh process each run.

    .venv/bin/python -m benchmarks.cold_start [--runs 15] [--json OUT]

Timed with the same method in the same command, as baselines: the bare interpreter
(`python -c pass`) and the import of openfisca_core alone, so the ratio shows what start-up
costs beyond Python and OpenFisca themselves.

Every command reads compiled bytecode, as an installed klaverblad does (pip compiles it at
install) and as OpenFisca's installed modules always do: the untimed first run of each command
writes it to a temporary `PYTHONPYCACHEPREFIX`, even where `PYTHONDONTWRITEBYTECODE` is set
(without it, each run compiled klaverblad's sources: 0.07 s of CPU per run on the 2-core
machine of issue #12). That first run also fills the parameter cache
(klaverblad/rules/parameter_cache.py). Whether the gettext catalogues are compiled
(`make catalogues`) is said under the table: without their `.mo` files each run compiles them
in memory (klaverblad/messages.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
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


def wall_times(command: list[str], runs: int, environment: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first run only warms the file cache and writes bytecode
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=environment)
        times.append(time.perf_counter() - start)
    return times[1:]


def catalogues_state() -> str:
    translations = ROOT / "src" / "klaverblad" / "translations"
    sources = sorted(translations.glob("*/LC_MESSAGES/*.po"))
    compiled = [
        po.with_suffix(".mo").exists()
        and po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime
        for po in sources
    ]
    if all(compiled):
        return "gettext catalogues compiled (`.mo` current)"
    return "gettext catalogues not compiled (no current `.mo`): each run compiles them in memory"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="klaverblad-bytecode-") as bytecode:
        environment = {
            key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
        }
        environment["PYTHONPYCACHEPREFIX"] = bytecode
        for name, command in COMMANDS.items():
            times = wall_times(command, args.runs, environment)
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
    catalogues = catalogues_state()
    print(f"\nBytecode compiled by an untimed first run of each command; {catalogues}.")
    results["notes"] = {"bytecode": "compiled by the first, untimed run", "catalogues": catalogues}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

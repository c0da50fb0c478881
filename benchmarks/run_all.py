"""`make bench`: run every benchmark, each in its own process, and write the figures with the
machine into benchmarks/README.md (between the markers of its "Last measured" section).

    .venv/bin/python -m benchmarks.run_all [--quick]
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"


def run(module: str, *args: str) -> str:
    print(f"$ python -m benchmarks.{module} {' '.join(args)}", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    print(result.stdout, flush=True)
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes (smoke run)")
    args = parser.parse_args(argv)
    latency = run("latency", "--runs", "50" if args.quick else "300")
    cold = run("cold_start", "--runs", "3" if args.quick else "15")
    sizes = "1000,10000" if args.quick else "1000,10000,100000,1000000"
    throughput = run("throughput", "--sizes", sizes)
    portfolio = run("portfolio", "--initiatives", "500" if args.quick else "10000")
    # The API's uncached throughput (step 8's row): misses, kept-alive, 8 clients, 1 and 2
    # workers; wrk (apt package `wrk`) when installed, the Python client always.
    clients = ["wrk", "python"] if shutil.which("wrk") else ["python"]
    api = run(
        "api_load",
        "--duration",
        "4" if args.quick else "10",
        "--bodies",
        "distinct",
        "--connections",
        "keep-alive",
        "--client",
        *clients,
    )
    stages = run(
        "plan_stages",
        "--runs",
        "50" if args.quick else "300",
        "--portfolio",
        "200" if args.quick else "1000",
    )
    step9 = run("step9", "--runs", "30" if args.quick else "100")
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    section = "\n\n".join(
        [
            BEGIN,
            f"Measured {stamp} with `make bench`{' --quick' if args.quick else ''}.",
            "### (a) Warm single-plan latency (plan + alerts + JSON)\n\n" + latency,
            "### (b) Cold `klaverblad plan`\n\n" + cold,
            "### (c) Throughput of one vectorised simulation\n\n" + throughput,
            "### Portfolio: 10 000 initiatives, baseline vs reform\n\n" + portfolio,
            "### Uncached `POST /api/plan`, 8 kept-alive clients\n\n" + api,
            "### Where the time goes: stages of a plan and of a portfolio\n\n" + stages,
            "### Step 9's answers next to the plan they start from\n\n" + step9,
            END,
        ]
    )
    text = README.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n## Last measured\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")
    print(f"figures written to {README}")


if __name__ == "__main__":
    main()

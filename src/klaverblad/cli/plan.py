"""`klaverblad plan` and `klaverblad demo`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import (
    BINARY_FORMATS,
    EXAMPLES_DIRECTORY,
    AsKnownOnOption,
    ChangeOption,
    Lang,
    PlanFormat,
    ReformOption,
    app,
    as_known_on_option,
    emit,
    emit_bytes,
    fail,
    language,
    load,
    month_option,
    rules_option,
)


@app.command()
def plan(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON, CONTRACT §2)")],
    format: Annotated[
        PlanFormat | None,
        typer.Option(
            "--format",
            help="json, table, csv, xlsx or pdf; table on a terminal, else json "
            "(xlsx and pdf need --output)",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Horizon start, YYYY-MM")] = None,
    months: Annotated[
        int | None, typer.Option("--months", min=1, max=240, help="Horizon length, 1..240")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of messages: nl or en")] = Lang.nl,
    reform: ReformOption = None,
    set_: ChangeOption = None,
    as_known_on: AsKnownOnOption = None,
) -> None:
    """The financing plan: lines per leaf and year, costs, gap, break-even price and alerts;
    with --as-known-on, under only the rules known on that date."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.plan.financing_plan import compute_plan, same_outcome
    from klaverblad.rules.known_on import rules_known_on, system_as_known_on

    if format in BINARY_FORMATS and output is None:
        fail(f"--output: required for --format {format}")
    initiative = load(file)
    month_option(start, "--start")
    system, reforms = rules_option(reform, set_)
    known_on = as_known_on_option(as_known_on)
    if known_on is not None:
        system = system_as_known_on(system, known_on)
    chosen = format or (PlanFormat.table if sys.stdout.isatty() else PlanFormat.json)
    result = compute_plan(initiative, system, start=start, months=months, reforms=reforms)
    plain = rules_known_on(known_on)
    if reforms and same_outcome(
        result, compute_plan(initiative, plain, start=start, months=months)
    ):
        typer.echo(f"{', '.join(reforms)}: the reform changes nothing in this plan", err=True)
    alerts = plan_alerts(result)
    chosen_language = language(lang)
    if chosen is PlanFormat.xlsx and output is not None:
        from klaverblad.report.plan_xlsx import plan_to_xlsx

        emit_bytes(plan_to_xlsx(result, alerts, chosen_language), output)
    elif chosen is PlanFormat.pdf and output is not None:
        from klaverblad.report.plan_pdf import plan_to_pdf

        emit_bytes(plan_to_pdf(result, alerts, chosen_language), output)
    elif chosen is PlanFormat.json:
        from klaverblad.report.plan_json import plan_to_dict

        emit(
            json.dumps(plan_to_dict(result, alerts, chosen_language), ensure_ascii=False, indent=2),
            output,
        )
    elif chosen is PlanFormat.csv:
        from klaverblad.report.plan_csv import plan_to_csv

        emit(plan_to_csv(result), output)
        # The CSV is one table of lines; the alerts go to standard error, one per line.
        for alert in alerts:
            typer.echo(
                f"[{alert.severity}] {alert.code} {alert.subject}: "
                f"{alert.message(chosen_language)}",
                err=True,
            )
    else:
        from klaverblad.report.plan_table import render_plan_table

        emit(render_plan_table(result, alerts, chosen_language), output)


@app.command()
def demo(
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """Print the plan of every example initiative (the main job until the web app exists)."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.plan_table import render_plan_table

    files = sorted(EXAMPLES_DIRECTORY.glob("*.yaml"))
    if not files:
        fail(f"no example initiatives found in {EXAMPLES_DIRECTORY}")
    for path in files:
        result = compute_plan(load(path))
        typer.echo(render_plan_table(result, plan_alerts(result), language(lang)))

"""`klaverblad cashflow FILE`: when the money arrives — the plan month by month as cash, with
the balance, the lowest month and the pre-financing needed (`plan/cashflow.py`,
docs/cashflow.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import (
    ChangeOption,
    Lang,
    ReformOption,
    TableCsvFormat,
    app,
    emit,
    language,
    load,
    month_option,
    rules_option,
)
from klaverblad.locale import Language


@app.command()
def cashflow(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON, CONTRACT §2)")],
    format: Annotated[TableCsvFormat, typer.Option("--format")] = TableCsvFormat.table,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Horizon start, YYYY-MM")] = None,
    months: Annotated[
        int | None, typer.Option("--months", min=1, max=240, help="Horizon length, 1..240")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the table: nl or en")] = Lang.nl,
    reform: ReformOption = None,
    set_: ChangeOption = None,
) -> None:
    """The cash flow per month: costs paid, money received, balance; the lowest month and the
    pre-financing needed. Each component's money arrives when its payment timing says (its
    source and grade are listed); costs are paid in the month they fall in."""
    from klaverblad.cli.compare import measure_in_words
    from klaverblad.plan.cashflow import compute_cashflow
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.cashflow_output import cashflow_csv, cashflow_to_dict, render_cashflow

    initiative = load(file)
    month_option(start, "--start")
    system, reforms = rules_option(reform, set_)
    plan = compute_plan(initiative, system, start=start, months=months, reforms=reforms)
    flow = compute_cashflow(plan)
    chosen = language(lang)
    if format is TableCsvFormat.json:
        emit(json.dumps(cashflow_to_dict(flow, chosen), ensure_ascii=False, indent=2), output)
    elif format is TableCsvFormat.csv:
        emit(cashflow_csv(flow), output)
    else:

        def named(measure: str, shown: Language) -> str:
            return measure_in_words(plan, measure, shown)

        emit(render_cashflow(flow, chosen, named), output)

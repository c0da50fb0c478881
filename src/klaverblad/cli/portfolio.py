"""`klaverblad portfolio FILE...`: many initiatives, with or without a reform."""

from __future__ import annotations

import json
import sys
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
    fail,
    language,
    rules_option,
)
from klaverblad.model import Initiative, InitiativeError, load_initiative

PROGRESS_FROM = 200  # initiatives: below this a run takes about a second, no bar needed


def _files(paths: list[Path]) -> list[Path]:
    """The files named, and the YAML/JSON files inside any folder named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
        else:
            found.append(path)
    return found


def _load_all(paths: list[Path]) -> list[Initiative]:
    """Every initiative, or exit 2 with every problem of every file (nothing is computed)."""
    problems: list[str] = []
    initiatives: list[Initiative] = []
    seen: dict[str, Path] = {}
    for path in _files(paths):
        try:
            initiative = load_initiative(path)
        except InitiativeError as error:
            problems += error.lines()
            continue
        if initiative.id in seen:
            problems.append(
                f"{path}: id: '{initiative.id}' is also the id in {seen[initiative.id]}"
            )
            continue
        seen[initiative.id] = path
        initiatives.append(initiative)
    if problems:
        fail(*problems)
    if not initiatives:
        fail("no initiative files given (YAML or JSON files, or folders holding them)")
    return initiatives


@app.command()
def portfolio(
    files: Annotated[list[Path], typer.Argument(help="Initiative files, or folders of them")],
    reform: ReformOption = None,
    set_: ChangeOption = None,
    format: Annotated[TableCsvFormat, typer.Option("--format")] = TableCsvFormat.table,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """Many initiatives in one vectorised simulation: totals per initiative, funder, leaf and
    year; with --reform or --set, baseline, reform and difference, and who gains or loses."""
    from rich.progress import Progress

    from klaverblad.advice.portfolio import compute_portfolio
    from klaverblad.report.portfolio_output import (
        portfolio_to_csv,
        portfolio_to_dict,
        render_portfolio,
    )
    from klaverblad.rules import baseline_system

    initiatives = _load_all(files)
    system, reforms = rules_option(reform, set_)
    reformed = system if reforms else None
    scenarios = 2 if reformed else 1
    show = len(initiatives) >= PROGRESS_FROM and sys.stderr.isatty()
    with Progress(transient=True, disable=not show) as bar:
        task = bar.add_task("plans", total=len(initiatives) * scenarios)
        done = [0]

        def advance(_: int) -> None:
            done[0] += 1
            bar.update(task, completed=done[0])

        result = compute_portfolio(initiatives, baseline_system(), reformed, reforms, advance)
    if format is TableCsvFormat.json:
        emit(json.dumps(portfolio_to_dict(result), ensure_ascii=False, indent=2), output)
    elif format is TableCsvFormat.csv:
        emit(portfolio_to_csv(result), output)
    else:
        emit(render_portfolio(result, language(lang)), output)

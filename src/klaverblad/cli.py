"""The command line (CONTRACT §3): `klaverblad plan | explain | measures | demo`.

Bad input is one plain line per problem on standard error and exit status 2, never a
traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from klaverblad.locale import Language
from klaverblad.model import Initiative, InitiativeError, load_initiative
from klaverblad.model.months import MONTH_PATTERN, month_of_date, parse_month

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Klaverblad: financing plans for lokale diensteneconomie initiatives (klaverbladmodel).",
    pretty_exceptions_enable=False,
)
EXAMPLES_DIRECTORY = Path(__file__).resolve().parents[2] / "examples"


class PlanFormat(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


class TextFormat(StrEnum):
    json = "json"
    text = "text"


class CatalogueFormat(StrEnum):
    json = "json"
    table = "table"


class Lang(StrEnum):
    nl = "nl"
    en = "en"


def _language(lang: Lang) -> Language:
    return "en" if lang is Lang.en else "nl"


def fail(*lines: str) -> NoReturn:
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(2)


def _load(path: Path) -> Initiative:
    try:
        return load_initiative(path)
    except InitiativeError as error:
        fail(*error.lines())


def _month_option(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    if not MONTH_PATTERN.match(value):
        fail(f"{name}: '{value}' is not a month in the form YYYY-MM")
    try:
        return parse_month(value)
    except ValueError as error:
        fail(f"{name}: {error}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"--output: cannot write {output}: {error.strerror}")


@app.command()
def plan(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON, CONTRACT §2)")],
    format: Annotated[
        PlanFormat | None,
        typer.Option("--format", help="json, table or csv; table on a terminal, else json"),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Horizon start, YYYY-MM")] = None,
    months: Annotated[
        int | None, typer.Option("--months", min=1, max=240, help="Horizon length, 1..240")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of messages: nl or en")] = Lang.nl,
) -> None:
    """The financing plan: lines per leaf and year, costs, gap, break-even price and alerts."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.plan.financing_plan import compute_plan

    initiative = _load(file)
    _month_option(start, "--start")
    chosen = format or (PlanFormat.table if sys.stdout.isatty() else PlanFormat.json)
    result = compute_plan(initiative, start=start, months=months)
    alerts = plan_alerts(result)
    language = _language(lang)
    if chosen is PlanFormat.json:
        from klaverblad.report.plan_json import plan_to_dict

        _emit(
            json.dumps(plan_to_dict(result, alerts, language), ensure_ascii=False, indent=2), output
        )
    elif chosen is PlanFormat.csv:
        from klaverblad.report.plan_csv import plan_to_csv

        _emit(plan_to_csv(result), output)
    else:
        from klaverblad.report.plan_table import render_plan_table

        _emit(render_plan_table(result, alerts, language), output)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON)")],
    person: Annotated[str, typer.Option("--person", help="Id of the person to explain")],
    measure: Annotated[
        str | None, typer.Option("--measure", help="Only this wage statute, e.g. sine")
    ] = None,
    month: Annotated[
        str | None, typer.Option("--month", help="Month for the amounts, YYYY-MM")
    ] = None,
    format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.text,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """Every condition of each wage statute for one person: met or not, with label and
    reference; and the month's amounts with the parameter values, sources and grades."""
    from klaverblad.advice.explain import UnknownPersonError, explain_person
    from klaverblad.report.explain_text import render_explanation
    from klaverblad.rules.catalogue import STATUTES

    initiative = _load(file)
    if measure is not None and measure not in STATUTES:
        fail(f"--measure: '{measure}' is not a wage statute; choose from {', '.join(STATUTES)}")
    at = _month_option(month, "--month")
    language = _language(lang)
    try:
        result = explain_person(initiative, person, measure, at, language)
    except UnknownPersonError as error:
        fail(f"--person: no person '{error.person}' in {file}; known: {', '.join(error.known)}")
    if format is TextFormat.json:
        _emit(json.dumps(result, ensure_ascii=False, indent=2), None)
    else:
        _emit(render_explanation(result, language), None)


@app.command()
def measures(
    on: Annotated[
        str | None, typer.Option("--date", help="Date of the values, YYYY-MM-DD (default today)")
    ] = None,
    format: Annotated[CatalogueFormat, typer.Option("--format")] = CatalogueFormat.table,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """The catalogue: measures, leaves, funders, and each parameter's value at a date with its
    source and confidence grade (H/M/L)."""
    from klaverblad.advice.catalogue_view import measures_catalogue
    from klaverblad.report.measures_table import render_measures

    try:
        when = date.fromisoformat(on) if on else date.today()
    except ValueError:
        fail(f"--date: '{on}' is not a date in the form YYYY-MM-DD")
    catalogue = measures_catalogue(month_of_date(when))
    catalogue["date"] = when.isoformat()
    if format is CatalogueFormat.json:
        _emit(json.dumps(catalogue, ensure_ascii=False, indent=2), None)
    else:
        _emit(render_measures(catalogue, _language(lang)), None)


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
        result = compute_plan(_load(path))
        typer.echo(render_plan_table(result, plan_alerts(result), _language(lang)))


def main() -> None:
    app()

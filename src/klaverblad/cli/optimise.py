"""`klaverblad optimise`: the wage statute per person that minimises the gap under constraints."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import Lang, TableFormat, app, emit, fail, language, load, rules_option
from klaverblad.model.echo import ECHO_CHARACTERS, echo
from klaverblad.model.number_reader import NumberError, read_decimal, read_integer

# How the command line spells each constraint of the input model.
OPTION_NAMES = {
    "max_positions": "--max",
    "budget_cap": "--cap",
    "fixed": "--fix",
    "constraints": "optimise",
}


def _pairs(option: str, values: list[str], form: str, problems: list[str]) -> dict[str, str]:
    """`NAME=VALUE` options as a dict; malformed or repeated names go to `problems`."""
    pairs: dict[str, str] = {}
    for value in values:
        name, equals, rest = value.partition("=")
        name, rest = name.strip(), rest.strip()
        if not equals or not name or not rest:
            problems.append(f"{option}: '{value}' is not in the form {form}")
        elif name in pairs:
            problems.append(f"{option}: {name} is given more than once")
        else:
            pairs[name] = rest
    return pairs


def _short(name: str, text: str) -> str:
    """`NAME=VALUE` of an option as given, each part cut to the length `echo` quotes."""
    return f"{name[:ECHO_CHARACTERS]}={text[:ECHO_CHARACTERS]}"


def _counts(values: dict[str, str], problems: list[str]) -> dict[str, object]:
    counts: dict[str, object] = {}
    for name, text in values.items():
        try:
            counts[name] = read_integer(text)
        except NumberError:
            problems.append(f"--max: {_short(name, text)}: {echo(text)} is not a whole number")
    return counts


def _amounts(values: dict[str, str], problems: list[str]) -> dict[str, object]:
    amounts: dict[str, object] = {}
    for name, text in values.items():
        try:
            amounts[name] = read_decimal(text, decimal_comma=True)
        except NumberError as error:
            reason = str(error)
            if not any(word in reason for word in ("exponent", "too long", "significant digits")):
                reason = f"{echo(text)} is not an amount in euros"
            problems.append(f"--cap: {_short(name, text)}: {reason}")
    return amounts


@app.command()
def optimise(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON, CONTRACT §2)")],
    max_positions: Annotated[
        list[str] | None,
        typer.Option(
            "--max", help="At most N people on a statute: STATUTE=N (repeatable), e.g. sine=2"
        ),
    ] = None,
    cap: Annotated[
        list[str] | None,
        typer.Option(
            "--cap",
            help="At most this many euros of wage-statute funding from a funder over the "
            "horizon: FUNDER=EUR (repeatable), e.g. federaal=15000",
        ),
    ] = None,
    fix: Annotated[
        list[str] | None,
        typer.Option("--fix", help="Keep a person on a statute: ID=STATUTE (repeatable)"),
    ] = None,
    format: Annotated[
        TableFormat | None,
        typer.Option("--format", help="json or table; table on a terminal, else json"),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the table: nl or en")] = Lang.nl,
    reform: Annotated[
        list[str] | None, typer.Option("--reform", help="Optimise under a named reform")
    ] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="A parameter change PARAMETER=VALUE@YYYY-MM")
    ] = None,
) -> None:
    """The wage statute per person that minimises the gap under the stated constraints (an
    exact MILP), current against proposed with the gain per person and per year."""
    from klaverblad.advice.optimise import optimise as run_optimise
    from klaverblad.advice.optimise_constraints import ConstraintError, parse_constraints
    from klaverblad.report.optimise_json import optimise_to_dict

    problems: list[str] = []
    counts = _counts(_pairs("--max", max_positions or [], "statute=number", problems), problems)
    caps = _amounts(_pairs("--cap", cap or [], "funder=euros", problems), problems)
    fixed = _pairs("--fix", fix or [], "person=statute", problems)
    if problems:
        fail(*problems)
    initiative = load(file)
    system, _ = rules_option(reform, set_)
    try:
        constraints = parse_constraints(
            {"max_positions": counts, "budget_cap": caps, "fixed": fixed}, initiative
        )
        result = run_optimise(initiative, constraints, system=system)
    except ConstraintError as error:
        fail(*error.lines(OPTION_NAMES))
    chosen = format or (TableFormat.table if sys.stdout.isatty() else TableFormat.json)
    if chosen is TableFormat.json:
        emit(json.dumps(optimise_to_dict(result), ensure_ascii=False, indent=2), output)
    else:
        from klaverblad.report.optimise_table import render_optimise_table

        emit(render_optimise_table(result, language(lang)), output)

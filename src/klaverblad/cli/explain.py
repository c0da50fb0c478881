"""`klaverblad explain`: why (not), per person and measure."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import Lang, app, emit, fail, language, load, month_option


class TextFormat(StrEnum):
    json = "json"
    text = "text"


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

    initiative = load(file)
    if measure is not None and measure not in STATUTES:
        fail(f"--measure: '{measure}' is not a wage statute; choose from {', '.join(STATUTES)}")
    at = month_option(month, "--month")
    chosen_language = language(lang)
    try:
        result = explain_person(initiative, person, measure, at, chosen_language)
    except UnknownPersonError as error:
        fail(f"--person: no person '{error.person}' in {file}; known: {', '.join(error.known)}")
    if format is TextFormat.json:
        emit(json.dumps(result, ensure_ascii=False, indent=2), None)
    else:
        emit(render_explanation(result, chosen_language), None)

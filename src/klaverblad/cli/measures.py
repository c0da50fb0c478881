"""`klaverblad measures`: the catalogue of measures and parameters at a date."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer

from klaverblad.cli.common import Lang, TableFormat, app, emit, fail, language
from klaverblad.model.months import month_of_date


@app.command()
def measures(
    on: Annotated[
        str | None, typer.Option("--date", help="Date of the values, YYYY-MM-DD (default today)")
    ] = None,
    format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
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
    if format is TableFormat.json:
        catalogue = measures_catalogue(month_of_date(when))
        catalogue["date"] = when.isoformat()
        emit(json.dumps(catalogue, ensure_ascii=False, indent=2), None)
    else:
        # The table speaks the chosen language, its parameter labels included.
        catalogue = measures_catalogue(month_of_date(when), language=language(lang))
        emit(render_measures(catalogue, language(lang)), None)

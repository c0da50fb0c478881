"""`klaverblad multi-year-plan FILE... --municipality NAME`: the money of one municipality's
initiatives per year 2026-2031, mapped to the BBC 2020 structure of its multi-year plan
(docs/multi-year-plan.md)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import Lang, app, emit, emit_bytes, fail, language
from klaverblad.cli.portfolio import _load_all


class MultiYearFormat(StrEnum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


@app.command("multi-year-plan")
def multi_year_plan(
    files: Annotated[list[Path], typer.Argument(help="Initiative files, or folders of them")],
    municipality: Annotated[
        str, typer.Option("--municipality", help="The municipality (promoter.municipality)")
    ],
    format: Annotated[MultiYearFormat, typer.Option("--format")] = MultiYearFormat.table,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """The municipality's multi-year plan 2026-2031: per year the amounts per beleidsveld,
    algemene rekening, funder and leaf (subsidies received by the gemeente/OCMW, or paid to
    third-party promoters); initiatives of other municipalities are left out."""
    from klaverblad.advice.multi_year_plan import UnknownMunicipalityError, compute_multi_year_plan
    from klaverblad.report.bbc_export import (
        multi_year_to_csv,
        multi_year_to_dict,
        render_multi_year,
    )

    if format is MultiYearFormat.xlsx and output is None:
        fail("--output: required for --format xlsx")
    if not municipality.strip():
        fail("--municipality: give the name of a municipality")
    initiatives = _load_all(files)
    try:
        result = compute_multi_year_plan(initiatives, municipality)
    except UnknownMunicipalityError as error:
        fail(
            f"--municipality: no initiative of '{error.name}' in the files given; "
            f"their municipalities: {', '.join(error.known)}"
        )
    chosen = language(lang)
    if format is MultiYearFormat.xlsx and output is not None:
        from klaverblad.report.bbc_xlsx import multi_year_xlsx

        emit_bytes(multi_year_xlsx(result, chosen), output)
    elif format is MultiYearFormat.json:
        emit(json.dumps(multi_year_to_dict(result), ensure_ascii=False, indent=2), output)
    elif format is MultiYearFormat.csv:
        emit(multi_year_to_csv(result, chosen), output)
    else:
        emit(render_multi_year(result, chosen), output)

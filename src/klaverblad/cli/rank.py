"""`klaverblad rank`: the need ranking of municipalities and a budget split (RULEBOOK §8)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from klaverblad.cli.common import Lang, TableFormat, app, emit, fail, language


@app.command()
def rank(
    csv: Annotated[
        Path,
        typer.Argument(
            metavar="CSV",
            help="Municipalities: municipality, youth_unemployment_rate, "
            "general_unemployment_rate (percent), optional population; ',' or ';' separated",
        ),
    ],
    weights: Annotated[
        str | None,
        typer.Option("--weights", help="Weights summing to 1, default youth=0.5,general=0.5"),
    ] = None,
    budget: Annotated[
        str | None,
        typer.Option("--budget", help="Euros to split in proportion to need, e.g. 25000"),
    ] = None,
    format: Annotated[
        TableFormat | None,
        typer.Option("--format", help="json or table; table on a terminal, else json"),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the table: nl or en")] = Lang.nl,
) -> None:
    """Rank municipalities by a need score of youth and general unemployment, beside the
    youth-only ranking, and split a budget in proportion to need."""
    from klaverblad.advice.ranking import rank_municipalities, ranking_to_dict
    from klaverblad.advice.ranking_input import (
        RankingInputError,
        parse_budget,
        parse_weights,
        read_csv,
    )

    problems: list[str] = []
    chosen_weights = chosen_budget = rows = None
    try:
        chosen_weights = parse_weights(weights)
    except RankingInputError as error:
        problems += error.lines()
    try:
        chosen_budget = parse_budget(budget)
    except RankingInputError as error:
        problems += error.lines()
    try:
        rows = read_csv(csv)
    except RankingInputError as error:
        problems += error.lines()
    if problems or chosen_weights is None or rows is None:
        fail(*problems)
    result = rank_municipalities(rows, chosen_weights, chosen_budget)
    chosen = format or (TableFormat.table if sys.stdout.isatty() else TableFormat.json)
    if chosen is TableFormat.json:
        emit(json.dumps(ranking_to_dict(result), ensure_ascii=False, indent=2), output)
    else:
        from klaverblad.report.rank_table import render_rank_table

        emit(render_rank_table(result, language(lang)), output)

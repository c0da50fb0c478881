"""`klaverblad explain`: why (not), per person and measure."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from klaverblad.cli.common import Lang, app, emit, fail, language, load, month_option, rules_option


class TextFormat(StrEnum):
    json = "json"
    text = "text"


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON)")],
    person: Annotated[
        str | None, typer.Option("--person", help="Id of the person to explain")
    ] = None,
    line: Annotated[
        int | None, typer.Option("--line", min=0, help="Explain plan line N (0 = the first)")
    ] = None,
    lines: Annotated[bool, typer.Option("--lines", help="Explain every plan line")] = False,
    measure: Annotated[
        str | None, typer.Option("--measure", help="Only this wage statute, e.g. sine")
    ] = None,
    month: Annotated[
        str | None, typer.Option("--month", help="Month for the amounts, YYYY-MM")
    ] = None,
    format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.text,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
    reform: Annotated[list[str] | None, typer.Option("--reform", help="A named reform")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="A parameter change PARAMETER=VALUE@YYYY-MM")
    ] = None,
) -> None:
    """Why (not). With --person: every condition of each wage statute for that person, met or
    not, with label and reference, and a month's amounts with the parameter values, sources and
    grades. With --line N or --lines: each plan line's rule in words, inputs, parameter values
    with their dates, references and grade."""
    from klaverblad.advice.explain import UnknownPersonError, explain_person
    from klaverblad.advice.line_explanations import explain_line, explain_lines
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.explain_text import render_explanation, render_line_explanations
    from klaverblad.rules.catalogue import STATUTES

    initiative = load(file)
    if sum((person is not None, line is not None, lines)) != 1:
        fail("give exactly one of --person ID, --line N or --lines")
    if measure is not None and measure not in STATUTES:
        fail(f"--measure: '{measure}' is not a wage statute; choose from {', '.join(STATUTES)}")
    at = month_option(month, "--month")
    system, reforms = rules_option(reform, set_)
    chosen_language = language(lang)
    result: dict[str, Any]
    if person is not None:
        try:
            result = explain_person(initiative, person, measure, at, chosen_language, system)
        except UnknownPersonError as error:
            known = ", ".join(error.known) or "(none)"
            fail(f"--person: no person '{error.person}' in {file}; known: {known}")
        text = render_explanation(result, chosen_language)
    else:
        plan = compute_plan(initiative, system, reforms=reforms)
        if line is not None and line >= len(plan.lines):
            fail(
                f"--line: the plan has {len(plan.lines)} lines, numbered 0 to {len(plan.lines) - 1}"
            )
        explained = (
            explain_lines(plan, chosen_language)
            if lines
            else [{"index": line, **explain_line(plan, plan.lines[line or 0], chosen_language)}]
        )
        result = {
            "schema": "klaverblad.explain-lines/1",
            "initiative": initiative.id,
            "lines": explained,
        }
        text = render_line_explanations(explained, chosen_language)
    if format is TextFormat.json:
        emit(json.dumps(result, ensure_ascii=False, indent=2), None)
    else:
        emit(text, None)

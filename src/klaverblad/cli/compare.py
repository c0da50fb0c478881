"""`klaverblad compare FILE --reform NAME --set PATH=VALUE@YYYY-MM`: why a reform changes a plan,
one step per change in the order given (`advice/reform_steps.py`, docs/compare.md).

The named reforms come first, in the order of their `--reform` options, then the parameter
changes in the order of their `--set` options: the order in which `reformed_system` applies them
and `klaverblad plan` reports them in `rules.reforms`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from klaverblad.cli.common import (
    AsKnownOnOption,
    ChangeOption,
    Lang,
    ReformOption,
    TableCsvFormat,
    app,
    as_known_on_option,
    emit,
    fail,
    language,
    load,
    rules_option,
)
from klaverblad.messages import N_, words

if TYPE_CHECKING:
    from datetime import date

    from klaverblad.advice.reform_steps import Change, ReformSteps
    from klaverblad.locale import Language
    from klaverblad.plan.financing_plan import FinancingPlan

WORDS = words(
    N_("reform_steps.title"),
    N_("reform_steps.intro"),
    N_("reform_steps.step"),
    N_("reform_steps.change"),
    N_("reform_steps.funding"),
    N_("reform_steps.funding_difference"),
    N_("reform_steps.gap"),
    N_("reform_steps.gap_difference"),
    N_("reform_steps.baseline"),
    N_("reform_steps.final"),
    N_("reform_steps.total_difference"),
    N_("reform_steps.people_title"),
    N_("reform_steps.funders_title"),
    N_("reform_steps.person"),
    N_("reform_steps.measure"),
    N_("reform_steps.funder"),
    N_("reform_steps.difference"),
    N_("reform_steps.initiative"),
    N_("reform_steps.statute_changed"),
    N_("reform_steps.statutes_title"),
)


def change_words(change: Change, language: Language) -> str:
    """A change in words: a reform by its Dutch name (the report's), a parameter change as
    'path = value vanaf maand' with the value and month in the language's way."""
    from klaverblad.locale import month_name, number
    from klaverblad.model.months import parse_month
    from klaverblad.rules.known_on import KnownLater
    from klaverblad.rules.reforms import REFORMS

    if isinstance(change, KnownLater):
        from klaverblad.advice.known_on_words import known_later_words
        from klaverblad.rules import baseline_system

        return known_later_words(change, baseline_system().parameters, language)
    if isinstance(change, str):
        return str(REFORMS[change].name)
    value = change.value
    shown = str(value).lower() if isinstance(value, bool) else number(value, language)
    month = month_name(parse_month(change.month), language)
    return words(N_("reform_steps.change_set"))[language]["change_set"].format(
        path=change.path, value=shown, month=month
    )


def measure_in_words(plan: FinancingPlan, measure: str, language: Language) -> str:
    """A measure as the downloads name it, or, for a measure only a reform adds (which the
    downloads' words lack), as the plan page's explanations name it."""
    from klaverblad.messages import MissingMessageError, text
    from klaverblad.report.funder_tables import measure_words

    named = measure_words(plan, measure, language)
    if named != measure.replace("_", " "):
        return named
    try:
        return text(f"explanation.measure_{measure}", language)
    except MissingMessageError:
        return named


def render_steps(
    result: ReformSteps,
    language: Language,
    width: int = 130,
    known_on: date | None = None,
) -> str:
    """The steps as text tables: the waterfall (baseline, one row per step, final), then what
    each step changes per person and measure, per funder, and whose statute changes. With
    `known_on`, the baseline is the plan as planned then, the final one as it turned out."""
    from rich.console import Console
    from rich.table import Table

    from klaverblad.locale import money

    w = dict(WORDS[language])
    if known_on is not None:
        from klaverblad.advice.known_on_words import WORDS as KNOWN_ON_WORDS
        from klaverblad.advice.known_on_words import plans_words
        from klaverblad.locale import day

        w["baseline"], w["final"] = plans_words(known_on, language)
        w["intro"] = KNOWN_ON_WORDS[language]["intro"].format(day=day(known_on, language))
    plan = result.final
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        table = Table(title=w["title"], title_justify="left", caption=w["intro"])
        table.add_column(w["step"])
        table.add_column(w["change"])
        for header in (w["funding_difference"], w["funding"], w["gap_difference"], w["gap"]):
            table.add_column(header, justify="right")
        base = result.baseline.totals
        table.add_row(
            "", w["baseline"], "", money(base.funding_cents, language), "",
            money(base.gap_cents, language),
        )  # fmt: skip
        for number, step in enumerate(result.steps, start=1):
            table.add_row(
                str(number),
                change_words(step.change, language),
                money(step.funding_cents, language),
                money(step.after.funding_cents, language),
                money(step.gap_cents, language),
                money(step.after.gap_cents, language),
            )
        final = result.final.totals
        table.add_row(
            "", w["final"], money(result.funding_cents, language),
            money(final.funding_cents, language), money(result.gap_cents, language),
            money(final.gap_cents, language),
        )  # fmt: skip
        console.print(table)
        people = Table(title=w["people_title"], title_justify="left")
        funders = Table(title=w["funders_title"], title_justify="left")
        statutes = Table(title=w["statutes_title"], title_justify="left")
        for shown, key in ((people, "person"), (funders, "funder"), (statutes, "statutes_title")):
            shown.add_column(w["step"])
            shown.add_column(w[key])
        people.add_column(w["measure"])
        people.add_column(w["difference"], justify="right")
        funders.add_column(w["difference"], justify="right")
        for number, step in enumerate(result.steps, start=1):
            for (person, measure), cents in step.people_measures.items():
                people.add_row(
                    str(number),
                    person or w["initiative"],
                    measure_in_words(plan, measure, language),
                    money(cents, language),
                )
            for funder, cents in step.funders.items():
                funders.add_row(str(number), funder, money(cents, language))
            for change in step.statutes:
                statutes.add_row(
                    str(number),
                    w["statute_changed"].format(
                        person=change.person,
                        before=measure_in_words(plan, change.before, language),
                        after=measure_in_words(plan, change.after, language),
                    ),
                )
        for shown in (people, funders, statutes):
            if shown.row_count:
                console.print(shown)
    return capture.get()


@app.command()
def compare(
    file: Annotated[Path, typer.Argument(help="Initiative file (YAML or JSON, CONTRACT §2)")],
    reform: ReformOption = None,
    set_: ChangeOption = None,
    keep_statutes: Annotated[
        bool,
        typer.Option(
            "--keep-statutes",
            help="Keep the statutes the file names (default: each person's best statute is "
            "chosen again under every rule set)",
        ),
    ] = False,
    format: Annotated[TableCsvFormat, typer.Option("--format")] = TableCsvFormat.table,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the table: nl or en")] = Lang.nl,
    as_known_on: AsKnownOnOption = None,
) -> None:
    """Why the alternative rules change the plan: one step per reform or parameter change, in
    the order given (reforms, then --set changes), the steps summing to the total difference;
    per step, the difference per person and measure and per funder. With --as-known-on DATE
    instead: the plan as planned then against the plan as it turned out, one step per measure
    whose values became known after that date (docs/as-known-on.md)."""
    from klaverblad.advice.reform_steps import reform_steps, steps_to_csv, steps_to_dict
    from klaverblad.rules.reforms import parse_change

    known_on = as_known_on_option(as_known_on)
    if known_on is not None and (reform or set_):
        fail("--as-known-on: compares the rules known then with today's; no --reform or --set")
    if known_on is None and not reform and not set_:
        fail(
            "compare: give at least one --reform NAME or --set PARAMETER=VALUE@YYYY-MM, "
            "or --as-known-on YYYY-MM-DD"
        )
    initiative = load(file)
    if known_on is not None:
        from klaverblad.advice.known_on_steps import known_on_steps

        result = known_on_steps(initiative, known_on, keep_file=keep_statutes)
    else:
        rules_option(reform, set_)  # every problem on one line each, exit 2
        changes: list[Change] = [*(reform or []), *(parse_change(text) for text in set_ or [])]
        result = reform_steps(initiative, changes, keep_file=keep_statutes)
    if format is TableCsvFormat.json:
        document = steps_to_dict(result, keep_file=keep_statutes)
        emit(json.dumps(document, ensure_ascii=False, indent=2), output)
    elif format is TableCsvFormat.csv:
        emit(steps_to_csv(result), output)
    else:
        emit(render_steps(result, language(lang), known_on=known_on), output)

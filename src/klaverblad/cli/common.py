"""What every command shares: the Typer app, language, loading with exit status 2, output."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from klaverblad.cli.lazy_commands import LazyCommandGroup

if TYPE_CHECKING:
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from klaverblad.locale import Language
    from klaverblad.model import Initiative


def _before_any_command() -> None:
    """Nothing: a root callback makes Typer build a group even before any command module has
    registered its commands (they register when first needed, see `lazy_commands`)."""


# The modules imported here are the ones every command needs: the others (the model and its
# pydantic schemas, OpenFisca, the rules) are imported by the functions that use them, so that
# `klaverblad --help` or `klaverblad serve` does not wait for them (issue #12).
app = typer.Typer(
    cls=LazyCommandGroup,
    callback=_before_any_command,
    add_completion=False,
    no_args_is_help=True,
    help="Klaverblad: financing plans for lokale diensteneconomie initiatives (klaverbladmodel).",
    pretty_exceptions_enable=False,
)
EXAMPLES_DIRECTORY = Path(__file__).resolve().parents[3] / "examples"


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class TableFormat(StrEnum):
    """Formats of the commands that print a table or JSON."""

    json = "json"
    table = "table"


class TableCsvFormat(StrEnum):
    """Formats of the commands that can also print their lines as CSV."""

    json = "json"
    table = "table"
    csv = "csv"


class PlanFormat(StrEnum):
    """Formats of `klaverblad plan`: the text formats and the binary exports (xlsx, pdf)."""

    json = "json"
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    pdf = "pdf"


BINARY_FORMATS = (PlanFormat.xlsx, PlanFormat.pdf)


def language(lang: Lang) -> Language:
    return "en" if lang is Lang.en else "nl"


def fail(*lines: str) -> NoReturn:
    """Bad input: one line per problem on standard error, exit status 2."""
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(2)


def load(path: Path) -> Initiative:
    from klaverblad.model import InitiativeError, load_initiative

    try:
        return load_initiative(path)
    except InitiativeError as error:
        fail(*error.lines())


def month_option(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    from klaverblad.model.months import MONTH_PATTERN, parse_month

    if not MONTH_PATTERN.match(value):
        fail(f"{name}: '{value}' is not a month in the form YYYY-MM")
    try:
        return parse_month(value)
    except ValueError as error:
        fail(f"{name}: {error}")


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"--output: cannot write {output}: {error.strerror}")


def emit_bytes(data: bytes, output: Path) -> None:
    try:
        output.write_bytes(data)
    except OSError as error:
        fail(f"--output: cannot write {output}: {error.strerror}")


def rules_option(
    reforms: list[str] | None, changes: list[str] | None
) -> tuple[TaxBenefitSystem, tuple[str, ...]]:
    """The rules for `--reform NAME` and `--set PARAMETER=VALUE@YYYY-MM` options, with the
    labels a plan reports in `rules.reforms`. Unknown names or bad values exit 2; a change
    that sets a value the parameter already has is said on standard error."""
    from klaverblad.rules.reforms import ReformError, parse_change, reformed_system

    problems: list[str] = []
    parsed = []
    for text in changes or []:
        try:
            change = parse_change(text)
        except ReformError as error:
            problems.append(f"--set: {error}")
            continue
        parsed.append(change)
        if change.deprecation:
            typer.echo(change.deprecation, err=True)
    try:
        system = reformed_system(tuple(reforms or ()), tuple(parsed))
    except ReformError as error:
        problems.append(f"--reform: {error}")
    if problems:
        fail(*problems)
    from klaverblad.rules import baseline_system

    for change in parsed:
        if change.changes_nothing(baseline_system()):
            typer.echo(
                f"--set: {change.path} already is {change.value} from {change.month} on: "
                "this change changes nothing",
                err=True,
            )
    return system, tuple(reforms or ()) + tuple(change.label for change in parsed)


# The rules options of the commands that plan (plan, portfolio, compare): the same words in
# each command's --help.
ReformOption = Annotated[
    list[str] | None,
    typer.Option("--reform", help="A named reform: sine-uitbreiding, lde-koppeling-sine"),
]
ChangeOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="A parameter change PARAMETER=VALUE@YYYY-MM"),
]
AsKnownOnOption = Annotated[
    str | None,
    typer.Option(
        "--as-known-on",
        help="Only the rules known on this date, YYYY-MM-DD (docs/as-known-on.md)",
    ),
]


def as_known_on_option(value: str | None) -> date | None:
    """The date of `--as-known-on`, or None; a bad date exits 2 naming the option."""
    if value is None:
        return None
    from klaverblad.rules.known_on import KnownOnError, parse_day

    try:
        return parse_day(value)
    except KnownOnError as error:
        fail(f"--as-known-on: {error}")

"""`klaverblad measures` as a readable table, in the chosen language: per measure its leaf,
funder and window, then each parameter (its path, the name `--set` takes) with its value, unit
and start in words (`report/parameter_values.py`: "€ 500,00 per maand", "al van voor 2004"),
grade and sources; last the reforms by the name `--reform` takes, with what each does."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from openfisca_core.parameters import ParameterNode
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from klaverblad.locale import Language, day
from klaverblad.messages import N_, words
from klaverblad.report.parameter_values import start_in_words, unit_text, value_text
from klaverblad.report.reform_docs import reform_doc
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf

_HEADER_WORDS = words(
    N_("measures_table.parameter"),
    N_("measures_table.label"),
    N_("measures_table.value"),
    N_("measures_table.since"),
    N_("measures_table.unit"),
    N_("measures_table.grade"),
    N_("measures_table.source"),
)
HEADERS = {language: tuple(w.values()) for language, w in _HEADER_WORDS.items()}
# The parameter column's width: a path longer than this goes on after one of its dots.
PATH_WIDTH = 32
REFORM_WORDS = words(
    N_("measures_table.reforms_title"),
    N_("measures_table.reform_name"),
)
WINDOW_WORDS = words(
    N_("measures_window.title"),
    N_("measures_window.hires"),
    N_("measures_window.paid"),
    N_("measures_window.since"),
    N_("measures_window.until"),
    N_("measures_window.always"),
    N_("measures_window.none"),
    N_("measures_window.successors"),
    N_("measures_window.leaf_funder"),
    N_("measures_window.by_role"),
    N_("measures_window.regionalised"),
    N_("measures_window.the_grant"),
    N_("measures_window.the_agreement"),
)
# The catalogue's leaf and funder notes that are words, not names (RULEBOOK §1, §3).
_NOTES = {
    "II (I for a supervisor)": "by_role",
    "regionalised": "regionalised",
    "(the grant)": "the_grant",
    "(the agreement)": "the_agreement",
}


def _note(text: str, language: Language) -> str:
    """A leaf or funder of the catalogue in `language` ('regionalised (overheid) / …' too)."""
    for note, key in _NOTES.items():
        text = text.replace(note, WINDOW_WORDS[language][key])
    return text


def _bounds_text(bounds: dict[str, Any] | None, language: Language) -> str:
    w = WINDOW_WORDS[language]
    if bounds is None:
        return w["always"]
    parts = []
    if bounds.get("opens"):
        parts.append(w["since"].format(day=day(date.fromisoformat(bounds["opens"]), language)))
    if bounds.get("closes"):
        # `closes` is the first day it no longer applies: "until" names the day before.
        last = date.fromisoformat(bounds["closes"]) - timedelta(days=1)
        parts.append(w["until"].format(day=day(last, language)))
    return " ".join(parts) or w["always"]


def window_text(measure: dict[str, Any], language: Language) -> str:
    """'nieuwe aanwervingen tot 30 juni 2023; bedragen tot 30 juni 2025; opvolger: …'."""
    w = WINDOW_WORDS[language]
    window = measure.get("window")
    if window is None:
        return w["none"]
    parts = []
    if window.get("start") is not None:
        parts.append(f"{w['hires']} {_bounds_text(window['start'], language)}")
    if window.get("paid") is not None:
        parts.append(f"{w['paid']} {_bounds_text(window['paid'], language)}")
    successors = [s["names"][language] for s in measure.get("successors") or []]
    if successors:
        parts.append(f"{w['successors']} {'; '.join(successors)}")
    return "; ".join(parts)


def path_lines(path: str, width: int = PATH_WIDTH) -> str:
    """A parameter's path broken after its dots to fit `width`: it is typed as it is
    (`--set PATH=…`), so it is never cut, nor broken within a name.

    >>> path_lines("sine.herinschakelingsuitkering.paid_maatwerkbedrijf_swp")
    'sine.herinschakelingsuitkering.\\npaid_maatwerkbedrijf_swp'
    >>> path_lines("sine.start_window")
    'sine.start_window'
    """
    lines = [""]
    for part in re.findall(r"[^.]+\.?", path):
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
    return "\n".join(lines)


def parameter_row(
    parameter: dict[str, Any], tree: ParameterNode, language: Language
) -> tuple[str, ...]:
    """A parameter of the catalogue as a row: path, label, value, since, unit, grade, sources.
    The catalogue gives no period ("per maand"): it is read from the parameter in `tree`."""
    period = (leaf(tree, parameter["parameter"]).metadata or {}).get("period")
    unit = parameter["unit"]
    return (
        path_lines(parameter["parameter"]),
        parameter["label"],
        value_text(parameter["value"], unit, period, language),
        start_in_words(parameter["since"], language),
        unit_text(unit, period, language),
        str(parameter["grade"] or "—"),
        "; ".join(ref.get("title", "") for ref in parameter["reference"]),
    )


def render_measures(
    catalogue: dict[str, Any],
    language: Language,
    width: int = 160,
    tree: ParameterNode | None = None,
) -> str:
    """The catalogue (`advice.catalogue_view.measures_catalogue`, labelled in `language`) as
    text tables; `tree` the parameters it was read from (the baseline's by default)."""
    tree = tree if tree is not None else baseline_system().parameters
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        for measure in catalogue["measures"]:
            name = measure.get("names", {}).get(language) or measure["label"]
            where = WINDOW_WORDS[language]["leaf_funder"].format(
                leaf=_note(measure["leaf"], language), funder=_note(measure["funder"], language)
            )
            title = (
                f"{name} ({escape(measure['measure'])}) — {where}\n"
                f"{WINDOW_WORDS[language]['title']}: {window_text(measure, language)}"
            )
            table = Table(title=title, title_justify="left")
            rows = [parameter_row(parameter, tree, language) for parameter in measure["parameters"]]
            path_header, *headers = HEADERS[language]
            widest = max((len(line) for row in rows for line in row[0].splitlines()), default=0)
            table.add_column(path_header, no_wrap=True, min_width=widest)
            # A long word goes on the next line rather than behind an ellipsis.
            for header in headers:
                table.add_column(header, overflow="fold")
            for row in rows:
                table.add_row(*(escape(cell) for cell in row))
            console.print(table)
        words = REFORM_WORDS[language]
        reforms = Table(title=words["reforms_title"], title_justify="left")
        reforms.add_column(words["reform_name"])
        reforms.add_column(HEADERS[language][1])
        for reform in catalogue.get("reforms", []):
            doc, _ = reform_doc(reform["name"], reform["doc"], language)
            reforms.add_row(reform["name"], escape(doc))
        console.print(reforms)
    return capture.get()

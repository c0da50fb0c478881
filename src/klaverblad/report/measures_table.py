"""`klaverblad measures` as a readable table."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from klaverblad.locale import Language, day
from klaverblad.messages import N_, words

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


def render_measures(catalogue: dict[str, Any], language: Language, width: int = 160) -> str:
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
            for header in HEADERS[language]:
                table.add_column(header)
            for parameter in measure["parameters"]:
                sources = "; ".join(ref.get("title", "") for ref in parameter["reference"])
                table.add_row(
                    parameter["parameter"],
                    parameter["label"],
                    str(parameter["value"]),
                    str(parameter["since"] or "—"),
                    str(parameter["unit"]),
                    str(parameter["grade"]),
                    sources,
                )
            console.print(table)
        reforms = Table(title="Reforms (--reform NAME)", title_justify="left")
        reforms.add_column("NAME")
        reforms.add_column(HEADERS[language][1])
        for reform in catalogue.get("reforms", []):
            reforms.add_row(reform["name"], reform["doc"])
        console.print(reforms)
    return capture.get()

"""`klaverblad measures` as a readable table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from klaverblad.locale import Language
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


def render_measures(catalogue: dict[str, Any], language: Language, width: int = 160) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        for measure in catalogue["measures"]:
            title = (
                f"{measure['label']} [{measure['measure']}] — leaf {measure['leaf']}, "
                f"funder {measure['funder']}"
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

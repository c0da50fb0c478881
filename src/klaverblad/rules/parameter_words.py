"""A parameter's words in the reader's language, read from its YAML metadata.

The parameter files are written in English (`description`, `metadata.documentation`, a dated
value's `metadata.note`) with the Dutch beside them (`metadata.label_nl`,
`metadata.documentation_nl`, the value's `metadata.note_nl`), so that a Dutch page never shows
the English. A language without its own text falls back to the English one. Every place that
shows a parameter to people reads it through these helpers.

>>> from klaverblad.rules import baseline_system
>>> parameter = baseline_system().parameters.sine.start_window
>>> parameter_label(parameter, "nl")
'SINE staat open voor nieuwe aanwervingen (volgens de startdatum)'
>>> parameter_label(parameter, "en")
'SINE is open to new hires (start-date rule)'
>>> last = parameter.values_list[0]  # OpenFisca lists the latest value first
>>> value_note(last.metadata, "nl")
'SINE afgeschaft in Vlaanderen voor nieuwe aanwervingen'
>>> value_note(last.metadata, "en")
'SINE abolished in Flanders for new hires'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def parameter_label(parameter: Any, language: str) -> str:
    """The parameter's (or node's) label: `metadata.label_<language>`, else its description."""
    metadata: Mapping[str, Any] = getattr(parameter, "metadata", None) or {}
    return str(metadata.get(f"label_{language}") or getattr(parameter, "description", "") or "")


def parameter_documentation(parameter: Any, language: str) -> str:
    """The parameter's remarks on its reading of the sources, on one line: the
    `metadata.documentation_<language>`, else the English documentation; "" without any."""
    metadata: Mapping[str, Any] = getattr(parameter, "metadata", None) or {}
    text = (
        metadata.get(f"documentation_{language}")
        or metadata.get("documentation")
        or getattr(parameter, "documentation", None)
    )
    return " ".join(str(text or "").split())


def value_note(value_metadata: Mapping[str, Any] | None, language: str) -> str | None:
    """The remark on one dated value (`note_<language>`, else `note`), None without one."""
    metadata = value_metadata or {}
    note = metadata.get(f"note_{language}") or metadata.get("note")
    return str(note) if note else None

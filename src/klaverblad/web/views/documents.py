"""Initiative documents as the pages handle them: text typed or pasted in a form (YAML or
JSON) read into data with one problem per field, and a stored JSON document written back as
the YAML a person edits or the JSON the wizard takes.

>>> read_document("  ", "en").problems
[Problem(path='(the form)', message='paste the text of an initiative')]
>>> document_yaml({"id": "x", "name": "Klusjes"})
'id: x\\nname: Klusjes\\n'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from klaverblad.locale import Language
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.loading import MAX_FILE_BYTES, parse_text
from klaverblad.store.repository import json_document
from klaverblad.web.words.model_messages import translated

# The path of a problem with the form as a whole (nothing pasted, too large).
FORM_PATH = {"nl": "(het formulier)", "en": "(the form)"}
_EMPTY = {"nl": "plak de tekst van een initiatief", "en": "paste the text of an initiative"}
_TOO_LARGE = {"nl": "is groter dan 5 MB", "en": "is larger than 5 MB"}


@dataclass(frozen=True)
class ReadDocument:
    """What a form's text gave: the data and the validated initiative, or the problems."""

    data: Any
    initiative: Initiative | None
    problems: list[Problem]


def read_document(text: str, language: Language, source: str = "document") -> ReadDocument:
    """Parse and validate an initiative's text (YAML or JSON); never raises."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return ReadDocument(None, None, [Problem(FORM_PATH[language], _TOO_LARGE[language])])
    if not text.strip():
        return ReadDocument(None, None, [Problem(FORM_PATH[language], _EMPTY[language])])
    try:
        data = parse_text(text, source)
        return ReadDocument(data, parse_initiative(data, source), [])
    except InitiativeError as error:
        return ReadDocument(None, None, translated(error.problems, language))


def stored_initiative(document: dict[str, Any], source: str) -> ReadDocument:
    """A stored document validated again (the schema may have changed since it was saved)."""
    try:
        return ReadDocument(document, parse_initiative(document, source), [])
    except InitiativeError as error:
        return ReadDocument(document, None, list(error.problems))


def document_yaml(document: Any) -> str:
    """A document as YAML, its fields in their stored order, dates as `YYYY-MM-DD` text."""
    return yaml.safe_dump(
        json_document(document), allow_unicode=True, sort_keys=False, default_flow_style=False
    )


def document_json(document: Any) -> str:
    """A document as the compact JSON text the wizard and the save forms take."""
    return json.dumps(json_document(document), ensure_ascii=False, separators=(",", ":"))

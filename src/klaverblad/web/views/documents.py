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
from klaverblad.messages import N_, texts
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.limits import DOCUMENT_BYTES
from klaverblad.model.loading import parse_text
from klaverblad.store.repository import json_document
from klaverblad.web.form_limits import document_too_large
from klaverblad.web.words.model_messages import translated

# The path of a problem with the form as a whole (nothing pasted, too large).
FORM_PATH = texts(N_("documents.form_path"))
_EMPTY = texts(N_("documents.empty"))


# How many problems of one document a page lists (a document can have tens of thousands).
SHOWN_PROBLEMS = 50
_MORE = texts(N_("documents.more"))


def shown_problems(problems: list[Problem], language: Language) -> list[Problem]:
    """The problems of a document as a page lists them, in its language: the first
    `SHOWN_PROBLEMS`, then one line that counts the rest.

    >>> [p.message for p in shown_problems([Problem.of("x", "extra_forbidden")] * 52, "nl")][-2:]
    ['is geen bekend veld', 'en nog 2 andere problemen']
    """
    shown = translated(problems[:SHOWN_PROBLEMS], language)
    if len(problems) > SHOWN_PROBLEMS:
        more = _MORE[language].format(count=len(problems) - SHOWN_PROBLEMS)
        shown.append(Problem(FORM_PATH[language], more))
    return shown


@dataclass(frozen=True)
class ReadDocument:
    """What a form's text gave: the data and the validated initiative, or the problems."""

    data: Any
    initiative: Initiative | None
    problems: list[Problem]


def read_document(text: str, language: Language, source: str = "document") -> ReadDocument:
    """Parse and validate an initiative's text (YAML or JSON); never raises."""
    if len(text) > DOCUMENT_BYTES or len(text.encode("utf-8", "surrogatepass")) > DOCUMENT_BYTES:
        problem = Problem(FORM_PATH[language], document_too_large(language))
        return ReadDocument(None, None, [problem])
    if not text.strip():
        return ReadDocument(None, None, [Problem(FORM_PATH[language], _EMPTY[language])])
    try:
        data = parse_text(text, source)
        return ReadDocument(data, parse_initiative(data, source), [])
    except InitiativeError as error:
        return ReadDocument(None, None, shown_problems(error.problems, language))


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

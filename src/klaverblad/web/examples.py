"""Example request bodies for the OpenAPI page, read from the repository's `examples/` folder
when the app is built (an installed package without that folder shows no examples)."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

import yaml

EXAMPLES_DIRECTORY = Path(__file__).resolve().parents[3] / "examples"
BIK = "bik-klusjesdienst.yaml"
RANKING_CSV = "ranking/centrumsteden-illustratief.csv"


def _json_ready(value: Any) -> Any:
    """YAML data as JSON would give it: dates as `YYYY-MM-DD` text."""
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@functools.cache
def example_initiative(name: str = BIK) -> dict[str, Any] | None:
    """An example initiative file as the JSON object the API takes, or None without it."""
    try:
        text = (EXAMPLES_DIRECTORY / name).read_text(encoding="utf-8")
    except OSError:
        return None
    data = _json_ready(yaml.safe_load(text))
    return data if isinstance(data, dict) else None


@functools.cache
def example_csv() -> str | None:
    try:
        return (EXAMPLES_DIRECTORY / RANKING_CSV).read_text(encoding="utf-8")
    except OSError:
        return None


def request_examples(examples: dict[str, tuple[str, dict[str, Any] | None]]) -> dict[str, Any]:
    """`openapi_extra` for a route: named request-body examples (summary, value); those whose
    value is None (the example file is missing) are left out."""
    named = {
        name: {"summary": summary, "value": value}
        for name, (summary, value) in examples.items()
        if value is not None
    }
    if not named:
        return {}
    return {"requestBody": {"content": {"application/json": {"examples": named}}}}

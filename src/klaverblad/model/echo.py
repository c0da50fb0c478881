"""Echoing what the user gave back in a message, safely: short, on one line, never expanded.

Error messages quote the offending input so that its author finds it; an input can be a
megabyte of text or a value built from a document. `echo` quotes at most `ECHO_CHARACTERS`
characters of it, replaces control characters and lone surrogates, and says how much was cut.

>>> echo("2.950")
"'2.950'"
>>> echo("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
>>> echo({"a": 1})
'a mapping'
"""

from __future__ import annotations

from typing import Any

ECHO_CHARACTERS = 40


def _printable(text: str) -> str:
    return "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "\N{REPLACEMENT CHARACTER}"
        for ch in text
    )


def echo(value: Any, limit: int = ECHO_CHARACTERS) -> str:
    """The value quoted for a message: a text or number cut at `limit` characters; a mapping or
    list named by its kind (its contents may be huge)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value
    elif isinstance(value, int):
        # str() of an int above 4 300 digits raises; its length is all a reader needs.
        if value.bit_length() > 128:
            return f"a number of about {int(value.bit_length() * 0.30103)} digits"
        text = str(value)
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    if len(text) <= limit:
        return f"'{_printable(text)}'"
    return f"'{_printable(text[:limit])}…' ({len(text)} characters)"

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

What `echo` returns is a text (`Echo`) that also says what it is, so that a page in another
language can say "a mapping" or "(100 characters)" in its own words:

>>> quoted = echo("x" * 100)
>>> quoted.shape, quoted.quoted, quoted.size
('cut', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'", 100)
"""

from __future__ import annotations

from typing import Any

ECHO_CHARACTERS = 40


class Echo(str):
    """An echoed value: the English text, and its `shape` — `text` (quoted whole), `cut`
    (`quoted` is its first characters, `size` how many it has), `mapping`, `list`,
    `nothing`, `boolean` or `digits` (a huge number of about `size` digits)."""

    shape: str
    quoted: str
    size: int

    def __new__(cls, text: str, shape: str = "text", quoted: str = "", size: int = 0) -> Echo:
        made = super().__new__(cls, text)
        made.shape = shape
        made.quoted = quoted or text
        made.size = size
        return made


def _printable(text: str) -> str:
    return "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "\N{REPLACEMENT CHARACTER}"
        for ch in text
    )


def echo(value: Any, limit: int = ECHO_CHARACTERS) -> Echo:
    """The value quoted for a message: a text or number cut at `limit` characters; a mapping or
    list named by its kind (its contents may be huge)."""
    if isinstance(value, dict):
        return Echo("a mapping", "mapping")
    if isinstance(value, list | tuple | set):
        return Echo("a list", "list")
    if value is None:
        return Echo("nothing", "nothing")
    if isinstance(value, bool):
        return Echo("true" if value else "false", "boolean")
    if isinstance(value, str):
        text = value
    elif isinstance(value, int):
        # str() of an int above 4 300 digits raises; its length is all a reader needs.
        if value.bit_length() > 128:
            digits = int(value.bit_length() * 0.30103)
            return Echo(f"a number of about {digits} digits", "digits", size=digits)
        text = str(value)
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    if len(text) <= limit:
        return Echo(f"'{_printable(text)}'")
    quoted = f"'{_printable(text[:limit])}…'"
    return Echo(f"{quoted} ({len(text)} characters)", "cut", quoted, len(text))

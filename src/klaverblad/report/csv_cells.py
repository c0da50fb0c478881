"""Writing CSV cells that a spreadsheet will not run as formulas ("CSV injection").

A spreadsheet opening a CSV treats a cell that begins with `=`, `+`, `-` or `@` (and, in some,
a tab or a carriage return) as a formula: a name such as `=HYPERLINK("http://x")` typed into
an initiative would become a link, or worse, on the funder's screen. Every CSV the program
writes goes through `csv_writer`, which puts a single quote `'` before such a cell (the
advice of OWASP): the spreadsheet shows the text as it was typed, with the quote.

Numbers are left alone: the amounts the program writes (`-1234.50` in a difference column, an
int, a `Decimal`) must stay numbers, and a cell that reads as a plain number (`-12`, `+3.5`)
cannot be a formula. Only other text is escaped.

A carriage return inside a cell is written as a line feed: Python's writer quotes a cell
holding the line terminator (`\\n`) but not a bare `\\r`, which readers take as the end of a row.

Two styles (issue 10, item 10): the default, for scripts and English spreadsheets, has `,`
between fields and a decimal point; the Dutch one (`csv_writer(stream, "nl")`), for a
spreadsheet in Dutch (Belgian) settings, has `;` between fields and a decimal comma: a
`Decimal` or `float` cell, or a text that is a plain decimal number (`-1234.50`), is written
with a comma (`-1234,50`), never with a thousands separator. Whole numbers stay as they are.

>>> escape_cell('=HYPERLINK("http://x")')
'\\'=HYPERLINK("http://x")'
>>> escape_cell("-1234.50"), escape_cell(-5), escape_cell("-1+2"), escape_cell("-2950,50")
('-1234.50', -5, "'-1+2", '-2950,50')
>>> decimal_comma(Decimal("2950.50")), decimal_comma("-12.5"), decimal_comma(2006)
('2950,50', '-12,5', 2006)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

from klaverblad.locale import Language

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number as the program writes it: a decimal point (the default style) or comma (Dutch).
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_DECIMAL_WITH_POINT = re.compile(r"[+-]?[0-9]+\.[0-9]+")
# The field separator of each style; the Dutch style also writes decimal commas.
DELIMITERS = {"nl": ";", "en": ","}


def escape_cell(value: Any) -> Any:
    """The cell as it may be written: text that a spreadsheet would read as a formula gets a
    leading `'`; numbers and other text come back unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


class _Stream(Protocol):
    def write(self, text: str, /) -> Any: ...


def decimal_comma(value: Any) -> Any:
    """A number with a fraction as the Dutch style writes it: a decimal comma, no thousands
    separator; whole numbers, booleans and other text come back unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, str) and _DECIMAL_WITH_POINT.fullmatch(value):
        return value.replace(".", ",")
    return value


class SafeCsvWriter:
    """`csv.writer` (`\\n` between rows; `,`, or `;` with decimal commas in the Dutch style)
    that escapes every cell with `escape_cell` and writes a carriage return inside a cell as a
    line feed (so that the cell is quoted)."""

    def __init__(self, stream: _Stream, language: Language | None = None) -> None:
        self._dutch = language == "nl"
        delimiter = DELIMITERS["nl" if self._dutch else "en"]
        self._writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        cells = [decimal_comma(cell) for cell in row] if self._dutch else list(row)
        self._writer.writerow([_one_line_ending(escape_cell(cell)) for cell in cells])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def _one_line_ending(cell: Any) -> Any:
    if isinstance(cell, str) and "\r" in cell:
        return cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell


def csv_writer(stream: _Stream, language: Language | None = None) -> SafeCsvWriter:
    """The writer every CSV of the program uses: the default style, or with `language="nl"`
    the Dutch one (`;`, decimal commas)."""
    return SafeCsvWriter(stream, language)

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

>>> escape_cell('=HYPERLINK("http://x")')
'\\'=HYPERLINK("http://x")'
>>> escape_cell("-1234.50"), escape_cell(-5), escape_cell("-1+2")
('-1234.50', -5, "'-1+2")
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


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


class SafeCsvWriter:
    """`csv.writer` (`,`, `\\n` between rows) that escapes every cell with `escape_cell` and
    writes a carriage return inside a cell as a line feed (so that the cell is quoted)."""

    def __init__(self, stream: _Stream) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([_one_line_ending(escape_cell(cell)) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def _one_line_ending(cell: Any) -> Any:
    if isinstance(cell, str) and "\r" in cell:
        return cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell


def csv_writer(stream: _Stream) -> SafeCsvWriter:
    """The writer every CSV of the program uses."""
    return SafeCsvWriter(stream)

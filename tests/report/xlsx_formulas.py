"""A tiny evaluator of the formulas the plan workbook writes, so that tests compute a cell the
way a spreadsheet would, from the workbook read back with openpyxl: numbers, cell references
(`C5`, `$C$5`, `'Jaren'!C13`), ranges as function arguments, `+ - * /`, parentheses, and the
functions SUM, ROUND (half away from zero, as Excel) and SUMIFS (exact matches). Exact:
numbers are Decimals made from the cells' text, so a test can compare with the plan's cents.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import openpyxl
from openpyxl.utils import column_index_from_string
from openpyxl.utils.cell import coordinate_from_string

TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<function>[A-Z]+)\("
    r"|(?:'(?P<sheet>[^']+)'!)?(?P<cell>\$?[A-Z]+\$?\d+)(?::(?P<end>\$?[A-Z]+\$?\d+))?"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<operator>[-+*/(),])"
    r")"
)


def tokens(formula: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    position = 0
    text = formula.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        assert match and match.end() > position, f"cannot read {text[position:]!r} in {formula}"
        position = match.end()
        if match["function"]:
            found.append(("function", match["function"]))
        elif match["cell"]:
            found.append(("reference", (match["sheet"], match["cell"], match["end"])))
        elif match["number"]:
            found.append(("number", Decimal(match["number"])))
        else:
            found.append(("operator", match["operator"]))
    return found


class Evaluator:
    """Evaluates formulas of `workbook` (loaded without data_only, so formulas are text)."""

    def __init__(self, workbook: openpyxl.Workbook) -> None:
        self.workbook = workbook

    def cell(self, sheet: str, reference: str) -> Any:
        """The value of a cell: a formula evaluated, a number as a Decimal, text as text."""
        value = self.workbook[sheet][reference.replace("$", "")].value
        if isinstance(value, str) and value.startswith("="):
            return self.formula(sheet, value)
        if isinstance(value, bool) or value is None:
            return Decimal(0) if value is None else value
        if isinstance(value, int | float):
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return value

    def cells(self, sheet: str, first: str, last: str) -> list[Any]:
        (c1, r1), (c2, r2) = (coordinate_from_string(x.replace("$", "")) for x in (first, last))
        columns = range(column_index_from_string(c1), column_index_from_string(c2) + 1)
        values = []
        for row in range(r1, r2 + 1):
            for column in columns:
                letter = openpyxl.utils.get_column_letter(column)
                values.append(self.cell(sheet, f"{letter}{row}"))
        return values

    def formula(self, sheet: str, formula: str) -> Any:
        assert formula.startswith("="), formula
        parser = _Parser(self, sheet, tokens(formula[1:]))
        value = parser.expression()
        assert parser.at_end(), formula
        return value


class _Parser:
    def __init__(self, evaluator: Evaluator, sheet: str, items: list[tuple[str, Any]]) -> None:
        self.evaluator, self.sheet, self.items, self.index = evaluator, sheet, items, 0

    def at_end(self) -> bool:
        return self.index == len(self.items)

    def peek(self) -> tuple[str, Any] | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def take(self, operator: str) -> bool:
        if self.peek() == ("operator", operator):
            self.index += 1
            return True
        return False

    def expression(self) -> Any:
        value = self.term()
        while True:
            if self.take("+"):
                value = value + self.term()
            elif self.take("-"):
                value = value - self.term()
            else:
                return value

    def term(self) -> Any:
        value = self.factor()
        while True:
            if self.take("*"):
                value = value * self.factor()
            elif self.take("/"):
                value = value / self.factor()
            else:
                return value

    def factor(self) -> Any:
        kind, value = self.items[self.index]
        self.index += 1
        if kind == "number":
            return value
        if (kind, value) == ("operator", "-"):
            return -self.factor()
        if (kind, value) == ("operator", "("):
            inner = self.expression()
            assert self.take(")")
            return inner
        if kind == "function":
            return self.call(value)
        if kind == "reference":
            sheet, first, last = value
            sheet = sheet or self.sheet
            if last:
                return self.evaluator.cells(sheet, first, last)
            return self.evaluator.cell(sheet, first)
        raise AssertionError(f"unexpected {value!r}")

    def call(self, name: str) -> Any:
        arguments = [self.expression()]
        while self.take(","):
            arguments.append(self.expression())
        assert self.take(")")
        if name == "SUM":
            return sum(
                (x for arg in arguments for x in (arg if isinstance(arg, list) else [arg])),
                Decimal(0),
            )
        if name == "ROUND":
            value, digits = arguments
            return value.quantize(Decimal(1).scaleb(-int(digits)), rounding=ROUND_HALF_UP)
        if name == "SUMIFS":
            sums, *pairs = arguments
            keep = [True] * len(sums)
            for criteria, wanted in zip(pairs[::2], pairs[1::2], strict=True):
                keep = [k and value == wanted for k, value in zip(keep, criteria, strict=True)]
            return sum((x for x, k in zip(sums, keep, strict=True) if k), Decimal(0))
        raise AssertionError(f"no function {name}")

"""A data table of a page, shown as HTML and downloaded as CSV with the same rows.

Amounts are exact cents. A `difference` column shows its sign and a word ("+ € 1.200,00
meer"), never colour alone. The CSV is that of every page's tables (`csv_download`, like
`report/plan_csv.py`): `,` between fields and amounts with a decimal point ("1200.00",
"-50.00") in both languages; a text cell can carry a code for the CSV
(`Named("I", "I sociaal-economisch")` writes `I`).

>>> columns = [Column("leaf", "Leaf", "text"), Column("difference", "Difference", "difference")]
>>> table = DataTable("leaves", "Per leaf", columns, [[Named("I", "I socio-economic"), 120000]])
>>> table.to_csv()
'\\ufeffleaf,difference\\nI,1200.00\\n'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from starlette.responses import Response

from klaverblad.locale import Language, money
from klaverblad.model.money import format_cents
from klaverblad.web.views.csv_download import csv_response, csv_text

Kind = Literal["text", "money", "difference"]
MINUS = "\u2212"  # the minus sign, not a hyphen: read as "min" by screen readers
NBSP = "\u00a0"


@dataclass(frozen=True)
class Named:
    """A text cell: its code in the CSV, its label on the page."""

    code: str
    label: str
    lang: str | None = None  # a label in the other language (Dutch legal terms on /en/)


Cell = int | str | Named | None


@dataclass(frozen=True)
class Column:
    key: str  # the CSV header
    label: str  # the page's column header
    kind: Kind = "money"

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass(frozen=True)
class ShownCell:
    """A cell as the template writes it: its text, an optional word after it, its classes."""

    text: str
    word: str = ""
    css: str = ""
    lang: str | None = None


@dataclass
class DataTable:
    """Rows of cells under columns; the first column names the row. `total` is a footer row."""

    key: str
    caption: str
    columns: list[Column]
    rows: list[list[Cell]]
    total: list[Cell] | None = None
    # Shown under the table instead of an empty one.
    empty: str = ""
    notes: list[str] = field(default_factory=list)

    def csv_rows(self) -> list[list[str]]:
        """The rows and the total as CSV cells: codes, and amounts like `1200.00`."""
        rows = [*self.rows, *([self.total] if self.total is not None else [])]
        return [[_csv_cell(cell) for cell in row] for row in rows]

    def to_csv(self) -> str:
        return csv_text([column.key for column in self.columns], self.csv_rows())

    def download(self, filename: str) -> Response:
        """The table as a CSV download named `filename`."""
        return csv_response([column.key for column in self.columns], self.csv_rows(), filename)

    def shown_rows(self, language: Language, words: Mapping[str, str]) -> list[list[ShownCell]]:
        return [self._shown(row, language, words) for row in self.rows]

    def shown_total(self, language: Language, words: Mapping[str, str]) -> list[ShownCell] | None:
        return None if self.total is None else self._shown(self.total, language, words)

    def _shown(
        self, row: Sequence[Cell], language: Language, words: Mapping[str, str]
    ) -> list[ShownCell]:
        return [
            show_cell(cell, column.kind, language, words)
            for cell, column in zip(row, self.columns, strict=True)
        ]


def signed_money(cents: int, language: Language) -> str:
    """A difference in money with its sign: '+ € 1.200,00', '− € 50,00', '€ 0,00'.

    >>> signed_money(-5000, "nl")
    '−\\xa0€\\xa050,00'
    """
    if cents == 0:
        return money(0, language)
    sign = "+" if cents > 0 else MINUS
    return f"{sign}{NBSP}{money(abs(cents), language)}"


def difference_word(cents: int, words: Mapping[str, str]) -> str:
    """'meer', 'minder' or 'gelijk': the sign of a difference in words."""
    return words["diff_more" if cents > 0 else "diff_less" if cents < 0 else "diff_same"]


def show_cell(cell: Cell, kind: Kind, language: Language, words: Mapping[str, str]) -> ShownCell:
    if cell is None:
        return ShownCell("—", css="amount" if kind != "text" else "")
    if isinstance(cell, Named):
        return ShownCell(cell.label, lang=cell.lang)
    if isinstance(cell, str):
        return ShownCell(cell)
    if kind == "difference":
        direction = "more" if cell > 0 else "less" if cell < 0 else "same"
        return ShownCell(
            signed_money(cell, language),
            difference_word(cell, words),
            f"amount difference diff-{direction}",
        )
    return ShownCell(money(cell, language), css="amount")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Named):
        return cell.code
    if isinstance(cell, str):
        return cell
    return format_cents(cell)


def comparison_columns(
    first: str, first_label: str, words: Mapping[str, str], alternative: str
) -> list[Column]:
    """`first`, baseline, `alternative`, difference: the columns of a side-by-side table."""
    return [
        Column(first, first_label, "text"),
        Column("baseline", words["baseline"]),
        Column("alternative", alternative),
        Column("difference", words["difference"], "difference"),
    ]


def comparison_row(label: Cell, baseline: int, alternative: int) -> list[Cell]:
    return [label, baseline, alternative, alternative - baseline]

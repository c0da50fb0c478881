"""What the ranking page shows of a need ranking (`advice/ranking.py`): the rows in words
(rates, score, youth-only rank, the shift as an arrow and in words, the budget share in nl-BE
money), the formula with the weights and means, who rises and who falls; and the same rows
for the CSV (a decimal point, the score to 6 decimals and the allocation as in the JSON of
`klaverblad rank`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal

from klaverblad.advice.ranking import RankedMunicipality, Ranking
from klaverblad.locale import BABEL_LOCALE, Language, money
from klaverblad.model.money import format_cents
from klaverblad.report.rank_table import shift_label
from klaverblad.web.words.ranking import WORDS


@dataclass(frozen=True)
class RowView:
    rank: int
    municipality: str
    youth_rate: str
    general_rate: str
    population: str
    score: str
    youth_rank: int
    shift: int
    shift_symbol: str
    shift_words: str
    allocation: str
    allocation_cents: int | None


@dataclass(frozen=True)
class RankingView:
    rows: tuple[RowView, ...]
    by_population: bool
    has_budget: bool
    budget_text: str
    total: str
    total_cents: int
    weights_text: str
    formula: str
    movers_up: str
    movers_down: str


def _number(value: Fraction | int, language: Language, pattern: str) -> str:
    exact = value if isinstance(value, int) else float(value)
    return format_decimal(exact, format=pattern, locale=BABEL_LOCALE[language])


def decimal_text(value: Fraction) -> str:
    """An exact rate as a plain decimal (`37/2` → `18.5`), as the CSV wrote it.

    >>> decimal_text(Fraction(37, 2)), decimal_text(Fraction(22))
    ('18.5', '22')
    """
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.normalize(), "f")


def _shift_words(shift: int, words: dict[str, str]) -> str:
    if shift > 0:
        return words["shift_up"].format(n=shift)
    if shift < 0:
        return words["shift_down"].format(n=-shift)
    return words["shift_same"]


def _row(row: RankedMunicipality, language: Language) -> RowView:
    words = WORDS[language]
    return RowView(
        rank=row.rank,
        municipality=row.municipality,
        youth_rate=_number(row.youth_rate, language, "#,##0.0##"),
        general_rate=_number(row.general_rate, language, "#,##0.0##"),
        population=_number(row.population, language, "#,##0") if row.population else "",
        score=_number(row.score, language, "0.000"),
        youth_rank=row.youth_rank,
        shift=row.shift,
        shift_symbol=shift_label(row.shift),
        shift_words=_shift_words(row.shift, words),
        allocation="" if row.allocation_cents is None else money(row.allocation_cents, language),
        allocation_cents=row.allocation_cents,
    )


def _movers(ranking: Ranking, language: Language) -> tuple[str, str]:
    words = WORDS[language]
    up = sorted((r for r in ranking.rows if r.shift > 0), key=lambda r: (-r.shift, r.rank))
    down = sorted((r for r in ranking.rows if r.shift < 0), key=lambda r: (r.shift, r.rank))
    if not up and not down:
        return words["movers_none"], ""

    def names(rows: list[RankedMunicipality]) -> str:
        return ", ".join(f"{r.municipality} ({shift_label(r.shift)})" for r in rows)

    return (
        words["movers_up"].format(names=names(up)) if up else "",
        words["movers_down"].format(names=names(down)) if down else "",
    )


def ranking_view(ranking: Ranking, language: Language) -> RankingView:
    words = WORDS[language]
    weights = ranking.weights
    total = sum(row.allocation_cents or 0 for row in ranking.rows)
    up, down = _movers(ranking, language)
    budget_text = ""
    if ranking.budget_cents is not None:
        budget_text = words["budget_used"].format(
            amount=money(ranking.budget_cents, language),
            population=words["by_population"] if ranking.by_population else "",
        )
    return RankingView(
        rows=tuple(_row(row, language) for row in ranking.rows),
        by_population=ranking.by_population,
        has_budget=ranking.budget_cents is not None,
        budget_text=budget_text,
        total=money(total, language),
        total_cents=total,
        weights_text=words["weights_used"].format(
            youth=_number(weights.youth, language, "#,##0.###"),
            general=_number(weights.general, language, "#,##0.###"),
        ),
        formula=words["formula"].format(
            wy=_number(weights.youth, language, "#,##0.###"),
            wg=_number(weights.general, language, "#,##0.###"),
            my=_number(ranking.youth_mean, language, "#,##0.0##"),
            mg=_number(ranking.general_mean, language, "#,##0.0##"),
        ),
        movers_up=up,
        movers_down=down,
    )


def csv_columns(ranking: Ranking) -> tuple[str, ...]:
    """The CSV's columns: those of the table (population and allocation when present)."""
    columns = ["rank", "municipality", "youth_unemployment_rate", "general_unemployment_rate"]
    if ranking.by_population:
        columns.append("population")
    columns += ["score", "youth_rank", "shift"]
    if ranking.budget_cents is not None:
        columns.append("allocation")
    return tuple(columns)


def csv_rows(ranking: Ranking) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in ranking.rows:
        cells: list[object] = [
            row.rank,
            row.municipality,
            decimal_text(row.youth_rate),
            decimal_text(row.general_rate),
        ]
        if ranking.by_population:
            cells.append(row.population)
        cells += [row.rounded_score, row.youth_rank, row.shift]
        if ranking.budget_cents is not None:
            cells.append(format_cents(row.allocation_cents or 0))
        rows.append(cells)
    return rows

"""The need ranking of municipalities (RULEBOOK §8), exact.

The 2006 report notes that the ranking of the youth unemployment plans "geen rekening hield met
de algemene werkloosheid in de regio". The need score counts both: each rate is divided by its
mean over the municipalities, and

    score = w_youth × youth rate / mean youth rate + w_general × general rate / mean general rate

with `w_youth + w_general = 1`. The mean score is therefore exactly 1. Municipalities are ranked
by score, highest first, ties by name; beside it the youth-only rank (by the youth rate alone,
ties by name) and the shift `youth_rank − rank` (positive: it rises once general unemployment
counts). A budget is split in cents in proportion to score × population (× 1 without a
population column), the rounding remainders going to the largest remainders (ties: the better
rank first), so that the parts sum to the budget exactly.

Everything is computed on exact fractions; only the reported score is rounded (6 decimals).

>>> from decimal import Decimal as D
>>> rows = [MunicipalityRow(line=2, municipality="A", youth_unemployment_rate=D(20),
...                         general_unemployment_rate=D(5)),
...         MunicipalityRow(line=3, municipality="B", youth_unemployment_rate=D(10),
...                         general_unemployment_rate=D(15))]
>>> result = rank_municipalities(rows, Weights(), budget_cents=100)
>>> # means 15 and 10: B = 0.5 × 10/15 + 0.5 × 15/10 = 13/12, A = 0.5 × 4/3 + 0.5 × 1/2 = 11/12
>>> [(row.municipality, row.score, row.youth_rank, row.allocation_cents)
...  for row in result.rows]
[('B', Fraction(13, 12), 2, 54), ('A', Fraction(11, 12), 1, 46)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from klaverblad.advice.ranking_input import MunicipalityRow, Weights
from klaverblad.model.money import format_cents

SCHEMA = "klaverblad.rank/1"
SCORE_DECIMALS = 6


@dataclass(frozen=True)
class RankedMunicipality:
    municipality: str
    youth_rate: Fraction
    general_rate: Fraction
    population: int | None
    score: Fraction
    rank: int
    youth_rank: int
    allocation_cents: int | None

    @property
    def shift(self) -> int:
        """Places gained once general unemployment counts (youth-only rank − rank)."""
        return self.youth_rank - self.rank

    @property
    def rounded_score(self) -> float:
        return float(round(self.score, SCORE_DECIMALS))


@dataclass(frozen=True)
class Ranking:
    weights: Weights
    youth_mean: Fraction
    general_mean: Fraction
    by_population: bool
    budget_cents: int | None
    rows: tuple[RankedMunicipality, ...]  # in rank order


def _name_key(name: str) -> tuple[str, str]:
    return name.casefold(), name


def ranks(values: Sequence[Fraction], names: Sequence[str]) -> list[int]:
    """Rank 1 for the highest value, ties by name (every rank distinct)."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], _name_key(names[i])))
    result = [0] * len(values)
    for position, index in enumerate(order, start=1):
        result[index] = position
    return result


def largest_remainder(
    total_cents: int, weights: Sequence[Fraction], priority: Sequence[int]
) -> list[int]:
    """Split `total_cents` in proportion to `weights`: each part its exact share rounded down,
    then one more cent each to the largest remainders (ties: lowest `priority` first), so the
    parts sum to `total_cents` exactly.

    >>> largest_remainder(100, [Fraction(1), Fraction(1), Fraction(1)], [2, 1, 3])
    [33, 34, 33]
    """
    whole = sum(weights, Fraction(0))
    if whole <= 0:
        raise ValueError("the weights sum to 0: nothing to split in proportion to")
    shares = [total_cents * weight / whole for weight in weights]
    parts = [share.numerator // share.denominator for share in shares]
    left = total_cents - sum(parts)
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), priority[i]))
    for index in by_remainder[:left]:
        parts[index] += 1
    return parts


def rank_municipalities(
    rows: Sequence[MunicipalityRow], weights: Weights, budget_cents: int | None = None
) -> Ranking:
    """The ranking of validated rows (both rate means must be more than 0)."""
    names = [row.municipality for row in rows]
    youth = [Fraction(row.youth_unemployment_rate) for row in rows]
    general = [Fraction(row.general_unemployment_rate) for row in rows]
    youth_mean = sum(youth, Fraction(0)) / len(rows)
    general_mean = sum(general, Fraction(0)) / len(rows)
    if youth_mean == 0 or general_mean == 0:
        raise ValueError("a rate has mean 0: it cannot be normalised")
    scores = [
        weights.youth * y / youth_mean + weights.general * g / general_mean
        for y, g in zip(youth, general, strict=True)
    ]
    by_score = ranks(scores, names)
    by_youth = ranks(youth, names)
    by_population = any(row.population is not None for row in rows)
    allocations: list[int | None] = [None] * len(rows)
    if budget_cents is not None:
        need = [
            score * (row.population if row.population is not None else 1)
            for score, row in zip(scores, rows, strict=True)
        ]
        allocations = list(largest_remainder(budget_cents, need, by_score))
    ranked = [
        RankedMunicipality(
            municipality=names[i],
            youth_rate=youth[i],
            general_rate=general[i],
            population=rows[i].population,
            score=scores[i],
            rank=by_score[i],
            youth_rank=by_youth[i],
            allocation_cents=allocations[i],
        )
        for i in range(len(rows))
    ]
    return Ranking(
        weights=weights,
        youth_mean=youth_mean,
        general_mean=general_mean,
        by_population=by_population,
        budget_cents=budget_cents,
        rows=tuple(sorted(ranked, key=lambda row: row.rank)),
    )


def ranking_to_dict(ranking: Ranking) -> dict[str, Any]:
    """The ranking JSON (CONTRACT §5)."""
    return {
        "schema": SCHEMA,
        "weights": {
            "youth": float(ranking.weights.youth),
            "general": float(ranking.weights.general),
        },
        "budget": None if ranking.budget_cents is None else format_cents(ranking.budget_cents),
        "rows": [
            {
                "municipality": row.municipality,
                "score": row.rounded_score,
                "rank": row.rank,
                "youth_rank": row.youth_rank,
                "shift": row.shift,
                "allocation": (
                    None if row.allocation_cents is None else format_cents(row.allocation_cents)
                ),
            }
            for row in ranking.rows
        ],
    }

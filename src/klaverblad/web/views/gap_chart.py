"""The costs-versus-funding chart of a plan: per year a costs bar and a funding bar stacked by
leaf, the shortfall (tekort) drawn as a hatched segment from the end of the funding to the end
of the costs, or the surplus (overschot) marked where the costs end. The gap was only a table
row; a promoter sees it here per year at a glance (issue 10 §8).

This module computes the geometry and the words; `_plan_gap_chart.html` draws it as an inline
SVG (`role="img"`, a `<title>` and a `<desc>` that says every amount, a `viewBox` so that it
shrinks to a phone's width). The amounts themselves stay readable in the tables beside it.

Coordinates are floats in the SVG's own units (drawing only); amounts are the plan's exact
cents, shown with `money`.

>>> bar_width(50, 200, 300.0)
75.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from klaverblad.locale import Language, money
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.cloverleaf import FILL
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.report.svg_units import FONT_SIZE, RIGHT, WIDTH
from klaverblad.web.words.gap_chart import GAP_CHART_WORDS

# The bars start right of their labels ("Financiering" is the longest) and end at RIGHT (the
# SVG's units: `report.svg_units`).
BAR_LEFT = 106.0
BAR_HEIGHT = 20.0
# One year: its number, the costs bar, the funding bar, the gap in words under them.
YEAR_HEIGHT = 110
COSTS_Y = 26.0
FUNDING_Y = 52.0
GAP_TEXT_Y = 92.0
# From a bar's top to the baseline of its label, so that the label sits in the bar's middle.
LABEL_BASELINE = 15.0
COSTS_FILL = "#4D4D4D"  # 8:1 against white, like the pages' muted text
SHORTFALL = "#B00020"  # the pages' error colour: 6.6:1 against white
SURPLUS = "#2E5E22"  # the pages' accent colour: 7.6:1 against white


def bar_width(cents: int, largest: int, room: float) -> float:
    """The length of a bar of `cents` when the `largest` amount fills `room`; nothing is
    drawn for zero or less."""
    if cents <= 0 or largest <= 0:
        return 0.0
    return room * cents / largest


@dataclass(frozen=True)
class Segment:
    """One leaf's part of a funding bar."""

    leaf: str
    x: float
    width: float
    colour: str
    cents: int


@dataclass(frozen=True)
class YearBars:
    """One year of the chart, `top` being where its block starts."""

    year: int
    top: int
    costs_cents: int
    funding_cents: int
    gap_cents: int
    costs_width: float
    segments: list[Segment]
    funding_width: float
    # "shortfall", "surplus" or "balanced": the class and colour of the gap's mark and words.
    kind: str
    label: str
    sentence: str

    @property
    def costs_end(self) -> float:
        return BAR_LEFT + self.costs_width

    @property
    def funding_end(self) -> float:
        return BAR_LEFT + self.funding_width


@dataclass(frozen=True)
class LegendEntry:
    leaf: str
    name: str
    colour: str


@dataclass(frozen=True)
class GapChart:
    """Everything `_plan_gap_chart.html` draws; `chart_id` prefixes the SVG's ids so that two
    charts on one page keep them unique."""

    chart_id: str
    width: int
    height: int
    years: list[YearBars]
    title: str
    description: str
    leaves: list[LegendEntry]
    has_shortfall: bool
    has_surplus: bool
    words: Mapping[str, str]
    font_size: int = FONT_SIZE
    label_baseline: float = LABEL_BASELINE
    bar_left: float = BAR_LEFT
    bar_height: float = BAR_HEIGHT
    costs_y: float = COSTS_Y
    funding_y: float = FUNDING_Y
    gap_text_y: float = GAP_TEXT_Y
    costs_fill: str = COSTS_FILL
    shortfall_colour: str = SHORTFALL
    surplus_colour: str = SURPLUS


def _segments(leaves: Mapping[str, int], funding: int, largest: int) -> list[Segment]:
    """The leaves' parts of a year's funding bar, left to right (I to IV); a leaf of zero or
    less adds nothing, and the bar never runs past the year's funding."""
    room = RIGHT - BAR_LEFT
    left = max(funding, 0)
    x = BAR_LEFT
    segments = []
    for leaf in LEAVES:
        cents = min(max(leaves.get(leaf, 0), 0), left)
        if cents <= 0:
            continue
        width = bar_width(cents, largest, room)
        segments.append(Segment(leaf, x, width, FILL[leaf], cents))
        x += width
        left -= cents
    return segments


def gap_chart(plan: FinancingPlan, language: Language, chart_id: str = "gap-chart") -> GapChart:
    """The chart of `plan`'s years: the largest amount of any year (costs or funding) fills
    the width, so bars of different years compare."""
    words = GAP_CHART_WORDS[language]
    room = RIGHT - BAR_LEFT
    largest = max(
        (max(year.totals.costs_cents, year.totals.funding_cents) for year in plan.years),
        default=0,
    )
    years = []
    for index, year in enumerate(plan.years):
        costs, funding = year.totals.costs_cents, year.totals.funding_cents
        gap = year.totals.gap_cents
        kind = "shortfall" if gap > 0 else "surplus" if gap < 0 else "balanced"
        amount = money(abs(gap), language)
        years.append(
            YearBars(
                year=year.year,
                top=index * YEAR_HEIGHT,
                costs_cents=costs,
                funding_cents=funding,
                gap_cents=gap,
                costs_width=bar_width(costs, largest, room),
                segments=_segments(year.leaves, funding, largest),
                funding_width=bar_width(funding, largest, room),
                kind=kind,
                label=words[f"chart_{kind}"].format(amount=amount),
                sentence=words[f"chart_year_{kind}"].format(
                    year=year.year,
                    costs=money(costs, language),
                    funding=money(funding, language),
                    amount=amount,
                ),
            )
        )
    used = {segment.leaf for bars in years for segment in bars.segments}
    has_shortfall = any(bars.kind == "shortfall" for bars in years)
    intro = [words["chart_intro"], *([words["chart_hatched"]] if has_shortfall else [])]
    return GapChart(
        chart_id=chart_id,
        width=WIDTH,
        height=max(len(years), 1) * YEAR_HEIGHT,
        years=years,
        title=words["chart_title"],
        description=" ".join([*intro, *(bars.sentence for bars in years)]),
        leaves=[
            LegendEntry(leaf, LEAF_NAMES[language][leaf], FILL[leaf])
            for leaf in LEAVES
            if leaf in used
        ],
        has_shortfall=has_shortfall,
        has_surplus=any(bars.kind == "surplus" for bars in years),
        words=words,
    )

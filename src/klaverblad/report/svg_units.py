"""The units of the charts' inline SVGs (the gap chart, the tornado, the waterfall, the gains
and losses, the cash flow), in one
place so that the charts read alike: 400 wide, so that the 15-unit text stays above 13 px on
a 390 px phone (and 18 px at a figure's widest, 30rem: klaverblad.css); a margin of 8 on
each side. The charts of labelled bars (the waterfall, the gains and losses) also share their
rows' units, their bar (`RowBar`) and their horizontal axis (`axis_x`)."""

from dataclasses import dataclass

WIDTH = 400
FONT_SIZE = 15
LEFT = 8.0
RIGHT = 392.0

# A chart of labelled bars, one row per item (the waterfall, the gains and losses): its label,
# its bar, its signed amount under it.
ROW_HEIGHT = 66
LABEL_Y = 16.0
BAR_Y = 24.0
BAR_HEIGHT = 18.0
AMOUNT_Y = 58.0
# The words start a little right of the chart's edge, where a bar may start too.
TEXT_X = 12.0
# About the width of one character of the 15-unit text: a longer label is squeezed to fit.
CHARACTER_WIDTH = 8.0
MORE = "#2E5E22"  # the pages' accent colour: 7.6:1 against white
LESS = "#B00020"  # the pages' error colour: 6.6:1 against white


def axis_x(cents: int, low: int, high: int) -> float:
    """Where `cents` lies on the axis from `low` (at LEFT) to `high` (at RIGHT).

    >>> axis_x(0, -100, 300)
    104.0
    """
    if high == low:
        return LEFT
    return LEFT + (RIGHT - LEFT) * (cents - low) / (high - low)


@dataclass(frozen=True)
class RowBar:
    """One row of a chart of labelled bars: its `top`, its label, its bar from `x` over `width`
    and its amount in words with its sign; `kind` says which way it goes ("more", "less",
    "same" or "total"), `key` the code of what it draws (empty when it has none)."""

    top: int
    label: str
    amount: str
    x: float
    width: float
    colour: str
    cents: int
    kind: str
    # Set when the label is longer than the chart is wide: the SVG squeezes it to this.
    text_length: float | None = None
    key: str = ""

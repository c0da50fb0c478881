"""The tornado chart of "Hoe zeker is dit plan?" (docs/certainty.md), for the plan page and
the PDF alike: per parameter varied over its documented range a bar from the plan's gap at one
end of the range to the gap at the other, against a dashed line at the gap as it is. An inline
SVG (`role="img"`, a `<title>` and a `<desc>` that says every amount), always shown beside a
table with the same amounts.

>>> position(50, 0, 100, 10.0, 210.0)
110.0
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from klaverblad.advice.certainty_words import Varied
from klaverblad.locale import Language, money
from klaverblad.report.svg_units import FONT_SIZE, LEFT, RIGHT, WIDTH

# One parameter: its label, its bar, the gaps at the bar's ends under it.
ROW_HEIGHT = 76
LABEL_Y = 16.0
BAR_Y = 24.0
BAR_HEIGHT = 20.0
AMOUNT_Y = 62.0
# Characters of a label the chart shows (the table beside it has the whole label).
LABEL_CHARACTERS = 38
# The width an amount ("€ 100.592,00") needs at FONT_SIZE.
ROOM = 100.0
BAR_FILL = "#2E5E22"  # the pages' accent colour: 7.6:1 against white
LINE_COLOUR = "#1A1A1A"


def position(cents: int, lowest: int, highest: int, left: float, right: float) -> float:
    """Where `cents` lies on the axis from `lowest` (at `left`) to `highest` (at `right`)."""
    if highest == lowest:
        return (left + right) / 2
    return left + (right - left) * (cents - lowest) / (highest - lowest)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


@dataclass(frozen=True)
class Bar:
    """One parameter's bar: from `x` over `width`, the gaps at its two ends in words."""

    top: int
    label: str
    short_label: str
    x: float
    width: float
    left_amount: str
    right_amount: str

    @property
    def left_text(self) -> tuple[float, str]:
        """Where the gap at the bar's left end is written (x, text-anchor): outside the bar,
        or from its start when the axis leaves no room."""
        return (self.x - 4, "end") if self.x - 4 > ROOM else (self.x, "start")

    @property
    def right_text(self) -> tuple[float, str]:
        end = self.x + self.width
        return (end + 4, "start") if end + 4 < RIGHT - ROOM else (end, "end")


@dataclass(frozen=True)
class Tornado:
    """Everything `_plan_certainty.html` draws."""

    width: int
    height: int
    bars: list[Bar]
    baseline_x: float
    title: str
    description: str
    font_size: int = FONT_SIZE
    label_y: float = LABEL_Y
    bar_y: float = BAR_Y
    bar_height: float = BAR_HEIGHT
    amount_y: float = AMOUNT_Y
    left: float = LEFT
    right: float = RIGHT
    bar_fill: str = BAR_FILL
    line_colour: str = LINE_COLOUR


def tornado(varied: list[Varied], gap_cents: int, title: str, language: Language) -> Tornado:
    """The bars of the parameters varied over their range, on one axis centred on the plan's
    gap (the dashed line): a bar left of it lowers the gap, right of it raises it."""
    # The axis is centred on the gap as it is, as wide as the largest change either way.
    ends = [*(b.gap_low_cents for b in varied), *(b.gap_high_cents for b in varied)]
    spread = max((abs(end - gap_cents) for end in ends), default=0) or 1
    lowest, highest = gap_cents - spread, gap_cents + spread
    bars = []
    sentences = []
    for index, bar in enumerate(varied):
        low, high = sorted((bar.gap_low_cents, bar.gap_high_cents))
        x = position(low, lowest, highest, LEFT, RIGHT)
        bars.append(
            Bar(
                top=index * ROW_HEIGHT,
                label=bar.label,
                short_label=_short(bar.label),
                x=x,
                width=max(position(high, lowest, highest, LEFT, RIGHT) - x, 2.0),
                left_amount=money(low, language),
                right_amount=money(high, language),
            )
        )
        sentences.append(
            f"{bar.label}, {bar.range_text}: {money(bar.gap_low_cents, language)} – "
            f"{money(bar.gap_high_cents, language)}."
        )
    return Tornado(
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT,
        bars=bars,
        baseline_x=position(gap_cents, lowest, highest, LEFT, RIGHT),
        title=title,
        description=" ".join(sentences),
    )


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def tornado_svg(chart: Tornado, chart_id: str = "tornado") -> str:
    """The chart as an inline SVG; `chart_id` keeps its title's and description's ids unique
    on the page."""
    title, desc = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width} {chart.height}" '
        f'width="100%" role="img" aria-labelledby="{title} {desc}" '
        "font-family=\"system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif\" "
        f'font-size="{chart.font_size}" fill="{chart.line_colour}">',
        f'<title id="{title}">{escape(chart.title)}</title>',
        f'<desc id="{desc}">{escape(chart.description)}</desc>',
    ]
    for bar in chart.bars:
        (left_x, left_anchor), (right_x, right_anchor) = bar.left_text, bar.right_text
        parts += [
            f'<g class="tornado-bar" transform="translate(0 {bar.top})">',
            f'<text x="{_number(chart.left)}" y="{_number(chart.label_y)}" font-weight="600">'
            f"{escape(bar.short_label)}</text>",
            f'<rect x="{_number(bar.x)}" y="{_number(chart.bar_y)}" width="{_number(bar.width)}" '
            f'height="{_number(chart.bar_height)}" fill="{chart.bar_fill}"/>',
            f'<text x="{_number(left_x)}" y="{_number(chart.amount_y)}" '
            f'text-anchor="{left_anchor}">{escape(bar.left_amount)}</text>',
            f'<text x="{_number(right_x)}" y="{_number(chart.amount_y)}" '
            f'text-anchor="{right_anchor}">{escape(bar.right_amount)}</text>',
            "</g>",
        ]
    baseline = _number(chart.baseline_x)
    parts += [
        f'<line x1="{baseline}" x2="{baseline}" y1="{_number(chart.bar_y - 4)}" '
        f'y2="{chart.height - 20}" stroke="{chart.line_colour}" stroke-width="2" '
        'stroke-dasharray="4 3"/>',
        "</svg>",
    ]
    return "".join(parts)

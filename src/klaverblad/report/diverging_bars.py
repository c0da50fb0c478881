"""A diverging bar chart: one horizontal bar per item from a zero line, gains to the right and
losses to the left, the largest gain on top and the largest loss at the bottom (the
portfolio's "who gains and who loses", by initiative and by funder; issue #13, part 3).

Only the geometry and the words the caller gives: the page (or a PDF) draws it as an inline
SVG with a `<title>` and a `<desc>` and puts the table of every item beside it. With many
items only the `limit` largest gains and the `limit` largest losses are drawn; an item whose
change is zero is never drawn (`hidden` counts the items left out, the table lists them).

The axis runs from the largest loss (or 0) at LEFT to the largest gain (or 0) at RIGHT, so a
bar's length is proportional to its amount and the zero line sits where 0 falls. Coordinates
are floats in the SVG's own units (drawing only); amounts are exact cents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from klaverblad.report.svg_units import (
    AMOUNT_Y,
    BAR_HEIGHT,
    BAR_Y,
    CHARACTER_WIDTH,
    FONT_SIZE,
    LABEL_Y,
    LESS,
    MORE,
    RIGHT,
    ROW_HEIGHT,
    TEXT_X,
    WIDTH,
    RowBar,
    axis_x,
)

# A label far longer than the room is cut with "…" before it is squeezed (the table beside the
# chart has it whole). The rows' units are the waterfall's (svg_units).
MOST_SQUEEZE = 1.25
# A change of a cent is still a visible bar.
SHORTEST_BAR = 1.0
LIMIT = 8


@dataclass(frozen=True)
class Item:
    """One thing whose amount changes: its code (kept for the page's data attributes), its
    label in words and its change in cents."""

    key: str
    label: str
    cents: int


@dataclass(frozen=True)
class DivergingBars:
    """Everything a template needs to draw the chart."""

    chart_id: str
    width: int
    height: int
    bars: list[RowBar]
    zero_x: float
    hidden: int  # items not drawn: no change, or smaller than the `limit` drawn either way
    font_size: int = FONT_SIZE
    label_y: float = LABEL_Y
    bar_y: float = BAR_Y
    bar_height: float = BAR_HEIGHT
    amount_y: float = AMOUNT_Y
    text_x: float = TEXT_X


def drawn(items: Sequence[Item], limit: int = LIMIT) -> list[Item]:
    """The items the chart draws, top to bottom: the `limit` largest gains from the largest
    down, then the `limit` largest losses from the smallest down to the largest (ties by
    label, then code, so the order never depends on the input's)."""
    gains = sorted((i for i in items if i.cents > 0), key=lambda i: (-i.cents, i.label, i.key))
    losses = sorted((i for i in items if i.cents < 0), key=lambda i: (i.cents, i.label, i.key))
    return [*gains[:limit], *reversed(losses[:limit])]


def _label(label: str) -> tuple[str, float | None]:
    """The label as drawn and the length to squeeze it to (None: it fits as it is)."""
    room = RIGHT - TEXT_X
    most = int(room / CHARACTER_WIDTH * MOST_SQUEEZE)
    if len(label) > most:
        label = label[: most - 1].rstrip() + "…"
    return label, room if len(label) * CHARACTER_WIDTH > room else None


def diverging_bars(
    items: Sequence[Item],
    amount: Callable[[int], str],
    chart_id: str,
    limit: int = LIMIT,
) -> DivergingBars:
    """The chart of `items`: `amount` writes a change in words with its sign; `chart_id`
    keeps the SVG's ids unique on the page."""
    chosen = drawn(items, limit)
    low = min((i.cents for i in chosen), default=0)
    high = max((i.cents for i in chosen), default=0)
    low, high = min(low, 0), max(high, 0)
    zero = axis_x(0, low, high)
    bars: list[RowBar] = []
    for index, item in enumerate(chosen):
        width = max(abs(axis_x(item.cents, low, high) - zero), SHORTEST_BAR)
        label, text_length = _label(item.label)
        bars.append(
            RowBar(
                top=index * ROW_HEIGHT,
                key=item.key,
                label=label,
                amount=amount(item.cents),
                # A gain starts at the zero line, a loss ends there.
                x=zero if item.cents > 0 else zero - width,
                width=width,
                colour=MORE if item.cents > 0 else LESS,
                cents=item.cents,
                kind="more" if item.cents > 0 else "less",
                text_length=text_length,
            )
        )
    return DivergingBars(
        chart_id=chart_id,
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT,
        bars=bars,
        zero_x=zero,
        hidden=len(items) - len(bars),
    )

"""The chart of the cash flow (docs/cashflow.md, "Web"): an inline SVG of two panels over the
same months, one column per month from left to right —

* the balance of the account per month, a bar up (green) or down (red) from the zero line,
  with the lowest month marked and a dashed line where the horizon ends (months after it only
  receive late payments);
* the costs paid and the money received per month, two lines from a zero baseline.

400 units wide (`report/svg_units.py`) so that its 15-unit text stays readable on a 390 px
phone; `role="img"` with a `<title>` and a `<desc>` that says the figures; the page shows the
table of every month beside it. Coordinates are floats in the SVG's own units (drawing only);
amounts are exact cents.

>>> scale(0, -100, 100, 10.0, 110.0)
60.0
>>> year_step(25, 384.0 / 25), year_step(240, 384.0 / 240)
(1, 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from klaverblad.locale import Language, money, month_name
from klaverblad.plan.cashflow import Cashflow
from klaverblad.report.svg_units import FONT_SIZE, LEFT, LESS, MORE, RIGHT, WIDTH

INK = "#1A1A1A"
GRID = "#767676"  # 4.5:1 against white
# The balance panel: its heading, then the bars between BALANCE_TOP and BALANCE_BOTTOM.
BALANCE_HEADING_Y = 16.0
BALANCE_TOP = 48.0
BALANCE_BOTTOM = 208.0
# Under it: the mark under the lowest month, the years, then the lowest month's words.
MARK_Y = BALANCE_BOTTOM + 3
YEARS_Y = 236.0
LOWEST_Y = 258.0
# The flows panel.
FLOWS_HEADING_Y = 294.0
FLOWS_TOP = 326.0
FLOWS_BOTTOM = 446.0
FLOWS_YEARS_Y = 466.0
HEIGHT = 478
# A year's label is about 4 characters of 8 units; labels closer than this are thinned out.
YEAR_ROOM = 40.0


def scale(cents: int, low: int, high: int, top: float, bottom: float) -> float:
    """Where `cents` lies between `low` (at `bottom`) and `high` (at `top`)."""
    if high == low:
        return bottom
    return bottom - (bottom - top) * (cents - low) / (high - low)


def year_step(count: int, step: float) -> int:
    """Every how many years a year is written under `count` months `step` units apart."""
    years = 1
    while years * 12 * step < YEAR_ROOM and years * 12 < count:
        years += 1
    return years


def _n(value: float) -> str:
    return f"{round(value, 2):g}"


@dataclass(frozen=True)
class Column:
    """One month: its bar of the balance (from `y` over `height`) and its flows' points."""

    month: int
    x: float
    width: float
    y: float
    height: float
    colour: str
    costs_y: float
    received_y: float
    balance_cents: int


@dataclass(frozen=True)
class CashflowChart:
    """Everything `cashflow_svg` draws."""

    columns: list[Column]
    zero_y: float
    top_label: str
    flows_label: str
    years: list[tuple[float, str]]
    lowest_x: float
    lowest_text: str
    horizon_x: float | None
    title: str
    description: str
    balance_heading: str
    flows_heading: str


def cashflow_chart(flow: Cashflow, words: Mapping[str, str], language: Language) -> CashflowChart:
    """The chart of `flow`; `words` are the page's (`chart_title`, `chart_balance`,
    `chart_flows`, `chart_desc`, `chart_lowest`)."""
    months = flow.months
    step = (RIGHT - LEFT) / len(months)
    balances = [item.balance_cents for item in months]
    high, low = max(0, *balances), min(0, *balances)
    zero_y = scale(0, low, high, BALANCE_TOP, BALANCE_BOTTOM)
    biggest = max(1, *(item.costs_cents for item in months), *(m.received_cents for m in months))
    columns = []
    for index, item in enumerate(months):
        top = scale(item.balance_cents, low, high, BALANCE_TOP, BALANCE_BOTTOM)
        columns.append(
            Column(
                month=item.month,
                x=LEFT + step * index + step * 0.1,
                width=max(step * 0.8, 0.5),
                y=min(top, zero_y),
                height=max(abs(top - zero_y), 1.0 if item.balance_cents else 0.0),
                colour=MORE if item.balance_cents >= 0 else LESS,
                costs_y=scale(item.costs_cents, 0, biggest, FLOWS_TOP, FLOWS_BOTTOM),
                received_y=scale(item.received_cents, 0, biggest, FLOWS_TOP, FLOWS_BOTTOM),
                balance_cents=item.balance_cents,
            )
        )
    every = year_step(len(months), step)
    years: list[tuple[float, str]] = []
    for index, item in enumerate(months):
        year, x = item.month // 12, LEFT + step * index
        if index and (item.month % 12 or (year - months[0].month // 12) % every):
            continue
        if not years or x - years[-1][0] >= YEAR_ROOM:
            years.append((x, str(year)))
    lowest_index = next(i for i, item in enumerate(months) if item.month == flow.lowest_month)
    last_in_horizon = flow.first_month + flow.horizon_months - 1
    after = [i for i, item in enumerate(months) if item.month > last_in_horizon]
    lowest = money(flow.lowest_balance_cents, language)
    description = words["chart_desc"].format(
        count=len(months),
        first=month_name(months[0].month, language),
        last=month_name(months[-1].month, language),
        balance=lowest,
        month=month_name(flow.lowest_month, language),
        final=money(flow.final_balance_cents, language),
        costs=money(max(item.costs_cents for item in months), language),
        received=money(max(item.received_cents for item in months), language),
    )
    return CashflowChart(
        columns=columns,
        zero_y=zero_y,
        top_label=money(high, language),
        flows_label=money(biggest if biggest > 1 else 0, language),
        years=years,
        lowest_x=LEFT + step * (lowest_index + 0.5),
        lowest_text=words["chart_lowest"].format(amount=lowest),
        horizon_x=LEFT + step * after[0] if after else None,
        title=words["chart_title"],
        description=description,
        balance_heading=words["chart_balance"],
        flows_heading=words["chart_flows"],
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _year(x: float, y: float, year: str) -> str:
    """A year under its January; near the right edge written up to the edge."""
    if x + YEAR_ROOM > RIGHT:
        return _text(RIGHT, y, year, "end")
    return _text(x, y, year)


def _anchor(x: float) -> str:
    """Text near `x`: from it in the left half, up to it in the right half."""
    return "start" if x < WIDTH / 2 else "end"


def cashflow_svg(chart: CashflowChart, chart_id: str = "kasstroom-grafiek") -> str:
    """The chart as an inline SVG; `chart_id` keeps its title's and description's ids unique."""
    title, desc = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-labelledby="{title} {desc}" '
        "font-family=\"system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif\" "
        f'font-size="{FONT_SIZE}" fill="{INK}">',
        f'<title id="{title}">{escape(chart.title)}</title>',
        f'<desc id="{desc}">{escape(chart.description)}</desc>',
        _text(LEFT, BALANCE_HEADING_Y, chart.balance_heading, extra=' font-weight="700"'),
        _text(LEFT, BALANCE_TOP - 6, chart.top_label, extra=f' fill="{GRID}"'),
        '<g class="cashflow-balance">',
    ]
    for column in chart.columns:
        parts.append(
            f'<rect x="{_n(column.x)}" y="{_n(column.y)}" width="{_n(column.width)}" '
            f'height="{_n(column.height)}" fill="{column.colour}" '
            f'data-month="{column.month}" data-balance-cents="{column.balance_cents}"/>'
        )
    parts += [
        "</g>",
        f'<line x1="{_n(LEFT)}" x2="{_n(RIGHT)}" y1="{_n(chart.zero_y)}" y2="{_n(chart.zero_y)}" '
        f'stroke="{INK}" stroke-width="1.5" class="cashflow-zero"/>',
    ]
    if chart.horizon_x is not None:
        for top, bottom in ((BALANCE_TOP, BALANCE_BOTTOM), (FLOWS_TOP, FLOWS_BOTTOM)):
            parts.append(
                f'<line x1="{_n(chart.horizon_x)}" x2="{_n(chart.horizon_x)}" y1="{_n(top)}" '
                f'y2="{_n(bottom)}" stroke="{GRID}" stroke-width="1.5" stroke-dasharray="4 3" '
                'class="cashflow-horizon"/>'
            )
    parts += [_year(x, YEARS_Y, year) for x, year in chart.years]
    lowest_x = chart.lowest_x
    parts += [
        f'<path d="M{_n(lowest_x)} {_n(MARK_Y)} l-5 8 h10 z" fill="{INK}" '
        'class="cashflow-lowest"/>',
        _text(lowest_x, LOWEST_Y, chart.lowest_text, _anchor(lowest_x), ' font-weight="700"'),
        _text(LEFT, FLOWS_HEADING_Y, chart.flows_heading, extra=' font-weight="700"'),
        _text(LEFT, FLOWS_TOP - 6, chart.flows_label, extra=f' fill="{GRID}"'),
        f'<line x1="{_n(LEFT)}" x2="{_n(RIGHT)}" y1="{_n(FLOWS_BOTTOM)}" '
        f'y2="{_n(FLOWS_BOTTOM)}" stroke="{INK}" stroke-width="1.5"/>',
    ]
    for name, colour, dash in (("costs", INK, ' stroke-dasharray="6 3"'), ("received", MORE, "")):
        points = " ".join(
            f"{_n(c.x + c.width / 2)},{_n(c.costs_y if name == 'costs' else c.received_y)}"
            for c in chart.columns
        )
        parts.append(
            f'<polyline class="cashflow-{name}" points="{points}" fill="none" '
            f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
    parts += [_year(x, FLOWS_YEARS_Y, year) for x, year in chart.years]
    parts.append("</svg>")
    return "".join(parts)

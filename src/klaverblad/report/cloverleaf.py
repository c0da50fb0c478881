"""The four-leaf chart of a plan (ux.md §3.3): one round leaf per leaf of the klaverbladmodel,
each leaf's AREA proportional to its amount (radius ∝ √amount), drawn as a self-contained,
accessible SVG: `role="img"` with a `<title>` and a `<desc>` that says every amount, no
scripts, no external resources. Always show it with its data table (`leaf_table_rows`).

Geometry: each leaf is a circle of radius r tangent to both axes through the centre, so its
centre lies at (±r, ±r) from the clover's centre and no two leaves overlap. A leaf of zero (or a
negative amount, which no leaf should have) is drawn as a faint dashed outline of the largest
size and carries the class `leaf-empty`; drawn leaves carry `leaf`, `data-leaf` and
`data-cents`, so tests and the web page can read the chart back.

>>> svg = cloverleaf_svg({"I": 100, "II": 400, "III": 0, "IV": 100}, "nl")
>>> svg.startswith("<svg")
True
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from babel.numbers import format_percent

from klaverblad.locale import BABEL_LOCALE, Language, money
from klaverblad.messages import N_, words
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_table import LEAF_NAMES

# Okabe-Ito colours (safe for the common colour-vision deficiencies). Each fill has a contrast
# of at least 3:1 against white (WCAG 1.4.11, graphics); each text colour at least 4.5:1
# (WCAG 1.4.3, text), checked in tests/report/test_cloverleaf.py.
FILL = {"I": "#0072B2", "II": "#D55E00", "III": "#009E73", "IV": "#CC79A7"}
TEXT = {"I": "#005A8D", "II": "#9E4A00", "III": "#00775A", "IV": "#A8548A"}
INK = "#1A1A1A"
FAINT = "#767676"  # 4.5:1 against white: the outline of an empty leaf and its label
# Where each leaf sits: I top left, II top right, III bottom right, IV bottom left (clockwise).
QUADRANT = {"I": (-1, -1), "II": (1, -1), "III": (1, 1), "IV": (-1, 1)}

WIDTH = 640
HEIGHT = 480
CENTRE = (WIDTH / 2, HEIGHT / 2)
MAX_RADIUS = 88.0
LABEL_GAP = 10.0

WORDS = words(
    N_("cloverleaf.title"),
    N_("cloverleaf.intro"),
    N_("cloverleaf.total"),
    N_("cloverleaf.none"),
)


class LeafRow(NamedTuple):
    """One row of the data table that accompanies the chart."""

    leaf: str
    name: str
    cents: int
    amount: str
    share: str


def leaf_radius(cents: int, largest: int) -> float:
    """The radius of a leaf: MAX_RADIUS for the largest amount, √(cents/largest) of it else."""
    if cents <= 0 or largest <= 0:
        return 0.0
    return MAX_RADIUS * math.sqrt(cents / largest)


def leaf_table_rows(leaves: dict[str, int], language: Language = "nl") -> list[LeafRow]:
    """The chart's data: per leaf its name, amount (nl-BE money) and share of the total."""
    total = sum(max(leaves.get(leaf, 0), 0) for leaf in LEAVES)
    rows = []
    for leaf in LEAVES:
        cents = leaves.get(leaf, 0)
        share = Decimal(max(cents, 0)) / total if total else Decimal(0)
        rows.append(
            LeafRow(
                leaf=leaf,
                name=LEAF_NAMES[language][leaf],
                cents=cents,
                amount=money(cents, language),
                share=format_percent(share, "#,##0.0%", locale=BABEL_LOCALE[language]),
            )
        )
    return rows


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, anchor: str, content: str, **style: str) -> str:
    attributes = "".join(f" {name.replace('_', '-')}={quoteattr(v)}" for name, v in style.items())
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="{anchor}"{attributes}>'
        f"{escape(content)}</text>"
    )


def describe(leaves: dict[str, int], language: Language = "nl") -> str:
    """The chart in words (its `<desc>`): the rule of the areas and every amount."""
    words = WORDS[language]
    parts = [
        f"{row.name}: {row.amount}" + ("" if row.cents > 0 else f" ({words['none']})")
        for row in leaf_table_rows(leaves, language)
    ]
    total = sum(leaves.get(leaf, 0) for leaf in LEAVES)
    return f"{words['intro']} {'; '.join(parts)}. {words['total']}: {money(total, language)}."


def cloverleaf_svg(
    leaves: dict[str, int], language: Language = "nl", chart_id: str = "klaverblad"
) -> str:
    """The chart as an SVG document (also valid inline in HTML). `chart_id` prefixes the ids of
    `<title>` and `<desc>`, so two charts on one page keep unique ids."""
    words = WORDS[language]
    largest = max((max(leaves.get(leaf, 0), 0) for leaf in LEAVES), default=0)
    cx, cy = CENTRE
    font = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{font}">',
        f'<title id="{chart_id}-title">{escape(words["title"])}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(leaves, language))}</desc>',
        # The stem, decoration only: down the gap between leaves III and IV, then a curl.
        f'<path d="M {_number(cx)} {_number(cy)} v {_number(MAX_RADIUS * 2 - 16)} '
        'q 0 16 14 24" fill="none" stroke="#4D7A3A" stroke-width="4" '
        'stroke-linecap="round" aria-hidden="true"/>',
    ]
    for row in leaf_table_rows(leaves, language):
        dx, dy = QUADRANT[row.leaf]
        radius = leaf_radius(row.cents, largest)
        if radius > 0:
            parts.append(
                f'<circle class="leaf" data-leaf="{row.leaf}" data-cents="{row.cents}" '
                f'cx="{cx + dx * radius!r}" cy="{cy + dy * radius!r}" r="{radius!r}" '
                f'fill="{FILL[row.leaf]}" stroke="{TEXT[row.leaf]}" stroke-width="1.5"/>'
            )
            if radius >= 16:
                parts.append(
                    _text(
                        cx + dx * radius,
                        cy + dy * radius + 7,
                        "middle",
                        row.leaf,
                        fill="#FFFFFF",
                        font_size="20",
                        font_weight="bold",
                        aria_hidden="true",
                    )
                )
        else:
            parts.append(
                f'<circle class="leaf-empty" data-leaf="{row.leaf}" data-cents="{row.cents}" '
                f'cx="{cx + dx * MAX_RADIUS!r}" cy="{cy + dy * MAX_RADIUS!r}" '
                f'r="{MAX_RADIUS!r}" fill="none" stroke="{FAINT}" stroke-width="1" '
                'stroke-dasharray="4 4"/>'
            )
        # Labels sit beyond the largest possible leaf, right of the centre for II and III, left
        # for I and IV, above the top leaves and below the bottom ones.
        anchor = "start" if dx > 0 else "end"
        x = cx + dx * 12
        if dy < 0:
            name_y = cy - 2 * MAX_RADIUS - LABEL_GAP - 22
        else:
            name_y = cy + 2 * MAX_RADIUS + LABEL_GAP + 16
        colour = TEXT[row.leaf] if row.cents > 0 else FAINT
        parts.append(
            _text(x, name_y, anchor, row.name, fill=colour, font_size="15", font_weight="bold")
        )
        amount = row.amount if row.cents > 0 else f"{row.amount} ({words['none']})"
        parts.append(
            _text(
                x,
                name_y + 20,
                anchor,
                f"{amount} · {row.share}",
                fill=INK if row.cents > 0 else FAINT,
                font_size="15",
            )
        )
    parts.append("</svg>")
    return "\n".join(parts)

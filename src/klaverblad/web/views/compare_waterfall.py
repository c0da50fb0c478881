"""The waterfall of the comparison page: the difference in funding between the baseline and
other rules, one bar per reform or parameter change in the order of the changes, each bar
starting where the previous one ended, the last bar the total (issue #13, part 3;
`advice/reform_steps.py` makes the steps, which sum to the total to the cent).

This module computes the tables (each also its CSV, `DataTable`) and the chart's geometry and
words; `_compare_waterfall.html` draws it as an inline SVG (`role="img"`, a `<title>` and a
`<desc>` that says every amount, a `viewBox` that shrinks to a phone's width). A bar's colour
is never the only sign: each says its amount with its sign ("+ € 6.500,00").

The bars show the differences only (from € 0), not the whole funding: a step of € 6 500 on a
funding of € 155 000 would be a sliver. Coordinates are floats in the SVG's own units
(drawing only); amounts are exact cents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from klaverblad.advice.known_on_words import known_later_words, plans_words
from klaverblad.advice.reform_steps import Change, ReformSteps
from klaverblad.locale import Language
from klaverblad.messages import N_, words
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
from klaverblad.rules import baseline_system
from klaverblad.rules.known_on import KnownLater, as_known_on
from klaverblad.rules.reforms import REFORMS
from klaverblad.web.views.data_table import Cell, Column, DataTable, Named, signed_money
from klaverblad.web.views.line_explanation import measure_words
from klaverblad.web.views.reform_choice import describe_change

WATERFALL_WORDS = words(
    N_("reform_steps.title"),
    N_("reform_steps.intro"),
    N_("reform_steps.change"),
    N_("reform_steps.step_number"),
    N_("reform_steps.funding_difference"),
    N_("reform_steps.gap_difference"),
    N_("reform_steps.running_funding"),
    N_("reform_steps.running_gap"),
    N_("reform_steps.baseline"),
    N_("reform_steps.total_difference"),
    N_("reform_steps.people_title"),
    N_("reform_steps.funders_title"),
    N_("reform_steps.step"),
    N_("reform_steps.person"),
    N_("reform_steps.measure"),
    N_("reform_steps.funder"),
    N_("reform_steps.difference"),
    N_("reform_steps.initiative"),
    N_("reform_steps.no_steps"),
    N_("reform_steps.people_empty"),
    N_("reform_steps.no_amount_changes"),
    N_("reform_steps.chart_title"),
    N_("reform_steps.chart_intro"),
    N_("reform_steps.chart_step"),
    N_("reform_steps.chart_total"),
)
# The tables of the steps, in page order (keys of the CSV download).
STEP_TABLES = ("steps", "step_people", "step_funders")

TOTAL = "#4D4D4D"  # the pages' muted text: 8:1 against white


@dataclass(frozen=True)
class Waterfall:
    """Everything `_compare_waterfall.html` draws."""

    chart_id: str
    width: int
    height: int
    bars: list[RowBar]
    zero_x: float
    title: str
    description: str
    font_size: int = FONT_SIZE
    label_y: float = LABEL_Y
    bar_y: float = BAR_Y
    bar_height: float = BAR_HEIGHT
    amount_y: float = AMOUNT_Y
    text_x: float = TEXT_X


def change_words(change: Change, words: Mapping[str, str], language: Language) -> str:
    """A reform by the page's name for it, a parameter change as read ('path = 600 (juli
    2006)'), as the comparison page says what the alternative changes."""
    if isinstance(change, KnownLater):
        return known_later_words(change, baseline_system().parameters, language)
    if isinstance(change, str):
        return words.get(f"reform_{change}", str(REFORMS[change].name))
    return describe_change(change, language)


def _bar(
    top: int,
    label: str,
    span: tuple[int, int],
    axis: tuple[int, int],
    total: bool,
    language: Language,
) -> RowBar:
    """The bar of a step (or the total) from `span[0]` to `span[1]` on an axis from `axis[0]`
    to `axis[1]`, with its amount said with its sign."""
    (start, end), (low, high) = span, axis
    cents = end - start
    kind = "total" if total else "more" if cents > 0 else "less" if cents < 0 else "same"
    left, right = sorted((axis_x(start, low, high), axis_x(end, low, high)))
    # A step that changes nothing is muted, neither gain nor loss.
    colour = TOTAL if total or cents == 0 else MORE if cents > 0 else LESS
    too_long = len(label) * CHARACTER_WIDTH > RIGHT - TEXT_X
    return RowBar(
        top=top,
        label=label,
        amount=signed_money(cents, language),
        x=left,
        # A step of € 0 is still a visible tick on the axis.
        width=max(right - left, 1.0),
        colour=colour,
        cents=cents,
        kind=kind,
        text_length=RIGHT - TEXT_X if too_long else None,
    )


def waterfall(steps: ReformSteps, page_words: Mapping[str, str], language: Language) -> Waterfall:
    """The chart of `steps`: one bar per step from the running difference before it to the
    one after it, then the total from € 0; the axis spans every running difference and 0."""
    w = WATERFALL_WORDS[language]
    running = [0]
    for step in steps.steps:
        running.append(running[-1] + step.funding_cents)
    low, high = min(running), max(running)
    bars: list[RowBar] = []
    sentences = [w["chart_intro"]]
    for index, step in enumerate(steps.steps):
        label = f"{w['step_number'].format(number=index + 1)}: "
        label += change_words(step.change, page_words, language)
        span = (running[index], running[index + 1])
        bar = _bar(index * ROW_HEIGHT, label, span, (low, high), False, language)
        bars.append(bar)
        sentences.append(
            w["chart_step"].format(
                number=index + 1,
                change=change_words(step.change, page_words, language),
                amount=bar.amount,
            )
        )
    total = _bar(
        len(bars) * ROW_HEIGHT, w["total_difference"], (0, running[-1]), (low, high), True, language
    )
    bars.append(total)
    sentences.append(w["chart_total"].format(amount=total.amount))
    return Waterfall(
        chart_id="waterfall",
        width=WIDTH,
        height=len(bars) * ROW_HEIGHT,
        bars=bars,
        zero_x=axis_x(0, low, high),
        title=w["chart_title"],
        description=" ".join(sentences),
    )


@dataclass
class WaterfallTable(DataTable):
    """The steps' table, with the chart that draws the same amounts (None: no steps)."""

    chart: Waterfall | None = None
    intro: str = ""
    notes: list[str] = field(default_factory=list)


def _steps_table(
    steps: ReformSteps | None, page_words: Mapping[str, str], language: Language
) -> WaterfallTable:
    w = WATERFALL_WORDS[language]
    columns = [
        Column("change", w["change"], "text"),
        Column("funding_difference", w["funding_difference"], "difference"),
        Column("funding", w["running_funding"]),
        Column("gap_difference", w["gap_difference"], "difference"),
        Column("gap", w["running_gap"]),
    ]
    if steps is None:
        return WaterfallTable("steps", w["title"], columns, [], empty=w["no_steps"])
    base = steps.baseline.totals
    known_on = as_known_on(steps.baseline.system)
    baseline_label = w["baseline"] if known_on is None else plans_words(known_on, language)[0]
    rows: list[list[Cell]] = [
        [Named("baseline", baseline_label), None, base.funding_cents, None, base.gap_cents]
    ]
    for index, step in enumerate(steps.steps):
        label = f"{w['step_number'].format(number=index + 1)}: "
        label += change_words(step.change, page_words, language)
        rows.append(
            [
                Named(step.label, label),
                step.funding_cents,
                step.after.funding_cents,
                step.gap_cents,
                step.after.gap_cents,
            ]
        )
    final = steps.final.totals
    return WaterfallTable(
        "steps",
        w["title"],
        columns,
        rows,
        total=[
            Named("total", w["total_difference"]),
            steps.funding_cents,
            final.funding_cents,
            steps.gap_cents,
            final.gap_cents,
        ],
        chart=waterfall(steps, page_words, language),
        intro=w["intro"],
    )


def _step_cell(number: int, label: str, language: Language) -> Named:
    return Named(label, WATERFALL_WORDS[language]["step_number"].format(number=number))


def _people_table(steps: ReformSteps | None, language: Language) -> DataTable:
    """Per step, the difference per person and measure (the initiative's own lines apart)."""
    w = WATERFALL_WORDS[language]
    rows: list[list[Cell]] = []
    if steps is not None:
        tree = steps.final.parameters
        for number, step in enumerate(steps.steps, start=1):
            for (person, measure), cents in step.people_measures.items():
                rows.append(
                    [
                        _step_cell(number, step.label, language),
                        Named("", w["initiative"]) if person is None else person,
                        Named(measure, measure_words(tree, measure, language)),
                        cents,
                    ]
                )
    columns = [
        Column("change", w["step"], "text"),
        Column("person", w["person"], "text"),
        Column("measure", w["measure"], "text"),
        Column("amount", w["difference"], "difference"),
    ]
    empty = w["people_empty"] if steps is not None else w["no_steps"]
    return DataTable("step_people", w["people_title"], columns, rows, empty=empty)


def _funders_table(steps: ReformSteps | None, language: Language) -> DataTable:
    w = WATERFALL_WORDS[language]
    rows: list[list[Cell]] = []
    if steps is not None:
        for number, step in enumerate(steps.steps, start=1):
            for funder, cents in step.funders.items():
                rows.append([_step_cell(number, step.label, language), funder, cents])
    columns = [
        Column("change", w["step"], "text"),
        Column("funder", w["funder"], "text"),
        Column("amount", w["difference"], "difference"),
    ]
    empty = w["no_amount_changes"] if steps is not None else w["no_steps"]
    return DataTable("step_funders", w["funders_title"], columns, rows, empty=empty)


def step_tables(
    steps: ReformSteps | None, page_words: Mapping[str, str], language: Language
) -> dict[str, DataTable]:
    """The waterfall's table (with its chart), then per person and measure and per funder;
    without steps, the same tables empty (their CSV is then the header alone)."""
    tables = {
        "steps": _steps_table(steps, page_words, language),
        "step_people": _people_table(steps, language),
        "step_funders": _funders_table(steps, language),
    }
    assert tuple(tables) == STEP_TABLES
    return tables

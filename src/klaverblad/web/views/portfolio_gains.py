"""The portfolio page's charts of who gains and who loses with a reform (issue #13, part 3):
by initiative (its change in funding, reform minus baseline) and by funder (who pays more,
who pays less: federaal, Vlaams, the city, the clients …), each a diverging bar chart
(`report/diverging_bars.py`) drawn above the table with every row and its CSV
(`reform_initiatives`, `reform_funders` of `views/portfolio.py`).

Initiatives and funders are shown by their names (a client group by its words,
`funder_words`), never by a code; an amount always says its sign ("+ € 1.200,00"), so the
bar's colour is never the only sign.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.report.diverging_bars import LIMIT, DivergingBars, Item, diverging_bars
from klaverblad.report.funder_tables import funder_words
from klaverblad.web.views.data_table import signed_money
from klaverblad.web.views.portfolio import PortfolioView

GAINS_WORDS = words(
    N_("portfolio_gains.initiatives_title"),
    N_("portfolio_gains.initiatives_intro"),
    N_("portfolio_gains.initiatives_desc"),
    N_("portfolio_gains.initiatives_not_drawn"),
    N_("portfolio_gains.initiatives_nothing"),
    N_("portfolio_gains.funders_title"),
    N_("portfolio_gains.funders_intro"),
    N_("portfolio_gains.funders_desc"),
    N_("portfolio_gains.funders_not_drawn"),
    N_("portfolio_gains.funders_nothing"),
)


@dataclass(frozen=True)
class GainsChart:
    """A chart with its words; `bars` is None when nothing changes (the page then says so)."""

    kind: str  # "initiatives" or "funders"
    title: str
    intro: str
    description: str
    bars: DivergingBars | None
    not_drawn: str  # empty when every item with a change is drawn
    nothing: str


def gains_chart(
    kind: str, items: Sequence[Item], language: Language, limit: int = LIMIT
) -> GainsChart:
    """The chart of `items` (`kind`: "initiatives" or "funders") in `language`, at most
    `limit` gains and `limit` losses drawn; its description says every drawn amount with the
    whole name (the drawn label may be cut)."""
    w = GAINS_WORDS[language]
    amount = functools.partial(signed_money, language=language)
    bars = diverging_bars(items, amount, f"winst-{kind}", limit)
    names = {item.key: item.label for item in items}
    not_drawn = ""
    if bars.hidden:
        not_drawn = w[f"{kind}_not_drawn"].format(count=bars.hidden, total=len(items))
    sentences = [w[f"{kind}_desc"], *(f"{names[bar.key]}: {bar.amount}." for bar in bars.bars)]
    if not_drawn:
        sentences.append(not_drawn)
    return GainsChart(
        kind=kind,
        title=w[f"{kind}_title"],
        intro=w[f"{kind}_intro"],
        description=" ".join(sentences),
        bars=bars if bars.bars else None,
        not_drawn=not_drawn,
        nothing=w[f"{kind}_nothing"],
    )


def initiative_items(view: PortfolioView) -> list[Item]:
    """Each initiative's change in funding with the reform, by its name."""
    portfolio = view.portfolio
    return [Item(i.id, i.name, portfolio.change(i.id)) for i in portfolio.initiatives]


def funder_items(view: PortfolioView, language: Language) -> list[Item]:
    """Each funder's change with the reform (what it pays more or less), by its name."""
    return [
        Item(funder, funder_words(funder, language), cents)
        for funder, cents in view.portfolio.funder_changes().items()
    ]


def gains_charts(view: PortfolioView, language: Language) -> dict[str, GainsChart]:
    """The two charts by the key of the table each is drawn above (none without a reform)."""
    if view.portfolio.reform is None:
        return {}
    return {
        "reform_initiatives": gains_chart("initiatives", initiative_items(view), language),
        "reform_funders": gains_chart("funders", funder_items(view, language), language),
    }

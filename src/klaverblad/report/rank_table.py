"""A readable terminal view of the need ranking (RULEBOOK §8): the weights and the formula on
top, then per municipality its rates, score, rank, youth-only rank, shift (↑ rises once general
unemployment counts, ↓ falls) and allocation. Dutch (nl-BE) by default, English available."""

from __future__ import annotations

from fractions import Fraction

from babel.numbers import format_decimal
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from klaverblad.advice.ranking import Ranking
from klaverblad.locale import BABEL_LOCALE, Language, money

WORDS = {
    "nl": {
        "title": "Behoefterangschikking",
        "weights": "Gewichten",
        "youth": "jongeren",
        "general": "algemeen",
        "formula": (
            "score = {wy} × jeugdwerkloosheid / {my} % + {wg} × algemene werkloosheid / {mg} %\n"
            "(gedeeld door het gemiddelde over de gemeenten; de gemiddelde score is 1)"
        ),
        "rank": "Rang",
        "municipality": "Gemeente",
        "youth_rate": "Jongeren %",
        "general_rate": "Algemeen %",
        "population": "Bevolking",
        "score": "Score",
        "youth_rank": "Rang jongeren",
        "shift": "Verschuiving",
        "allocation": "Toewijzing",
        "budget": "Budget {amount}, verdeeld in verhouding tot de score{population}",
        "by_population": " × bevolking",
        "total": "Totaal",
        "legend": (
            "Jongeren % en Algemeen %: werkloosheidsgraad van de jongeren en van de hele "
            "beroepsbevolking.\nRang jongeren: de rang op jeugdwerkloosheid alleen.\nVerschuiving "
            "= rang jongeren − rang: ↑ stijgt, ↓ daalt zodra de algemene werkloosheid meetelt, "
            "= blijft.\nGelijke scores: alfabetisch."
        ),
    },
    "en": {
        "title": "Need ranking",
        "weights": "Weights",
        "youth": "youth",
        "general": "general",
        "formula": (
            "score = {wy} × youth unemployment / {my} % + {wg} × general unemployment / {mg} %\n"
            "(divided by the mean over the municipalities; the mean score is 1)"
        ),
        "rank": "Rank",
        "municipality": "Municipality",
        "youth_rate": "Youth %",
        "general_rate": "General %",
        "population": "Population",
        "score": "Score",
        "youth_rank": "Youth-only rank",
        "shift": "Shift",
        "allocation": "Allocation",
        "budget": "Budget {amount}, split in proportion to the score{population}",
        "by_population": " × population",
        "total": "Total",
        "legend": (
            "Youth % and General %: unemployment rate of young people and of the whole labour "
            "force.\nYouth-only rank: the rank on youth unemployment alone.\nShift = youth-only "
            "rank − rank: ↑ rises, ↓ falls once general unemployment counts, = unchanged.\n"
            "Equal scores: by name."
        ),
    },
}


def _number(value: Fraction | int, language: Language, pattern: str = "#,##0.###") -> str:
    exact = value if isinstance(value, int) else float(value)
    return format_decimal(exact, format=pattern, locale=BABEL_LOCALE[language])


def shift_label(shift: int) -> str:
    """`↑ 2` (rises two places), `↓ 1` (falls one place) or `=`."""
    if shift > 0:
        return f"↑ {shift}"
    if shift < 0:
        return f"↓ {-shift}"
    return "="


def rank_table(ranking: Ranking, language: Language = "nl") -> Group:
    words = WORDS[language]
    weights = ranking.weights
    parts: list[Text | Table] = [
        Text(words["title"], style="bold"),
        Text(
            f"{words['weights']}: {words['youth']} {_number(weights.youth, language)} · "
            f"{words['general']} {_number(weights.general, language)}",
            style="bold",
        ),
        Text(
            words["formula"].format(
                wy=_number(weights.youth, language),
                wg=_number(weights.general, language),
                my=_number(ranking.youth_mean, language, "#,##0.0##"),
                mg=_number(ranking.general_mean, language, "#,##0.0##"),
            )
        ),
    ]
    if ranking.budget_cents is not None:
        parts.append(
            Text(
                words["budget"].format(
                    amount=money(ranking.budget_cents, language),
                    population=words["by_population"] if ranking.by_population else "",
                )
            )
        )
    table = Table(title_justify="left")
    columns = [
        (words["rank"], "right"),
        (words["municipality"], "left"),
        (words["youth_rate"], "right"),
        (words["general_rate"], "right"),
    ]
    if ranking.by_population:
        columns.append((words["population"], "right"))
    columns += [
        (words["score"], "right"),
        (words["youth_rank"], "right"),
        (words["shift"], "center"),
    ]
    if ranking.budget_cents is not None:
        columns.append((words["allocation"], "right"))
    for header, justify in columns:
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for row in ranking.rows:
        cells = [
            str(row.rank),
            row.municipality,
            _number(row.youth_rate, language, "#,##0.0##"),
            _number(row.general_rate, language, "#,##0.0##"),
        ]
        if ranking.by_population:
            cells.append(_number(row.population or 0, language))
        cells += [
            _number(row.score, language, "0.000"),
            str(row.youth_rank),
            shift_label(row.shift),
        ]
        if row.allocation_cents is not None:
            cells.append(money(row.allocation_cents, language))
        table.add_row(*cells)
    if ranking.budget_cents is not None:
        total = sum(row.allocation_cents or 0 for row in ranking.rows)
        table.add_section()
        table.add_row(
            "",
            Text(words["total"], style="bold"),
            *[""] * (len(columns) - 3),
            money(total, language),
        )
    parts += [table, Text(words["legend"])]
    return Group(*parts)


def render_rank_table(ranking: Ranking, language: Language = "nl", width: int = 120) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        console.print(rank_table(ranking, language))
    return capture.get()

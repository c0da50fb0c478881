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
from klaverblad.messages import N_, words

WORDS = words(
    N_("rank_table.title"),
    N_("rank_table.weights"),
    N_("rank_table.youth"),
    N_("rank_table.general"),
    N_("rank_table.formula"),
    N_("rank_table.rank"),
    N_("rank_table.municipality"),
    N_("rank_table.youth_rate"),
    N_("rank_table.general_rate"),
    N_("rank_table.population"),
    N_("rank_table.score"),
    N_("rank_table.youth_rank"),
    N_("rank_table.shift"),
    N_("rank_table.allocation"),
    N_("rank_table.budget"),
    N_("rank_table.by_population"),
    N_("rank_table.total"),
    N_("rank_table.legend"),
)


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

"""The portfolio as JSON (`klaverblad.portfolio/1`), CSV (one row per initiative) and a table."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table

from klaverblad.advice.portfolio import SCHEMA, Figures, Portfolio, Summary
from klaverblad.locale import Language, money
from klaverblad.messages import N_, words
from klaverblad.model.money import format_cents
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.csv_cells import csv_writer
from klaverblad.report.funder_tables import funder_words


def _figures(figures: Figures) -> dict[str, str]:
    return {
        "costs": format_cents(figures.costs),
        "funding": format_cents(figures.funding),
        "gap": format_cents(figures.gap),
    }


def _scenario(summary: Summary) -> dict[str, Any]:
    return {
        "totals": _figures(summary.total),
        "leaves": {leaf: format_cents(summary.leaves[leaf]) for leaf in LEAVES},
        "funders": {funder: format_cents(c) for funder, c in sorted(summary.funders.items())},
        "years": [
            {"year": year, **_figures(figures)} for year, figures in sorted(summary.years.items())
        ],
        "funder_years": [
            {"funder": funder, "year": year, "amount": format_cents(cents)}
            for (funder, year), cents in sorted(summary.funder_years.items())
        ],
        "leaf_years": [
            {"leaf": leaf, "year": year, "amount": format_cents(cents)}
            for (leaf, year), cents in sorted(summary.leaf_years.items())
        ],
    }


def portfolio_to_dict(portfolio: Portfolio) -> dict[str, Any]:
    rows = []
    for initiative in portfolio.initiatives:
        row: dict[str, Any] = {
            "id": initiative.id,
            "name": initiative.name,
            "municipality": initiative.promoter.municipality,
            "baseline": _figures(portfolio.baseline.initiatives[initiative.id]),
        }
        if portfolio.reform is not None:
            row["reform"] = _figures(portfolio.reform.initiatives[initiative.id])
            row["funding_change"] = format_cents(portfolio.change(initiative.id))
        rows.append(row)
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "rules": {"version": portfolio.rules_version, "reforms": list(portfolio.reforms)},
        "initiatives": rows,
        "baseline": _scenario(portfolio.baseline),
        "reform": None if portfolio.reform is None else _scenario(portfolio.reform),
    }
    if portfolio.reform is not None:
        document["difference"] = {
            "funding": format_cents(
                portfolio.reform.total.funding - portfolio.baseline.total.funding
            ),
            "gap": format_cents(portfolio.reform.total.gap - portfolio.baseline.total.gap),
            # Added in step 9 (issue #13, part 3): who pays more and who pays less.
            "funders": {
                funder: format_cents(cents) for funder, cents in portfolio.funder_changes().items()
            },
            "gaining": portfolio.gaining(),
            "losing": portfolio.losing(),
        }
    return document


def portfolio_to_csv(portfolio: Portfolio) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    header = ["id", "name", "municipality", "costs", "funding", "gap"]
    if portfolio.reform is not None:
        header += ["reform_funding", "reform_gap", "funding_change"]
    writer.writerow(header)
    for initiative in portfolio.initiatives:
        base = portfolio.baseline.initiatives[initiative.id]
        row = [
            initiative.id,
            initiative.name,
            initiative.promoter.municipality,
            format_cents(base.costs),
            format_cents(base.funding),
            format_cents(base.gap),
        ]
        if portfolio.reform is not None:
            reformed = portfolio.reform.initiatives[initiative.id]
            row += [
                format_cents(reformed.funding),
                format_cents(reformed.gap),
                format_cents(portfolio.change(initiative.id)),
            ]
        writer.writerow(row)
    return buffer.getvalue()


WORDS = words(
    N_("portfolio_output.initiatives"),
    N_("portfolio_output.initiative"),
    N_("portfolio_output.municipality"),
    N_("portfolio_output.costs"),
    N_("portfolio_output.funding"),
    N_("portfolio_output.gap"),
    N_("portfolio_output.reform"),
    N_("portfolio_output.change"),
    N_("portfolio_output.funders"),
    N_("portfolio_output.funder"),
    N_("portfolio_output.leaves"),
    N_("portfolio_output.leaf"),
    N_("portfolio_output.years"),
    N_("portfolio_output.year"),
    N_("portfolio_output.total"),
    N_("portfolio_output.gaining"),
    N_("portfolio_output.losing"),
    N_("portfolio_output.baseline"),
)


def render_portfolio(portfolio: Portfolio, language: Language = "nl", width: int = 130) -> str:
    words = WORDS[language]
    reform = portfolio.reform
    console = Console(width=width, record=True, force_terminal=False, color_system=None)

    def eur(cents: int) -> str:
        return money(cents, language)

    with console.capture() as capture:
        table = Table(title=words["initiatives"], title_justify="left")
        for header in (
            words["initiative"],
            words["municipality"],
            words["costs"],
            words["funding"],
            words["gap"],
        ):
            table.add_column(
                header,
                justify="left"
                if header in (words["initiative"], words["municipality"])
                else "right",
            )
        if reform is not None:
            table.add_column(f"{words['reform']}: {words['funding']}", justify="right")
            table.add_column(words["change"], justify="right")
        for initiative in portfolio.initiatives:
            base = portfolio.baseline.initiatives[initiative.id]
            row = [
                initiative.id,
                initiative.promoter.municipality,
                eur(base.costs),
                eur(base.funding),
                eur(base.gap),
            ]
            if reform is not None:
                row += [
                    eur(reform.initiatives[initiative.id].funding),
                    eur(portfolio.change(initiative.id)),
                ]
            table.add_row(*row)
        total = portfolio.baseline.total
        row = [words["total"], "", eur(total.costs), eur(total.funding), eur(total.gap)]
        if reform is not None:
            row += [eur(reform.total.funding), eur(reform.total.funding - total.funding)]
        table.add_row(*row)
        console.print(table)
        for title, key_words, base_values, reform_values, shown in (
            (
                words["leaves"],
                words["leaf"],
                portfolio.baseline.leaves,
                reform.leaves if reform else None,
                str,
            ),
            (
                words["funders"],
                words["funder"],
                portfolio.baseline.funders,
                reform.funders if reform else None,
                # A client group pays as a funder: its words, not its code.
                lambda funder: funder_words(funder, language),
            ),
        ):
            table = Table(title=title, title_justify="left")
            table.add_column(key_words)
            table.add_column(words["baseline"] if reform else words["funding"], justify="right")
            if reform_values is not None:
                table.add_column(words["reform"], justify="right")
                table.add_column(words["change"], justify="right")
            for key in sorted(set(base_values) | set(reform_values or {})):
                base_cents = base_values.get(key, 0)
                row = [shown(key), eur(base_cents)]
                if reform_values is not None:
                    reform_cents = reform_values.get(key, 0)
                    row += [eur(reform_cents), eur(reform_cents - base_cents)]
                table.add_row(*row)
            console.print(table)
        table = Table(title=words["years"], title_justify="left")
        for header in (words["year"], words["costs"], words["funding"], words["gap"]):
            table.add_column(header, justify="right")
        for year, figures in sorted(portfolio.baseline.years.items()):
            table.add_row(str(year), eur(figures.costs), eur(figures.funding), eur(figures.gap))
        console.print(table)
        if reform is not None:
            console.print(f"{words['gaining']}: {', '.join(portfolio.gaining()) or '—'}")
            console.print(f"{words['losing']}: {', '.join(portfolio.losing()) or '—'}")
    return capture.get()

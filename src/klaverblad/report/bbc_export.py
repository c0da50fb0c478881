"""The multi-year plan of a municipality (`advice/multi_year_plan.py`) as JSON
(`klaverblad.multi-year-plan/1`), CSV (one row per mapping row, a column per year) and a text
table. The workbook is `bbc_xlsx.py`; the words are `bbc_words.py`; the sources of the codes
`bbc_sources.py`."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table

from klaverblad.advice.multi_year_plan import (
    PERIOD_MONTHS,
    PERIOD_START,
    SCHEMA,
    YEARS,
    MultiYearPlan,
    Row,
)
from klaverblad.locale import Language, money
from klaverblad.messages import text
from klaverblad.model.money import format_cents
from klaverblad.report.bbc_mapping import MAPPING, Code
from klaverblad.report.bbc_sources import (
    Sources,
    cell_text,
    choices,
    row_codes,
    sector,
    source_lines,
)
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.csv_cells import csv_writer
from klaverblad.report.funder_tables import funder_words
from klaverblad.report.plan_table import LEAF_NAMES

DIRECTIONS = ("received", "paid")


def code_text(code: Code | None, language: Language) -> str:
    """A beleidsveld or account as words: `0904 Activering van tewerkstelling`, or its name and
    "to be chosen by the financial service" when no source gives the code."""
    if code is None:
        return ""
    to_choose = WORDS[language]["to_choose"]
    if code.code is None:
        return f"{code.name_nl} ({to_choose})" if code.name_nl else to_choose
    return f"{code.code} {code.name_nl or ''}".strip()


def totals(plan: MultiYearPlan) -> dict[str, dict[int, int]]:
    """Per year: received, paid, internal, outside and the sum of the plan lines."""
    return {
        "received": {y: plan.year_total(y, "received") for y in YEARS},
        "paid": {y: plan.year_total(y, "paid") for y in YEARS},
        "internal": plan.internal,
        "outside": plan.outside,
        "plan_lines": plan.plan_totals,
    }


def total_labels(language: Language) -> dict[str, str]:
    """The words of `totals`' keys, for every output's reconciliation table."""
    words = WORDS[language]
    return {
        "received": words["direction_received"],
        "paid": words["direction_paid"],
        "internal": words["internal"],
        "outside": words["outside"],
        "plan_lines": words["plan_total"],
    }


def _code(code: Code | None) -> dict[str, Any] | None:
    if code is None:
        return None
    return {"code": code.code, "name": code.name_nl, "source": code.source}


def _years(cents: dict[int, int]) -> dict[str, str]:
    return {str(year): format_cents(cents[year]) for year in YEARS}


def multi_year_to_dict(plan: MultiYearPlan) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "municipality": plan.municipality,
        "period": {"start": PERIOD_START, "months": PERIOD_MONTHS, "years": list(YEARS)},
        "horizon_note": text("multi_year.horizon_note", "en"),
        "rules": {"version": plan.rules_version},
        "initiatives": [
            {
                "id": i.id,
                "name": i.name,
                "legal_form": i.promoter.legal_form,
            }
            for i in plan.initiatives
        ],
        "rows": [
            {
                "direction": row.entry.direction,
                "entry": row.entry.id,
                "beleidsveld": _code(row.entry.beleidsveld),
                "account": _code(row.entry.account),
                "economic_sector": _code(sector(row)),
                "funder": row.funder,
                "leaf": row.leaf,
                "years": _years(row.cents),
                "total": format_cents(row.total),
                "initiatives": sorted(row.initiatives),
                "grade": row.entry.grade,
            }
            for row in plan.rows
        ],
        "totals": {key: _years(cents) for key, cents in totals(plan).items()},
        "left_out": {"other_municipalities": plan.other_municipalities},
        "unknown": [
            {"initiative": initiative, "measure": measure, "year": year}
            for initiative, measure, year in plan.unknown
        ],
        "sources": {
            key: {"url": s.url, "title": s.title, "grade": s.grade}
            for key, s in MAPPING.sources.items()
        },
    }


CSV_HEADER = [
    "direction",
    "entry",
    "beleidsveld",
    "beleidsveld_name",
    "account",
    "account_name",
    "economic_sector",
    "funder",
    "leaf",
    *(str(year) for year in YEARS),
    "total",
    "initiatives",
    "grade",
]


def multi_year_to_csv(plan: MultiYearPlan, language: Language | None = "nl") -> str:
    """One row per mapping row (`;` and decimal commas in the Dutch style), then one row each
    for the money left out (internal, outside) and the sum of the plan lines, which the rows
    above reconcile with year by year."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, language)
    writer.writerow(CSV_HEADER)
    for row in plan.rows:
        entry = row.entry
        found = sector(row)
        writer.writerow(
            [
                entry.direction,
                entry.id,
                entry.beleidsveld.code or "",
                entry.beleidsveld.name_nl or "",
                entry.account.code or "",
                entry.account.name_nl or "",
                found.code if found else "",
                row.funder,
                row.leaf,
                *(format_cents(row.cents[year]) for year in YEARS),
                format_cents(row.total),
                " ".join(sorted(row.initiatives)),
                entry.grade,
            ]
        )
    for key in ("internal", "outside", "plan_lines"):
        cents = totals(plan)[key]
        writer.writerow(
            [
                key,
                *([""] * 8),
                *(format_cents(cents[y]) for y in YEARS),
                format_cents(sum(cents.values())),
                "",
                "",
            ]
        )
    return buffer.getvalue()


def row_cells(row: Row, language: Language) -> list[str]:
    """The words of a row before its amounts: direction, beleidsveld, account, sector, funder,
    leaf."""
    words = WORDS[language]
    found = sector(row)
    return [
        words[f"direction_{row.entry.direction}"],
        code_text(row.entry.beleidsveld, language),
        code_text(row.entry.account, language),
        f"{found.code} {found.name_nl}" if found else "",
        funder_words(row.funder, language),
        LEAF_NAMES[language][row.leaf],
    ]


def notes(plan: MultiYearPlan, language: Language) -> list[str]:
    """The notes every output shows under the table."""
    words = WORDS[language]
    lines = [words["horizon_note"], words["reconciliation"], words["mapping_note"]]
    if plan.other_municipalities:
        key = (
            "other_municipalities_one" if plan.other_municipalities == 1 else "other_municipalities"
        )
        lines.append(words[key].format(count=plan.other_municipalities))
    if plan.unknown:
        items = ", ".join(f"{i} {m} {y}" for i, m, y in plan.unknown)
        lines.append(words["unknown_amounts"].format(items=items))
    return lines


def render_multi_year(plan: MultiYearPlan, language: Language = "nl", width: int = 200) -> str:
    words = WORDS[language]
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        table = Table(title=words["title"].format(name=plan.municipality), title_justify="left")
        for header in ("direction", "beleidsveld", "account", "sector", "funder", "leaf"):
            table.add_column(words[header])
        for year in YEARS:
            table.add_column(str(year), justify="right")
        table.add_column(words["total"], justify="right")
        # The codes with the number of their source, listed under the notes.
        sources = Sources(language)
        for row, codes in zip(plan.rows, row_codes(plan, sources), strict=True):
            cells = row_cells(row, language)
            cells[1:4] = [cell_text(code, language) for code in codes]
            amounts = [money(row.cents[y], language) for y in YEARS]
            table.add_row(*cells, *amounts, money(row.total, language))
        console.print(table)
        summary = Table(title=words["summary"], title_justify="left")
        summary.add_column("")
        for year in YEARS:
            summary.add_column(str(year), justify="right")
        labels = total_labels(language)
        for key, cents in totals(plan).items():
            summary.add_row(labels[key], *(money(cents[y], language) for y in YEARS))
        console.print(summary)
        lines = notes(plan, language) + source_lines(
            sources.items(), choices(plan, language), language
        )
        for line in lines:
            console.print(line, markup=False, highlight=False)
    return capture.get()

"""The cash flow (`plan.cashflow`) as the `klaverblad.cashflow/1` JSON document, as CSV and as
text tables (docs/cashflow.md). Amounts are money strings in the JSON and the CSV (CONTRACT
style), nl-BE or English in the tables (`locale.money`)."""

from __future__ import annotations

import io
from typing import Any

from klaverblad.locale import Language, money, month_name
from klaverblad.messages import N_, words
from klaverblad.model.money import format_cents
from klaverblad.model.months import month_label
from klaverblad.plan.cashflow import Cashflow
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.csv_cells import csv_writer

SCHEMA = "klaverblad.cashflow/1"
WORDS = words(
    N_("cashflow.title"),
    N_("cashflow.month"),
    N_("cashflow.costs"),
    N_("cashflow.received"),
    N_("cashflow.balance"),
    N_("cashflow.opening"),
    N_("cashflow.lowest"),
    N_("cashflow.prefinancing"),
    N_("cashflow.final"),
    N_("cashflow.unknown"),
    N_("cashflow.costs_assumption"),
    N_("cashflow.not_computable"),
    N_("cashflow.timings_title"),
    N_("cashflow.measure"),
    N_("cashflow.component"),
    N_("cashflow.timing"),
    N_("cashflow.grade"),
    N_("cashflow.amount"),
    N_("cashflow.after_horizon"),
)
CSV_COLUMNS = (
    "month",
    "in_horizon",
    "costs",
    "received",
    *(f"leaf_{leaf}" for leaf in LEAVES),
    "balance",
)


def cashflow_notes(flow: Cashflow, language: Language) -> list[str]:
    """The summary's sentences: the assumptions, the unknown payment moments, the lines the
    plan could not compute."""
    w = WORDS[language]
    notes = [w["costs_assumption"]]
    if flow.unknown_timings:
        notes.append(w["unknown"].format(count=flow.unknown_timings))
    if flow.not_computable_lines:
        notes.append(w["not_computable"].format(count=flow.not_computable_lines))
    return notes


def cashflow_to_dict(flow: Cashflow, language: Language = "nl") -> dict[str, Any]:
    """The `klaverblad.cashflow/1` document: the months, the summary, the notes (in `language`)
    and the timing of every component that brought money, with its source and grade."""
    last = flow.first_month + flow.horizon_months - 1
    return {
        "schema": SCHEMA,
        "initiative": flow.initiative,
        "start": month_label(flow.first_month),
        "horizon_months": flow.horizon_months,
        "cash": {
            "opening_balance": format_cents(flow.opening_cents),
            "invoice_payment_days": flow.invoice_payment_days,
        },
        "months": [
            {
                "month": month_label(item.month),
                "in_horizon": item.month <= last,
                "costs": format_cents(item.costs_cents),
                "received": format_cents(item.received_cents),
                "received_by_leaf": {leaf: format_cents(c) for leaf, c in item.leaves.items()},
                "received_by_funder": {name: format_cents(c) for name, c in item.funders.items()},
                "balance": format_cents(item.balance_cents),
            }
            for item in flow.months
        ],
        "summary": {
            "opening_balance": format_cents(flow.opening_cents),
            "lowest_month": month_label(flow.lowest_month),
            "lowest_balance": format_cents(flow.lowest_balance_cents),
            "prefinancing_needed": format_cents(flow.prefinancing_cents),
            "saldo": format_cents(flow.saldo_cents),
            "final_balance": format_cents(flow.final_balance_cents),
            "last_payment_month": month_label(flow.months[-1].month),
            "unknown_timings": flow.unknown_timings,
            "not_computable_lines": flow.not_computable_lines,
        },
        "notes": cashflow_notes(flow, language),
        "timings": [
            {
                "measure": item.measure,
                "component": item.component,
                "rhythm": item.timing.rhythm,
                "delay_months": item.timing.delay_months,
                "timing_known": item.timing.timing_known,
                "label": item.timing.label_nl if language == "nl" else item.timing.label_en,
                "reference": item.timing.reference,
                "grade": item.timing.grade,
                "note": item.timing.note,
                "received": format_cents(item.received_cents),
            }
            for item in flow.components
        ],
    }


def cashflow_csv(flow: Cashflow) -> str:
    """One row per month (contract style: a decimal point, `,` between fields)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    last = flow.first_month + flow.horizon_months - 1
    for item in flow.months:
        writer.writerow(
            [
                month_label(item.month),
                "true" if item.month <= last else "false",
                format_cents(item.costs_cents),
                format_cents(item.received_cents),
                *(format_cents(item.leaves[leaf]) for leaf in LEAVES),
                format_cents(item.balance_cents),
            ]
        )
    return buffer.getvalue()


def render_cashflow(
    flow: Cashflow, language: Language, measure_name: Any = None, width: int = 120
) -> str:
    """The months as a text table, the summary below it, then the timing of each component;
    `measure_name(measure, language)` names a measure (its code when None)."""
    from rich.console import Console
    from rich.table import Table

    w = WORDS[language]
    last = flow.first_month + flow.horizon_months - 1
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        table = Table(title=w["title"], title_justify="left")
        table.add_column(w["month"])
        for header in (w["costs"], w["received"], w["balance"]):
            table.add_column(header, justify="right")
        for item in flow.months:
            shown = month_name(item.month, language)
            if item.month > last:
                shown += f" ({w['after_horizon']})"
            table.add_row(
                shown,
                money(item.costs_cents, language),
                money(item.received_cents, language),
                money(item.balance_cents, language),
            )
        console.print(table)
        console.print(w["opening"].format(amount=money(flow.opening_cents, language)))
        console.print(
            w["lowest"].format(
                amount=money(flow.lowest_balance_cents, language),
                month=month_name(flow.lowest_month, language),
            )
        )
        console.print(w["prefinancing"].format(amount=money(flow.prefinancing_cents, language)))
        console.print(
            w["final"].format(
                amount=money(flow.final_balance_cents, language),
                saldo=money(flow.saldo_cents, language),
            )
        )
        for note in cashflow_notes(flow, language):
            console.print(note)
        timings = Table(title=w["timings_title"], title_justify="left")
        for header in ("measure", "component", "timing", "grade"):
            timings.add_column(w[header])
        timings.add_column(w["amount"], justify="right")
        for component in flow.components:
            timing = component.timing
            timings.add_row(
                measure_name(component.measure, language) if measure_name else component.measure,
                component.component,
                timing.label_nl if language == "nl" else timing.label_en,
                timing.grade,
                money(component.received_cents, language),
            )
        console.print(timings)
    return capture.get()

"""What the cash-flow page of a plan shows (docs/cashflow.md, "Web"): the headline (the
pre-financing needed and the lowest month), the summary, the chart, the month-by-month table
(and its CSV), the payment timing of every component with its source and grade, and the small
form that tries other payment terms without changing the plan.

The form's two fields are read as the page's language writes numbers (`typed_numbers`): the
cash at the start (`beginsaldo`, money) and the days clients take to pay an invoice (`dagen`,
0..365). A field left empty keeps the plan's own value (its `cash:` block, or no cash and 30
days). Bad input names the field, keeps what was typed and shows the plan's own cash flow.

>>> read_cash_form({"beginsaldo": "5.000", "dagen": "60"}, "nl", Cash()).cash
Cash(opening_balance=Decimal('5000'), invoice_payment_days=60)
>>> read_cash_form({"dagen": "zestig"}, "nl", Cash()).errors[0]["field"]
'dagen'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup
from pydantic import ValidationError

from klaverblad.locale import Language, money, month_name, number
from klaverblad.model.initiative import Cash
from klaverblad.model.money import cents_to_decimal, format_cents
from klaverblad.model.months import month_label
from klaverblad.plan.cashflow import Cashflow, compute_cashflow
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.cashflow_chart import cashflow_chart, cashflow_svg
from klaverblad.report.cashflow_output import WORDS as REPORT_WORDS
from klaverblad.report.cashflow_output import cashflow_notes
from klaverblad.report.funder_tables import component_words, measure_words
from klaverblad.rules.payment_timing import UNKNOWN
from klaverblad.typed_numbers import TypedNumberError, read_typed
from klaverblad.web.views.csv_download import csv_text
from klaverblad.web.views.references import Reference
from klaverblad.web.words.cashflow import CASHFLOW_PAGE_WORDS
from klaverblad.web.words.common import WORDS as COMMON_WORDS

OPENING_FIELD, DAYS_FIELD = "beginsaldo", "dagen"
FIELDS = (OPENING_FIELD, DAYS_FIELD)
MAX_DAYS = 365
# The words of a `payment.yaml` reference that says no source was found.
NO_SOURCE = "none found"


@dataclass(frozen=True)
class CashForm:
    """The form as read: the terms to compute with (`cash`, None: the plan's own), what was
    typed per field, and one error per bad field (`field`, `label`, `message`)."""

    cash: Cash | None
    values: dict[str, str] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    def error(self, name: str) -> str:
        return next((e["message"] for e in self.errors if e["field"] == name), "")


def _days(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned.isdigit() or len(cleaned) > 3 or int(cleaned) > MAX_DAYS:
        return None
    return int(cleaned)


def read_cash_form(values: Mapping[str, Any], language: Language, own: Cash) -> CashForm:
    """The form's fields in `values` (the query or the posted form) over the plan's `own`
    terms; a field left out or empty keeps its own value."""
    words = CASHFLOW_PAGE_WORDS[language]
    typed = {
        name: value.strip()[:100]
        for name in FIELDS
        if isinstance(value := values.get(name), str) and value.strip()
    }
    if not typed:
        return CashForm(None)
    errors: list[dict[str, str]] = []
    opening, days = own.opening_balance, own.invoice_payment_days
    if OPENING_FIELD in typed:
        try:
            opening = read_typed(typed[OPENING_FIELD], language, "money")
        except TypedNumberError as error:
            errors.append(_error(OPENING_FIELD, words["opening_label"], error.message))
    if DAYS_FIELD in typed:
        read = _days(typed[DAYS_FIELD])
        if read is None:
            errors.append(_error(DAYS_FIELD, words["days_label"], words["days_invalid"]))
        else:
            days = read
    if errors:
        return CashForm(None, typed, errors)
    try:
        cash = Cash(opening_balance=opening, invoice_payment_days=days)
    except ValidationError:
        message = words["opening_invalid"]
        return CashForm(None, typed, [_error(OPENING_FIELD, words["opening_label"], message)])
    return CashForm(cash, typed)


def _error(name: str, label: str, message: str) -> dict[str, str]:
    return {"field": name, "label": label, "message": message, "href": f"#veld-{name}"}


def cashflow_of(plan: FinancingPlan, cash: Cash | None) -> Cashflow:
    """The cash flow of `plan`, with `cash` instead of its file's terms when given (the plan
    itself does not depend on them)."""
    if cash is None:
        return compute_cashflow(plan)
    initiative = plan.initiative.model_copy(update={"cash": cash})
    return compute_cashflow(replace(plan, initiative=initiative))


def _references(text: str, rhythm: str, language: Language) -> list[Reference]:
    """A timing's `reference` as the page shows it: each web address a link (named by its
    site), other citations as text; "none found" and the file's own terms in words."""
    words = CASHFLOW_PAGE_WORDS[language]
    if rhythm == "client_terms":
        return [Reference(words["own_terms"])]
    found = []
    for part in (piece.strip() for piece in text.split(" ; ")):
        if not part or part == "none":
            continue
        if part.startswith(NO_SOURCE):
            found.append(Reference(words["no_source"]))
        elif part.startswith(("https://", "http://")):
            site = part.split("/")[2].removeprefix("www.")
            found.append(Reference(site, part))
        else:
            found.append(Reference(part))
    return found or [Reference(words["no_source"])]


def timing_rows(plan: FinancingPlan, flow: Cashflow, language: Language) -> list[dict[str, Any]]:
    """One row per (measure, component) that brought money: the measure and the component in
    words, the rhythm in words, the timing's own label, its sources and its grade."""
    words, common = CASHFLOW_PAGE_WORDS[language], COMMON_WORDS[language]
    rows = []
    for item in flow.components:
        timing = item.timing
        rhythm = words[f"rhythm_{timing.rhythm}"]
        if timing.delay_months:
            rhythm += ", " + words["delay"].format(months=timing.delay_months)
        label = timing.label_nl if language == "nl" else timing.label_en
        generic = UNKNOWN.label_nl if language == "nl" else UNKNOWN.label_en
        rows.append(
            {
                "measure": measure_words(plan, item.measure, language),
                "component": component_words(item.component, language),
                "rhythm": rhythm,
                # An unknown moment is marked; its own words only when they say more.
                "label": "" if label == generic else label,
                "known": timing.timing_known,
                "sources": _references(timing.reference, timing.rhythm, language),
                "grade": timing.grade,
                "grade_words": common[f"grade_{timing.grade}"],
                "amount": money(item.received_cents, language),
            }
        )
    return rows


def month_rows(flow: Cashflow, language: Language) -> list[dict[str, Any]]:
    last = flow.first_month + flow.horizon_months - 1
    return [
        {
            "month": month_name(item.month, language),
            "label": month_label(item.month),
            "after": item.month > last,
            "costs": money(item.costs_cents, language),
            "received": money(item.received_cents, language),
            "balance": money(item.balance_cents, language),
            "balance_cents": item.balance_cents,
            "lowest": item.month == flow.lowest_month,
        }
        for item in flow.months
    ]


def cashflow_csv_text(flow: Cashflow, language: Language) -> str:
    """The month-by-month table as CSV in the page's style (`views/csv_download.py`): the
    month as YYYY-MM, whether it is within the horizon, costs, received and the balance."""
    report, words = REPORT_WORDS[language], CASHFLOW_PAGE_WORDS[language]
    header = (
        report["month"],
        words["in_horizon"],
        report["costs"],
        report["received"],
        report["balance"],
    )
    last = flow.first_month + flow.horizon_months - 1

    def amount(cents: int) -> object:
        return cents_to_decimal(cents) if language == "nl" else format_cents(cents)

    rows = [
        (
            month_label(item.month),
            words["yes"] if item.month <= last else words["no"],
            amount(item.costs_cents),
            amount(item.received_cents),
            amount(item.balance_cents),
        )
        for item in flow.months
    ]
    return csv_text(header, rows, language)


def cashflow_context(
    plan: FinancingPlan, flow: Cashflow, form: CashForm, language: Language
) -> dict[str, Any]:
    """Everything cashflow.html shows of `flow` but its links."""
    words = CASHFLOW_PAGE_WORDS[language]
    lowest = money(flow.lowest_balance_cents, language)
    month = month_name(flow.lowest_month, language)
    if flow.prefinancing_cents:
        headline = words["headline_prefinance"].format(
            amount=money(flow.prefinancing_cents, language), balance=lowest, month=month
        )
    else:
        headline = words["headline_none"].format(balance=lowest, month=month)
    # What the fields show: what was typed, else the values computed with.
    shown = {
        OPENING_FIELD: form.values.get(OPENING_FIELD)
        or number(cents_to_decimal(flow.opening_cents), language),
        DAYS_FIELD: form.values.get(DAYS_FIELD) or str(flow.invoice_payment_days),
    }
    what_if = ""
    if form.cash is not None:
        what_if = words["what_if"].format(
            opening=money(flow.opening_cents, language), days=flow.invoice_payment_days
        )
    return {
        "initiative": plan.initiative,
        "headline": headline,
        "prefinancing_cents": flow.prefinancing_cents,
        "summary": [
            (words["opening"], money(flow.opening_cents, language)),
            (words["lowest"], lowest),
            (words["lowest_month"], month),
            (words["prefinancing"], money(flow.prefinancing_cents, language)),
            (words["saldo"], money(flow.saldo_cents, language)),
            (words["final"], money(flow.final_balance_cents, language)),
        ],
        "notes": cashflow_notes(flow, language),
        "chart": Markup(cashflow_svg(cashflow_chart(flow, words, language))),
        "months": month_rows(flow, language),
        "timings": timing_rows(plan, flow, language),
        "form": form,
        "form_values": shown,
        "fields": {"opening": OPENING_FIELD, "days": DAYS_FIELD},
        "what_if": what_if,
        "cw": words,
        "rw": REPORT_WORDS[language],
    }

"""The case library: every example initiative of `examples/` (the two cases of the 2006
report's section 5 first), with its promoter, period, what it shows, its headline figures
(funding per leaf, costs, gap, computed with `compute_plan`) in a table with its CSV, and
links to its plan, its files, the wizard and the comparison.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from klaverblad.locale import Language, money
from klaverblad.model.money import format_cents
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.page_errors import http_error_page
from klaverblad.web.render import render
from klaverblad.web.routes.plans import Example, examples
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.views.csv_download import csv_response
from klaverblad.web.views.plan import horizon
from klaverblad.web.words.cases import WORDS
from klaverblad.web.words.common import WORDS as COMMON

# The two cases of section 5 of the 2006 report (examples/README.md), shown first.
REPORT_CASES = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")
CASE_CSV = ("/voorbeelden/{example}.csv", "/en/examples/{example}.csv")
CSV_COLUMNS = ("example", "figure", "amount")
EXPORT_FORMATS = ("pdf", "xlsx", "yaml")


@dataclass(frozen=True)
class Totals:
    """A plan's headline figures in cents: funding per leaf, funding, costs, gap."""

    leaves: dict[str, int]
    funding: int
    costs: int
    gap: int


@dataclass(frozen=True)
class Figure:
    key: str  # the CSV's name of the figure
    label: str
    amount: str


@dataclass(frozen=True)
class Case:
    key: str
    name: str
    promoter: str
    legal_form: str
    municipality: str
    period: str
    shows: str
    from_report: bool
    figures: tuple[Figure, ...]
    gap_label: str
    gap_amount: str
    gap_cents: int
    plan_url: str
    files: tuple[tuple[str, str], ...]  # (label, address)
    wizard_url: str
    compare_url: str
    csv_url: str


@functools.cache
def case_totals(key: str) -> Totals:
    """The headline figures of example `key`, planned over its own horizon (once per process)."""
    plan = compute_plan(examples()[key].initiative)
    return Totals(
        leaves={leaf: plan.leaves.get(leaf, 0) for leaf in LEAVES},
        funding=plan.totals.funding_cents,
        costs=plan.totals.costs_cents,
        gap=plan.totals.gap_cents,
    )


def ordered_examples() -> list[Example]:
    """The report's cases first, then the others in file-name order."""
    found = examples()
    first = [found[key] for key in REPORT_CASES if key in found]
    return first + [example for key, example in found.items() if key not in REPORT_CASES]


def _gap_label(cents: int, language: Language) -> str:
    key = "shortfall" if cents > 0 else "surplus" if cents < 0 else "balanced"
    return COMMON[language][key]


def _case(example: Example, language: Language) -> Case:
    words = WORDS[language]
    initiative = example.initiative
    totals = case_totals(example.key)
    figures = [
        Figure(
            f"leaf_{leaf}",
            words["funding_leaf"].format(name=LEAF_NAMES[language][leaf]),
            money(totals.leaves[leaf], language),
        )
        for leaf in LEAVES
    ]
    figures += [
        Figure("funding", words["funding"], money(totals.funding, language)),
        Figure("costs", words["costs"], money(totals.costs, language)),
    ]
    return Case(
        key=example.key,
        name=initiative.name,
        promoter=initiative.promoter.name,
        legal_form=initiative.promoter.legal_form,
        municipality=initiative.promoter.municipality,
        period=horizon(initiative, language),
        shows=words.get(f"shows_{example.key}", ""),
        from_report=example.key in REPORT_CASES,
        figures=tuple(figures),
        gap_label=_gap_label(totals.gap, language),
        gap_amount=money(abs(totals.gap), language),
        gap_cents=totals.gap,
        plan_url=url("example", language, example=example.key),
        files=tuple(
            (
                words[f"file_{fmt}"],
                url("example_export", language, example=example.key, fmt=fmt),
            )
            for fmt in EXPORT_FORMATS
        ),
        wizard_url=url("wizard", language) + "?example=" + example.key,
        compare_url=url("compare", language) + "?example=" + example.key,
        csv_url=CASE_CSV[0 if language == "nl" else 1].format(example=example.key),
    )


def cases_page(request: Request) -> HTMLResponse:
    language = language_of(request)
    return render(
        request,
        "cases.html",
        switch_url=url("cases", other(language)),
        words=WORDS,
        cases=[_case(example, language) for example in ordered_examples()],
    )


def case_csv(request: Request, example: str) -> Response:
    """The headline figures of one example; the gap is costs − funding (positive: a
    shortfall), amounts with a decimal point as in the plan's CSV."""
    if example not in examples():
        return http_error_page(request, 404)
    totals = case_totals(example)
    rows = [(example, f"leaf_{leaf}", format_cents(totals.leaves[leaf])) for leaf in LEAVES]
    rows += [
        (example, "funding", format_cents(totals.funding)),
        (example, "costs", format_cents(totals.costs)),
        (example, "gap", format_cents(totals.gap)),
    ]
    return csv_response(CSV_COLUMNS, rows, f"{example}-figures.csv")


def cases_router() -> APIRouter:
    """The case library and the CSV of each case's figures, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "cases", cases_page)
    add_route(router, CASE_CSV, case_csv)
    return router

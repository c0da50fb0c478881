"""The multi-year plan per municipality (docs/multi-year-plan.md): its own page, its section on
the portfolio page (`_portfolio_multi_year.html`, which reads the globals registered here) and
the XLSX and CSV downloads of one municipality.

Whose initiatives: those of the portfolio page (`routes/portfolio.py`): the examples for an
anonymous visitor, else the saved initiatives the user may read. No personal data is shown:
amounts per funder and leaf only.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from klaverblad.advice.multi_year_plan import (
    MultiYearPlan,
    UnknownMunicipalityError,
    compute_multi_year_plan,
)
from klaverblad.report.bbc_export import multi_year_to_csv
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.bbc_xlsx import multi_year_xlsx
from klaverblad.web.render import TEMPLATES, render
from klaverblad.web.routes.portfolio import _source
from klaverblad.web.urls import add_route, language_of, other, url
from klaverblad.web.views.multi_year_plan import (
    CSV_PATHS,
    MUNICIPALITY_FIELD,
    PAGE_PATHS,
    XLSX_PATHS,
    path,
    portfolio_sections,
    sections,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What the portfolio page's include reads (it cannot be given them by the portfolio route).
TEMPLATES.env.globals["multi_year_words"] = WORDS
TEMPLATES.env.globals["multi_year_sections"] = portfolio_sections
TEMPLATES.env.globals["multi_year_page"] = lambda language: path(PAGE_PATHS, language)


def multi_year_page(request: Request) -> Response:
    language = language_of(request)
    words = WORDS[language]
    chosen = (request.query_params.get(MUNICIPALITY_FIELD) or "").strip()
    source = _source(request, "")
    found = sections(source.initiatives, language, chosen)
    error = words["unknown_municipality"].format(name=chosen) if chosen and not found else ""
    query = request.url.query
    switch = path(PAGE_PATHS, other(language))
    return render(
        request,
        "multi_year_plan.html",
        switch_url=f"{switch}?{query}" if query else switch,
        words=WORDS,
        status_code=404 if error else 200,
        sections=found,
        error=error,
        portfolio_url=url("portfolio", language),
    )


def _plan(request: Request) -> MultiYearPlan | None:
    """The plan of the `municipality` asked for, or None (none asked, or not in the portfolio:
    the page then says so)."""
    chosen = (request.query_params.get(MUNICIPALITY_FIELD) or "").strip()
    if not chosen:
        return None
    try:
        return compute_multi_year_plan(_source(request, "").initiatives, chosen)
    except UnknownMunicipalityError:
        return None


def _filename(name: str, suffix: str) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-") or "gemeente"
    return f"meerjarenplan-{safe}.{suffix}"


def multi_year_xlsx_download(request: Request) -> Response:
    plan = _plan(request)
    if plan is None:
        return multi_year_page(request)
    return Response(
        multi_year_xlsx(plan, language_of(request)),
        media_type=XLSX_TYPE,
        headers={
            "content-disposition": f'attachment; filename="{_filename(plan.municipality, "xlsx")}"'
        },
    )


def multi_year_csv_download(request: Request) -> Response:
    plan = _plan(request)
    if plan is None:
        return multi_year_page(request)
    return Response(
        multi_year_to_csv(plan, language_of(request)),
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="{_filename(plan.municipality, "csv")}"'
        },
    )


def multi_year_router() -> APIRouter:
    """The page and its downloads, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_route(router, PAGE_PATHS, multi_year_page)
    add_route(router, XLSX_PATHS, multi_year_xlsx_download)
    add_route(router, CSV_PATHS, multi_year_csv_download)
    return router

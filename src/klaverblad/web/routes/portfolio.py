"""The portfolio page: the initiatives of a municipality computed together — per initiative,
per funder (who funds what), per leaf and year — and, with a reform or a parameter change,
baseline, reform and difference and who gains or loses. A CSV download under every table.

Whose initiatives: an anonymous visitor sees the example initiatives (the page says so); a
logged-in user the saved initiatives they may read (`store.visible_initiatives`): a
municipality its own, a promoter its organisation's, an analyst or admin all of them with a
filter per municipality. Everything is a GET form, so the address can be shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from klaverblad.locale import Language, money
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.store import get_version, transaction, visible_initiatives
from klaverblad.store.repository import EDITORS
from klaverblad.web.render import render
from klaverblad.web.routes.plans import examples
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.data_table import signed_money
from klaverblad.web.views.portfolio import (
    PortfolioView,
    compute_view,
    gains_and_losses,
    portfolio_tables,
)
from klaverblad.web.views.portfolio_gains import gains_charts
from klaverblad.web.views.reform_choice import (
    RulesChoice,
    describe_change,
    read_rules_choice,
    rules_error_entries,
    rules_fields,
)
from klaverblad.web.words.portfolio import WORDS, page_words

CSV_PATHS = ("/portefeuille/csv", "/en/portfolio/csv")
MUNICIPALITY_FIELD = "municipality"
TABLE_FIELD = "table"
FIELD_PREFIX = "portefeuille"


@dataclass
class Source:
    """Whose initiatives the page shows, and the initiatives."""

    kind: str  # examples, municipality, organisation, all
    initiatives: list[Initiative]
    name: str = ""  # the municipality or organisation
    municipalities: list[str] = field(default_factory=list)  # the filter's options
    unreadable: list[str] = field(default_factory=list)  # saved ids that no longer validate


def _saved(request: Request, chosen: str) -> Source | None:
    """The saved initiatives the logged-in user may read (None when nobody is logged in);
    an analyst or admin can narrow them to the municipality `chosen`."""
    user = current_user(request)
    if user is None:
        return None
    documents: list[tuple[str, str, Any]] = []
    with transaction(sessions(request)) as session:
        for row in visible_initiatives(session, user):
            documents.append((row.id, row.municipality, get_version(session, row.id).document))
        organisation = user.organisation.name if user.organisation is not None else ""
    initiatives: list[Initiative] = []
    unreadable: list[str] = []
    municipalities = sorted({m for _, m, _ in documents}, key=str.casefold)
    for initiative_id, municipality, document in documents:
        if chosen and municipality.casefold() != chosen.casefold():
            continue
        try:
            initiatives.append(parse_initiative(document, initiative_id))
        except InitiativeError:
            unreadable.append(initiative_id)
    if user.role == "municipality":
        return Source("municipality", initiatives, user.municipality or "", [], unreadable)
    if user.role == "promoter":
        return Source("organisation", initiatives, organisation, [], unreadable)
    if user.role in EDITORS:
        return Source("all", initiatives, chosen, municipalities, unreadable)
    return Source("none", [], "", [], unreadable)


def _source(request: Request, chosen: str) -> Source:
    saved = _saved(request, chosen)
    if saved is not None:
        return saved
    return Source("examples", [example.initiative for example in examples().values()])


def _heading(source: Source, words: dict[str, str]) -> str:
    if source.kind in ("municipality", "organisation") or (source.kind == "all" and source.name):
        return words["portfolio_of"].format(name=source.name)
    return words[f"portfolio_{source.kind}"]


def _csv_link(language: Language, query: list[tuple[str, str]], table: str) -> str:
    path = CSV_PATHS[0 if language == "nl" else 1]
    return f"{path}?{urlencode([*query, (TABLE_FIELD, table)])}"


def _query(rules: RulesChoice, municipality: str) -> list[tuple[str, str]]:
    pairs = [("reform", name) for name in rules.reforms]
    if rules.change_text:
        pairs.append(("set", rules.change_text))
    if municipality:
        pairs.append((MUNICIPALITY_FIELD, municipality))
    return pairs


def _read(request: Request) -> tuple[Source, RulesChoice, str, dict[str, str]]:
    """Whose initiatives, the rules asked for, the municipality filter and its error."""
    language = language_of(request)
    params = request.query_params
    words = page_words(language)
    rules = read_rules_choice(params, words, language)
    chosen = (params.get(MUNICIPALITY_FIELD) or "").strip()
    source = _source(request, chosen)
    errors: dict[str, str] = {}
    known = {m.casefold() for m in source.municipalities}
    if chosen and source.kind == "all" and chosen.casefold() not in known:
        errors[MUNICIPALITY_FIELD] = words["unknown_municipality"].format(name=chosen)
    return source, rules, chosen, errors


def _results(
    view: PortfolioView, words: dict[str, str], language: Language, query: list[tuple[str, str]]
) -> dict[str, Any]:
    tables = portfolio_tables(view, words, language)
    charts = gains_charts(view, language)
    gaining, losing = gains_and_losses(view)
    reform = view.portfolio.reform
    return {
        "tables": [
            {
                "table": table,
                "rows": table.shown_rows(language, words),
                "total": table.shown_total(language, words),
                "csv": _csv_link(language, query, key),
                "chart": charts.get(key),
            }
            for key, table in tables.items()
        ],
        "reform": reform is not None,
        "gaining": [(name, signed_money(cents, language)) for name, cents in gaining],
        "losing": [(name, signed_money(cents, language)) for name, cents in losing],
        "unchanged": reform is not None and not gaining and not losing,
        "total_change": (
            signed_money(reform.total.funding - view.portfolio.baseline.total.funding, language)
            if reform is not None
            else ""
        ),
        "count": len(view.portfolio.initiatives),
        "funding": money(view.portfolio.baseline.total.funding, language),
    }


def portfolio_page(request: Request) -> Response:
    language = language_of(request)
    words = page_words(language)
    source, rules, chosen, errors = _read(request)
    errors = {**rules.errors, **errors}
    fields = rules_fields(FIELD_PREFIX, rules, words)
    summary = rules_error_entries(fields, words, language)
    if MUNICIPALITY_FIELD in errors:
        summary.insert(
            0,
            {
                "href": f"#{FIELD_PREFIX}-gemeente",
                "label": words["municipality"],
                "message": errors[MUNICIPALITY_FIELD],
                "lang": None,
            },
        )
    query = _query(rules, chosen)
    results = None
    if not errors and source.initiatives:
        view = compute_view(source.initiatives, rules)
        results = _results(view, words, language, query)
    switch = url("portfolio", other(language))
    return render(
        request,
        "portfolio.html",
        switch_url=f"{switch}?{request.url.query}" if request.url.query else switch,
        words=WORDS,
        status_code=422 if errors else 200,
        heading=_heading(source, words),
        source=source,
        portfolio_url=url("portfolio", language),
        login_url=url("login", language),
        measures_url=url("measures", language),
        fields=fields,
        errors=summary,
        municipality_field=MUNICIPALITY_FIELD,
        municipality_id=f"{FIELD_PREFIX}-gemeente",
        municipality_error=errors.get(MUNICIPALITY_FIELD),
        chosen_municipality=chosen,
        results=results,
        rules_asked=[words.get(f"reform_{name}", name) for name in rules.reforms]
        + ([describe_change(rules.change, language)] if rules.change is not None else []),
        changes_nothing=not errors and rules.changes_nothing(),
    )


def portfolio_csv(request: Request) -> Response:
    """One table of the portfolio as CSV (`table` names it), for the same query."""
    language = language_of(request)
    source, rules, _, errors = _read(request)
    table = request.query_params.get(TABLE_FIELD) or ""
    if errors or rules.errors or not source.initiatives:
        return portfolio_page(request)
    words = page_words(language)
    tables = portfolio_tables(compute_view(source.initiatives, rules), words, language)
    if table not in tables:  # unknown, or a reform's table without a reform
        return render(
            request,
            "error.html",
            words=WORDS,
            status_code=404,
            error_title=words["not_found_title"],
            message=words["unknown_table"].format(name=table),
        )
    prefix = "portefeuille" if language == "nl" else "portfolio"
    return tables[table].download(f"{prefix}-{table.replace('_', '-')}.csv")


def portfolio_router() -> APIRouter:
    """The portfolio page and its CSV downloads, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "portfolio", portfolio_page)
    add_route(router, CSV_PATHS, portfolio_csv)
    return router

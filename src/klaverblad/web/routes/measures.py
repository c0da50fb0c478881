"""The measures catalogue page: every measure of the rules catalogue per leaf, with its funder,
conditions, components and each parameter's values over time (value, start date, confidence
grade, sources); the value in force on a chosen date marked; the reforms with what they change.
Under every table a CSV of its rows.

The date comes as `?datum=YYYY-MM-DD` (Dutch page) or `?date=` (English page); a date that
cannot be read re-shows the page with the message at the field (HTTP 422).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from klaverblad.locale import Language, day
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms import REFORMS
from klaverblad.web.page_errors import http_error_page
from klaverblad.web.render import render
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.views.csv_download import csv_response
from klaverblad.web.views.measures import all_parameter_paths, leaf_groups, shared_parameters
from klaverblad.web.views.parameter_history import ParameterHistory, parameter_history
from klaverblad.web.views.reform_changes import find_parameter, reform_view, reform_views
from klaverblad.web.words.measures import WORDS

# The date's query field per language; either is read on both pages.
DATE_FIELD: dict[Language, str] = {"nl": "datum", "en": "date"}
ALL_CSV = ("/maatregelen/parameters.csv", "/en/measures/parameters.csv")
PARAMETER_CSV = (
    "/maatregelen/parameters/{parameter}.csv",
    "/en/measures/parameters/{parameter}.csv",
)
REFORM_CSV = ("/maatregelen/hervormingen/{reform}.csv", "/en/measures/reforms/{reform}.csv")
VALUE_COLUMNS = (
    "parameter",
    "label",
    "start",
    "value",
    "unit",
    "period",
    "grade",
    "note",
    "in_force",
)
REFORM_COLUMNS = ("reform", "parameter", "start", "before", "after")
_BELGIAN_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_day(text: str) -> date:
    """`2006-10-01`, or the Belgian `1/10/2006` (also with `.` or `-`); ValueError otherwise.

    >>> parse_day("1/10/2006"), parse_day("2006-10-01")
    (datetime.date(2006, 10, 1), datetime.date(2006, 10, 1))
    """
    text = text.strip()
    match = _BELGIAN_DAY.match(text)
    if match:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return date.fromisoformat(text)


def _pick(text: str) -> date | None:
    """The day asked for: today when no date is given; None when it cannot be read."""
    if not text.strip():
        return date.today()
    try:
        return parse_day(text)
    except ValueError:
        return None


def _date_text(request: Request, language: Language) -> str:
    query = request.query_params
    return query.get(DATE_FIELD[language]) or query.get(DATE_FIELD[other(language)]) or ""


def _with_day(address: str, language: Language, on: date | None) -> str:
    return (
        address if on is None else f"{address}?{urlencode({DATE_FIELD[language]: on.isoformat()})}"
    )


def _csv_urls(language: Language, on: date | None) -> dict[str, object]:
    index = 0 if language == "nl" else 1
    return {
        "csv_all_url": _with_day(ALL_CSV[index], language, on),
        "parameter_csv_url": lambda path: _with_day(
            PARAMETER_CSV[index].format(parameter=path), language, on
        ),
        "reform_csv_url": lambda name: _with_day(
            REFORM_CSV[index].format(reform=name), language, on
        ),
    }


def _page(request: Request, language: Language, text: str, on: date | None) -> HTMLResponse:
    """The catalogue with the values in force on `on` marked; `on` None: `text` is not a date
    (422, the catalogue unmarked)."""
    words = WORDS[language]
    error = None if on is not None else words["date_invalid"].format(value=text)
    switch = url("measures", other(language))
    if text:
        switch += "?" + urlencode({DATE_FIELD[other(language)]: text})
    return render(
        request,
        "measures.html",
        switch_url=switch,
        words=WORDS,
        status_code=422 if error else 200,
        date_field=DATE_FIELD[language],
        date_value=text if error else (on.isoformat() if on else ""),
        date_error=error,
        on=on,
        on_text=day(on, language) if on else "",
        groups=leaf_groups(on, language),
        shared=shared_parameters(on, language),
        reforms=reform_views(on, language),
        **_csv_urls(language, on),
    )


def measures_page(request: Request) -> HTMLResponse:
    language = language_of(request)
    text = _date_text(request, language)
    return _page(request, language, text, _pick(text))


def _value_rows(
    history: ParameterHistory, marked: bool, measure: str | None = None
) -> Iterable[Sequence[object]]:
    for value in history.values:
        row: list[object] = [] if measure is None else [measure]
        row += [
            history.path,
            history.label,
            value.start.isoformat(),
            value.cell,
            history.unit,
            history.period,
            value.grade,
            value.note,
            ("true" if value.in_force else "false") if marked else "",
        ]
        yield row


def all_parameters_csv(request: Request) -> Response:
    """Every parameter of the baseline rules with every dated value, one row per value."""
    language = language_of(request)
    text = _date_text(request, language)
    on = _pick(text)
    if on is None:
        return _page(request, language, text, None)
    system = baseline_system()
    rows = [
        row
        for measure, path in all_parameter_paths(system)
        for row in _value_rows(parameter_history(system, path, on, language), True, measure)
    ]
    return csv_response(("measure", *VALUE_COLUMNS), rows, "klaverblad-parameters.csv")


def parameter_csv(request: Request, parameter: str) -> Response:
    """The dated values of one parameter (of the baseline, or added by a reform)."""
    language = language_of(request)
    text = _date_text(request, language)
    on = _pick(text)
    if on is None:
        return _page(request, language, text, None)
    system = find_parameter(parameter)
    if system is None:
        return http_error_page(request, 404)
    history = parameter_history(system, parameter, on, language)
    return csv_response(VALUE_COLUMNS, list(_value_rows(history, True)), f"{parameter}.csv")


def reform_csv(request: Request, reform: str) -> Response:
    """The parameter values a reform changes: start, value before and after."""
    language = language_of(request)
    if reform not in REFORMS:
        return http_error_page(request, 404)
    view = reform_view(reform, None, language)
    rows = [
        (reform, change.path, change.start.isoformat(), change.before.cell, change.after.cell)
        for change in view.changes
    ]
    return csv_response(REFORM_COLUMNS, rows, f"{reform}.csv")


def measures_router() -> APIRouter:
    """The catalogue page and its CSV downloads, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "measures", measures_page)
    add_route(router, ALL_CSV, all_parameters_csv)
    add_route(router, PARAMETER_CSV, parameter_csv)
    add_route(router, REFORM_CSV, reform_csv)
    return router

"""The need ranking page (RULEBOOK §8, CONTRACT §5): municipalities ranked on a score of youth
and general unemployment beside the youth-only ranking, with a budget split to the cent, and
the CSV of the table. The shipped ILLUSTRATIVE CSV of the 13 centrumsteden is chosen by
default; the visitor may paste or upload their own.

The page only computes, so its form needs no CSRF token: GET with the fields in the query
string, or POST (multipart, for an upload). Bad input re-shows the form with what was typed,
HTTP 422 and one message per problem naming the field, and for the CSV the line and column.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from klaverblad.advice.ranking import rank_municipalities
from klaverblad.locale import Language
from klaverblad.web.render import render
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.views.csv_download import csv_response
from klaverblad.web.views.ranking import csv_columns, csv_rows, ranking_view
from klaverblad.web.views.ranking_form import (
    EXAMPLE,
    FILE_FIELD,
    OWN,
    FieldProblem,
    RankingForm,
    RankingInputs,
    form_from_fields,
    read_form,
    validate,
)
from klaverblad.web.words.ranking import WORDS

RANKING_CSV = ("/rangschikking.csv", "/en/ranking.csv")
# Per form field: the id of its input (where the error summary links) and its label's word.
FIELD_INPUTS = {
    "source": ("veld-bron-voorbeeld", "source_legend"),
    "form": ("veld-bron-voorbeeld", "source_legend"),
    "csv": ("veld-csv", "csv_label"),
    FILE_FIELD: ("veld-bestand", "file_label"),
    "youth": ("veld-jongeren", "youth_label"),
    "general": ("veld-algemeen", "general_label"),
    "weights": ("veld-jongeren", "weights_field"),
    "budget": ("veld-budget", "budget_label"),
}


def _csv_url(language: Language) -> str:
    return RANKING_CSV[0 if language == "nl" else 1]


def _query(form: RankingForm) -> dict[str, str]:
    """The fields that repeat the example's ranking (the own CSV goes by POST instead)."""
    fields = {"source": EXAMPLE, "youth": form.youth, "general": form.general}
    if form.budget.strip():
        fields["budget"] = form.budget
    return fields


def _invalid(problems: list[FieldProblem]) -> set[str]:
    fields = {problem.field for problem in problems}
    if "weights" in fields:
        fields |= {"youth", "general"}
    if FILE_FIELD in fields:
        fields.add("csv")
    return fields


def _answer(
    request: Request, language: Language, form: RankingForm, switch_query: str = ""
) -> HTMLResponse:
    inputs, problems = validate(form, language)
    context: dict[str, object] = {}
    if inputs is not None:
        ranking = rank_municipalities(inputs.rows, inputs.weights, inputs.budget_cents)
        context = {
            "view": ranking_view(ranking, language),
            "inputs": inputs,
            "source_name": inputs.source,
            "csv_get_url": (
                f"{_csv_url(language)}?{urlencode(_query(form))}" if inputs.illustrative else None
            ),
        }
    return render(
        request,
        "ranking.html",
        switch_url=url("ranking", other(language)) + (f"?{switch_query}" if switch_query else ""),
        words=WORDS,
        status_code=422 if problems else 200,
        form=form,
        problems=problems,
        invalid=_invalid(problems),
        problem_fields={problem.field for problem in problems},
        field_inputs=FIELD_INPUTS,
        example_note=form.source != OWN and form.own_data_given,
        csv_url=_csv_url(language),
        example_value=EXAMPLE,
        own_value=OWN,
        file_field=FILE_FIELD,
        **context,
    )


def _csv(request: Request, language: Language, form: RankingForm) -> Response:
    inputs: RankingInputs | None
    inputs, _ = validate(form, language)
    if inputs is None:
        return _answer(request, language, form)
    ranking = rank_municipalities(inputs.rows, inputs.weights, inputs.budget_cents)
    return csv_response(csv_columns(ranking), csv_rows(ranking), "klaverblad-ranking.csv")


def ranking_page(request: Request) -> HTMLResponse:
    """GET: the example with the default weights, or the fields of the query string."""
    language = language_of(request)
    form = form_from_fields(request.query_params, language)
    return _answer(request, language, form, str(request.query_params))


async def ranking_posted(request: Request) -> HTMLResponse:
    language = language_of(request)
    form = await read_form(request, language)
    return await run_in_threadpool(_answer, request, language, form)


def ranking_csv(request: Request) -> Response:
    language = language_of(request)
    return _csv(request, language, form_from_fields(request.query_params, language))


async def ranking_csv_posted(request: Request) -> Response:
    language = language_of(request)
    form = await read_form(request, language)
    return await run_in_threadpool(_csv, request, language, form)


def ranking_router() -> APIRouter:
    """The ranking page (GET and POST) and its CSV (GET for the example, POST for own data)."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "ranking", ranking_page)
    add_page(router, "ranking", ranking_posted, methods=["POST"])
    add_route(router, RANKING_CSV, ranking_csv)
    add_route(router, RANKING_CSV, ranking_csv_posted, methods=["POST"])
    return router

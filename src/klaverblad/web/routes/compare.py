"""The comparison page: one initiative (an example, or a pasted or uploaded file) under the
baseline and under an alternative — a reform, a parameter change, other wage statutes per
person — side by side with the difference, the alerts that appear or disappear, and a CSV
download under every table.

An example is compared with GET (`?example=bik-klusjesdienst&reform=sine-uitbreiding`), so
the address can be shared, and so are a saved plan (`?plan=ID`, for who may read it) and a
shared one (`?shared=TOKEN`), as the links on every plan page open them
(`views/compare_source.py`); a posted file with POST (field `text`, or `file`), its text kept
in the form for the next choice. Bad choices re-show the form with one message per field (422).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.responses import Response

from klaverblad.advice.alert import Alert
from klaverblad.locale import Language
from klaverblad.model import Initiative, InitiativeError, Problem, parse_initiative
from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES, FORM_FIELDS
from klaverblad.model.loading import parse_text
from klaverblad.web.form_limits import document_too_large
from klaverblad.web.render import render
from klaverblad.web.routes.plans import FILE_FIELD, TEXT_FIELD, examples
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.views.compare_form import (
    EXAMPLE_FIELD,
    TABLE_FIELD,
    Outcome,
    csv_query,
    error_summary,
    evaluate,
    form_fields,
)
from klaverblad.web.views.compare_known_on import known_on_words
from klaverblad.web.views.compare_source import StoredSource, stored_source
from klaverblad.web.views.compare_tables import TABLES, comparison_tables
from klaverblad.web.views.comparison import Comparison
from klaverblad.web.views.data_table import DataTable
from klaverblad.web.views.documents import shown_problems
from klaverblad.web.views.plan import horizon
from klaverblad.web.views.reform_choice import RulesChoice, describe_change
from klaverblad.web.words.compare import WORDS, page_words

# The CSV of one table of the comparison: GET with the page's query, or POST with its form.
CSV_PATHS = ("/vergelijken/csv", "/en/compare/csv")
CSV_FORM_ID = "csv-export"


def _csv_path(language: Language) -> str:
    return CSV_PATHS[0 if language == "nl" else 1]


def _alert(alert: Alert, language: Language, words: dict[str, str]) -> dict[str, str]:
    return {
        "code": alert.code,
        "severity": alert.severity,
        "severity_word": words.get(f"severity_{alert.severity}", alert.severity),
        "title": alert.title(language),
        "subject": alert.subject,
        "message": alert.message(language),
    }


def _asked(comparison: Comparison, words: dict[str, str], language: Language) -> list[str]:
    """What the alternative changes, one phrase each."""
    rules = comparison.rules
    if comparison.known_on is not None:  # the rules of as it turned out: today's
        return [words["rules_version_of"].format(version=comparison.alternative.rules_version)]
    phrases = [words.get(f"reform_{name}", name) for name in rules.reforms]
    if rules.change is not None:
        change = describe_change(rules.change, language)
        phrases.append(words["change_applied"].format(change=change))
    before = {person.id: person.statute for person in comparison.baseline.people}
    for person in comparison.alternative.people:
        if person.statute != before[person.id]:
            key = "statute_by_optimiser" if person.id in comparison.optimised else "statute_changed"
            phrases.append(
                words[key].format(person=person.id, old=before[person.id], new=person.statute)
            )
    return phrases


def _results(
    outcome: Outcome, words: dict[str, str], language: Language, csv_link: Any
) -> dict[str, Any] | None:
    comparison = outcome.comparison
    if comparison is None:
        return None
    tables: dict[str, DataTable] = comparison_tables(comparison, words, language)
    return {
        "tables": [
            {
                "table": table,
                "rows": table.shown_rows(language, words),
                "total": table.shown_total(language, words),
                "csv": csv_link(key),
            }
            for key, table in tables.items()
        ],
        "asked": _asked(comparison, words, language),
        "unchanged": comparison.unchanged(),
        "changes_nothing": comparison.rules.changes_nothing(),
        "rules_version": comparison.baseline.rules_version,
        "alternative_version": comparison.alternative.rules_version,
        "appeared": [_alert(a, language, words) for a in comparison.appeared()],
        "disappeared": [_alert(a, language, words) for a in comparison.disappeared()],
        "remaining": [_alert(a, language, words) for a in comparison.remaining()],
    }


def _page(
    request: Request,
    *,
    mode: str,
    outcome: Outcome,
    initiative: Initiative | None = None,
    example: str = "",
    text: str = "",
    problems: list[Problem] | None = None,
    switch_url: str | None = None,
    source: StoredSource | None = None,
) -> HTMLResponse:
    """The page in `mode`: `start` (both forms), `example` or `text` (one form, results); an
    `example` page of a saved or shared plan (`source`) names it in its form and CSV links."""
    language = language_of(request)
    words = page_words(language)
    problems = problems or []
    prefix = "eigen" if mode == "text" else "voorbeeld"
    fields = form_fields(prefix, outcome, initiative, words, language)
    # The own-file form of the start page keeps the rules asked, not their errors (those are
    # shown once, at the example form that was sent).
    kept = RulesChoice(outcome.rules.reforms, outcome.rules.change_text)
    blank = form_fields("eigen", Outcome(kept), None, words, language)
    path = _csv_path(language)

    def csv_link(key: str) -> str | None:
        if source is not None:
            return f"{path}?{urlencode([*source.pairs(), *outcome.query(), (TABLE_FIELD, key)])}"
        return f"{path}?{csv_query(outcome, example, key)}" if mode == "example" else None

    status = 422 if problems or outcome.errors else 200
    known_on = outcome.comparison.known_on if outcome.comparison is not None else None
    return render(
        request,
        "compare.html",
        switch_url=switch_url or url("compare", other(language)),
        words=WORDS
        if known_on is None
        else {language: known_on_words(WORDS[language], known_on, language)},
        status_code=status,
        mode=mode,
        compare_url=url("compare", language),
        measures_url=url("measures", language),
        examples=[{"key": e.key, "name": e.initiative.name} for e in examples().values()],
        example=example,
        example_field=EXAMPLE_FIELD,
        source_fields=source.pairs() if source is not None else [],
        initiative=initiative,
        period=horizon(initiative, language) if initiative is not None else "",
        text=text,
        text_field=TEXT_FIELD,
        file_field=FILE_FIELD,
        problems=problems,
        fields=fields,
        blank_fields=blank,
        errors=error_summary(fields, words, language),
        asked=outcome.asked,
        results=_results(outcome, words, language, csv_link),
        csv_path=path,
        csv_form_id=CSV_FORM_ID,
        table_field=TABLE_FIELD,
        csv_hidden=outcome.query(),
    )


def _csv(table: DataTable, language: Language) -> Response:
    prefix = "vergelijking" if language == "nl" else "comparison"
    return table.download(f"{prefix}-{table.key.replace('_', '-')}.csv")


def _not_found(
    request: Request, language: Language, key: str, message: str = "unknown_example"
) -> HTMLResponse:
    words = page_words(language)
    return render(
        request,
        "error.html",
        words=WORDS,
        status_code=404,
        error_title=words["not_found_title"],
        message=words[message].format(name=key),
    )


def compare_page(request: Request) -> Response:
    """GET: the start of the page, or an example compared as the query asks."""
    language = language_of(request)
    params = request.query_params
    key = (params.get(EXAMPLE_FIELD) or "").strip()
    source = None if key else stored_source(request, params)
    if isinstance(source, Response):
        return source
    if source is not None:
        return _stored_page(request, language, source)
    if not key:
        return _page(
            request, mode="start", outcome=evaluate(None, params, page_words(language), language)
        )
    example = examples().get(key)
    if example is None:
        return _not_found(request, language, key)
    outcome = evaluate(example.initiative, params, page_words(language), language)
    switch = f"{url('compare', other(language))}?{request.url.query}"
    return _page(
        request,
        mode="example",
        outcome=outcome,
        initiative=example.initiative,
        example=key,
        switch_url=switch,
    )


def _stored_page(request: Request, language: Language, source: StoredSource) -> Response:
    """A saved or shared plan compared as the query asks (the form names the plan)."""
    outcome = evaluate(source.initiative, request.query_params, page_words(language), language)
    switch = f"{url('compare', other(language))}?{request.url.query}"
    return _page(
        request,
        mode="example",
        outcome=outcome,
        initiative=source.initiative,
        switch_url=switch,
        source=source,
    )


def compare_csv(request: Request) -> Response:
    """GET: one table of an example's (or a saved or shared plan's) comparison as CSV
    (`table` names it)."""
    language = language_of(request)
    params = request.query_params
    key = (params.get(EXAMPLE_FIELD) or "").strip()
    source = None if key else stored_source(request, params)
    if isinstance(source, Response):
        return source
    example = examples().get(key)
    if source is not None:
        initiative = source.initiative
    elif example is not None:
        initiative = example.initiative
    else:
        return _not_found(request, language, key)
    table = params.get(TABLE_FIELD) or ""
    if table not in TABLES:
        return _not_found(request, language, table, "unknown_table")
    outcome = evaluate(initiative, params, page_words(language), language)
    if outcome.comparison is None:  # bad or no choices: the page says which
        return _page(
            request,
            mode="example",
            outcome=outcome,
            initiative=initiative,
            example=key,
            source=source,
        )
    tables = comparison_tables(outcome.comparison, page_words(language), language)
    return _csv(tables[table], language)


async def _read_posted(
    request: Request, language: Language
) -> tuple[FormData | ImmutableMultiDict[str, str], str, str, list[Problem]]:
    """The posted form, the initiative text (an uploaded file wins over pasted text), its
    source name for the parser, and the problems of the form itself."""
    words = page_words(language)
    try:
        form = await request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):  # Starlette turns a bad body into a 400
        return (
            ImmutableMultiDict(),
            "",
            words["pasted"],
            [Problem(words["form_path"], words["form_unreadable"])],
        )
    pasted = form.get(TEXT_FIELD)
    text = pasted if isinstance(pasted, str) else ""
    upload = form.get(FILE_FIELD)
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(DOCUMENT_BYTES + 1)
        if len(raw) > DOCUMENT_BYTES:
            return (
                form,
                text,
                upload.filename,
                [Problem(upload.filename, document_too_large(language))],
            )
        try:
            return form, raw.decode("utf-8-sig"), upload.filename, []
        except UnicodeDecodeError:
            return form, text, upload.filename, [Problem(upload.filename, words["not_utf8"])]
    if len(text.encode("utf-8")) > DOCUMENT_BYTES:
        return form, "", words["pasted"], [Problem(words["pasted"], document_too_large(language))]
    if not text.strip():
        return form, text, words["pasted"], [Problem(words["form_path"], words["nothing_given"])]
    return form, text, words["pasted"], []


def _posted_answer(
    request: Request,
    form: FormData | ImmutableMultiDict[str, str],
    text: str,
    source: str,
    problems: list[Problem],
) -> Response:
    language = language_of(request)
    initiative = None
    if not problems:
        try:
            initiative = parse_initiative(parse_text(text, source), source)
        except InitiativeError as error:
            problems = shown_problems(error.problems, language)
    outcome = evaluate(initiative, form, page_words(language), language)
    table = form.get(TABLE_FIELD)
    if isinstance(table, str) and table in TABLES and outcome.comparison is not None:
        tables = comparison_tables(outcome.comparison, page_words(language), language)
        return _csv(tables[table], language)
    return _page(
        request, mode="text", outcome=outcome, initiative=initiative, text=text, problems=problems
    )


async def compare_posted(request: Request) -> Response:
    """POST: a pasted or uploaded initiative compared as the form asks."""
    form, text, source, problems = await _read_posted(request, language_of(request))
    # Planning is CPU work: off the event loop.
    return await run_in_threadpool(_posted_answer, request, form, text, source, problems)


def compare_router() -> APIRouter:
    """The comparison page and its CSV downloads, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "compare", compare_page)
    add_page(router, "compare", compare_posted, methods=["POST"])
    add_route(router, CSV_PATHS, compare_csv)
    add_route(router, CSV_PATHS, compare_posted, methods=["POST"])
    return router

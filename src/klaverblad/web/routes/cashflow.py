"""The cash-flow page of a plan ("Kasstroom", docs/cashflow.md "Web") and the CSV of its
month-by-month table (`…/csv`), for every plan the plan page shows: an example, a saved
initiative (`?version=N` for an older version), a share link, and a posted text that is not
saved (POST, field `text`, as the plan page's downloads post it).

Access is the plan's own: an example for anyone; a saved plan after login and only when the
user may read it (else the same 404 page as one that does not exist); a share link for anyone,
computed without personal data (`report/redaction.unnamed`) — the cash flow holds none: it
shows amounts per month and per measure component, never a person.

The form's fields (`beginsaldo`, `dagen`: `views/cashflow.py`) are GET parameters (posted
fields for a posted plan) and change nothing stored; bad input is a 422 page that names the
field, keeps what was typed and shows the plan's own cash flow.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.responses import Response

from klaverblad.advice.known_on_words import WORDS as KNOWN_ON_WORDS
from klaverblad.locale import Language, day
from klaverblad.model import Initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.limits import FORM_BYTES, FORM_FIELDS
from klaverblad.plan.cashflow import cash_terms
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.redaction import unnamed
from klaverblad.rules.known_on import rules_known_on
from klaverblad.store import NotFoundError, by_share_token, get_version, transaction
from klaverblad.web.access import login_redirect, readable_initiative, refusal_page
from klaverblad.web.render import TEMPLATES, render
from klaverblad.web.routes.exports import parse_version
from klaverblad.web.routes.plans import examples, start_form
from klaverblad.web.urls import PATHS, add_page, add_route, language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.cashflow import (
    FIELDS,
    cashflow_context,
    cashflow_csv_text,
    cashflow_of,
    read_cash_form,
)
from klaverblad.web.views.compare_known_on import KNOWN_ON_FIELD, known_on_field, read_known_on
from klaverblad.web.views.documents import FORM_PATH, read_document, stored_initiative
from klaverblad.web.views.plan_known_on import switch_with_known_on
from klaverblad.web.views.plan_links import POSTED_FORM
from klaverblad.web.words.cashflow import CASHFLOW_PAGE_WORDS
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS

# The plan page's link to this page reads its words here (plan.html).
TEMPLATES.env.globals["cashflow_words"] = CASHFLOW_PAGE_WORDS
CSV = "/csv"


# The form's fields, and the date of the rules its plan page was asked under.
KEPT = (*FIELDS, KNOWN_ON_FIELD)


def _csv_paths(page: str) -> tuple[str, str]:
    dutch, english = PATHS[page]
    return dutch + CSV, english + CSV


def _not_found(request: Request, key: str, name: str = "") -> HTMLResponse:
    language = language_of(request)
    message = SAVED_WORDS[language][key].format(name=name)
    return refusal_page(request, 404, WORDS[language]["not_found_title"], message)


def _query(values: Any, version: int | None = None) -> str:
    """The form's fields (and a saved plan's version) as a query string, `?…` or empty."""
    kept = {"version": str(version)} if version is not None else {}
    kept |= {name: values[name] for name in KEPT if isinstance(values.get(name), str)}
    return f"?{urlencode(kept)}" if kept else ""


def _answer(
    request: Request,
    initiative: Initiative,
    values: Any,
    page: str,
    params: dict[str, str],
    plan_url: str,
    csv: bool,
    version: int | None = None,
    posted_text: str = "",
) -> Response:
    """The page (or, with `csv`, its table) of `initiative`'s cash flow under the form's
    `values`; `page` and `params` give this page's address, `plan_url` the plan's. Bad form
    input answers the page with its errors (422), also where the CSV was asked."""
    language: Language = language_of(request)
    # As its plan page: under only the rules known on `as_known_on` (docs/as-known-on.md).
    asked, known_on, error = read_known_on(values, language)
    if error is not None:
        label = known_on_field("plan", asked, error, language)["label"]
        title = SAVED_WORDS[language]["export_errors_title"]
        return refusal_page(request, 422, title, f"{label}: {error}")
    system = rules_known_on(known_on)
    plan = compute_plan(initiative, system)
    form = read_cash_form(values, language, cash_terms(plan))
    flow = cashflow_of(plan, form.cash)
    if csv and not form.errors:
        body = cashflow_csv_text(flow, language).encode("utf-8")
        name = (
            f"{initiative.id}-kasstroom.csv"
            if language == "nl"
            else f"{initiative.id}-cash-flow.csv"
        )
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )
    # The CSV link is of the cash flow shown: the plan's own when the form has errors.
    query = _query({} if form.errors else values, version)
    here = url(page, language, **params)
    # The other language writes numbers otherwise: its page starts from the plan's terms,
    # under the rules of the same date.
    switch = url(page, other(language), **params) + _query({}, version)
    switch = switch_with_known_on(switch, values)
    return render(
        request,
        "cashflow.html",
        # A posted plan has no address to switch to: the other language's start page.
        switch_url=url("start", other(language)) if posted_text else switch,
        status_code=422 if form.errors else 200,
        **cashflow_context(plan, flow, form, language),
        action=here,
        posted=bool(posted_text),
        posted_text=posted_text,
        posted_form=POSTED_FORM,
        csv_url="" if posted_text else here + CSV + query,
        csv_action=here + CSV if posted_text else "",
        reset_url=here + _query({}, version),
        plan_url=plan_url,
        version=version,
        known_on=asked if known_on is not None else "",
        known_on_field=KNOWN_ON_FIELD,
        known_on_notice=""
        if known_on is None
        else KNOWN_ON_WORDS[language]["plan_notice"].format(day=day(known_on, language)),
    )


def example_cashflow(request: Request, example: str) -> Response:
    return _example(request, example, csv=False)


def example_cashflow_csv(request: Request, example: str) -> Response:
    return _example(request, example, csv=True)


def _example(request: Request, example: str, csv: bool) -> Response:
    found = examples().get(example)
    if found is None:
        language = language_of(request)
        message = WORDS[language]["not_found"].format(name=example)
        return refusal_page(request, 404, WORDS[language]["not_found_title"], message)
    plan_url = url("example", language_of(request), example=example)
    params = {"example": example}
    return _answer(
        request, found.initiative, request.query_params, "example_cashflow", params, plan_url, csv
    )


def saved_cashflow(request: Request, initiative_id: str, version: str | None = None) -> Response:
    return _saved(request, initiative_id, version, csv=False)


def saved_cashflow_csv(
    request: Request, initiative_id: str, version: str | None = None
) -> Response:
    return _saved(request, initiative_id, version, csv=True)


def _saved(request: Request, initiative_id: str, version: str | None, csv: bool) -> Response:
    user = current_user(request)
    if user is None:
        return login_redirect(request)
    try:
        number = parse_version(version)
        with transaction(sessions(request)) as session:
            found = readable_initiative(session, user, initiative_id)
            stored = get_version(session, initiative_id, number)
            current = found.current_version
    except (ValueError, NotFoundError):
        return _not_found(request, "not_found")
    read = stored_initiative(stored.document, f"{initiative_id} v{stored.number}")
    if read.initiative is None:
        return _not_found(request, "not_found")
    language = language_of(request)
    shown = stored.number if stored.number != current else None
    plan_url = url("saved", language, initiative_id=initiative_id)
    plan_url += f"?version={shown}" if shown is not None else ""
    params = {"initiative_id": initiative_id}
    return _answer(
        request,
        read.initiative,
        request.query_params,
        "saved_cashflow",
        params,
        plan_url,
        csv,
        shown,
    )


def shared_cashflow(request: Request, token: str) -> Response:
    return _shared(request, token, csv=False)


def shared_cashflow_csv(request: Request, token: str) -> Response:
    return _shared(request, token, csv=True)


def _shared(request: Request, token: str, csv: bool) -> Response:
    with transaction(sessions(request)) as session:
        initiative = by_share_token(session, token)
        stored = None if initiative is None else get_version(session, initiative.id)
    if stored is None:
        return _not_found(request, "shared_not_found")
    read = stored_initiative(stored.document, f"{stored.initiative_id} v{stored.number}")
    if read.initiative is None:
        return _not_found(request, "shared_not_found")
    plan_url = url("shared", language_of(request), token=token)
    # No personal data behind a share link (report/redaction.py).
    return _answer(
        request,
        unnamed(read.initiative),
        request.query_params,
        "shared_cashflow",
        {"token": token},
        plan_url,
        csv,
    )


async def posted_cashflow(request: Request) -> Response:
    return await _posted(request, csv=False)


async def posted_cashflow_csv(request: Request) -> Response:
    return await _posted(request, csv=True)


async def _posted(request: Request, csv: bool) -> Response:
    language = language_of(request)
    try:
        form = await request.form(max_files=0, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):
        problem = Problem(FORM_PATH[language], WORDS[language]["form_unreadable"])
        return start_form(request, language, "", [problem], 422)
    text = form.get("text")
    values = {name: value for name in KEPT if isinstance(value := form.get(name), str)}
    return await run_in_threadpool(
        _posted_answer, request, language, text if isinstance(text, str) else "", values, csv
    )


def _posted_answer(
    request: Request, language: Language, text: str, values: dict[str, str], csv: bool
) -> Response:
    read = read_document(text, language)
    if read.initiative is None:
        return start_form(request, language, text, read.problems, 422)
    plan_url = url("start", language)
    return _answer(
        request, read.initiative, values, "posted_cashflow", {}, plan_url, csv, posted_text=text
    )


def cashflow_router() -> APIRouter:
    """The cash-flow pages and their CSV, of example, saved, shared and posted plans."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "example_cashflow", example_cashflow)
    add_route(router, _csv_paths("example_cashflow"), example_cashflow_csv)
    add_page(router, "saved_cashflow", saved_cashflow)
    add_route(router, _csv_paths("saved_cashflow"), saved_cashflow_csv)
    add_page(router, "shared_cashflow", shared_cashflow)
    add_route(router, _csv_paths("shared_cashflow"), shared_cashflow_csv)
    add_page(router, "posted_cashflow", posted_cashflow, methods=["POST"])
    add_route(router, _csv_paths("posted_cashflow"), posted_cashflow_csv, methods=["POST"])
    return router

"""The HTML pages: the start page, the plan of an example and the plan of a posted initiative
file, in Dutch at / and in English under /en/. Server-rendered with Jinja2, no JavaScript.

Every plan shown offers its downloads (PDF, XLSX, CSV, YAML and a CSV under every table; see
docs/exports.md) and a form to edit it in the wizard; a posted plan also a button to save it
(logged in) or a link to log in first.

Bad input is never a 500: a file that cannot be read or validated re-shows the start page's
form with the text kept and one message per problem naming the field (HTTP 422); an unknown
example is a 404 page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from klaverblad.locale import Language
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES, FORM_FIELDS
from klaverblad.model.loading import parse_text
from klaverblad.web.access import login_url, may_save_new
from klaverblad.web.examples import EXAMPLES_DIRECTORY
from klaverblad.web.form_limits import document_too_large
from klaverblad.web.render import render
from klaverblad.web.urls import add_page, language_of, other, url
from klaverblad.web.users import current_user
from klaverblad.web.views.documents import shown_problems
from klaverblad.web.views.plan import horizon, plan_view
from klaverblad.web.views.plan_known_on import plan_known_on, switch_with_known_on
from klaverblad.web.views.plan_links import PlanLinks, example_links, posted_links
from klaverblad.web.views.reform_choice import MultiValues
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS

# The form field of the pasted text and of the uploaded file.
TEXT_FIELD = "text"
FILE_FIELD = "file"


def start_url(language: Language) -> str:
    return url("start", language)


def example_url(language: Language, example: str) -> str:
    return url("example", language, example=example)


@dataclass(frozen=True)
class Example:
    """An example initiative file of `examples/`: its key (the file name without .yaml), its
    text and data as read, and the validated initiative."""

    key: str
    initiative: Initiative
    text: str
    data: Any


@functools.cache
def examples() -> dict[str, Example]:
    """The valid example initiatives by key, in file-name order (none without the folder)."""
    found: dict[str, Example] = {}
    for path in sorted(EXAMPLES_DIRECTORY.glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
            data = parse_text(text, path.name)
            initiative = parse_initiative(data, path.name)
        except (OSError, UnicodeDecodeError, InitiativeError):
            continue
        found[path.stem] = Example(path.stem, initiative, text, data)
    return found


def start_form(
    request: Request,
    language: Language,
    text: str = "",
    problems: list[Problem] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The start page; with the form's `text` kept and its `problems` listed after bad input
    (also for a posted export whose text cannot be read)."""
    listed = [
        {
            "url": example_url(language, example.key),
            "name": example.initiative.name,
            "promoter": example.initiative.promoter.name,
            "horizon": horizon(example.initiative, language),
        }
        for example in examples().values()
    ]
    return render(
        request,
        "start.html",
        switch_url=start_url(other(language)),
        status_code=status_code,
        examples=listed,
        post_url=url("post_plan", language),
        text=text,
        problems=problems or [],
        text_field=TEXT_FIELD,
        file_field=FILE_FIELD,
    )


def _plan(
    request: Request,
    language: Language,
    initiative: Initiative,
    switch_url: str,
    links: PlanLinks,
    data: Any,
    posted_text: str = "",
    values: MultiValues | None = None,
) -> HTMLResponse:
    """The plan view; a posted plan (`links.posted`) can be saved, or logged in to save; the
    plan as known on the date its query (a posted plan: its form, `values`) asks
    (`views/plan_known_on.py`)."""
    chosen = request.query_params if values is None else values
    known_on, known_on_form, links = plan_known_on(chosen, language, links)
    save_url = login_to_save_url = ""
    if links.posted:
        user = current_user(request)
        if user is None:
            login_to_save_url = login_url(request, url("start", language))
        elif may_save_new(user):
            save_url = url("mine", language)
    context = plan_view(
        initiative,
        language,
        links,
        data,
        posted_text=posted_text,
        save_url=save_url,
        login_to_save_url=login_to_save_url,
        known_on=known_on,
        known_on_form=known_on_form,
    )
    status = 422 if known_on_form["field"]["error"] else 200
    return render(
        request,
        "plan.html",
        switch_url=switch_url,
        words=SAVED_WORDS,
        status_code=status,
        **context,
    )


def _not_found(request: Request, language: Language, name: str) -> HTMLResponse:
    return render(
        request,
        "error.html",
        status_code=404,
        error_title=WORDS[language]["not_found_title"],
        message=WORDS[language]["not_found"].format(name=name),
    )


def _example(request: Request, language: Language, key: str) -> HTMLResponse:
    example = examples().get(key)
    if example is None:
        return _not_found(request, language, key)
    return _plan(
        request,
        language,
        example.initiative,
        switch_with_known_on(example_url(other(language), key), request.query_params),
        example_links(language, key),
        example.data,
    )


async def _read_form(request: Request, language: Language) -> tuple[str, str, list[Problem]]:
    """The initiative text of the form (an uploaded file wins over pasted text), its source
    name for the parser, and the problems of the form itself."""
    words = WORDS[language]
    try:
        form = await request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):  # Starlette turns a bad body into a 400
        return "", words["pasted"], [Problem(words["form_path"], words["form_unreadable"])]
    pasted = form.get(TEXT_FIELD)
    text = pasted if isinstance(pasted, str) else ""
    upload = form.get(FILE_FIELD)
    if isinstance(upload, UploadFile) and upload.filename:
        name = upload.filename
        raw = await upload.read(DOCUMENT_BYTES + 1)
        if len(raw) > DOCUMENT_BYTES:
            return text, name, [Problem(name, document_too_large(language))]
        try:
            return raw.decode("utf-8-sig"), name, []
        except UnicodeDecodeError:
            return text, name, [Problem(name, words["not_utf8"])]
    if len(text.encode("utf-8")) > DOCUMENT_BYTES:
        return "", words["pasted"], [Problem(words["pasted"], document_too_large(language))]
    if not text.strip():
        return text, words["pasted"], [Problem(words["form_path"], words["nothing_given"])]
    return text, words["pasted"], []


def _answer(
    request: Request,
    language: Language,
    text: str,
    source: str,
    problems: list[Problem],
    values: MultiValues | None = None,
) -> HTMLResponse:
    """The plan of the posted text, or the form again with its problems (422)."""
    if not problems:
        try:
            data = parse_text(text, source)
            initiative = parse_initiative(data, source)
        except InitiativeError as error:
            problems = shown_problems(error.problems, language)
        else:
            return _plan(
                request,
                language,
                initiative,
                start_url(other(language)),
                posted_links(language),
                data,
                posted_text=text,
                values=values,
            )
    return start_form(request, language, text, problems, 422)


async def _posted(request: Request, language: Language) -> HTMLResponse:
    text, source, problems = await _read_form(request, language)
    values = await posted_values(request, problems)
    # Planning is CPU work: off the event loop, as the API's plain `def` endpoints are.
    return await run_in_threadpool(_answer, request, language, text, source, problems, values)


async def posted_values(request: Request, problems: list[Problem]) -> MultiValues:
    """The posted form `_read_form` read (Starlette keeps it: not read twice), or nothing
    when it had problems (a form that could not be read is not read again)."""
    if problems:
        return ImmutableMultiDict()
    return await request.form()


def start_page(request: Request) -> HTMLResponse:
    return start_form(request, language_of(request))


def example_page(request: Request, example: str) -> HTMLResponse:
    return _example(request, language_of(request), example)


async def posted_page(request: Request) -> HTMLResponse:
    return await _posted(request, language_of(request))


def pages_router() -> APIRouter:
    """The start page, the examples' plans and the plan of a posted file, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "start", start_page)
    add_page(router, "example", example_page)
    add_page(router, "post_plan", posted_page, methods=["POST"])
    return router

"""The plan wizard (/nieuw, /en/new): organisation → activities and clients → people →
agreements and grants → costs → review, with the plan of the draft beside every step.

No server state: the whole draft travels in the form as JSON (hidden field `draft`) and is
validated again on every post. A step with problems is shown again with every value kept, a
message per field and status 422. The page also starts from an initiative file (POST field
`document`, optional `expected_version`; other pages use it for "edit in the wizard") or from
an example (GET `?example=<key>`), both opening at the review.

A field showing a default has a "Klopt" button (`go=accept:<path>`, `wizard/accept.py`) that
keeps the value and drops its mark for good.

Extra routes beside the page: the result panel alone for htmx (`hx-post` on every change),
what a typed number is read as (`number_echo.py`, while typing),
the Excel people template and its import, and the panel's tables as CSV. Everything works
without JavaScript; the forms only compute, so they carry no CSRF token — the save form on
the review posts with the token to "Mijn plannen" (a new plan) or, for a draft opened from a
saved plan at its version, to that plan's page as its next version (`wizard/editing.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model import InitiativeError
from klaverblad.model.consistency import Problem
from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES, FORM_FIELDS
from klaverblad.model.loading import parse_text
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx
from klaverblad.report.plan_xlsx import people_template_xlsx
from klaverblad.web.examples import EXAMPLES_DIRECTORY
from klaverblad.web.page_errors import error_page
from klaverblad.web.render import render
from klaverblad.web.routes.plans import examples
from klaverblad.web.urls import add_page, add_route, language_of
from klaverblad.web.wizard.accept import accept
from klaverblad.web.wizard.draft import (
    MAX_ITEMS,
    Draft,
    add_item,
    apply_form,
    default_draft,
    draft_from_data,
    draft_from_json,
    import_people,
    remove_item,
    retype,
)
from klaverblad.web.wizard.fields import LISTS, REVIEW
from klaverblad.web.wizard.number_echo import number_echo
from klaverblad.web.wizard.page import (
    CSV_PATHS,
    FRAGMENT_PATHS,
    IMPORT_PATHS,
    TEMPLATE_PATHS,
    WizardPage,
    render_page,
    render_result,
)
from klaverblad.web.wizard.result import CSV_TABLES, plan_csv, plan_of
from klaverblad.web.wizard.words import WIZARD_WORDS
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.model_messages import translate

# How many problems of a loaded document the page lists (a document can have thousands).
SHOWN_DOCUMENT_PROBLEMS = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _form(request: Request) -> FormData | None:
    try:
        return await request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):  # Starlette turns a bad body into a 400
        return None


def _draft_of(form: FormData | None, language: Language) -> tuple[Draft, int, list[Problem]]:
    """The posted draft with the shown step's fields put in, the step, and form problems."""
    words = WIZARD_WORDS[language]
    raw = form.get("draft") if form is not None else None
    draft = draft_from_json(raw) if isinstance(raw, str) else None
    if draft is None or form is None:
        return default_draft(language, date.today()), 1, [Problem("", words["draft_unreadable"])]
    posted = form.get("step", "1")
    step = int(posted) if isinstance(posted, str) and posted.isdigit() and len(posted) < 8 else 1
    step = min(max(step, 1), REVIEW)
    apply_form(draft, step, form)
    retype(draft, language)  # typed on the other language's page: its numbers rewritten
    return draft, step, []


def _act(draft: Draft, step: int, action: str, language: Language, problems: list[Problem]) -> int:
    """Carry out a button's action on the draft; the step to show next (before checks). A
    list that is full gets a problem instead of a new item; "Klopt" keeps the step."""
    if accept(draft, step, action):
        return step
    if action == "next":
        return min(step + 1, REVIEW)
    if action == "back":
        return max(step - 1, 1)
    if action.startswith("step-") and action[5:].isdigit() and len(action) < 8:
        return min(max(int(action[5:]), 1), REVIEW)
    verb, _, rest = action.partition("-")
    name, _, index = rest.partition("-")
    if verb == "add" and name in LISTS and not add_item(draft, name, language):
        words = WIZARD_WORDS[language]
        message = words["list_full"].format(list=words[f"list_{name}"], limit=MAX_ITEMS[name])
        problems.append(Problem(name, message))
    elif verb == "remove" and name in LISTS and index.isdigit() and len(index) < 8:
        remove_item(draft, name, int(index))
    return step


def _posted_step(request: Request, language: Language, form: FormData | None) -> Response:
    if form is not None and "document" in form and "draft" not in form:
        return _from_document(request, language, form)
    draft, step, problems = _draft_of(form, language)
    action = form.get("go") if form is not None else None
    action = action if isinstance(action, str) else "refresh"
    target = _act(draft, step, action, language, problems)
    page = WizardPage(request, language, draft, target, problems)
    if action == "next" and page.has_problems_in(step):
        page.step = step  # stay: the step's own problems come first
    return render_page(page)


def _from_document(request: Request, language: Language, form: FormData) -> Response:
    text = form.get("document")
    version = form.get("expected_version")
    try:
        data = parse_text(text if isinstance(text, str) else "", "document")
    except InitiativeError as error:
        problems = _document_problems(error.problems, language)
        page = WizardPage(request, language, default_draft(language, date.today()), 1, problems)
        return render_page(page)
    return _open_review(request, language, data, version if isinstance(version, str) else "")


def _document_problems(found: list[Problem], language: Language) -> list[Problem]:
    """The problems of a loaded document as the page lists them: at most
    `SHOWN_DOCUMENT_PROBLEMS`, then how many more there are."""
    words = WIZARD_WORDS[language]
    problems = [
        Problem("", f"{words['document_problem']}: {p.path}: {translate(p, language)}")
        for p in found[:SHOWN_DOCUMENT_PROBLEMS]
    ]
    if len(found) > SHOWN_DOCUMENT_PROBLEMS:
        more = words["more_problems"].format(count=len(found) - SHOWN_DOCUMENT_PROBLEMS)
        problems.append(Problem("", f"{words['document_problem']}: {more}"))
    return problems


def _open_review(request: Request, language: Language, data: Any, version: str = "") -> Response:
    words = WIZARD_WORDS[language]
    if not isinstance(data, dict):
        problem = Problem("", f"{words['document_problem']}: {words['not_a_list']}")
        page = WizardPage(request, language, default_draft(language, date.today()), 1, [problem])
        return render_page(page)
    draft, unknown = draft_from_data(
        data, language, words["unknown_field"], words["not_a_list"], words["too_many_items"]
    )
    draft.expected_version = version.strip()[:100]
    opened_id = draft.top.get("id")
    if draft.expected_version and isinstance(opened_id, str):
        draft.editing_id = opened_id.strip()[:100]
    problems = _document_problems(unknown, language)
    return render_page(WizardPage(request, language, draft, REVIEW, problems))


def wizard_page(request: Request, example: str | None = None) -> Response:
    language = language_of(request)
    if example is None:
        draft = default_draft(language, date.today())
        return render_page(WizardPage(request, language, draft, 1, []))
    if example not in examples():
        words = WORDS[language]
        return render(
            request,
            "error.html",
            status_code=404,
            error_title=words["not_found_title"],
            message=words["not_found"].format(name=example),
        )
    text = (EXAMPLES_DIRECTORY / f"{example}.yaml").read_text(encoding="utf-8")
    return _open_review(request, language, parse_text(text, f"{example}.yaml"))


async def wizard_post(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_posted_step, request, language_of(request), form)


def _result_fragment(request: Request, language: Language, form: FormData | None) -> Response:
    draft, step, problems = _draft_of(form, language)
    return render_result(WizardPage(request, language, draft, step, problems))


async def result_fragment(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_result_fragment, request, language_of(request), form)


def people_template(request: Request) -> Response:
    language = language_of(request)
    name = "klaverblad-personen.xlsx" if language == "nl" else "klaverblad-people.xlsx"
    return Response(
        people_template_xlsx(language),
        media_type=XLSX_TYPE,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _import(
    request: Request, language: Language, form: FormData | None, data: bytes | None
) -> Response:
    words = WIZARD_WORDS[language]
    draft, _step, problems = _draft_of(form, language)
    import_problems: list[str] = []
    notice = None
    if data is None:
        import_problems = [words["import_none"]]
    else:
        try:
            people = read_people_xlsx(data, language)
        except PeopleImportError as error:
            import_problems = list(error.problems)
        else:
            before = len(draft.items("people"))
            replaced = import_people(draft, people, language)
            added = len(draft.items("people")) - (0 if replaced else before)
            notice = words["import_done"].format(count=added)
            if replaced:
                notice = f"{notice} {words['import_replaced']}"
            if added < len(people):
                limit = MAX_ITEMS["people"]
                import_problems = [
                    words["list_full"].format(list=words["list_people"], limit=limit)
                ]
    page = WizardPage(request, language, draft, 3, problems)
    page.import_problems = import_problems
    page.notice = notice
    return render_page(page)


async def people_import(request: Request) -> Response:
    form = await _form(request)
    data: bytes | None = None
    upload = form.get("people_file") if form is not None else None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(DOCUMENT_BYTES + 1)
    return await run_in_threadpool(_import, request, language_of(request), form, data)


def _csv(request: Request, language: Language, form: FormData | None, table: str) -> Response:
    draft, step, problems = _draft_of(form, language)
    page = WizardPage(request, language, draft, step, problems)
    if page.checked.initiative is None or problems:
        return render_page(page)
    text = plan_csv(plan_of(page.checked.initiative), table)
    name = f"{page.checked.initiative.id}-{table}.csv"
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


async def table_csv(request: Request, table: str) -> Response:
    language = language_of(request)
    if table not in CSV_TABLES:
        return error_page(request, 404, "not_found_title", "page_not_found")
    form = await _form(request)
    return await run_in_threadpool(_csv, request, language, form, table)


def wizard_router() -> APIRouter:
    """The wizard page and its extra routes, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "wizard", wizard_page)
    add_page(router, "wizard", wizard_post, methods=["POST"])
    add_route(router, FRAGMENT_PATHS, result_fragment, methods=["POST"])
    add_page(router, "wizard_number", number_echo, methods=["GET", "POST"])
    add_route(router, TEMPLATE_PATHS, people_template)
    add_route(router, IMPORT_PATHS, people_import, methods=["POST"])
    add_route(router, CSV_PATHS, table_csv, methods=["POST"])
    return router

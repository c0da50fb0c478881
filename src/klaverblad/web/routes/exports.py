"""The downloads of a plan: PDF (for funders), XLSX (live formulas), CSV (every line, or one
table of the page with `?table=`) and YAML (the initiative file), of an example, a saved
initiative (`?version=N` for an older version), a share link (its YAML without personal
data: report/redaction.py), or a posted text that is not saved (POST, field `text`, and `table`
for one table's CSV). See docs/exports.md.

Files are named `<initiative id>.<fmt>` (`<id>-<table>.csv` for one table) and sent as
attachments. An unknown format or table, example, share token or saved initiative is a 404
page; a saved initiative the user may not read is the same 404 page; a posted text that cannot
be read re-shows the start page's form with the text kept and its problems (422).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.responses import Response

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.locale import Language
from klaverblad.model import Initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.limits import FORM_BYTES, FORM_FIELDS
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.redaction import (
    redacted_alerts,
    redacted_document,
    redacted_yaml_note,
    unnamed,
)
from klaverblad.rules.known_on import rules_known_on
from klaverblad.store import NotFoundError, by_share_token, get_version, history, transaction
from klaverblad.web.access import login_redirect, readable_initiative, refusal_page
from klaverblad.web.routes.plans import examples, start_form
from klaverblad.web.urls import add_page, language_of
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.compare_known_on import known_on_field, read_known_on
from klaverblad.web.views.documents import (
    FORM_PATH,
    document_yaml,
    read_document,
    stored_initiative,
)
from klaverblad.web.views.plan_tables_csv import plan_table_csv
from klaverblad.web.views.reform_choice import MultiValues
from klaverblad.web.views.saved import history_csv
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
}
# The table of a saved plan's page that is not part of the plan: its versions.
HISTORY_TABLE = "history"


def parse_version(value: str | None) -> int | None:
    """`?version=N` as a number; `ValueError` when it is not a positive whole number."""
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def _not_found(request: Request, key: str, name: str = "") -> HTMLResponse:
    language = language_of(request)
    message = SAVED_WORDS[language][key].format(name=name)
    return refusal_page(request, 404, WORDS[language]["not_found_title"], message)


def _attachment(body: bytes, fmt: str, filename: str) -> Response:
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def _alerts(plan: FinancingPlan, redact: bool) -> list[Alert]:
    alerts = plan_alerts(plan)
    return redacted_alerts(alerts) if redact else alerts


def export_file(
    request: Request,
    initiative: Initiative | None,
    initiative_id: str,
    fmt: str,
    table: str | None,
    yaml_text: str,
    redact: bool = False,
    values: MultiValues | None = None,
) -> Response:
    """The plan of `initiative` as `fmt` (one table of its page with `table`), or the initiative
    file; `initiative` is None for a stored document that no longer validates (only its YAML
    can be downloaded then). With `redact` (a share link) the alerts do not say which of a
    person's conditions fail (report/redaction.py). The plan is computed under only the rules
    known on the date `as_known_on` of the query (a posted plan: of its form, `values`), as its
    page shows it (docs/as-known-on.md); a bad date is a 422 page naming the field."""
    language: Language = language_of(request)
    asked, known_on, error = read_known_on(
        request.query_params if values is None else values, language
    )
    if error is not None:
        title = SAVED_WORDS[language]["export_errors_title"]
        label = known_on_field("plan", asked, error, language)["label"]
        return refusal_page(request, 422, title, f"{label}: {error}")
    if fmt not in MEDIA_TYPES:
        return _not_found(request, "export_not_found", fmt)
    if table is not None and fmt != "csv":
        return _not_found(request, "table_not_found", table)
    if fmt == "yaml":
        return _attachment(yaml_text.encode("utf-8"), fmt, f"{initiative_id}.yaml")
    if initiative is None:
        return _not_found(request, "export_not_found", fmt)
    system = rules_known_on(known_on)
    plan = compute_plan(unnamed(initiative) if redact else initiative, system)
    if table is not None:
        text = plan_table_csv(plan, table, language, redact)
        if text is None:
            return _not_found(request, "table_not_found", table)
        return _attachment(text.encode("utf-8"), fmt, f"{initiative_id}-{table}.csv")
    if fmt == "csv":
        from klaverblad.report.plan_csv import plan_to_csv

        body = plan_to_csv(plan, language, redact).encode("utf-8")
    elif fmt == "pdf":
        from klaverblad.report.plan_pdf import plan_to_pdf

        body = plan_to_pdf(plan, _alerts(plan, redact), language, redact=redact)
    else:
        from klaverblad.report.plan_xlsx import plan_to_xlsx

        body = plan_to_xlsx(plan, _alerts(plan, redact), language, redact=redact)
    return _attachment(body, fmt, f"{initiative_id}.{fmt}")


def example_export(request: Request, example: str, fmt: str, table: str | None = None) -> Response:
    found = examples().get(example)
    if found is None:
        language = language_of(request)
        message = WORDS[language]["not_found"].format(name=example)
        return refusal_page(request, 404, WORDS[language]["not_found_title"], message)
    # The example's own file, comments included.
    return export_file(request, found.initiative, found.key, fmt, table, found.text)


def saved_export(
    request: Request,
    initiative_id: str,
    fmt: str,
    version: str | None = None,
    table: str | None = None,
) -> Response:
    user = current_user(request)
    if user is None:
        return login_redirect(request)
    try:
        number = parse_version(version)
        with transaction(sessions(request)) as session:
            readable_initiative(session, user, initiative_id)
            stored = get_version(session, initiative_id, number)
            versions = history(session, initiative_id) if table == HISTORY_TABLE else []
    except (ValueError, NotFoundError):
        return _not_found(request, "not_found")
    if table == HISTORY_TABLE and fmt == "csv":
        body = history_csv(versions).encode("utf-8")
        return _attachment(body, fmt, f"{initiative_id}-{HISTORY_TABLE}.csv")
    read = stored_initiative(stored.document, f"{initiative_id} v{stored.number}")
    return export_file(
        request,
        read.initiative,
        initiative_id,
        fmt,
        table,
        document_yaml(stored.document),
    )


def shared_export(request: Request, token: str, fmt: str, table: str | None = None) -> Response:
    with transaction(sessions(request)) as session:
        initiative = by_share_token(session, token)
        stored = None if initiative is None else get_version(session, initiative.id)
    if stored is None:
        return _not_found(request, "shared_not_found")
    read = stored_initiative(stored.document, f"{stored.initiative_id} v{stored.number}")
    # A share link's file holds no personal data (report/redaction.py); the PDF, XLSX and CSV
    # hold none to begin with: they show people by their id only.
    language = language_of(request)
    yaml_text = redacted_yaml_note(language) + document_yaml(redacted_document(stored.document))
    return export_file(
        request, read.initiative, stored.initiative_id, fmt, table, yaml_text, redact=True
    )


def _posted_answer(
    request: Request,
    language: Language,
    text: str,
    fmt: str,
    table: str | None,
    form: MultiValues,
) -> Response:
    read = read_document(text, language)
    if read.initiative is None:
        return start_form(request, language, text, read.problems, 422)
    # A YAML text is sent back as it was written (its comments kept); JSON becomes YAML.
    yaml_text = document_yaml(read.data) if text.lstrip().startswith("{") else text
    return export_file(
        request, read.initiative, read.initiative.id, fmt, table, yaml_text, values=form
    )


async def posted_export(request: Request, fmt: str) -> Response:
    language = language_of(request)
    try:
        form = await request.form(max_files=0, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):
        words = WORDS[language]
        problem = Problem(FORM_PATH[language], words["form_unreadable"])
        return start_form(request, language, "", [problem], 422)
    text = form.get("text")
    table = form.get("table")
    return await run_in_threadpool(
        _posted_answer,
        request,
        language,
        text if isinstance(text, str) else "",
        fmt,
        table if isinstance(table, str) and table else None,
        form,
    )


def exports_router() -> APIRouter:
    """The downloads of example, saved, shared and posted plans, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "example_export", example_export)
    add_page(router, "saved_export", saved_export)
    add_page(router, "shared_export", shared_export)
    add_page(router, "posted_export", posted_export, methods=["POST"])
    return router

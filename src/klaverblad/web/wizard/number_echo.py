"""The live echo of a number field: while the visitor types, htmx asks (`keyup changed
delay:300ms`) what the value is read as, and puts the answer beside the field before it is
left — "gelezen als € 2.950,00", or why it cannot be read ("bedoel je € 2.950,00 of
€ 2,95?"). The same reader reads the field when the form is sent (`convert.py`).

GET (or POST) with `field`, the input's name (`people[0].monthly_wage_cost`), and the value
under that name (what htmx sends of an input); or with `kind` (money, decimal, integer) and
`value`. The answer is the fragment that replaces the field's echo; a field or kind that does
not exist answers 400 with a message naming it.
"""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import ImmutableMultiDict
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.echo import echo
from klaverblad.model.limits import FORM_BYTES, FORM_FIELDS
from klaverblad.typed_numbers import NUMBER_KINDS, NumberKind, TypedNumberError, read_as
from klaverblad.web.render import render
from klaverblad.web.urls import language_of
from klaverblad.web.wizard.fields import field_at, input_id
from klaverblad.web.wizard.words import WIZARD_WORDS

FIELD = "field"
KIND = "kind"
VALUE = "value"
# A typed value longer than this is not read (the reader refuses far shorter ones).
MAX_VALUE = 2000
_KINDS: dict[str, NumberKind] = {kind: kind for kind in NUMBER_KINDS}


def _kind_and_id(params: ImmutableMultiDict[str, object]) -> tuple[NumberKind | None, str, str]:
    """The kind of number asked for, the id of the field's echo, and the name of the value."""
    path = params.get(FIELD)
    if isinstance(path, str) and path:
        spec = field_at(path[:200])
        if spec is None or not spec.is_number:
            return None, "", path
        return spec.number_kind, input_id(path), path
    asked = params.get(KIND)
    kind = _KINDS.get(asked) if isinstance(asked, str) else None
    return kind, "number" if kind else "", VALUE if kind else str(asked or "")


async def _params(request: Request) -> ImmutableMultiDict[str, object]:
    if request.method == "POST":
        try:
            return ImmutableMultiDict(
                await request.form(max_files=0, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
            )
        except (MultiPartException, HTTPException):  # a body that is no form: nothing asked
            return ImmutableMultiDict()
    return ImmutableMultiDict(request.query_params)


async def number_echo(request: Request) -> Response:
    language: Language = language_of(request)
    words = WIZARD_WORDS[language]
    params = await _params(request)
    kind, echo_id, name = _kind_and_id(params)
    if kind is None:
        message = (
            words["echo_unknown_field"].format(field=echo(name[:200]))
            if name
            else words["echo_no_field"]
        )
        return render(request, "wizard_number_echo.html", problem=message, status_code=400)
    raw = params.get(name)
    text = raw[:MAX_VALUE] if isinstance(raw, str) else ""
    if not text.strip():
        return render(request, "wizard_number_echo.html", echo_id=echo_id)
    try:
        return render(
            request,
            "wizard_number_echo.html",
            echo_id=echo_id,
            echo=read_as(text, language, kind),
        )
    except TypedNumberError as error:
        return render(request, "wizard_number_echo.html", echo_id=echo_id, problem=error.message)

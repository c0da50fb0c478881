"""Reading the forms of the account and saved-plan pages: a body that cannot be read is a 400
page (never a 500), and a missing field reads as empty text."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from klaverblad.model.limits import FORM_BYTES, FORM_FIELDS


async def read_form(request: Request) -> FormData:
    """The posted fields (no files; a field up to the size an initiative file may have)."""
    try:
        return await request.form(max_files=0, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except MultiPartException:
        raise HTTPException(400) from None


def text_field(form: FormData, name: str) -> str:
    """Field `name` as text ('' when absent or a file)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""

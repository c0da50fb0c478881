"""The size of a page's form body (web/form_limits.py): at the limit it is read, one byte past
it a 413 page in the visitor's language, before the body is read any further."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES
from klaverblad.web.form_limits import FormBodyMiddleware, megabytes
from tests.web.test_accounts_support import make_app

CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("form-limits"))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


class Sender:
    """A client's side of one ASGI request: the body in chunks (counted as they are read),
    and the response as it arrives."""

    def __init__(self, chunks: int | None) -> None:
        self.chunks = chunks  # None: without end
        self.read = 0
        self.status: int | None = None
        self.body = b""
        self.headers: dict[str, str] = {}

    async def receive(self) -> dict[str, Any]:
        self.read += 1
        more = self.chunks is None or self.read < self.chunks
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": more}

    async def send(self, message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")


def scope(app: FastAPI, path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "app": app,
    }


def post_raw(app: FastAPI, path: str, sender: Sender, headers: list[tuple[bytes, bytes]]) -> None:
    asyncio.run(app(scope(app, path, headers), sender.receive, sender.send))


def test_a_declared_length_over_the_limit_is_refused_before_any_byte_is_read(
    app: FastAPI,
) -> None:
    sender = Sender(chunks=None)
    length = str(2_000_000_000).encode()  # the 1.96 GB body of the issue
    post_raw(app, "/nieuw", sender, [(b"content-length", length)])
    assert sender.status == 413
    assert sender.read == 0
    assert sender.headers["content-type"].startswith("text/html")


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit(app: FastAPI) -> None:
    sender = Sender(chunks=None)  # no Content-Length, a body without end
    post_raw(app, "/plan", sender, [(b"content-type", b"multipart/form-data; boundary=x")])
    assert sender.status == 413
    assert sender.read == FORM_BYTES // CHUNK + 1  # the chunk that passes the limit, no more


def test_the_413_page_is_dutch_at_the_root_and_english_under_en(client: TestClient) -> None:
    too_large = b"x" * (FORM_BYTES + 1)
    dutch = client.post("/plan", content=too_large, headers={"content-type": "text/plain"})
    assert dutch.status_code == 413
    assert "Het formulier is te groot" in dutch.text
    assert f"groter dan {megabytes(FORM_BYTES)}" in dutch.text
    assert "Er is niets bewaard" in dutch.text
    english = client.post("/en/plan", files={"file": ("plan.yaml", too_large, "text/yaml")})
    assert english.status_code == 413
    assert "The form is too large" in english.text
    assert f"larger than {megabytes(FORM_BYTES)}" in english.text
    assert "Nothing was saved" in english.text
    # The security headers are on the refusal too.
    assert english.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/nieuw",
        "/en/new/result",
        "/nieuw/personen-inlezen",
        "/vergelijken",
        "/rangschikking",
        "/mijn-plannen",
        "/aanmelden",
        "/plan/export/pdf",
    ],
)
def test_every_page_form_one_byte_past_the_limit_is_a_413(client: TestClient, path: str) -> None:
    body = b"text=" + b"x" * (FORM_BYTES - 4)
    response = client.post(
        path, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413, path


def test_a_form_at_the_limit_is_read_and_its_too_large_document_named(
    client: TestClient,
) -> None:
    body = b"text=" + b"x" * (FORM_BYTES - 5)
    assert len(body) == FORM_BYTES
    response = client.post(
        "/plan", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 422
    assert f"is groter dan {megabytes(DOCUMENT_BYTES)}" in response.text


def test_the_api_keeps_its_own_limit_and_answer(client: TestClient) -> None:
    response = client.post(
        "/api/plan", content=b"x" * (FORM_BYTES + 1), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")


def test_a_smaller_limit_is_kept_by_the_middleware_itself(tmp_path: Path) -> None:
    seen: list[bytes] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        seen.append(message["body"])
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    middleware = FormBodyMiddleware(inner, limit=3 * CHUNK)
    sender = Sender(chunks=3)
    asyncio.run(middleware(scope(FastAPI(), "/plan", []), sender.receive, sender.send))
    assert sender.status == 204
    assert seen == [b"x" * (3 * CHUNK)]  # the whole body, handed on in one piece

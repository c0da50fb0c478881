"""Reading a request body up to a limit, for the ASGI middlewares that refuse large bodies
(the API's `ApiBodyMiddleware`, the pages' `FormBodyMiddleware`): never more than the limit
plus one chunk is held in memory, and the app then reads the same body again from memory.
"""

from __future__ import annotations

from starlette.types import Message, Receive


class ClientGoneError(Exception):
    """The client disconnected before its body was read: nothing is left to answer."""


async def read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as more than `limit` bytes have come."""
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGoneError
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the app `body` once, then whatever the client sends next."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay

"""The sockets of several workers (`klaverblad.web.server`): one per worker with SO_REUSEPORT on
Linux, so the kernel spreads connections over them; one shared TCP socket elsewhere. And the
bound on a request's head that h11 had and httptools gets here."""

from __future__ import annotations

import asyncio
import pickle
import socket
from typing import Any, ClassVar

import pytest

from klaverblad.web import server
from klaverblad.web.settings import Settings

needs_reuse_port = pytest.mark.skipif(
    not server.reuse_port_available(), reason="SO_REUSEPORT does not spread connections here"
)


def _connect_many(port: int, count: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]


def _accepted(listener: socket.socket) -> int:
    """How many connections wait in the listener's queue."""
    listener.setblocking(False)
    count = 0
    while True:
        try:
            connection, _ = listener.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


@needs_reuse_port
def test_two_sockets_bound_with_reuse_port_share_a_port_and_both_get_connections() -> None:
    first = server.bound_socket("127.0.0.1", 0, reuse_port=True)
    port = first.getsockname()[1]
    second = server.bound_socket("127.0.0.1", port, reuse_port=True)
    clients: list[socket.socket] = []
    try:
        first.listen(64)
        second.listen(64)
        # The kernel picks a socket by a hash of each connection's addresses: with 32
        # connections, both get some unless the hash is broken (odds of one socket getting all
        # 32 by chance: 2 in 4 billion).
        clients = _connect_many(port, 32)
        counts = (_accepted(first), _accepted(second))
    finally:
        for sock in (*clients, first, second):
            sock.close()
    assert sum(counts) == 32
    assert min(counts) > 0


def test_a_socket_without_reuse_port_cannot_share_its_port() -> None:
    first = server.bound_socket("127.0.0.1", 0, reuse_port=False)
    try:
        first.listen(8)
        with pytest.raises(OSError):
            server.bound_socket("127.0.0.1", first.getsockname()[1], reuse_port=False).close()
    finally:
        first.close()


def test_the_sockets_are_tcp_so_answers_are_not_held_back_by_nagle() -> None:
    # asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP (uvicorn issue #3149).
    with server.bound_socket("127.0.0.1", 0, reuse_port=False) as sock:
        assert sock.proto == socket.IPPROTO_TCP


@needs_reuse_port
def test_each_worker_gets_a_new_socket_of_its_own_on_the_shared_port() -> None:
    holder = server.bound_socket("127.0.0.1", 0, reuse_port=True)
    port = holder.getsockname()[1]
    sockets = server.OwnSocketPerWorker("127.0.0.1", port)
    assert list(sockets) == []  # the parent listens on nothing itself
    # What uvicorn does when it starts a worker: the list is pickled into the new process.
    first, second = pickle.loads(pickle.dumps(sockets)), pickle.loads(pickle.dumps(sockets))
    try:
        assert len(first) == len(second) == 1
        assert first[0].fileno() != second[0].fileno()
        assert first[0].getsockname()[1] == second[0].getsockname()[1] == port
        assert first[0].proto == socket.IPPROTO_TCP
    finally:
        for sock in (*first, *second, holder):
            sock.close()


class _Supervisor:
    """Stands in for uvicorn's Multiprocess: records the sockets the workers would get."""

    seen: ClassVar[list[Any]] = []

    def __init__(self, config: Any, sockets: Any) -> None:
        _Supervisor.seen.append((config, sockets))

    def run(self) -> None:
        pass


def _run_two_workers(monkeypatch: pytest.MonkeyPatch, reuse_port: bool) -> tuple[Any, Any]:
    _Supervisor.seen = []
    monkeypatch.setattr(server, "Multiprocess", _Supervisor)
    monkeypatch.setattr(server, "reuse_port_available", lambda: reuse_port)
    settings = Settings(database_url="sqlite://", secret_key="k" * 40)
    server.run("127.0.0.1", 0, 2, settings, log_level="warning")
    [(config, sockets)] = _Supervisor.seen
    return config, sockets


@needs_reuse_port
def test_several_workers_each_bind_their_own_socket_where_reuse_port_spreads_connections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config, sockets = _run_two_workers(monkeypatch, reuse_port=True)
    assert isinstance(sockets, server.OwnSocketPerWorker)
    assert sockets.port != 0  # port 0 is chosen once, in the parent, for every worker
    assert config.workers == 2


def test_without_reuse_port_the_workers_share_one_tcp_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, sockets = _run_two_workers(monkeypatch, reuse_port=False)
    try:
        [listener] = sockets
        assert not isinstance(sockets, server.OwnSocketPerWorker)
        assert listener.proto == socket.IPPROTO_TCP
    finally:
        for sock in sockets:
            sock.close()


class _Transport(asyncio.Transport):
    """Just enough of a socket transport for uvicorn's protocol."""

    def __init__(self) -> None:
        super().__init__()
        self.written = b""
        self.closed = False

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(name)

    def write(self, data: Any) -> None:
        self.written += bytes(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def _feed(chunks: list[bytes]) -> tuple[bytes, bool]:
    """What the bounded httptools protocol wrote, and whether it closed the connection, right
    after reading `chunks` (before the app runs: only the protocol's own answers are seen)."""
    import uvicorn
    from uvicorn.server import ServerState

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0)

    async def feed() -> tuple[bytes, bool]:
        config = uvicorn.Config(app, http=server.http_protocol(), log_level="critical")
        config.load()
        protocol = config.http_protocol_class(  # type: ignore[call-arg]
            config=config, server_state=ServerState(), app_state={}
        )
        transport = _Transport()
        protocol.connection_made(transport)
        for chunk in chunks:
            if transport.closed:
                break
            protocol.data_received(chunk)
        return transport.written, transport.closed

    return asyncio.run(feed())


needs_httptools = pytest.mark.skipif(
    server.HttpToolsProtocol is None, reason="httptools is not installed"
)


@needs_httptools
def test_a_request_head_past_the_limit_is_refused_like_h11_refuses_it() -> None:
    head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Padding: "
    padding = [b"a" * 4096] * (server.HEAD_BYTES // 4096 + 2)  # an endless header, read in chunks
    written, closed = _feed([head, *padding])
    assert written.startswith(b"HTTP/1.1 400 ")
    assert closed


@needs_httptools
def test_a_large_body_after_a_small_head_is_not_a_large_head() -> None:
    body = b"{" + b" " * (4 * server.HEAD_BYTES) + b"}"
    head = b"POST /api/plan HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body)
    chunks = [head + body[:1000]] + [body[i : i + 8192] for i in range(1000, len(body), 8192)]
    assert _feed(chunks) == (b"", False)


@needs_httptools
def test_a_large_request_read_with_the_start_of_the_next_is_not_a_large_head() -> None:
    body = b"{" + b" " * (2 * server.HEAD_BYTES) + b"}"
    first = b"POST /api/plan HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body)
    # A client sending its next request at once (pipelining): one read holds both.
    written, closed = _feed([first + body + b"GET / HTTP/1.1\r\nHo"])
    assert not written.startswith(b"HTTP/1.1 400 ")
    assert not closed

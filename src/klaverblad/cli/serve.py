"""`klaverblad serve`: the web application (pages and the JSON API) with uvicorn, on a migrated
database; with `--demo` (what `make run` does) the examples are loaded and a local demo login
is printed."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from klaverblad.cli.common import app, fail

# The examples in the order the demo accounts use them: the first example's organisation gets
# the demo promoter, the second example's municipality the demo municipality user.
DEMO_ORDER = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")


def _examples() -> list[dict[str, Any]]:
    from klaverblad.web.examples import EXAMPLES_DIRECTORY, example_initiative

    names = sorted(path.name for path in EXAMPLES_DIRECTORY.glob("*.yaml"))
    first = [f"{key}.yaml" for key in DEMO_ORDER if f"{key}.yaml" in names]
    documents = (example_initiative(name) for name in first + [n for n in names if n not in first])
    return [document for document in documents if document is not None]


def _load_demo(url: str, address: str) -> None:
    from klaverblad import store
    from klaverblad.store.demo import load_demo

    engine = store.make_engine(url)
    try:
        with store.transaction(store.session_factory(engine)) as session:
            login = load_demo(session, _examples(), store.data_directory())
    finally:
        engine.dispose()
    if login.loaded:
        typer.echo(f"examples saved in the database: {', '.join(login.loaded)}")
    typer.echo(f"\nKlaverblad runs at {address}  (English: {address}en/)")
    typer.echo("Local demo login (password for every account below):")
    typer.echo(f"  password: {login.password}")
    for account in login.accounts:
        typer.echo(f"  {account.email:<34} {account.role:<13} sees {account.what}")
    typer.echo(
        "Anyone may compute a plan without logging in; saving and sharing need an account.\n"
    )


# Addresses that listen everywhere: no link can be built from them.
_WILDCARDS = ("0.0.0.0", "::", "")


def _default_base_url(host: str, port: int) -> None:
    """Without KLAVERBLAD_BASE_URL, share links start with the address the server listens on
    (never with a request's Host header, which anyone can set); set in the environment so that
    every worker process reads it. A server listening on every address has no such address:
    its share links are paths, completed by the browser."""
    from klaverblad.web.settings import BASE_URL_VARIABLE

    if not os.environ.get(BASE_URL_VARIABLE) and host not in _WILDCARDS:
        shown = f"[{host}]" if ":" in host else host
        os.environ[BASE_URL_VARIABLE] = f"http://{shown}:{port}"


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port")] = 8000,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Load the examples and demo accounts; print the demo login"),
    ] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, max=64, help="Worker processes (one per core helps)"),
    ] = 1,
) -> None:
    """Serve the web application: the pages at / (Dutch) and /en/ (English), the API at /api.
    The database (KLAVERBLAD_DATABASE_URL, default var/klaverblad.sqlite3) is migrated first.
    With --workers N, N processes share the port (the login limit is kept in the database);
    on Linux each listens on a socket of its own (SO_REUSEPORT) and the kernel spreads the
    connections, kept-alive ones included, over them.
    Behind a reverse proxy, KLAVERBLAD_TRUSTED_PROXIES names it: only then are its
    X-Forwarded-For and X-Forwarded-Proto headers believed (uvicorn's and the app's)."""
    from sqlalchemy.exc import SQLAlchemyError

    from klaverblad import store
    from klaverblad.web.server import run
    from klaverblad.web.settings import Settings, SettingsError

    try:
        _default_base_url(host, port)
        settings = Settings.from_env()
        store.upgrade(settings.database_url)
        if demo:
            _load_demo(settings.database_url, f"http://{host}:{port}/")
    except SettingsError as error:
        fail(f"serve: {error}")
    except (SQLAlchemyError, OSError) as error:
        fail(f"serve: the database cannot be prepared: {error}".splitlines()[0])
    run(host, port, workers, settings)

"""`klaverblad serve`: the web application (pages and the JSON API) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from klaverblad.cli.common import app


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port")] = 8000,
) -> None:
    """Serve the web application: the pages at / (Dutch) and /en/ (English), the API at /api."""
    import uvicorn

    from klaverblad.web.app import create_app

    uvicorn.run(create_app(), host=host, port=port)

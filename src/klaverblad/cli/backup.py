"""`klaverblad export-all` and `klaverblad import-all`: the whole store as one JSON document
(every organisation, account with its password hash, initiative and version), and back into
an empty database. The database is `KLAVERBLAD_DATABASE_URL` (default var/klaverblad.sqlite3),
migrated first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from klaverblad.cli.common import app, emit, fail
from klaverblad.model.limits import BACKUP_BYTES, MEGABYTE

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


def _sessions() -> sessionmaker[Session]:
    from klaverblad import store

    url = store.database_url()
    store.upgrade(url)
    return store.session_factory(store.make_engine(url))


@app.command("export-all")
def export_all(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout)")
    ] = None,
) -> None:
    """Write every organisation, account (password hashes only), initiative and version as
    one JSON document; `import-all` restores it exactly into an empty database."""
    from sqlalchemy.exc import SQLAlchemyError

    from klaverblad import store

    try:
        with store.transaction(_sessions()) as session:
            document = store.export_all(session)
    except SQLAlchemyError as error:
        fail(f"export-all: the database cannot be read: {str(error).splitlines()[0]}")
    emit(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True), output)


@app.command("import-all")
def import_all(
    source: Annotated[
        Path, typer.Argument(help="A document written by export-all, read whole: at most 500 MB")
    ],
) -> None:
    """Restore an export-all document into an empty database (refused when it is not empty).

    The document is read whole, at most 500 MB (checked before reading); anything wrong with
    it is one line naming the file, exit status 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from klaverblad import store
    from klaverblad.store.backup import read_backup

    try:
        if source.stat().st_size > BACKUP_BYTES:
            fail(f"{source}: is larger than {BACKUP_BYTES // MEGABYTE} MB")
        data = read_backup(source.read_bytes())
    except OSError as error:
        fail(f"{source}: cannot be read: {error.strerror}")
    except store.ImportRefusedError as error:
        fail(f"{source}: {error}")
    try:
        with store.transaction(_sessions()) as session:
            store.import_all(session, data)
            counts = {key: len(data.get(key, [])) for key in ("organisations", "users")}
            initiatives = data.get("initiatives", [])
            versions = sum(len(item.get("versions", [])) for item in initiatives)
    except store.ImportRefusedError as error:
        fail(f"{source}: {error}")
    except SQLAlchemyError as error:
        fail(f"import-all: the database cannot be written: {str(error).splitlines()[0][:200]}")
    except (UnicodeError, OverflowError, ValueError) as error:
        # A text the database cannot hold (a lone surrogate) or a number it cannot (an id of
        # 30 digits): the import is rolled back.
        fail(f"{source}: cannot be restored: {type(error).__name__}: {str(error)[:200]}")
    typer.echo(
        f"imported {counts['organisations']} organisations, {counts['users']} accounts, "
        f"{len(initiatives)} initiatives with {versions} versions"
    )

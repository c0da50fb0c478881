"""Backup and restore of the whole store as one JSON document (`export-all`, `import-all`).

The document holds every organisation, user (its password hash, never a password),
initiative and version, with their ids and times, so that export → import into an empty
database → export gives the identical document. Initiative documents are restored as they
were saved, without validating them again: a backup must come back exactly, even when the
initiative schema has moved on since.

A backup is read whole (it is one JSON document) but never more than `BACKUP_BYTES`, checked
before it is read; it is parsed by `safe_documents.load_json` (keys given twice, nesting past
`NESTING_DEPTH`: refused) and every refusal is an `ImportRefusedError` of one line.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Strict, ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from klaverblad.model.echo import echo
from klaverblad.model.limits import BACKUP_BYTES, MEGABYTE
from klaverblad.model.safe_documents import DocumentError, load_json
from klaverblad.store.errors import ImportRefusedError
from klaverblad.store.models import Initiative, InitiativeVersion, Organisation, User

FORMAT = "klaverblad-store"
FORMAT_VERSION = 1
# BACKUP_BYTES is the largest backup `import-all` reads (read whole, then parsed: about 10
# times this in memory at the peak); an administrator's command is not a web request.
# Problems of an invalid backup named in its one-line message (the rest are counted).
SHOWN_PROBLEMS = 3


# JSON has no datetime type: times are read from their ISO text, everything else strictly.
Time = Annotated[AwareDatetime, Strict(False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class OrganisationRecord(_Strict):
    id: int
    name: str
    municipality: str
    created_at: Time


class UserRecord(_Strict):
    id: int
    email: str
    display_name: str
    role: str
    organisation_id: int | None
    municipality: str | None
    password_hash: str
    created_at: Time
    active: bool
    # Absent in exports made before logout revoked sessions: 0, as the migration sets it.
    session_generation: int = 0


class VersionRecord(_Strict):
    number: int
    document: dict[str, Any]
    author_id: int
    created_at: Time
    note: str


class InitiativeRecord(_Strict):
    id: str
    organisation_id: int
    municipality: str
    current_version: int
    share_token: str
    # Absent in exports made before sharing became explicit: not shared, as the migration sets.
    shared: bool = False
    created_at: Time
    updated_at: Time
    versions: list[VersionRecord]


class StoreExport(_Strict):
    format: str
    format_version: int
    organisations: list[OrganisationRecord]
    users: list[UserRecord]
    initiatives: list[InitiativeRecord]


def _time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def export_all(session: Session) -> dict[str, Any]:
    """Everything in the store as a JSON-ready dict, in id order (a stable document)."""
    organisations = session.scalars(select(Organisation).order_by(Organisation.id))
    users = session.scalars(select(User).order_by(User.id)).unique()
    initiatives = session.scalars(select(Initiative).order_by(Initiative.id)).unique()
    versions: dict[str, list[dict[str, Any]]] = {}
    ordered = select(InitiativeVersion).order_by(
        InitiativeVersion.initiative_id, InitiativeVersion.number
    )
    for version in session.scalars(ordered).unique():
        versions.setdefault(version.initiative_id, []).append(
            {
                "number": version.number,
                "document": version.document,
                "author_id": version.author_id,
                "created_at": _time(version.created_at),
                "note": version.note,
            }
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "organisations": [
            {
                "id": organisation.id,
                "name": organisation.name,
                "municipality": organisation.municipality,
                "created_at": _time(organisation.created_at),
            }
            for organisation in organisations
        ],
        "users": [
            {
                "id": user.id,
                "email": user.email,
                "display_name": user.display_name,
                "role": user.role,
                "organisation_id": user.organisation_id,
                "municipality": user.municipality,
                "password_hash": user.password_hash,
                "created_at": _time(user.created_at),
                "active": user.active,
                "session_generation": user.session_generation,
            }
            for user in users
        ],
        "initiatives": [
            {
                "id": initiative.id,
                "organisation_id": initiative.organisation_id,
                "municipality": initiative.municipality,
                "current_version": initiative.current_version,
                "share_token": initiative.share_token,
                "shared": initiative.shared,
                "created_at": _time(initiative.created_at),
                "updated_at": _time(initiative.updated_at),
                "versions": versions.get(initiative.id, []),
            }
            for initiative in initiatives
        ],
    }


def _parse(data: Any) -> StoreExport:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefusedError(f"not a Klaverblad store export (format '{FORMAT}')")
    if data.get("format_version") != FORMAT_VERSION:
        raise ImportRefusedError(
            f"unknown export format version {echo(data.get('format_version'))}"
        )
    try:
        return StoreExport.model_validate(data)
    except ValidationError as error:
        errors = error.errors()
        problems = "; ".join(
            f"{'.'.join(str(part)[:40] for part in item['loc'])}: {item['msg']}"
            for item in errors[:SHOWN_PROBLEMS]
        )
        if len(errors) > SHOWN_PROBLEMS:
            problems += f"; and {len(errors) - SHOWN_PROBLEMS} more"
        raise ImportRefusedError(f"the export is not valid: {problems}") from None


def read_backup(data: bytes) -> Any:
    """The backup's bytes as data: UTF-8 JSON, at most `BACKUP_BYTES`, keys once, nesting
    bounded; `ImportRefusedError` with one line otherwise."""
    if len(data) > BACKUP_BYTES:
        raise ImportRefusedError(f"is larger than {BACKUP_BYTES // MEGABYTE} MB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRefusedError("is not UTF-8 text") from None
    try:
        return load_json(text)
    except DocumentError as error:
        raise ImportRefusedError(f"is not a backup: {error.where}: {error.reason}") from None


def _check_versions(record: InitiativeRecord) -> None:
    numbers = [version.number for version in record.versions]
    if numbers != list(range(1, len(numbers) + 1)) or record.current_version != len(numbers):
        raise ImportRefusedError(
            f"initiative {echo(record.id)}: versions must be numbered 1..{record.current_version}"
        )


def _store_is_empty(session: Session) -> bool:
    tables = (Organisation, User, Initiative, InitiativeVersion)
    return all(session.scalar(select(func.count()).select_from(table)) == 0 for table in tables)


def import_all(session: Session, data: Any) -> None:
    """Restore an `export_all` document into an empty store (`ImportRefusedError` otherwise)."""
    export = _parse(data)
    for initiative in export.initiatives:
        _check_versions(initiative)
    if not _store_is_empty(session):
        raise ImportRefusedError("import-all restores into an empty database only")
    session.add_all(Organisation(**record.model_dump()) for record in export.organisations)
    session.flush()
    session.add_all(User(**record.model_dump()) for record in export.users)
    session.flush()
    for record in export.initiatives:
        session.add(Initiative(**record.model_dump(exclude={"versions"})))
    session.flush()
    for record in export.initiatives:
        session.add_all(
            InitiativeVersion(initiative_id=record.id, **version.model_dump())
            for version in record.versions
        )
    session.flush()
    _continue_sequences(session)


def _continue_sequences(session: Session) -> None:
    """PostgreSQL sequences do not see explicit ids: move them past the imported ones."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("organisations", "users", "initiative_versions"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce(max(id), 0) + 1, false) FROM {table}"
            )
        )

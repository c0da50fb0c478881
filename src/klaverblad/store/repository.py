"""Saved initiatives: every save a new version, optimistic locking, history, restore, sharing.

Sharing is explicit: a saved initiative is private until an editor shares it
(`share_initiative`); `renew_share_link` replaces its link by a new one and
`revoke_share_link` makes it private again. Each of them draws a new random token, so a link
once replaced or revoked never opens the plan again (not even after sharing anew).

The functions take an open `Session` and never commit: the caller ends the transaction
(`database.transaction`), so a web request or a CLI command is one unit of work. When a
function raises, it has written nothing that the caller could commit by mistake.

Optimistic locking: the caller passes the version it edited (`expected_version`, None for a
new initiative). The save bumps `initiatives.current_version` with one conditional UPDATE
(`… WHERE id = :id AND current_version = :expected`); when it matches no row, someone else
saved first and `ConflictError` carries the version now current. Two concurrent writers
cannot both match: PostgreSQL makes the second UPDATE wait for the first transaction's row
lock and then re-checks the condition against the committed row; SQLite admits one writer
at a time, and the second UPDATE runs only after the first commits.
"""

from __future__ import annotations

import json
import secrets
import string
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from klaverblad.model import parse_initiative
from klaverblad.store.accounts import ensure_organisation, organisation_named
from klaverblad.store.errors import ConflictError, NotAllowedError, NotFoundError
from klaverblad.store.models import (
    SHARE_TOKEN_LENGTH,
    Base,
    Initiative,
    InitiativeVersion,
    Organisation,
    User,
    utc_now,
)

SHARE_TOKEN_ALPHABET = string.ascii_letters + string.digits  # URL-safe, no '-' or '_'
EDITORS = ("analyst", "admin")


def new_share_token() -> str:
    """A random share token: 10 characters of 62, about 59 bits from `secrets`.

    >>> len(new_share_token())
    10
    """
    return "".join(secrets.choice(SHARE_TOKEN_ALPHABET) for _ in range(SHARE_TOKEN_LENGTH))


def json_document(data: Any) -> dict[str, Any]:
    """The initiative data as a JSON object: dates (from YAML) as ISO text, decimals as text.

    >>> json_document({"start_date": date(2006, 1, 1), "fte": Decimal("0.80")})
    {'start_date': '2006-01-01', 'fte': '0.80'}
    """

    def plain(value: Any) -> str:
        if isinstance(value, date | Decimal):
            return str(value)
        raise TypeError(f"{type(value).__name__} cannot be stored in an initiative document")

    return cast(dict[str, Any], json.loads(json.dumps(data, default=plain)))


def can_read(user: User, initiative: Initiative) -> bool:
    """Promoters read their organisation's initiatives, municipalities their municipality's."""
    if not user.active:
        return False
    if user.role == "promoter":
        return initiative.organisation_id == user.organisation_id
    if user.role == "municipality":
        return (user.municipality or "").casefold() == initiative.municipality.casefold()
    return user.role in EDITORS


def can_edit(user: User, initiative: Initiative) -> bool:
    """Promoters edit their organisation's initiatives; analysts and admins every one."""
    if not user.active:
        return False
    if user.role == "promoter":
        return initiative.organisation_id == user.organisation_id
    return user.role in EDITORS


def visible_initiatives(session: Session, user: User) -> list[Initiative]:
    """The initiatives `user` may read, by id (the portfolio of a municipality, …)."""
    statement = select(Initiative).order_by(Initiative.id)
    if not user.active:
        return []
    if user.role == "promoter":
        statement = statement.where(Initiative.organisation_id == user.organisation_id)
    elif user.role == "municipality":
        mine = (user.municipality or "").lower()
        statement = statement.where(func.lower(Initiative.municipality) == mine)
    elif user.role not in EDITORS:
        return []
    return list(session.scalars(statement).unique())


def get_initiative(session: Session, initiative_id: str) -> Initiative:
    """The initiative as committed now (not a stale copy this session read before)."""
    statement = (
        select(Initiative)
        .where(Initiative.id == initiative_id)
        .execution_options(populate_existing=True)
    )
    initiative = session.scalars(statement).unique().one_or_none()
    if initiative is None:
        raise NotFoundError(f"no saved initiative '{initiative_id}'")
    return initiative


def by_share_token(session: Session, token: str) -> Initiative | None:
    """The shared initiative a share link names (anyone holding the link may read it); None
    for an unknown token and for an initiative that is not shared."""
    statement = select(Initiative).where(
        Initiative.share_token == token, Initiative.shared.is_(True)
    )
    return session.scalars(statement).unique().one_or_none()


def share_initiative(session: Session, user: User, initiative_id: str) -> str:
    """Share the initiative: its share link opens it from now on. Sharing a shared initiative
    keeps its link (a second click changes nothing); sharing a private one draws a new token.
    `NotAllowedError` unless `user` may edit it."""
    initiative = _editable(session, user, initiative_id)
    if not initiative.shared:
        _set_share(session, initiative, shared=True)
    return initiative.share_token


def renew_share_link(session: Session, user: User, initiative_id: str) -> str:
    """Share the initiative under a new link: the old link answers 404 from now on."""
    initiative = _editable(session, user, initiative_id)
    _set_share(session, initiative, shared=True)
    return initiative.share_token


def revoke_share_link(session: Session, user: User, initiative_id: str) -> None:
    """Make the initiative private again: its link answers 404 from now on."""
    _set_share(session, _editable(session, user, initiative_id), shared=False)


def _editable(session: Session, user: User, initiative_id: str) -> Initiative:
    initiative = get_initiative(session, initiative_id)
    if not can_edit(user, initiative):
        raise NotAllowedError(f"{user.email} may not share initiative '{initiative_id}'")
    return initiative


def _set_share(session: Session, initiative: Initiative, *, shared: bool) -> None:
    initiative.share_token = _unused_share_token(session)
    initiative.shared = shared
    session.flush()


def history(session: Session, initiative_id: str) -> list[InitiativeVersion]:
    """Every version of an initiative, oldest first."""
    statement = (
        select(InitiativeVersion)
        .where(InitiativeVersion.initiative_id == initiative_id)
        .order_by(InitiativeVersion.number)
    )
    versions = list(session.scalars(statement).unique())
    if not versions:
        raise NotFoundError(f"no saved initiative '{initiative_id}'")
    return versions


def get_version(
    session: Session, initiative_id: str, number: int | None = None
) -> InitiativeVersion:
    """Version `number` of an initiative; its current version when `number` is None."""
    if number is None:
        number = get_initiative(session, initiative_id).current_version
    statement = select(InitiativeVersion).where(
        InitiativeVersion.initiative_id == initiative_id, InitiativeVersion.number == number
    )
    version = session.scalars(statement).unique().one_or_none()
    if version is None:
        raise NotFoundError(f"initiative '{initiative_id}' has no version {number}")
    return version


def save_initiative(
    session: Session,
    author: User,
    data: Any,
    *,
    expected_version: int | None,
    note: str = "",
    organisation: Organisation | None = None,
    source: str = "initiative",
) -> InitiativeVersion:
    """Save `data` as the next version of its initiative (version 1 when it is new).

    `data` is validated with `parse_initiative` first: `InitiativeError` (with field paths) and
    nothing written when it is invalid. `expected_version` is the version the author edited,
    None for a new initiative; `ConflictError` when another save came first. A new initiative
    belongs to the promoter's organisation, or for analysts and admins to `organisation`
    (default: the document's promoter, created when unknown).
    """
    parsed = parse_initiative(data, source)
    document = json_document(data)
    municipality = parsed.promoter.municipality
    if expected_version is None:
        return _create(session, author, document, parsed.id, municipality, note, organisation)
    initiative = get_initiative(session, parsed.id)
    if not can_edit(author, initiative):
        raise NotAllowedError(f"{author.email} may not change initiative '{parsed.id}'")
    _bump(session, parsed.id, expected_version, municipality)
    return _add_version(session, parsed.id, expected_version + 1, document, author, note)


def restore_version(
    session: Session,
    author: User,
    initiative_id: str,
    number: int,
    *,
    expected_version: int,
    note: str | None = None,
) -> InitiativeVersion:
    """Make version `number` current again, as a new version with its content."""
    old = get_version(session, initiative_id, number)
    return save_initiative(
        session,
        author,
        old.document,
        expected_version=expected_version,
        note=f"restored version {number}" if note is None else note,
        source=f"{initiative_id} v{number}",
    )


def _bump(session: Session, initiative_id: str, expected: int, municipality: str) -> None:
    """The optimistic lock: move current_version from `expected` to the next, or conflict."""
    statement = (
        update(Initiative)
        .where(Initiative.id == initiative_id, Initiative.current_version == expected)
        .values(current_version=expected + 1, updated_at=utc_now(), municipality=municipality)
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], session.execute(statement))
    if result.rowcount != 1:
        current = get_initiative(session, initiative_id).current_version
        raise ConflictError(initiative_id, expected, current)


def _create(
    session: Session,
    author: User,
    document: dict[str, Any],
    initiative_id: str,
    municipality: str,
    note: str,
    organisation: Organisation | None,
) -> InitiativeVersion:
    # An id already saved is the same conflict whoever owns it: whether another organisation
    # uses an id cannot be probed (same exception, same path, no further read).
    existing = session.get(Initiative, initiative_id, populate_existing=True)
    if existing is not None:
        raise ConflictError(initiative_id, None, existing.current_version)
    if not author.active or author.role not in ("promoter", *EDITORS):
        raise NotAllowedError(f"{author.email} may not save initiatives")
    if author.role == "promoter":
        if author.organisation is None:
            raise NotAllowedError(f"{author.email} has no organisation to save for")
        organisation = author.organisation
    created_organisation = False
    if organisation is None:
        promoter = document["promoter"]
        created_organisation = organisation_named(session, promoter["name"], municipality) is None
        organisation = ensure_organisation(session, promoter["name"], municipality)
    now = utc_now()
    values = {
        "id": initiative_id,
        "organisation_id": organisation.id,
        "municipality": municipality,
        "current_version": 1,
        # Private until an editor shares it: the token opens nothing while `shared` is false.
        "share_token": _unused_share_token(session),
        "shared": False,
        "created_at": now,
        "updated_at": now,
    }
    # A concurrent creator of the same id makes this insert a no-op instead of an error that
    # would abort the whole transaction on PostgreSQL.
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    table = Base.metadata.tables[Initiative.__tablename__]
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(table.c.id)
    )
    if session.execute(statement).first() is None:
        if created_organisation:
            session.delete(organisation)
            session.flush()
        raise ConflictError(
            initiative_id, None, get_initiative(session, initiative_id).current_version
        )
    return _add_version(session, initiative_id, 1, document, author, note)


def _unused_share_token(session: Session) -> str:
    while True:
        token = new_share_token()
        taken = session.scalar(select(Initiative.id).where(Initiative.share_token == token))
        if taken is None:
            return token


def _add_version(
    session: Session,
    initiative_id: str,
    number: int,
    document: dict[str, Any],
    author: User,
    note: str,
) -> InitiativeVersion:
    version = InitiativeVersion(
        initiative_id=initiative_id, number=number, document=document, author=author, note=note
    )
    session.add(version)
    session.flush()
    get_initiative(session, initiative_id)  # refresh the row the UPDATE changed behind the ORM
    return version

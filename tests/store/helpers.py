"""Shared steps of the storage tests: an initiative document, a save in its own transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from klaverblad.store.database import transaction
from klaverblad.store.models import Initiative, InitiativeVersion
from klaverblad.store.repository import get_initiative, history, save_initiative
from tests.builders import initiative_data
from tests.store.conftest import People

Sessions = sessionmaker[Session]


def document(identifier: str = "noord-klusjes", **changes: Any) -> dict[str, Any]:
    noord = {"name": "vzw Noord", "legal_form": "vzw", "municipality": "Kortrijk"}
    return initiative_data(**{"id": identifier, "promoter": noord, **changes})


def save(
    sessions: Sessions, email: str, data: dict[str, Any], expected: int | None, note: str = ""
) -> int:
    with transaction(sessions) as session:
        author = People().user(session, email)
        return save_initiative(session, author, data, expected_version=expected, note=note).number


def names(sessions: Sessions, initiative_id: str) -> list[str]:
    with transaction(sessions) as session:
        return [version.document["name"] for version in history(session, initiative_id)]


def current(sessions: Sessions, initiative_id: str) -> int:
    with transaction(sessions) as session:
        return get_initiative(session, initiative_id).current_version


def row_counts(sessions: Sessions) -> tuple[int, int]:
    with transaction(sessions) as session:
        initiatives = session.scalar(select(func.count()).select_from(Initiative))
        versions = session.scalar(select(func.count()).select_from(InitiativeVersion))
        return initiatives or 0, versions or 0

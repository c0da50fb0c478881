"""initiatives.shared: a plan is private until an editor shares it.

Until now every save made a share link nobody asked for. From this revision a share link
opens a plan only while `shared` is true, and every existing plan starts as not shared: the
links handed out so far answer 404, and an editor who wants a link shares the plan again
(which draws a new token, so the old links stay dead).

A column added (and dropped) in place, never by copying the table as Alembic's batch mode does
on SQLite: the copy drops `initiatives`, and with foreign keys on that deletes every saved
version through ON DELETE CASCADE.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "initiatives",
        sa.Column("shared", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("initiatives", "shared")

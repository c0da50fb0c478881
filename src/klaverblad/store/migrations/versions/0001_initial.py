"""The initial schema: organisations, users, initiatives, initiative_versions.

Written from Alembic's autogenerate output for `klaverblad.store.models` and checked by hand;
`tests/store/test_migrations.py` compares the migrated schema with the models. Timestamps use
plain `DateTime(timezone=True)`: `models.UtcDateTime` only changes what Python sees.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint(
            "name", "municipality", name=op.f("uq_organisations_name_municipality")
        ),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        _timestamp("created_at"),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('promoter', 'municipality', 'analyst', 'admin')",
            name=op.f("ck_users_role_known"),
        ),
        sa.CheckConstraint(
            "role <> 'promoter' OR organisation_id IS NOT NULL",
            name=op.f("ck_users_promoter_has_organisation"),
        ),
        sa.CheckConstraint(
            "role <> 'municipality' OR municipality IS NOT NULL",
            name=op.f("ck_users_municipality_user_has_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_users_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(op.f("ix_users_organisation_id"), "users", ["organisation_id"])
    op.create_table(
        "initiatives",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("share_token", sa.String(length=10), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.CheckConstraint(
            "current_version >= 1", name=op.f("ck_initiatives_current_version_positive")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_initiatives_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiatives")),
        sa.UniqueConstraint("share_token", name=op.f("uq_initiatives_share_token")),
    )
    op.create_index(op.f("ix_initiatives_municipality"), "initiatives", ["municipality"])
    op.create_index(op.f("ix_initiatives_organisation_id"), "initiatives", ["organisation_id"])
    op.create_table(
        "initiative_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.String(length=100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        _timestamp("created_at"),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_initiative_versions_number_positive")),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_initiative_versions_author_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiatives.id"],
            name=op.f("fk_initiative_versions_initiative_id_initiatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_versions")),
        sa.UniqueConstraint(
            "initiative_id", "number", name=op.f("uq_initiative_versions_initiative_id_number")
        ),
    )
    op.create_index(
        op.f("ix_initiative_versions_initiative_id"), "initiative_versions", ["initiative_id"]
    )
    op.create_index(op.f("ix_initiative_versions_author_id"), "initiative_versions", ["author_id"])


def downgrade() -> None:
    op.drop_table("initiative_versions")
    op.drop_table("initiatives")
    op.drop_table("users")
    op.drop_table("organisations")

"""Sync: which office signs for each origin database id (issue 9, origin authentication).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 03:55:00
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    origin = op.create_table(
        "sync_database_origin",
        sa.Column("database_id", sa.Uuid(), nullable=False),
        sa.Column("office_code", sa.String(length=6), nullable=False),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("database_id", name=op.f("pk_sync_database_origin")),
    )
    # A district bound the origin databases it already applied changes of (one office
    # each); the others bind with their next bundle. An office keeps nothing: everything
    # it receives comes from its district, and its entity versions name relayed offices.
    connection = op.get_bind()
    role = connection.execute(sa.text("SELECT role FROM installation WHERE id = 1")).scalar()
    if role != "district":
        return
    version = sa.table(
        "sync_entity_version",
        sa.column("database_id", sa.Uuid()),
        sa.column("origin_office", sa.String()),
    )
    rows = connection.execute(
        sa.select(version.c.database_id, sa.func.min(version.c.origin_office))
        .group_by(version.c.database_id)
        .having(sa.func.count(sa.distinct(version.c.origin_office)) == 1)
    ).all()
    now = dt.datetime.now(dt.UTC)
    op.bulk_insert(
        origin,
        [{"database_id": d, "office_code": code, "bound_at": now} for d, code in rows],
    )


def downgrade() -> None:
    op.drop_table("sync_database_origin")

"""Sync: which office signs for each origin database id (issue 9, origin authentication).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 03:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_database_origin",
        sa.Column("database_id", sa.Uuid(), nullable=False),
        sa.Column("office_code", sa.String(length=6), nullable=False),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("database_id", name=op.f("pk_sync_database_origin")),
    )


def downgrade() -> None:
    op.drop_table("sync_database_origin")

"""Offer titles per print language: one JSON column on the offer (issue 12, item 6).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite needs no table rebuild (which would touch the foreign keys).
    op.add_column("offer", sa.Column("titles", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN: a batch rebuild would drop the offer table, which the
    # entries' foreign keys forbid.
    op.drop_column("offer", "titles")

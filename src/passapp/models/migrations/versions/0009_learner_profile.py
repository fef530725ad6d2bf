"""Learner profile: one JSON column on the person (issue 11, item 1).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite needs no table rebuild (which would touch the foreign keys).
    op.add_column("person", sa.Column("learner_profile", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch rebuild would drop the
    # person table, which the foreign keys of passes and entries forbid.
    op.drop_column("person", "learner_profile")

"""Possible duplicates: pairs the district decided are not the same person (issue 11).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissal",
        sa.Column("first_id", sa.Uuid(), nullable=False),
        sa.Column("second_id", sa.Uuid(), nullable=False),
        sa.Column("dismissed_by", sa.String(length=100), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["person.id"],
            name=op.f("fk_duplicate_dismissal_first_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["person.id"],
            name=op.f("fk_duplicate_dismissal_second_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_duplicate_dismissal")),
    )


def downgrade() -> None:
    op.drop_table("duplicate_dismissal")

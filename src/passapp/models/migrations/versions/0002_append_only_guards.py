"""Append-only guards: the database refuses to update entries and audit events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from passapp.models.guards import install_guards, remove_guards

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_guards(op.get_bind())


def downgrade() -> None:
    remove_guards(op.get_bind())

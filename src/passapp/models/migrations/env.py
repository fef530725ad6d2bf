"""Alembic environment: runs on the engine handed over by passapp.models.database."""

from __future__ import annotations

from alembic import context

from passapp.models import sync_entities  # noqa: F401 - registers the sync tables
from passapp.models.entities import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # alembic command line: `alembic -x url=sqlite:///file.db …`
    from passapp.models.database import make_engine

    engine = make_engine(context.get_x_argument(as_dictionary=True)["url"])

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    context.run_migrations()

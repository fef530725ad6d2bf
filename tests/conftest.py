"""Shared fixtures: headless Qt, a fresh real SQLite file per test, a fixed day."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "passapp.sqlite3"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[ServiceContext]:
    context = ServiceContext(
        db=open_database(to_url(str(db_path))), clerk="test", today=lambda: TODAY
    )
    yield context
    context.db.dispose()


@pytest.fixture
def office_ctx(ctx: ServiceContext) -> ServiceContext:
    init_office(
        ctx,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    return ctx

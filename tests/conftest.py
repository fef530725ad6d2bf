"""Shared fixtures: headless Qt, fresh real SQLite files per test, a fixed day.

``office_ctx`` is an office enrolled at a district the way it happens in the field:
office init → office request → district enrol → office install, through real files.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The database-counter ledger (models/identity.py) of the tests stays out of the user's home.
os.environ["PASSAPP_STATE_DIR"] = tempfile.mkdtemp(prefix="passapp-test-state-")

from hypothesis import HealthCheck, settings

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office
from passapp.services.trust import enrol_office, init_district, install_file, write_request

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def make_context(path: Path, clerk: str = "test") -> ServiceContext:
    return ServiceContext(
        db=open_database(to_url(str(path))),
        clerk=clerk,
        today=lambda: TODAY,
        now=lambda: NOW,
        passphrase=None,
        output_folder=path.parent / f"{path.stem}-pdf",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "passapp.sqlite3"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[ServiceContext]:
    context = make_context(db_path)
    yield context
    context.db.dispose()


@pytest.fixture
def district_ctx(tmp_path: Path) -> Iterator[ServiceContext]:
    context = make_context(tmp_path / "district.sqlite3", clerk="district")
    init_district(context, name="Landkreis Dachau", code="LRADAH")
    yield context
    context.db.dispose()


def enrol(
    office: ServiceContext, district: ServiceContext, folder: Path, *, new_key: bool = False
) -> None:
    request, package = folder / "request.json", folder / "package.json"
    write_request(office, request, new_key=new_key)
    enrol_office(district, request, package)
    install_file(office, package)


@pytest.fixture
def unenrolled_office_ctx(ctx: ServiceContext) -> ServiceContext:
    init_office(
        ctx,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    return ctx


@pytest.fixture
def office_ctx(
    unenrolled_office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> ServiceContext:
    enrol(unenrolled_office_ctx, district_ctx, tmp_path)
    return unenrolled_office_ctx

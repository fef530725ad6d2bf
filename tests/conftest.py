"""Shared fixtures: headless Qt, fresh real SQLite files per test, a fixed day.

``office_ctx`` is an office enrolled at a district the way it happens in the field:
office init → office request → district enrol → office install, through real files.

PostgreSQL (DESIGN §7: the district database may be PostgreSQL, same models):

* ``PASSAPP_TEST_POSTGRES_URL`` names a server and a role that may ``CREATE DATABASE``
  (``postgresql+psycopg://passapp_test:…@127.0.0.1:5432/passapp_test``). Without it,
  tests marked ``postgres`` are skipped with that reason; with
  ``PASSAPP_TEST_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) they fail instead, so CI can
  never pass by silently skipping them.
* ``pg_url``: the URL of a fresh, empty database of its own for one test (created with a
  German ICU collation where the server has ICU, like a district server's ``de_DE``),
  dropped afterwards. ``new_pg_url()`` (fixture ``pg_database``) makes more of them, e.g. a
  district and an office database in one test.
* ``any_db_url``: runs a test once on a fresh SQLite file and once on a fresh PostgreSQL
  database (the second marked ``postgres``)::

      def test_something(any_db_url: str) -> None:
          db = open_database(any_db_url)

  ``make_url_context(url, folder)`` builds a ServiceContext on such a URL.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The database-counter ledger (models/identity.py) of the tests stays out of the user's home.
os.environ["PASSAPP_STATE_DIR"] = tempfile.mkdtemp(prefix="passapp-test-state-")
# A database key of the developer's own setup would encrypt every test database; the
# encryption tests set theirs.
os.environ.pop("PASSAPP_DB_KEY_FILE", None)
os.environ.pop("PASSAPP_DB_KEY", None)

from hypothesis import HealthCheck, settings

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office
from passapp.services.trust import enrol_office, init_district, install_file, write_request
from tests.support import qtest_refcounts

# PySide6 6.12's QtTest functions lose a reference to None per call (see the module).
qtest_refcounts.install()

# The fuzz and property tests (bundle reader, QR parser, dates, names, merge) run with fixed
# seeds, so a CI result can be reproduced (issue 9); HYPOTHESIS_PROFILE=explore draws new
# examples on each run, for a longer hunt by hand.
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "explore", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


def make_url_context(url: str, folder: Path, clerk: str = "test") -> ServiceContext:
    """Like :func:`make_context`, on any database URL (SQLite file or PostgreSQL)."""
    return ServiceContext(
        db=open_database(url),
        clerk=clerk,
        today=lambda: TODAY,
        now=lambda: NOW,
        passphrase=None,
        output_folder=folder / f"{clerk}-pdf",
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


@pytest.fixture
def provider(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> Iterator[ServiceContext]:
    """A language course provider in Karlsfeld, enrolled at the same district as
    ``office_ctx`` (which it needs enrolled first: both share the district's trust list)."""
    folder = tmp_path / "vhs"
    folder.mkdir()
    ctx = make_context(folder / "vhs.sqlite3", clerk="vhs")
    init_office(
        ctx, code="VHSKA", name="VHS Karlsfeld", kind="sprachkurstraeger", municipality="Karlsfeld"
    )
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


# --- PostgreSQL --------------------------------------------------------------------------

POSTGRES_URL_VARIABLE = "PASSAPP_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_VARIABLE = "PASSAPP_TEST_REQUIRE_POSTGRES"
NO_POSTGRES = (
    f"PostgreSQL tests need {POSTGRES_URL_VARIABLE}=postgresql+psycopg://USER:PASSWORD@HOST:PORT/DB "
    "(a role that may CREATE DATABASE); .ci/run starts a server and sets it"
)


def _postgres_required() -> bool:
    return os.environ.get(REQUIRE_POSTGRES_VARIABLE, "") not in ("", "0", "false", "no")


def _no_postgres(reason: str) -> NoReturn:
    if _postgres_required():
        pytest.fail(f"{reason} ({REQUIRE_POSTGRES_VARIABLE} is set: PostgreSQL tests must run)")
    pytest.skip(reason)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgres") and not os.environ.get(POSTGRES_URL_VARIABLE):
        _no_postgres(NO_POSTGRES)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the database named by PASSAPP_TEST_POSTGRES_URL (admin work)."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        _no_postgres(NO_POSTGRES)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        # Set but unreachable: a broken setup, never a reason to skip.
        pytest.fail(f"{POSTGRES_URL_VARIABLE} is set but the server does not answer: {error}")
    yield engine
    engine.dispose()


def _create_pg_database(admin: Engine) -> str:
    name = f"passapp_test_{uuid.uuid4().hex[:16]}"
    with admin.connect() as connection:
        try:
            # A German collation like the district's server (de_DE); C ctype keeps it portable.
            connection.execute(
                text(
                    f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'de-DE' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                )
            )
        except DBAPIError:  # a server without ICU (or older than 15): its default collation
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"))
    return name


@pytest.fixture
def pg_database(pg_server: Engine) -> Iterator[Callable[[], str]]:
    """A factory of fresh, empty PostgreSQL databases (URLs); all dropped after the test."""
    made: list[str] = []

    def new_pg_url() -> str:
        name = _create_pg_database(pg_server)
        made.append(name)
        return pg_server.url.set(database=name).render_as_string(hide_password=False)

    yield new_pg_url
    for name in made:
        _drop_pg_database(pg_server, name)


def _drop_pg_database(admin: Engine, name: str) -> None:
    """Drop a test database, ending the test's leftover connections. An autovacuum worker
    (the superuser's) in it cannot be ended by the test role: it finishes within moments,
    so try again briefly before failing."""
    for attempt in range(20):
        try:
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            return
        except DBAPIError:
            if attempt == 19:
                raise
            time.sleep(0.25)


@pytest.fixture
def pg_url(pg_database: Callable[[], str]) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test alone."""
    return pg_database()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return to_url(str(tmp_path / "any.sqlite3"))
    return str(request.getfixturevalue("pg_url"))

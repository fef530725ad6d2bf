"""Fixtures of the desktop tests: the widgets hold a logged-in account's Desk.

``desks(ctx)`` gives a database its first admin (on a context of its own, as another PC
would) and a clerk logged in on ``ctx`` itself, so what a test prepares or checks through
``ctx`` (the services) is what the clerk's window sees, with the office's key unlocked by
the clerk's log-in. Tests of the counter's work use the clerk; the admin's screens (data
exchange, audit, the district's catalogue) the admin.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from passapp.ui import i18n
from passapp.ui.main_window import MainWindow
from passapp.ui.tasks import TaskRunner
from tests.conftest import enrol, init_district, init_office, make_context


@pytest.fixture(autouse=True, scope="session")
def settings_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The app's settings (language, screen-lock minutes) go to a folder of the test run,
    never into the tester's own ~/.config/passapp."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)


ADMIN_NAME, ADMIN_PASSWORD = "leitung", "Rathausplatz 1 in Dachau"
CLERK_NAME, CLERK_PASSWORD = "schalter", "Platz drei im Buergerbuero"


@dataclass(frozen=True)
class Accounts:
    admin: Desk
    clerk: Desk


def make_accounts(ctx: ServiceContext) -> Accounts:
    """The first admin (office or district, as the database is) and a clerk; logged in
    only where the database has them already (a copy of the template below)."""
    path = Path(str(ctx.db.engine.url.database))
    if Gate(ctx).has_accounts():
        admin = Gate(make_context(path, clerk=ADMIN_NAME)).log_in(ADMIN_NAME, ADMIN_PASSWORD)
        return Accounts(admin=admin, clerk=Gate(ctx).log_in(CLERK_NAME, CLERK_PASSWORD))
    district = Gate(ctx).setup_state().is_district
    role = Role.DISTRICT_ADMIN if district else Role.OFFICE_ADMIN
    admin = Gate(make_context(path, clerk=ADMIN_NAME)).add_first_admin(
        ADMIN_NAME, ADMIN_PASSWORD, role
    )
    admin.add_account(CLERK_NAME, Role.CLERK, CLERK_PASSWORD)
    return Accounts(admin=admin, clerk=Gate(ctx).log_in(CLERK_NAME, CLERK_PASSWORD))


# Accounts cost six Argon2id runs (about 0.7 s) per database: the enrolled office and its
# district are made once per test run with their accounts, and each test gets copies.
TEMPLATE_FILES = ("district.sqlite3", "passapp.sqlite3")


@dataclass(frozen=True)
class Template:
    folder: Path
    key_store_secret: str  # what the accounts' log-in opens: the office's keys are under it


@pytest.fixture(scope="session")
def enrolled_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("template")
    district = make_context(folder / "district.sqlite3", clerk="district")
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    district.db.dispose()
    # The district as it is before any office enrolled, for tests that enrol their own.
    shutil.copyfile(folder / "district.sqlite3", folder / "fresh-district.sqlite3")
    office = make_context(folder / "passapp.sqlite3")
    init_office(
        office,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    enrol(office, district, folder)
    office.db.dispose()
    # The same office as an installation from before accounts (the wizard's admin page).
    shutil.copyfile(folder / "passapp.sqlite3", folder / "office-without-accounts.sqlite3")
    # The district keeps its keys plain, as the root fixture makes it: tests enrol further
    # offices at it through the services; its accounts are made when a test asks.
    accounts = make_accounts(office)
    secret = office.passphrase
    assert secret is not None
    accounts.admin.close()
    accounts.clerk.close()
    for context in (office, district):
        context.db.dispose()
    assert not list(folder.glob("*-wal")), "a database was left open"
    return Template(folder, secret)


def _copy_of(template: Path, name: str, folder: Path) -> Path:
    shutil.copyfile(template / name, folder / name)
    return folder / name


@pytest.fixture
def district_ctx(
    enrolled_template: Template, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[ServiceContext]:
    """The district (a copy of the run's template): with EWDAH enrolled where the test
    also has ``office_ctx``, else as before any enrolment."""
    copy = tmp_path / "district.sqlite3"
    enrolled = {"office_ctx", "office_without_accounts_ctx"} & set(request.fixturenames)
    name = "district.sqlite3" if enrolled else "fresh-district.sqlite3"
    shutil.copyfile(enrolled_template.folder / name, copy)
    context = make_context(copy, "district")
    yield context
    context.db.dispose()


@pytest.fixture
def office_without_accounts_ctx(
    enrolled_template: Template, district_ctx: ServiceContext, tmp_path: Path
) -> Iterator[ServiceContext]:
    """The enrolled office as set up before accounts existed (keys still plain)."""
    copy = tmp_path / "passapp.sqlite3"
    shutil.copyfile(enrolled_template.folder / "office-without-accounts.sqlite3", copy)
    context = make_context(copy)
    yield context
    context.db.dispose()


@pytest.fixture
def office_ctx(
    enrolled_template: Template, district_ctx: ServiceContext, tmp_path: Path
) -> Iterator[ServiceContext]:
    """The office enrolled at ``district_ctx``, with its admin and clerk (a copy); its keys
    unlocked, as after a log-in, so tests prepare data through the services."""
    copy = _copy_of(enrolled_template.folder, "passapp.sqlite3", tmp_path)
    context = make_context(copy)
    context.passphrase = enrolled_template.key_store_secret
    yield context
    context.db.dispose()


@pytest.fixture
def desks() -> Iterator[Callable[[ServiceContext], Accounts]]:
    """``desks(ctx)``: the accounts of ctx's database (made once per database)."""
    made: dict[int, Accounts] = {}

    def accounts_of(ctx: ServiceContext) -> Accounts:
        if id(ctx) not in made:
            made[id(ctx)] = make_accounts(ctx)
        return made[id(ctx)]

    yield accounts_of
    for accounts in made.values():
        accounts.admin.close()


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    """English installed into the running application, removed again afterwards."""
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translations(app, "en")
    assert i18n.current_language() == "en"
    try:
        yield
    finally:
        i18n.remove_translations(app)


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    """The worker the screens run their service calls on, shut down after the test."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def clerk_desk(office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts]) -> Desk:
    """A clerk of the enrolled office, logged in on ``office_ctx``."""
    return desks(office_ctx).clerk


@pytest.fixture
def admin_desk(office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts]) -> Desk:
    """The enrolled office's admin (a context of its own on the same database)."""
    return desks(office_ctx).admin


@pytest.fixture
def district_desk(
    district_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts]
) -> Desk:
    """The district's admin."""
    return desks(district_ctx).admin


def show_window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    if desk.may("find"):
        qtbot.waitUntil(shown.search_field.hasFocus)
    return shown


@pytest.fixture
def window(qtbot: QtBot, clerk_desk: Desk) -> Iterator[MainWindow]:
    """The counter window of an enrolled office for a clerk, shown, the search field
    focused."""
    shown = show_window(qtbot, clerk_desk)
    yield shown
    shown.tasks.shutdown()


@pytest.fixture
def admin_window(qtbot: QtBot, admin_desk: Desk) -> Iterator[MainWindow]:
    """The same office's window for its admin."""
    shown = show_window(qtbot, admin_desk)
    yield shown
    shown.tasks.shutdown()


@pytest.fixture
def unenrolled_desk(
    unenrolled_office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts]
) -> Desk:
    """The admin of an office that is set up but not enrolled yet."""
    return desks(unenrolled_office_ctx).admin

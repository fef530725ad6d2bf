"""The command line (DESIGN §8, contract).

``passapp [--db PATH_OR_URL] [--json] COMMAND …``; without a command the desktop app
starts. Exit codes: 0 done, 1 refused, 2 bad input or usage. With ``--json`` exactly one
JSON object goes to stdout (also for errors: ``{"error": …}``); messages go to stderr.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from passapp.atomic import check_output_path
from passapp.domain.dates import (
    PartialDate,
    TwoDigitYears,
    arrival_years,
    birth_years,
    parse_full_date,
)
from passapp.domain.eligibility import STATUS_GERMAN, EligibilityRules, Status, check_eligibility
from passapp.domain.entries import Action, parse_kind, parse_level, parse_status
from passapp.domain.errors import InputError
from passapp.domain.ids import parse_uuid
from passapp.domain.privacy_contact import privacy_contact
from passapp.models.errors import DatabaseError
from passapp.services.errors import InvalidInput, PartialExport, ServiceError
from passapp.services.views import EligibilityView

if TYPE_CHECKING:
    from passapp.models.cipher import DatabaseKey
    from passapp.services.accounts import AccountView
    from passapp.services.demand import DemandReport
    from passapp.services.desk import Desk, Gate
    from passapp.services.district_offices import OfficeRow

EXIT_OK, EXIT_REFUSED, EXIT_INPUT = 0, 1, 2


@dataclass
class Options:
    db: str | None
    as_json: bool
    lang_de: bool = False
    user: str | None = None  # --user / $PASSAPP_USER

    def gate(self, *, create: bool = False, **open_options: Any) -> Gate:
        """The database named by ``--db``, before log-in; only ``office init`` and
        ``district init`` pass ``create``: every other command refuses a missing or empty
        database."""
        if self.db is not None and not self.db.strip():
            raise InvalidInput(
                "--db is empty; give a database file or URL",
                "--db ist leer: bitte eine Datenbankdatei oder -adresse angeben.",
            )
        # Imported here: the services load with it, and ``eligibility`` needs none of them.
        from passapp.services.desk import Gate

        gate = Gate.open(self.db, create=create, **open_options)
        gate.tell_lock_waits(_tell_lock_wait)
        # The command's connections end with it (a process ends them anyway; a caller that
        # runs commands in its own process, a test or a script, gets the file back too).
        command = click.get_current_context(silent=True)
        if command is not None:
            command.call_on_close(gate.close)
        return gate

    def desk(self) -> Desk:
        """The database named by ``--db`` with the account of ``--user`` logged in: every
        command but ``eligibility`` and the set-up acts as an account (issue 10)."""
        gate = self.gate()
        with handled(self):
            return self.log_in(gate)
        raise AssertionError("unreachable")  # pragma: no cover - handled() exits

    def log_in(self, gate: Gate) -> Desk:
        if not gate.has_accounts():
            raise InvalidInput(*NO_ACCOUNTS)
        name = (self.user or "").strip()
        if not name:
            raise InvalidInput(*NO_USER)
        return gate.log_in(name, password_from(PASSWORD_ENV, f"Passwort für {name}"))


NO_USER = (
    "no account: --user NAME or $PASSAPP_USER",
    "Kein Konto angegeben: --user NAME oder $PASSAPP_USER setzen.",
)
NO_ACCOUNTS = (
    "this database has no accounts yet: make the first admin with "
    "`passapp user add NAME --role office-admin` (district-admin at the district)",
    "Diese Datenbank hat noch keine Konten: zuerst das erste Admin-Konto anlegen mit "
    "„passapp user add NAME --role office-admin“ (im Landratsamt district-admin).",
)


# The caller's password (as PGPASSWORD: visible to other processes of the same user and in
# the environment of the shell; for scripts on a PC only its account uses). A new account's
# password comes from $PASSAPP_NEW_PASSWORD or a prompt.
PASSWORD_ENV = "PASSAPP_PASSWORD"
NEW_PASSWORD_ENV = "PASSAPP_NEW_PASSWORD"

# After an erasure whose traces could not all be overwritten yet (services/erasure.py).
WIPE_PENDING = (
    "Gelöschte Daten noch nicht restlos überschrieben: ein anderes Programm liest die "
    "Datenbank (bitte schließen) oder der Speicherplatz reicht nicht; die nächste Löschung "
    "holt es nach."
)


def password_from(variable: str, prompt: str, *, confirm: bool = False) -> str:
    """A password from the environment, else typed at a prompt (hidden); never hangs
    waiting on a pipe."""
    given = os.environ.get(variable)
    if given:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"no password: set ${variable} or run the command in a terminal",
            f"Kein Passwort: ${variable} setzen oder den Befehl im Terminal aufrufen.",
        )
    text: str = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    return text


def _tell_lock_wait(waited: float) -> None:
    # A long import commits in steps; a command that meets one waits and says so once a try.
    click.echo(
        f"Hinweis: Die Datenbank ist gerade belegt (seit {waited:.0f} s, z. B. durch einen "
        "Import); neuer Versuch …",
        err=True,
    )


def emit(options: Options, payload: dict[str, Any], human: str) -> None:
    if options.as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        click.echo(human)


def warn_sample_data(warning: tuple[str, str] | None) -> None:
    """A pass that prints sample data says so on stderr (stdout stays the result)."""
    if warning is not None:
        click.echo(f"passapp: {warning[1]}", err=True)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def fail(options: Options, code: int, message_en: str, message_de: str | None = None) -> NoReturn:
    report_failure(options.as_json, code, message_en, message_de)


def report_failure(
    as_json: bool,
    code: int,
    message_en: str,
    message_de: str | None,
    extra: dict[str, Any] | None = None,
) -> NoReturn:
    """The end of every failed command: one JSON object with ``--json``, one line on stderr."""
    message_en = one_line(message_en)
    message_de = one_line(message_de) if message_de else None
    if as_json:
        payload = {"error": message_en, "error_de": message_de, "exit_code": code, **(extra or {})}
        click.echo(json.dumps(payload, ensure_ascii=False))
    click.echo(f"passapp: {message_de or message_en}", err=True)
    sys.exit(code)


# Input too large or too deep for Python itself: bad input (exit 2), said plainly.
_INPUT_LIMITS: tuple[tuple[type[BaseException], str, str], ...] = (
    (RecursionError, "input nested too deeply", "Die Eingabe ist zu tief verschachtelt."),
    (MemoryError, "input too large", "Die Eingabe ist zu groß."),
    (OverflowError, "number too large", "Eine Zahl ist zu groß."),
    (UnicodeError, "not readable text", "Der Text ist nicht lesbar (Kodierung)."),
)


def describe(error: BaseException) -> tuple[int, str, str | None]:
    """Exit code, English and German message for any error a command can end with."""
    if isinstance(error, ServiceError | DatabaseError):
        return error.exit_code, str(error), error.message_de
    if isinstance(error, InputError):
        return EXIT_INPUT, str(error), error.message_de
    # Imported here: SQLAlchemy loads with the database, not for --help (start time).
    from sqlalchemy.exc import SQLAlchemyError

    from passapp.models.database import describe_failure

    if isinstance(error, SQLAlchemyError | sqlite3.Error):
        failure = describe_failure(error)
        return failure.exit_code, str(failure), failure.message_de
    if isinstance(error, OSError):
        return _describe_os_error(error)
    for kind, english, german in _INPUT_LIMITS:
        if isinstance(error, kind):
            return EXIT_INPUT, f"{english}: {error}", german
    if isinstance(error, ValueError):  # e.g. a malformed id
        return EXIT_INPUT, str(error), f"Ungültige Eingabe: {error}"
    # The last net: still one line, never a traceback (PASSAPP_DEBUG=1 shows it).
    name = type(error).__name__
    return (
        EXIT_REFUSED,
        f"unexpected error: {name}: {error}",
        f"Unerwarteter Fehler ({name}): {error}. Bitte dem Support melden.",
    )


def _describe_os_error(error: OSError) -> tuple[int, str, str]:
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG):
        return EXIT_INPUT, f"{reason}:{where}", f"Datei oder Ordner ungeeignet:{where} ({reason})."
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return EXIT_REFUSED, f"disk full:{where}", "Der Datenträger ist voll; nichts gespeichert."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            EXIT_REFUSED,
            f"{reason}:{where}",
            f"Keine Berechtigung oder schreibgeschützt:{where}.",
        )
    return EXIT_REFUSED, f"{reason}:{where}", f"Datei- oder Systemfehler:{where} ({reason})."


@contextmanager
def handled(options: Options) -> Iterator[None]:
    """Turn the errors of rules and services into messages and exit codes."""
    try:
        yield
    except Exception as error:
        if os.environ.get("PASSAPP_DEBUG"):
            raise
        fail(options, *describe(error))


def _partial(
    options: Options, text: str | None, two_digit: TwoDigitYears | None = None
) -> PartialDate | None:
    if text is None:
        return None
    with handled(options):
        return PartialDate.parse(text, two_digit)
    raise AssertionError("unreachable")  # pragma: no cover - handled() exits


class GermanBadParameter(click.BadParameter):
    def __init__(self, message: str, message_de: str) -> None:
        super().__init__(message)
        self.message_de = message_de


class OutputFile(click.ParamType[Path]):
    """A file to write: refused at once if empty, a device, pipe or socket, or a folder
    (unless ``folder_ok``: a folder for one file per recipient)."""

    name = "file"

    def __init__(self, *, folder_ok: bool = False) -> None:
        self.folder_ok = folder_ok

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if self.folder_ok and str(value).strip() and Path(str(value)).is_dir():
            return Path(str(value))
        try:
            return check_output_path(str(value))
        except InputError as error:
            raise GermanBadParameter(str(error), error.message_de) from None


class InputFile(click.ParamType[Path]):
    """A regular file to read: a FIFO would block and /dev/zero never ends."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(str(value))
        try:
            mode = path.stat().st_mode
        except OSError as error:
            raise GermanBadParameter(
                f"cannot read {path}: {error.strerror}",
                f"Die Datei {path} ist nicht lesbar: {error.strerror}.",
            ) from None
        if not stat.S_ISREG(mode):
            raise GermanBadParameter(
                f"{path} is not a regular file", f"{path} ist keine gewöhnliche Datei."
            )
        return path


OUTPUT_FILE, OUTPUT_FILE_OR_FOLDER, INPUT_FILE = (
    OutputFile(),
    OutputFile(folder_ok=True),
    InputFile(),
)


def _usage_error(error: click.ClickException) -> tuple[int, str, str]:
    """Click's usage errors in one German line (its own text stays English)."""
    english = error.format_message()
    german = getattr(error, "message_de", None)
    hint = _parameter_hint(error)
    if german:
        pass
    elif isinstance(error, click.MissingParameter):
        german = f"Angabe fehlt: {hint}."
    elif isinstance(error, click.NoSuchOption):
        german = f"Unbekannte Option: {error.option_name}."
    elif isinstance(error, click.BadParameter):
        german = f"Ungültiger Wert für {hint}."
    elif type(error).__name__ == "NoArgsIsHelpError" or english.startswith("Missing command"):
        german = "Befehl fehlt; die Befehle zeigt --help."
        english = "missing command; see --help"
    elif english.startswith("No such command"):
        german = f"Unbekannter Befehl: {english.removeprefix('No such command').strip(' .')}."
    elif isinstance(error, click.UsageError):
        german = f"Aufruf fehlerhaft ({english}); Hilfe mit --help."
    else:
        german = f"Fehler: {english}"
    return error.exit_code, english, german


def _parameter_hint(error: click.ClickException) -> str:
    if not isinstance(error, click.BadParameter):
        return ""
    if error.param_hint is not None:
        hint = error.param_hint
        return " / ".join(hint) if not isinstance(hint, str) else hint
    if error.param is not None:
        return error.param.get_error_hint(error.ctx) if error.ctx else str(error.param.name)
    return "einen Parameter"


def _wants_json(argv: Sequence[str]) -> bool:
    """``--json`` among the global options (before the command), as the group parses it."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--json":
            return True
        if token in ("--db", "--lang"):
            next(tokens, None)
        elif not token.startswith("-"):
            return False
    return False


class PassappGroup(click.Group):
    """Every failure ends in one line on stderr, one JSON object with ``--json``, and exit
    code 1 or 2: usage errors, errors of the services, of the database and of the system."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        as_json = _wants_json(argv)
        try:
            result = super().main(argv, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            report_failure(as_json, *_usage_error(error))
        except click.Abort:
            report_failure(as_json, EXIT_REFUSED, "aborted", "Abgebrochen.")
        except Exception as error:
            if os.environ.get("PASSAPP_DEBUG"):
                raise
            report_failure(as_json, *describe(error))
        sys.exit(result if isinstance(result, int) else EXIT_OK)


@click.group(cls=PassappGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    metavar="PATH_OR_URL",
    help="Database file or SQLAlchemy URL (default: $PASSAPP_DB or the user data folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON object on stdout.")
@click.option("--demo", is_flag=True, help="Start the desktop app on a fresh demo district.")
@click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"], case_sensitive=False),
    help="Language of the desktop app (default: $PASSAPP_LANG, the saved choice, else de).",
)
@click.option(
    "--user",
    "user",
    envvar="PASSAPP_USER",
    metavar="NAME",
    help="Act as this account (default: $PASSAPP_USER); password from $PASSAPP_PASSWORD or a "
    "prompt. Every command with a database needs it.",
)
@click.version_option(package_name="passapp")
@click.pass_context
def main(
    ctx: click.Context,
    db: str | None,
    as_json: bool,
    demo: bool,
    language: str | None,
    user: str | None,
) -> None:
    """Bildungs- und Beratungspass des Landkreises Dachau."""
    ctx.obj = Options(db=db, as_json=as_json, user=user)
    if ctx.invoked_subcommand is None:
        from passapp.ui.app import run

        sys.exit(run(database=db, demo=demo, language=language))


# --- eligibility -----------------------------------------------------------------------


@main.command()
@click.option(
    "--birth-date",
    required=True,
    metavar="DATE",
    help="YYYY-MM-DD or TT.MM.JJJJ, 00 for unknown parts; T.M.JJ where the century is clear.",
)
@click.option("--arrival-date", metavar="DATE", help="Arrival in Germany (partial allowed).")
@click.option("--from-abroad", is_flag=True, help="Moved directly from abroad into the district.")
@click.option("--on", "on", metavar="DATE", help="Day of the check (default: today).")
@click.pass_obj
def eligibility(
    options: Options, birth_date: str, arrival_date: str | None, from_abroad: bool, on: str | None
) -> None:
    """Check eligibility alone, without a database."""
    with handled(options):
        day = parse_full_date(on) if on else dt.date.today()
        rules = EligibilityRules()
        result = check_eligibility(
            PartialDate.parse(birth_date, birth_years(day)),
            day,
            arrival_date=_partial(options, arrival_date, arrival_years(day)),
            moved_from_abroad=from_abroad,
            rules=rules,
        )
    view = EligibilityView.of(result, rules)
    emit(options, view.to_json(), _eligibility_text(view))


def _eligibility_text(view: EligibilityView) -> str:
    lines = [f"Anspruch: {STATUS_GERMAN[Status(view.status)]} ({view.status})"]
    lines += [f"  – {text}" for text in view.reasons_de]
    return "\n".join(lines)


# --- office ----------------------------------------------------------------------------


@main.group()
def office() -> None:
    """This database's office."""


@office.command("init")
@click.option(
    "--code",
    required=True,
    help="Office code given by the district (2–6 of 0-9, A-X without I and O).",
)
@click.option("--name", required=True)
@click.option("--kind", required=True, help="auslaenderbehoerde, einwohnermeldeamt, jobcenter, …")
@click.option("--municipality", help="Municipality name or 8-digit key.")
@click.option(
    "--admin",
    metavar="NAME",
    help="The first admin account (default: $PASSAPP_USER); password from $PASSAPP_PASSWORD "
    "or a prompt.",
)
@click.pass_obj
def office_init(
    options: Options,
    code: str,
    name: str,
    kind: str,
    municipality: str | None,
    admin: str | None,
) -> None:
    """Set up a new office database with its first admin (--admin or $PASSAPP_USER)."""
    admin_name, password = _first_admin(options, admin)
    gate = options.gate(create=True)
    with handled(options):
        info, _ = gate.set_up_office(
            code=code,
            name=name,
            kind=kind,
            municipality=municipality,
            admin=admin_name,
            password=password,
        )
    emit(
        options,
        {
            "office": info.code,
            "id": str(info.id),
            "name": info.name,
            "kind": info.kind,
            "municipality_key": info.municipality_key,
            "database_id": str(info.database_id),
            "database": gate.location,
        },
        f"Dienststelle {info.code} „{info.name}“ eingerichtet.",
    )


@office.command("request")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--new-key",
    is_flag=True,
    help="Request a new key (key rotation); the old key stays valid for its passes.",
)
@click.pass_obj
def office_request(options: Options, out: Path, new_key: bool) -> None:
    """Write the enrolment request for the district office."""
    desk = options.desk()
    with handled(options):
        key_id = desk.write_enrolment_request(out, new_key=new_key)
    emit(options, {"request": str(out), "key_id": key_id}, f"Anmeldung geschrieben: {out}")


@office.command("install")
@click.argument("package", type=INPUT_FILE)
@click.pass_obj
def office_install(options: Options, package: Path) -> None:
    """Install the district's certificate package or a newer trust list."""
    desk = options.desk()
    with handled(options):
        result = desk.install_package(package)
    human = f"Eingespielt: {'Zertifikat und ' if result.kind == 'certificate' else ''}Vertrauensliste Nr. {result.trust_list_number}"
    if result.first_install:
        human += f"\nBitte den Fingerabdruck mit dem Landratsamt telefonisch vergleichen:\n  {result.fingerprint}"
    emit(
        options,
        {
            "installed": result.kind,
            "fingerprint": result.fingerprint,
            "trust_list": result.trust_list_number,
            "key_id": result.key_id,
            "first_install": result.first_install,
            "next_pass_sequence": result.next_pass_sequence,
        },
        human,
    )


# --- person ----------------------------------------------------------------------------


@main.group()
def person() -> None:
    """The register of people."""


@person.command("add")
@click.option("--family-name", "family_names", required=True, help="As in the document.")
@click.option("--given-names", default="", help="In their order; empty for single-name persons.")
@click.option("--birth-date", required=True, metavar="DATE")
@click.option("--arrival-date", metavar="DATE")
@click.option("--from-abroad", is_flag=True)
@click.option("--sex", type=click.Choice(["f", "m", "d", "x"]))
@click.option("--nationality", "nationalities", multiple=True, help="ISO 3166 alpha-3, repeatable.")
@click.option("--language", "languages", multiple=True, help="ISO 639, repeatable.")
@click.option("--municipality", help="Municipality of residence, name or key.")
@click.option("--contact")
@click.option("--family-name-original", help="Family name in the original script.")
@click.option("--given-names-original", help="Given names in the original script.")
@click.option(
    "--consent",
    is_flag=True,
    help="The person agreed that their identity is shared with the district office.",
)
@click.option(
    "--consent-language", default="de", show_default=True, help="Language of the notice shown."
)
@click.pass_obj
def person_add(options: Options, /, **values: Any) -> None:
    """Register a person; prints the id and the eligibility."""
    from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput

    with handled(options):
        data = PersonInput(
            family_names=values["family_names"],
            given_names=values["given_names"],
            birth_date=PartialDate.parse(values["birth_date"], birth_years(dt.date.today())),
            arrival_date=_partial(options, values["arrival_date"], arrival_years(dt.date.today())),
            moved_from_abroad=values["from_abroad"],
            sex=values["sex"],
            nationalities=values["nationalities"],
            languages=values["languages"],
            municipality=values["municipality"],
            contact=values["contact"],
            family_names_original=values["family_name_original"],
            given_names_original=values["given_names_original"],
            consent=values["consent"],
            consent_notice_version=CONSENT_NOTICE_VERSION,
            consent_language=values["consent_language"],
        )
    desk = options.desk()
    with handled(options):
        registration = desk.register_person(data)
    for warning in registration.warnings:
        click.echo(f"Hinweis: {warning}", err=True)
    for duplicate in registration.possible_duplicates:
        click.echo(
            f"Hinweis: mögliche Dublette {duplicate.family_names}, {duplicate.given_names} "
            f"({duplicate.birth_date.german()}) – {duplicate.id}",
            err=True,
        )
    emit(
        options,
        registration.to_json(),
        f"{registration.person.id}\n{_eligibility_text(registration.eligibility)}",
    )


@person.command("merge")
@click.argument("duplicate_id")
@click.option("--into", "survivor_id", required=True, help="The record to keep.")
@click.option("--reason", required=True, help="Why both records are the same person.")
@click.pass_obj
def person_merge(options: Options, duplicate_id: str, survivor_id: str, reason: str) -> None:
    """District: merge a person registered twice into the record to keep."""
    desk = options.desk()
    with handled(options):
        result = desk.merge_people(parse_uuid(duplicate_id), parse_uuid(survivor_id), reason)
    passes = ", ".join(result.active_passes) or "keine"
    emit(
        options,
        result.to_json(),
        f"{result.duplicate} zusammengeführt mit {result.survivor}; aktive Pässe: {passes}",
    )


@person.command("duplicates")
@click.option(
    "--limit", type=click.IntRange(min=1), default=200, show_default=True, help="Pairs to list."
)
@click.pass_obj
def person_duplicates(options: Options, limit: int) -> None:
    """District: pairs of records that may be one person, best first (score, reasons)."""
    desk = options.desk()
    with handled(options):
        found = desk.possible_duplicates(limit)
    lines = [
        f"{pair.score:3d}  {_side_text(pair.first)}  ~  {_side_text(pair.second)}\n"
        f"     {', '.join(pair.reasons_de())}"
        for pair in found.pairs
    ]
    lines.append(
        f"{found.total} mögliche Doppelte ({len(found.pairs)} gezeigt), "
        f"{found.dismissed} als verschieden entschieden."
    )
    emit(options, found.to_json(), "\n".join(lines))


@person.command("not-duplicate")
@click.argument("first_id")
@click.argument("second_id")
@click.option("--undo", is_flag=True, help="Take the decision back: the pair is listed again.")
@click.pass_obj
def person_not_duplicate(options: Options, first_id: str, second_id: str, undo: bool) -> None:
    """District: two records are different people, no longer listed (--undo: take it back)."""
    with handled(options):
        first, second = parse_uuid(first_id), parse_uuid(second_id)
    desk = options.desk()
    with handled(options):
        if undo:
            desk.take_back_dismissal(first, second)
        else:
            desk.dismiss_duplicate(first, second)
    if undo:
        emit(
            options,
            {"taken_back": [str(first), str(second)]},
            f"{first} und {second}: Entscheidung zurückgenommen, wieder zu prüfen.",
        )
        return
    emit(
        options,
        {"dismissed": [str(first), str(second)]},
        f"{first} und {second}: als verschiedene Personen vermerkt.",
    )


@person.command("dismissed")
@click.pass_obj
def person_dismissed(options: Options) -> None:
    """District: the pairs decided "different people", newest first (undo: not-duplicate --undo)."""
    desk = options.desk()
    with handled(options):
        pairs = desk.dismissed_duplicates()
    lines = [
        f"{_dismissed_side_text(pair.first, pair.first_state)}  ≠  "
        f"{_dismissed_side_text(pair.second, pair.second_state)}\n"
        f"     von {pair.dismissed_by} am {pair.dismissed_at.astimezone():%d.%m.%Y %H:%M}"
        for pair in pairs
    ]
    lines.append(f"{len(pairs)} Paare als verschiedene Personen entschieden.")
    emit(options, {"pairs": [pair.to_json() for pair in pairs]}, "\n".join(lines))


def _dismissed_side_text(side: Any, state: str) -> str:
    if state == "erased":  # the names are blank: say why
        return f"[gelöscht] ({side.birth_date.german()}, {side.office_code}) {side.id}"
    return _side_text(side) + (" [zusammengeführt]" if state == "merged" else "")


def _side_text(side: Any) -> str:
    return (
        f"{side.family_names}, {side.given_names} ({side.birth_date.german()}, "
        f"{side.office_code}) {side.id}"
    )


@person.command("report")
@click.argument("person_id")
@click.option(
    "--out", "out", required=True, type=OUTPUT_FILE, help="The PDF (F.pdf; F.json beside it)."
)
@click.option(
    "--language",
    help="Second language (ISO 639), default the person's first language with a translation; "
    "de for German only.",
)
@click.pass_obj
def person_report(options: Options, person_id: str, out: Path, language: str | None) -> None:
    """DSGVO Art. 15: write all data held on the person as PDF and JSON; prints both paths."""
    desk = options.desk()
    with handled(options):
        pdf, data = desk.write_access_report(parse_uuid(person_id), out, language)
    emit(options, {"pdf": str(pdf), "json": str(data)}, f"{pdf}\n{data}")


@person.command("erase")
@click.argument("person_id")
@click.option("--reason", required=True, help="Why (the request under DSGVO Art. 17).")
@click.pass_obj
def person_erase(options: Options, person_id: str, reason: str) -> None:
    """Erase a person's personal data (Art. 17); passes are revoked, entries kept."""
    desk = options.desk()
    with handled(options):
        result = desk.erase_person(parse_uuid(person_id), reason)
    passes = ", ".join(result.revoked_passes) or "keine"
    pending = "" if result.wal_cleared else f"\n{WIPE_PENDING}"
    emit(
        options,
        result.to_json(),
        f"{result.person_id} gelöscht; eingezogene Pässe: {passes}{pending}",
    )


@person.command("withdraw-consent")
@click.argument("person_id")
@click.pass_obj
def person_withdraw_consent(options: Options, person_id: str) -> None:
    """The person withdraws consent: the identity no longer leaves this office."""
    desk = options.desk()
    with handled(options):
        withdrawn_at = desk.withdraw_consent(parse_uuid(person_id))
    emit(
        options,
        {"id": person_id, "withdrawn_at": withdrawn_at.isoformat()},
        f"{person_id}: Einwilligung widerrufen am {withdrawn_at:%d.%m.%Y %H:%M} UTC",
    )


@person.command("profile")
@click.argument("person_id")
@click.option("--german-level", metavar="A0…C2", help="Adds an assessment (with --basis, --on).")
@click.option("--basis", default="self-assessed", show_default=True, metavar="BASIS")
@click.option("--on", "assessed_on", metavar="DATE", help="Day of the assessment (default today).")
@click.option("--skill", default="overall", show_default=True, metavar="SKILL")
@click.option("--literacy", metavar="latin|other-script|none")
@click.option("--school-years", metavar="N")
@click.option("--school-qualification", metavar="QUALIFICATION")
@click.option("--training", metavar="vocational|degree")
@click.option("--training-country", metavar="ISO3")
@click.option("--recognition", metavar="not-sought|sought|done")
@click.option("--situation", metavar="SITUATION")
@click.option("--wish", "wishes", multiple=True, help="Entry kind or teilzeit/abendkurs/…")
@click.option("--language", "languages", multiple=True, help="ISO 639, repeatable.")
@click.pass_obj
def person_profile(options: Options, /, person_id: str, **values: Any) -> None:
    """Show the learner profile; with options, change the fields given (the rest stays)."""
    from passapp.services.profile import changed_profile, profile_text

    desk = options.desk()
    with handled(options):
        target = parse_uuid(person_id)
        view = desk.learner_profile(target)
        given = {k: v for k, v in values.items() if v not in (None, ())}
        if given.keys() - {"basis", "skill"}:
            view = desk.set_learner_profile(
                target, changed_profile(view.profile, values, desk.today())
            )
    emit(options, view.to_json(), profile_text(view))


# --- retention --------------------------------------------------------------------------


@main.group()
def retention() -> None:
    """The district's retention period and erasing what is past it."""


@retention.command("run")
@click.option("--dry-run", is_flag=True, help="Only list who would be erased.")
@click.pass_obj
def retention_run(options: Options, dry_run: bool) -> None:
    """Erase the people whose last activity is older than the retention period."""
    desk = options.desk()
    with handled(options):
        erased = desk.run_retention(dry_run=dry_run)
    ids = [str(i) for i in erased]
    verb = "würden gelöscht" if dry_run else "gelöscht"
    emit(options, {"dry_run": dry_run, "erased": ids}, f"{len(ids)} Personen {verb}")


@retention.command("set")
@click.argument("years", type=int)
@click.pass_obj
def retention_set(options: Options, years: int) -> None:
    """District: keep a person's data this many years after the last activity."""
    desk = options.desk()
    with handled(options):
        desk.set_retention_years(years)
    emit(options, {"retention_years": years}, f"Aufbewahrungsfrist: {years} Jahre")


# --- find ------------------------------------------------------------------------------


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 500))
@click.pass_obj
def find(options: Options, text: tuple[str, ...], limit: int) -> None:
    """Find people by name, pass number or birth date."""
    desk = options.desk()
    with handled(options):
        result = desk.find(" ".join(text), limit)
    lines = [
        f"{hit.family_names}, {hit.given_names}\t{hit.birth_date.german()}\t"
        f"{hit.pass_number or '–'}\t{hit.id}"
        for hit in result.hits
    ]
    if result.verification is not None:
        data = result.verification.to_json()
        state = "GÜLTIG" if result.verification.accepted else "NICHT ANNEHMEN"
        lines.insert(
            0,
            f"{state}: Pass {data['pass_number'] or '?'} – {data['reason_de']}, {data['status_de']}",
        )
    emit(options, result.to_json(), "\n".join(lines) if lines else "Nichts gefunden.")


# --- pass ------------------------------------------------------------------------------


@main.group("pass")
def pass_group() -> None:
    """Passes."""


@pass_group.command("issue")
@click.argument("person_id")
@click.option(
    "--language",
    "languages",
    multiple=True,
    help="Second print language (ISO 639): en, ar, fa, uk, ru, tr.",
)
@click.option("--out", "out", type=OUTPUT_FILE, help="Where to write the PDF.")
@click.option("--override-reason", help="Written reason to issue where eligibility needs review.")
@click.pass_obj
def pass_issue(
    options: Options,
    person_id: str,
    languages: tuple[str, ...],
    out: Path | None,
    override_reason: str | None,
) -> None:
    """Issue a pass for a registered person, sign its QR and render the PDF."""
    desk = options.desk()
    with handled(options):
        issued = desk.issue_pass(
            parse_uuid(person_id),
            languages=languages,
            override_reason=override_reason,
            out_pdf=out,
        )
    warn_sample_data(issued.warning)
    emit(options, issued.to_json(), f"{issued.pass_number}\n{issued.pdf}")


@pass_group.command("verify")
@click.argument("qr_text")
@click.option("--family-name", "family_names")
@click.option("--given-names", default="")
@click.option("--birth-date", metavar="DATE")
@click.pass_obj
def pass_verify(
    options: Options,
    qr_text: str,
    family_names: str | None,
    given_names: str,
    birth_date: str | None,
) -> None:
    """Verify a scanned pass offline; optionally check the printed holder."""
    holder = None
    with handled(options):
        if family_names is not None or birth_date is not None:
            if family_names is None or birth_date is None:
                raise InputError(
                    "the holder check needs --family-name and --birth-date (and --given-names if any)",
                    "Für den Abgleich bitte Familienname und Geburtsdatum angeben.",
                )
            holder = (family_names, given_names, PartialDate.parse(birth_date))
    desk = options.desk()
    with handled(options):
        view = desk.verify_pass(qr_text, holder=holder)
    data = view.to_json()
    human = (
        f"{'GÜLTIG' if data['valid'] else 'UNGÜLTIG'} – {data['reason_de']}\n"
        f"Pass {data['pass_number'] or '?'} ({data['status_de']}), Stelle {data['office'] or '?'}, "
        f"ausgestellt {data['issued_on'] or '?'}, Karte {data['generation']}"
        + (
            ""
            if data["holder_matches"] is None
            else f"\nInhaber passt: {'ja' if data['holder_matches'] else 'NEIN'}"
        )
        + (
            f"\nVertrauensliste Nr. {data['trust_list']} vom {data['trust_list_issued_at']}"
            if data["trust_list"]
            else ""
        )
    )
    emit(options, data, human)
    if not view.accepted:
        mismatch = ", Inhaber passt nicht" if data["holder_matches"] is False else ""
        click.echo(
            f"passapp: Pass nicht annehmen: {data['reason_de']}, {data['status_de']}{mismatch}",
            err=True,
        )
        sys.exit(EXIT_REFUSED)


@pass_group.command("revoke")
@click.argument("number")
@click.option("--reason", required=True, help="Why the pass is withdrawn (kept in the audit log).")
@click.pass_obj
def pass_revoke(options: Options, number: str, reason: str) -> None:
    """Withdraw a pass; the trust list carries it to the other offices."""
    desk = options.desk()
    with handled(options):
        change = desk.revoke_pass(number, reason)
    emit(options, change.to_json(), f"{change.pass_number}: eingezogen")


@pass_group.command("replace")
@click.argument("number")
@click.option("--out", "out", type=OUTPUT_FILE, help="Where to write the PDF.")
@click.pass_obj
def pass_replace(options: Options, number: str, out: Path | None) -> None:
    """Print a new card for a lost one: same number, next generation."""
    desk = options.desk()
    with handled(options):
        change = desk.replace_pass(number, out)
    warn_sample_data(change.warning)
    emit(options, change.to_json(), f"{change.pass_number} Karte {change.generation}\n{change.pdf}")


@pass_group.command("sheet")
@click.argument("number")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def pass_sheet(options: Options, number: str, out: Path) -> None:
    """Print the holder's entries so far (entry record sheet, PDF)."""
    desk = options.desk()
    with handled(options):
        path = desk.print_entry_sheet(number, out)
    emit(options, {"pass_number": number, "pdf": str(path)}, str(path))


# --- sync ------------------------------------------------------------------------------


@main.group()
def sync() -> None:
    """Sync bundles between the offices and the district office."""


@sync.command("export")
@click.option(
    "--out",
    "out",
    required=True,
    type=OUTPUT_FILE_OR_FOLDER,
    help="Bundle file, or a folder for one bundle per office.",
)
@click.option("--to", "to", help="District only: the office to write for (default: every office).")
@click.pass_obj
def sync_export(options: Options, out: Path, to: str | None) -> None:
    """Write the changes the recipient has not acknowledged yet."""
    desk = options.desk()
    with handled(options):
        try:
            reports = desk.export_bundles(out, to)
        except PartialExport as error:
            written = {"written": [str(path) for path in error.written]}
            report_failure(options.as_json, error.exit_code, str(error), error.message_de, written)
    lines = [f"{r.path}: an {r.recipient}, {r.changes} Änderungen" for r in reports]
    emit(options, {"bundles": [r.to_json() for r in reports]}, "\n".join(lines))


@sync.command("import")
@click.argument("bundle", type=INPUT_FILE)
@click.pass_obj
def sync_import(options: Options, bundle: Path) -> None:
    """Verify a bundle and merge it in one transaction."""
    desk = options.desk()
    with handled(options):
        report = desk.import_bundle(bundle)
    emit(
        options,
        report.to_json(),
        f"Von {report.sender}: {report.applied} übernommen, {report.skipped} schon vorhanden, "
        f"{report.quarantined} in Quarantäne, {report.conflicts} Konflikte, {report.pending} wartend"
        + (f", {report.dropped} unbekannte Angaben verworfen" if report.dropped else "")
        + (
            f", {report.conflicts_settled} Konflikte anderswo entschieden"
            if report.conflicts_settled
            else ""
        )
        + (f"\n{report.audit_problem}" if report.audit_problem else "")
        + ("" if report.wal_cleared else f"\n{WIPE_PENDING}"),
    )


@sync.command("status")
@click.pass_obj
def sync_status(options: Options) -> None:
    """Versions applied, peers, pending and quarantined changes."""
    desk = options.desk()
    with handled(options):
        data = desk.sync_status().as_json()
    emit(options, data, json.dumps(data, indent=2, ensure_ascii=False))


@sync.command("conflicts")
@click.pass_obj
def sync_conflicts(options: Options) -> None:
    """Changes that lost against a change made elsewhere, kept for review."""
    desk = options.desk()
    with handled(options):
        conflicts = [conflict.as_json() for conflict in desk.list_conflicts()]
    lines = [
        f"{c['entity_type']} {c['entity_id']} {c['field']}: übernommen {c['applied']}, zurückgestellt {c['kept']}"
        for c in conflicts
    ]
    emit(options, {"conflicts": conflicts}, "\n".join(lines) or "Keine offenen Konflikte.")


@sync.command("resolve")
@click.argument("conflict_id")
@click.option(
    "--keep",
    type=click.Choice(["applied", "other"]),
    required=True,
    help="applied: keep the value the merge rule applied; other: take the value that lost "
    "(a new change that travels in the next bundle).",
)
@click.pass_obj
def sync_resolve(options: Options, conflict_id: str, keep: str) -> None:
    """Decide a conflict listed by ``sync conflicts``."""
    desk = options.desk()
    with handled(options):
        decision = desk.resolve_conflict(conflict_id, keep)
    kept = "übernommener Wert behalten" if keep == "applied" else "anderer Wert übernommen"
    emit(
        options,
        decision.to_json(),
        f"Konflikt {decision.id} ({decision.field}) entschieden: {kept}: {decision.value}",
    )


# --- district and enrolment -------------------------------------------------------------


@main.group()
def district() -> None:
    """The district office: root key, enrolment, trust list."""


@district.command("init")
@click.option("--name", required=True)
@click.option(
    "--code",
    required=True,
    help="The district office's own code (2–6 of 0-9, A-X without I and O).",
)
@click.option(
    "--admin",
    metavar="NAME",
    help="The first admin account (default: $PASSAPP_USER); password from $PASSAPP_PASSWORD "
    "or a prompt.",
)
@click.pass_obj
def district_init(options: Options, name: str, code: str, admin: str | None) -> None:
    """New district database with its root key and first admin (--admin or
    $PASSAPP_USER); prints the key's fingerprint."""
    admin_name, password = _first_admin(options, admin)
    gate = options.gate(create=True)
    with handled(options):
        info, _ = gate.set_up_district(name=name, code=code, admin=admin_name, password=password)
    emit(
        options,
        {
            "district": info.code,
            "name": info.name,
            "fingerprint": info.fingerprint,
            "trust_list": info.trust_list_number,
        },
        f"Landkreis {info.name} ({info.code}) eingerichtet.\nFingerabdruck des Landkreis-Schlüssels:\n  {info.fingerprint}",
    )


@district.command("enrol")
@click.argument("request", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--replace-key",
    is_flag=True,
    help="The office's database was re-installed: retire the code's active key (audited).",
)
@click.pass_obj
def district_enrol(options: Options, request: Path, out: Path, replace_key: bool) -> None:
    """Sign an office's request into a certificate package."""
    desk = options.desk()
    with handled(options):
        result = desk.enrol_office(request, out, replace_key=replace_key)
    retired = "".join(f"\nAlter Schlüssel {key} stillgelegt." for key in result.retired_key_ids)
    emit(
        options,
        {
            "office": result.office_code,
            "key_id": result.key_id,
            "valid_until": result.valid_until.isoformat(),
            "fingerprint": result.fingerprint,
            "trust_list": result.trust_list_number,
            "package": str(out),
            "retired_key_ids": list(result.retired_key_ids),
            "last_pass_sequence": result.last_pass_sequence,
        },
        f"Dienststelle {result.office_code} angemeldet (Schlüssel {result.key_id}, gültig bis {result.valid_until:%d.%m.%Y}).{retired}\n"
        f"Fingerabdruck des Landkreis-Schlüssels zum Vergleich am Telefon:\n  {result.fingerprint}",
    )


@district.command("trust-list")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def district_trust_list(options: Options, out: Path) -> None:
    """Sign and write the next trust list for the offices."""
    desk = options.desk()
    with handled(options):
        number = desk.export_trust_list(out)
    emit(options, {"trust_list": number, "file": str(out)}, f"Vertrauensliste Nr. {number}: {out}")


@district.command("privacy-contact")
@click.option("--name", required=True, help="Data protection officer (or office), as printed.")
@click.option("--address", required=True, help="Postal address of the controller, one line.")
@click.option("--email", help="E-mail address (this or --phone, or both).")
@click.option("--phone", help="Phone number.")
@click.pass_obj
def district_privacy_contact(
    options: Options, name: str, address: str, email: str | None, phone: str | None
) -> None:
    """Set the privacy contact every pass prints; the next bundles carry it to the offices."""
    desk = options.desk()
    with handled(options):
        contact = desk.set_privacy_contact(privacy_contact(name, address, email, phone))
    emit(options, contact.to_json(), f"Datenschutz-Kontakt: {contact.printed()}")


@district.command("compromised")
@click.argument("office_code")
@click.option("--key-id", required=True, type=int)
@click.option(
    "--after",
    "after",
    required=True,
    metavar="DATE",
    help="Passes signed after this day are refused.",
)
@click.option("--reason", help="Why the key is taken for lost (kept in the audit log).")
@click.pass_obj
def district_compromised(
    options: Options, office_code: str, key_id: int, after: str, reason: str | None
) -> None:
    """Mark an office key as compromised from a date on."""
    desk = options.desk()
    with handled(options):
        day = parse_full_date(after)
        number = desk.mark_key_compromised(
            office_code, key_id, dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC), reason
        )
    emit(options, {"trust_list": number}, f"Schlüssel gesperrt; Vertrauensliste Nr. {number}")


@district.command("offices")
@click.option("--silent", "only_silent", is_flag=True, help="Only the offices gone silent.")
@click.option("--json", "as_json", is_flag=True, help="Same as the global --json.")
@click.pass_obj
def district_offices(options: Options, only_silent: bool, as_json: bool) -> None:
    """The enrolled offices: keys, last bundle received, silent ones marked."""
    options.as_json = options.as_json or as_json
    desk = options.desk()
    with handled(options):
        listed = desk.list_offices()
    rows = [office for office in listed.offices if office.silent or not only_silent]
    payload = listed.to_json()
    payload["offices"] = [office.to_json() for office in rows]
    heading = f"Still: ohne Paket seit mehr als {listed.silent_after_days} Tagen."
    lines = [_office_line(office) for office in rows]
    emit(options, payload, "\n".join([heading, *lines]) if lines else "Keine Dienststelle.")


def _office_line(office: OfficeRow) -> str:
    if office.is_district:
        bundles = "eigene Dienststelle"
    elif office.last_bundle_at is not None:
        bundles = f"letztes Paket {office.last_bundle_at.astimezone():%d.%m.%Y}"
    else:
        bundles = "noch kein Paket"
    if office.silent:
        bundles += f"  STILL seit {office.days_without_bundle} Tagen"
    if any(key.compromised_after is not None for key in office.keys):
        bundles += "  Schlüssel kompromittiert"
    return f"{office.code:<7} {office.name[:40]:<40} {bundles}"


@district.command("silent-days")
@click.argument("days", type=int)
@click.pass_obj
def district_silent_days(options: Options, days: int) -> None:
    """After how many days without a bundle an office counts as silent (default 30)."""
    desk = options.desk()
    with handled(options):
        stored = desk.set_silent_days(days)
    emit(
        options,
        {"silent_after_days": stored},
        f"Dienststellen gelten nach {stored} Tagen ohne Paket als still.",
    )


@district.command("pass-status")
@click.argument("number")
@click.option("--revoked", is_flag=True, help="The issuing office withdrew the pass.")
@click.option("--generation", type=int, help="The lowest valid card generation.")
@click.option("--reason")
@click.pass_obj
def district_pass_status(
    options: Options, number: str, revoked: bool, generation: int | None, reason: str | None
) -> None:
    """Record an office's report about its pass for the next trust list."""
    desk = options.desk()
    with handled(options):
        change = desk.record_pass_status(
            number, revoked=revoked, generation=generation, reason=reason
        )
    emit(
        options,
        change.to_json(),
        f"{change.pass_number}: {change.status}, Karte {change.generation}",
    )


# --- entry -----------------------------------------------------------------------------


@main.group()
def entry() -> None:
    """The entry log of a pass."""


@entry.command("add")
@click.argument("pass_reference", metavar="PASS")
@click.option("--kind", required=True, help="sprachkurs, integrationskurs, beratung, …")
@click.option("--date", "start", required=True, metavar="DATE", help="Day of the entry or start.")
@click.option("--end-date", metavar="DATE")
@click.option("--status", help="empfohlen, angemeldet, begonnen, abgeschlossen, abgebrochen")
@click.option("--title")
@click.option("--provider")
@click.option("--offer", help="Offer id (slug) from the catalogue.")
@click.option("--level", help="CEFR level A1…C2.")
@click.option("--result")
@click.option("--corrects", metavar="ENTRY_ID", help="This entry corrects an earlier one.")
@click.option("--cancels", metavar="ENTRY_ID", help="This entry cancels an earlier one.")
@click.pass_obj
def entry_add(options: Options, /, pass_reference: str, **values: Any) -> None:
    """Log an entry against a pass (append-only)."""
    from passapp.services.entries import EntryInput

    with handled(options):
        if values["corrects"] and values["cancels"]:
            raise InputError(
                "give either --corrects or --cancels, not both",
                "Bitte entweder korrigieren oder stornieren.",
            )
        action, refers_to = Action.RECORD, None
        if values["corrects"]:
            action, refers_to = Action.CORRECTION, parse_uuid(values["corrects"])
        elif values["cancels"]:
            action, refers_to = Action.CANCELLATION, parse_uuid(values["cancels"])
        data = EntryInput(
            kind=parse_kind(values["kind"]),
            start_date=parse_full_date(values["start"]),
            end_date=parse_full_date(values["end_date"]) if values["end_date"] else None,
            status=parse_status(values["status"]) if values["status"] else None,
            title=values["title"],
            provider=values["provider"],
            offer_slug=values["offer"],
            level=parse_level(values["level"]) if values["level"] else None,
            result=values["result"],
            action=action,
            refers_to=refers_to,
        )
    desk = options.desk()
    with handled(options):
        view = desk.add_entry(pass_reference, data)
    emit(options, view.to_json(), str(view.id))


@entry.command("list")
@click.argument("pass_reference", metavar="PASS")
@click.pass_obj
def entry_list(options: Options, pass_reference: str) -> None:
    """List the entries of a pass."""
    desk = options.desk()
    with handled(options):
        log = desk.list_entries(pass_reference)
    lines = [f"Pass {log.pass_number} ({log.pass_status})"]
    for item in log.entries:
        mark = " [storniert]" if item.cancelled else " [korrigiert]" if item.superseded_by else ""
        lines.append(
            f"{item.date.strftime('%d.%m.%Y')}  {item.kind:<18} {item.title or ''} "
            f"{item.level or ''} {item.result or ''} ({item.office}){mark}  {item.id}"
        )
    emit(options, log.to_json(), "\n".join(lines))


# --- accounts ----------------------------------------------------------------------------


def _first_admin(options: Options, admin: str | None) -> tuple[str, str]:
    """The first admin's name (``--admin``, else ``$PASSAPP_USER``) and password, checked
    before anything is set up, so a missing name or a weak password leaves no database
    behind."""
    from passapp.domain.accounts import account_name, password_problem

    with handled(options):
        given = admin if admin is not None else options.user
        if not (given or "").strip():
            raise InvalidInput(
                "the first admin is missing: --admin NAME or $PASSAPP_USER",
                "Das erste Admin-Konto fehlt: --admin NAME oder $PASSAPP_USER angeben.",
            )
        name = account_name(given or "")
        password = password_from(PASSWORD_ENV, f"Passwort für {name}", confirm=True)
        problem = password_problem(name, password)
        if problem is not None:
            raise InvalidInput(*problem)
        return name, password
    raise AssertionError("unreachable")  # pragma: no cover - handled() exits


def _account_json(account: AccountView) -> dict[str, Any]:
    return {
        "name": account.name,
        "role": account.role.value,
        "disabled": account.disabled,
        "locked": account.locked,
        "failed_logins": account.failed_logins,
        "created_at": account.created_at.isoformat(),
        "last_login_at": None
        if account.last_login_at is None
        else account.last_login_at.isoformat(),
    }


@main.group()
def user() -> None:
    """Accounts of this installation (an admin's work: --user NAME). On a database from
    before accounts, ``user add`` makes the first admin (password: $PASSAPP_PASSWORD)."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["clerk", "office-admin", "district-admin", "auditor"]),
)
@click.pass_obj
def user_add(options: Options, name: str, role: str) -> None:
    """A new account; its password from $PASSAPP_NEW_PASSWORD or a prompt."""
    from passapp.domain.accounts import Role

    gate = options.gate()
    with handled(options):
        if gate.has_accounts():
            desk = options.log_in(gate)
            password = password_from(NEW_PASSWORD_ENV, f"Passwort für {name}", confirm=True)
            added = desk.add_account(name, Role(role), password)
        else:
            # An installation from before accounts: its first admin is the caller, who
            # logs in with this password from now on.
            password = password_from(PASSWORD_ENV, f"Passwort für {name}", confirm=True)
            added = gate.add_first_admin(name, password, Role(role)).account
    emit(options, _account_json(added), f"Konto {added.name} ({added.role.value}) angelegt.")


@user.command("list")
@click.pass_obj
def user_list(options: Options) -> None:
    """The accounts, their roles and whether they are locked."""
    desk = options.desk()
    with handled(options):
        accounts = desk.list_accounts()
    lines = [
        f"{a.name:<20} {a.role.value:<15}"
        + (" gesperrt" if a.locked else "")
        + (" deaktiviert" if a.disabled else "")
        for a in accounts
    ]
    emit(
        options,
        {"accounts": [_account_json(a) for a in accounts]},
        "\n".join(lines) or "Keine Konten.",
    )


@user.command("disable")
@click.argument("name")
@click.pass_obj
def user_disable(options: Options, name: str) -> None:
    """Disable an account (it can no longer log in; its records keep its name)."""
    desk = options.desk()
    with handled(options):
        changed = desk.disable_account(name)
    emit(options, _account_json(changed), f"Konto {changed.name} deaktiviert.")


@user.command("enable")
@click.argument("name")
@click.pass_obj
def user_enable(options: Options, name: str) -> None:
    """Let a disabled account log in again (a lock after wrong passwords stays: `user
    password` lifts it)."""
    desk = options.desk()
    with handled(options):
        changed = desk.enable_account(name)
    emit(options, _account_json(changed), f"Konto {changed.name} wieder aktiv.")


@user.command("password")
@click.argument("name")
@click.pass_obj
def user_password(options: Options, name: str) -> None:
    """A new password (from $PASSAPP_NEW_PASSWORD or a prompt); an admin's new password
    also lifts a lock after wrong passwords."""
    from passapp.domain.accounts import account_name

    desk = options.desk()
    with handled(options):
        password = password_from(NEW_PASSWORD_ENV, f"Neues Passwort für {name}", confirm=True)
        if account_name(name) == desk.account.name:
            changed = desk.change_own_password(password)
        else:
            changed = desk.reset_password(name, password)
    emit(options, _account_json(changed), f"Passwort von {changed.name} geändert.")


# --- audit -----------------------------------------------------------------------------


@main.group()
def audit() -> None:
    """The audit log: who wrote, opened, printed, exported or imported what."""


@audit.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Same as the global --json.")
@click.pass_obj
def audit_verify(options: Options, as_json: bool) -> None:
    """Check the hash chain; exit 1 naming the first changed, removed or reordered event."""
    options.as_json = options.as_json or as_json
    desk = options.desk()
    with handled(options):
        result = desk.check_audit_log()
    emit(options, result.to_json(), result.message_de())
    if not result.ok:
        if options.as_json:
            click.echo(f"passapp: {result.message_de()}", err=True)
        sys.exit(EXIT_REFUSED)


# --- database: SQLCipher encryption (issue 10) -------------------------------------------
# Self-contained: the conversion is a Desk use case of office admins, so these commands
# always log in (--user); the database is opened here with the key they need.


@main.group()
def database() -> None:
    """The database file: encrypt it with SQLCipher, or write a plain copy (an admin's work:
    --user NAME). Afterwards every program needs $PASSAPP_DB_KEY_FILE (or $PASSAPP_DB_KEY)."""


def _database_desk(options: Options, key: DatabaseKey | None) -> Desk:
    """The logged-in Desk of an admin on the database opened with ``key`` (None: as a plain
    file, whatever key the environment names)."""
    with handled(options):
        return options.log_in(options.gate(key=key))
    raise AssertionError("unreachable")  # pragma: no cover - handled() exits


@database.command("encrypt")
@click.option(
    "--key-file",
    "key_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The key file: read if it exists, else made with a new random key. Not in the "
    "database's folder.",
)
@click.pass_obj
def database_encrypt(options: Options, key_file: Path) -> None:
    """Encrypt this plain SQLite database in place (close passapp everywhere first)."""
    desk = _database_desk(options, None)
    with handled(options):
        done = desk.encrypt_database(key_file)
    lines = [
        f"Datenbank {done.database} verschlüsselt. Jedes Programm braucht ab jetzt den "
        f"Schlüssel: PASSAPP_DB_KEY_FILE={done.key_file}",
    ]
    if done.key_created:
        lines.append(
            f"Neuer Schlüssel in {done.key_file}: sicher aufbewahren (ohne ihn sind die Daten "
            "verloren) und nie neben der Datenbank oder ihren Sicherungen."
        )
    if not done.plain_overwritten:
        lines.append(
            "Hinweis: Die alte unverschlüsselte Datei wurde nur gelöscht, nicht überschrieben "
            "(das Dateisystem kennt keine harten Links)."
        )
    lines += [
        f"Achtung: {backup} ist eine unverschlüsselte Sicherung mit allen Daten; löschen oder "
        "sicher verwahren."
        for backup in done.plain_backups
    ]
    emit(
        options,
        {
            "database": str(done.database),
            "key_file": str(done.key_file),
            "key_created": done.key_created,
            "plain_overwritten": done.plain_overwritten,
            "plain_backups": [str(backup) for backup in done.plain_backups],
        },
        "\n".join(lines),
    )


@database.command("rekey")
@click.option(
    "--key-file",
    "key_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file holding the database's current key.",
)
@click.option(
    "--new-key-file",
    "new_key_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new key: read if the file exists, else made with a new random key. Not in "
    "the database's folder.",
)
@click.pass_obj
def database_rekey(options: Options, key_file: Path, new_key_file: Path) -> None:
    """Put this encrypted database under a new key in place (close passapp everywhere
    first); the old key opens nothing of it afterwards, but still opens older backups."""
    from passapp.models.cipher import read_key_file

    with handled(options):
        key = read_key_file(key_file)
    desk = _database_desk(options, key)
    with handled(options):
        done = desk.rekey_database(new_key_file)
    lines = [
        f"Datenbank {done.database} steht unter dem neuen Schlüssel. Jedes Programm braucht "
        f"ab jetzt: PASSAPP_DB_KEY_FILE={done.key_file}",
        "Sicherungen von vorher bleiben unter dem alten Schlüssel: ihn so lange sicher "
        "aufbewahren, wie sie gebraucht werden.",
    ]
    if not done.old_overwritten:
        lines.append(
            "Hinweis: Die Datei unter dem alten Schlüssel wurde nur gelöscht, nicht "
            "überschrieben (das Dateisystem kennt keine harten Links)."
        )
    emit(
        options,
        {
            "database": str(done.database),
            "key_file": str(done.key_file),
            "key_created": done.key_created,
            "old_overwritten": done.old_overwritten,
        },
        "\n".join(lines),
    )


@database.command("decrypt")
@click.option(
    "--key-file",
    "key_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file holding the database key.",
)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def database_decrypt(options: Options, key_file: Path, out: Path) -> None:
    """Write a plain copy of this encrypted database, for support (it holds every name in
    the clear: delete it after use)."""
    from passapp.models.cipher import read_key_file

    with handled(options):
        key = read_key_file(key_file)
    desk = _database_desk(options, key)
    with handled(options):
        copy = desk.decrypt_database_copy(out)
    emit(
        options,
        {"out": str(copy)},
        f"Unverschlüsselte Kopie geschrieben: {copy}. Sie enthält alle Namen im Klartext; "
        "nach dem Gebrauch löschen.",
    )


# --- backup and restore (issue 12) ------------------------------------------------------


@main.command("backup")
@click.option("--out", "out", required=True, type=OUTPUT_FILE, help="The backup file to write.")
@click.pass_obj
def backup_command(options: Options, out: Path) -> None:
    """Write a consistent copy of the database (while passapp goes on working; encrypted if
    the database is). An admin's work (--user NAME)."""
    desk = options.desk()
    with handled(options):
        done = desk.backup_database(out)
    emit(
        options,
        done.as_json(),
        f"Sicherung geschrieben: {done.path} ({done.size // 1024} KB"
        f"{', verschlüsselt' if done.encrypted else ''}).",
    )


@main.command("restore")
@click.argument("backup_file", metavar="FILE", type=click.Path(path_type=Path))
@click.option(
    "--db",
    "target",
    metavar="PATH",
    help="The database file to replace (default: the global --db, $PASSAPP_DB or the user "
    "data folder's database).",
)
@click.pass_obj
def restore_command(options: Options, backup_file: Path, target: str | None) -> None:
    """Put a backup in place of the database (close passapp everywhere first). --user NAME
    is an admin of the BACKUP's accounts; the replaced database is kept beside it."""
    from passapp.services.desk import restore_backup

    with handled(options):
        name = (options.user or "").strip()
        if not name:
            raise InvalidInput(*NO_USER)
        password = password_from(PASSWORD_ENV, f"Passwort für {name} (aus der Sicherung)")
        done = restore_backup(backup_file, target or options.db, account=name, password=password)
    lines = [
        f"Sicherung {backup_file} zurückgespielt nach {done.database}; neue Datenbank-Kennung "
        f"{done.database_id}."
    ]
    if done.replaced is not None:
        lines.append(f"Die ersetzte Datenbank bleibt erhalten: {done.replaced}")
    else:
        lines.append(
            "Es gab keine Datenbank zu ersetzen: Löschungen seit der Sicherung bitte anhand "
            "des Löschprotokolls prüfen."
        )
    if done.erased_again:
        lines.append(f"{done.erased_again} Personen erneut gelöscht (nach der Sicherung gelöscht).")
    emit(options, done.as_json(), "\n".join(lines))


# --- offers catalogue (issue 11) ---------------------------------------------------------


@main.group()
def offers() -> None:
    """The offers catalogue; kept by the district, also as a CSV or XLSX file."""


@offers.command("list")
@click.argument("text", nargs=-1)
@click.option("--all", "include_inactive", is_flag=True, help="Also the deactivated offers.")
@click.pass_obj
def offers_list(options: Options, text: tuple[str, ...], include_inactive: bool) -> None:
    """The catalogue by category and title; TEXT narrows it."""
    desk = options.desk()
    with handled(options):
        found = desk.list_offers(" ".join(text), include_inactive=include_inactive)
    lines = [
        f"{o.slug:<40} {o.category:<18} {o.title} ({o.provider})"
        + "".join(f" | {code}: {title}" for code, title in sorted(o.titles.items()))
        + ("" if o.active else " [inaktiv]")
        for o in found
    ]
    emit(options, {"offers": [o.to_json() for o in found]}, "\n".join(lines) or "Keine Angebote.")


@offers.command("import")
@click.argument("file", type=INPUT_FILE)
@click.option(
    "--deactivate-missing",
    is_flag=True,
    help="Deactivate the active offers the file does not list (default: leave them alone).",
)
@click.pass_obj
def offers_import(options: Options, file: Path, deactivate_missing: bool) -> None:
    """Apply a catalogue file (.csv or .xlsx) whole, or nothing if any row is wrong."""
    from passapp.services.offer_files import CatalogueFileInvalid

    desk = options.desk()
    with handled(options):
        try:
            report = desk.import_offers(file, deactivate_missing=deactivate_missing)
        except CatalogueFileInvalid as error:
            problems = {"problems": [problem.to_json() for problem in error.problems]}
            report_failure(options.as_json, error.exit_code, str(error), error.message_de, problems)
    emit(
        options,
        report.to_json(),
        f"{report.created} neu, {report.updated} geändert, {report.unchanged} unverändert, "
        f"{report.deactivated} deaktiviert.",
    )


@offers.command("export")
@click.option("--out", "out", required=True, type=OUTPUT_FILE, help="A .csv or .xlsx file.")
@click.pass_obj
def offers_export(options: Options, out: Path) -> None:
    """Write the whole catalogue (also deactivated offers) as CSV or XLSX."""
    desk = options.desk()
    with handled(options):
        count = desk.export_offers(out)
    emit(options, {"offers": count, "file": str(out)}, f"{count} Angebote in {out} geschrieben.")


# --- reports (issue 11) ------------------------------------------------------------------


@main.group()
def report() -> None:
    """The district's figures for planning offers (small numbers suppressed)."""


@report.command("demand")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "xlsx", "pdf", "json"]),
    help="Default: the ending of --out.",
)
@click.option("--from", "issued_from", metavar="DATE", help="Passes issued on or after.")
@click.option("--to", "issued_to", metavar="DATE", help="Passes issued on or before.")
@click.option("--municipality", metavar="NAME|KEY", help="Holders living there only.")
@click.option("--out", "out", type=OUTPUT_FILE, help="The file (.csv, .xlsx, .json or .pdf).")
@click.pass_obj
def report_demand(
    options: Options,
    file_format: str | None,
    issued_from: str | None,
    issued_to: str | None,
    municipality: str | None,
    out: Path | None,
) -> None:
    """Demand figures: holders, entries and offers in tables, each suppressed."""
    from passapp.services.demand import DemandFilters
    from passapp.services.demand_files import report_json, write_report

    desk = options.desk()
    with handled(options):
        chosen = _report_format(file_format, out)
        filters = DemandFilters(
            issued_from=parse_full_date(issued_from) if issued_from else None,
            issued_to=parse_full_date(issued_to) if issued_to else None,
            municipality=municipality,
        )
        figures = desk.demand_report(filters)
        if out is not None:
            write_report(figures, out, chosen)
    if out is None:
        emit(options, report_json(figures), _demand_text(figures))
        return
    emit(
        options,
        {"file": str(out), "format": chosen, "tables": len(figures.tables)},
        f"{len(figures.tables)} Tabellen in {out} geschrieben.",
    )


def _report_format(file_format: str | None, out: Path | None) -> str:
    chosen = file_format or (out.suffix.lower().lstrip(".") if out else "json")
    if chosen == "pdf" and out is None:
        raise InvalidInput(
            "the PDF report needs a file: give --out F.pdf",
            "Der PDF-Bericht braucht eine Datei: bitte --out F.pdf angeben.",
        )
    if chosen not in ("csv", "xlsx", "json", "pdf"):
        raise InvalidInput(
            f"unknown report format {chosen!r}; use .csv, .xlsx, .json or .pdf (or --format)",
            f"Unbekanntes Format „{chosen}“; bitte .csv, .xlsx, .json oder .pdf (oder --format).",
        )
    return chosen


def _demand_text(figures: DemandReport) -> str:
    from passapp.services.demand_files import table_lines

    blocks = []
    for table in figures.tables:
        lines = [" | ".join(str(cell) for cell in line) for line in table_lines(table)]
        blocks.append("\n".join([table.title, *lines]))
    return "\n\n".join(blocks)

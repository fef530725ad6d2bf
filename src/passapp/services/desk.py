"""The services as one object per logged-in account (issue 10): what the desktop app and
the command line hold, and the one place the role rules are enforced.

:class:`Gate` is an opened database before anybody has logged in: it can tell whether the
installation is set up, make the first admin at set-up, and log an account in. Logging in
gives a :class:`Desk`, whose methods are the use cases. Each method first asks
``domain.accounts.may`` whether the account's role has the permission the use case needs
(the table in :data:`NEEDS`); a refusal raises :class:`PermissionDenied` (exit 1), is
written to the audit log and changes nothing else. Methods take and return frozen
dataclasses (views), never ORM objects or sessions.

The service modules stay the implementation, each function owning its transaction; the
ui and the cli never call them directly (``tests/test_architecture.py`` checks that).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from passapp.domain.accounts import (
    ADMIN_ROLES,
    ROLE_LABELS_DE,
    Permission,
    Role,
    account_name,
    may,
)
from passapp.domain.dates import PartialDate
from passapp.domain.privacy_contact import PrivacyContact
from passapp.services import (
    access_report,
    accounts,
    audit,
    backup,
    choices,
    conflicts,
    demand,
    demo,
    district_offices,
    duplicates,
    encryption,
    entries,
    erasure,
    merges,
    offer_files,
    offers,
    overview,
    passes,
    people,
    privacy_contact,
    profile,
    search,
    setup,
    sync,
    trust,
    verification,
)
from passapp.services.context import ServiceContext, open_context
from passapp.services.errors import Refused
from passapp.services.offices import OfficeInfo, current_office, init_office
from passapp.services.progress import Progress
from passapp.services.views import EligibilityView, PersonView

# What each use case needs. One table, read by Desk._require, by the tests (every use case
# is tried with every role) and by the ui (which hides what the account may not do).
NEEDS: Final[Mapping[str, Permission]] = {
    # The counter's work: any role with COUNTER.
    "find": Permission.COUNTER,
    "register_person": Permission.COUNTER,
    "preview_registration": Permission.COUNTER,
    "update_person": Permission.COUNTER,
    "get_person": Permission.COUNTER,
    "person_input": Permission.COUNTER,
    "set_learner_profile": Permission.COUNTER,
    "learner_profile": Permission.COUNTER,
    "check_person": Permission.COUNTER,
    "person_overview": Permission.COUNTER,
    "note_person_opened": Permission.COUNTER,
    "withdraw_consent": Permission.COUNTER,
    "issue_pass": Permission.COUNTER,
    "replace_pass": Permission.COUNTER,
    "revoke_pass": Permission.COUNTER,
    "print_entry_sheet": Permission.COUNTER,
    "verify_pass": Permission.COUNTER,
    "add_entry": Permission.COUNTER,
    "list_entries": Permission.COUNTER,
    "list_offers": Permission.COUNTER,
    "export_offers": Permission.COUNTER,
    "sample_data": Permission.COUNTER,
    "privacy_contact": Permission.COUNTER,
    "record_read": Permission.COUNTER,
    # The office's administration.
    "access_report": Permission.ADMINISTER_OFFICE,
    "write_access_report": Permission.ADMINISTER_OFFICE,
    "erase_person": Permission.ADMINISTER_OFFICE,
    "run_retention": Permission.ADMINISTER_OFFICE,
    "export_bundles": Permission.ADMINISTER_OFFICE,
    "import_bundle": Permission.ADMINISTER_OFFICE,
    "sync_status": Permission.ADMINISTER_OFFICE,
    "list_conflicts": Permission.ADMINISTER_OFFICE,
    "resolve_conflict": Permission.ADMINISTER_OFFICE,
    "write_enrolment_request": Permission.ADMINISTER_OFFICE,
    "write_enrolment_request_into": Permission.ADMINISTER_OFFICE,
    "install_package": Permission.ADMINISTER_OFFICE,
    "list_accounts": Permission.ADMINISTER_OFFICE,
    "add_account": Permission.ADMINISTER_OFFICE,
    "disable_account": Permission.ADMINISTER_OFFICE,
    "enable_account": Permission.ADMINISTER_OFFICE,
    "reset_password": Permission.ADMINISTER_OFFICE,
    "encrypt_database": Permission.ADMINISTER_OFFICE,
    "rekey_database": Permission.ADMINISTER_OFFICE,
    "decrypt_database_copy": Permission.ADMINISTER_OFFICE,
    "backup_database": Permission.ADMINISTER_OFFICE,
    "backup_into_folder": Permission.ADMINISTER_OFFICE,
    "begin_restore": Permission.ADMINISTER_OFFICE,
    # The district's own work.
    "save_offer": Permission.ADMINISTER_DISTRICT,
    "set_offer_active": Permission.ADMINISTER_DISTRICT,
    "import_offers": Permission.ADMINISTER_DISTRICT,
    "demand_report": Permission.ADMINISTER_DISTRICT,
    "merge_people": Permission.ADMINISTER_DISTRICT,
    "possible_duplicates": Permission.ADMINISTER_DISTRICT,
    "dismiss_duplicate": Permission.ADMINISTER_DISTRICT,
    "dismissed_duplicates": Permission.ADMINISTER_DISTRICT,
    "take_back_dismissal": Permission.ADMINISTER_DISTRICT,
    "enrol_office": Permission.ADMINISTER_DISTRICT,
    "export_trust_list": Permission.ADMINISTER_DISTRICT,
    "mark_key_compromised": Permission.ADMINISTER_DISTRICT,
    "list_offices": Permission.ADMINISTER_DISTRICT,
    "set_silent_days": Permission.ADMINISTER_DISTRICT,
    "preview_enrolment": Permission.ADMINISTER_DISTRICT,
    "record_pass_status": Permission.ADMINISTER_DISTRICT,
    "set_retention_years": Permission.ADMINISTER_DISTRICT,
    "set_privacy_contact": Permission.ADMINISTER_DISTRICT,
    # The audit.
    "check_audit_log": Permission.CHECK_AUDIT,
    "recent_audit_events": Permission.CHECK_AUDIT,
}

# In German for the refusal: "Das darf die Rolle „Sachbearbeitung“ nicht: …".
_WHAT_DE: Final[Mapping[Permission, str]] = {
    Permission.COUNTER: "die Arbeit am Schalter",
    Permission.ADMINISTER_OFFICE: "die Verwaltung der Dienststelle (Konten, Datenaustausch, "
    "Löschung, Auskunft)",
    Permission.ADMINISTER_DISTRICT: "die Aufgaben des Landratsamts (Angebote, Anmeldung von "
    "Dienststellen, Zusammenführen)",
    Permission.CHECK_AUDIT: "die Prüfung des Protokolls",
}

LOGGED_OUT = ("this session has been logged out", "Abgemeldet: bitte neu anmelden.")


class PermissionDenied(Refused):
    """The account's role may not do this (exit 1; audited; nothing else changed)."""


@dataclass(frozen=True, slots=True)
class SyncStatus:
    database_id: str
    change_counter: int
    pending: int
    quarantined: int
    conflicts: int
    peers: Mapping[str, Mapping[str, Any]]
    applied: Mapping[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "database_id": self.database_id,
            "change_counter": self.change_counter,
            "applied": dict(self.applied),
            "peers": {code: dict(peer) for code, peer in self.peers.items()},
            "pending": self.pending,
            "quarantined": self.quarantined,
            "conflicts": self.conflicts,
        }


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: str
    entity_type: str
    entity_id: str
    field: str
    applied: Any
    kept: Any
    detected_at: str
    record: str = ""  # the person's name or the pass number, where known here

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "record": self.record,
            "field": self.field,
            "applied": self.applied,
            "kept": self.kept,
            "detected_at": self.detected_at,
        }


class Gate:
    """An opened database before log-in (the log-in window, the set-up wizard, the
    command line before it knows the account)."""

    def __init__(self, ctx: ServiceContext, *, demo: bool = False) -> None:
        self._ctx = ctx
        self._demo = demo

    @classmethod
    def open(cls, database: str | None = None, *, create: bool = True, **options: Any) -> Gate:
        """Open (and upgrade) the database at a path or URL, else the default one."""
        return cls(open_context(database, create=create, **options))

    @classmethod
    def open_demo(cls, folder: Path) -> Gate:
        """A fresh demo office with invented people and the demo accounts, in ``folder``."""
        ctx = open_context(
            str(folder / "demo.sqlite3"),
            clerk="demo",
            passphrase=None,
            output_folder=folder / "pdf",
        )
        demo.create_demo(ctx, folder)
        demo.create_demo_accounts(ctx)
        return cls(ctx, demo=True)

    @property
    def demo_accounts(self) -> tuple[tuple[str, str], ...]:
        """The demo's accounts (name, German role label) for the log-in window's hint;
        empty for every real installation."""
        if not self._demo:
            return ()
        return tuple((name, ROLE_LABELS_DE[role]) for name, role in demo.DEMO_ACCOUNTS)

    @property
    def demo_password(self) -> str | None:
        return demo.DEMO_PASSWORD if self._demo else None

    @property
    def output_folder(self) -> Path | None:
        return self._ctx.output_folder

    @property
    def location(self) -> str:
        """The database's path or URL as the command line prints it (a password hidden)."""
        return self._ctx.db.engine.url.render_as_string(hide_password=True)

    def tell_lock_waits(self, notice: Callable[[float], None]) -> None:
        """Call ``notice(seconds waited)`` when a write (the log-in's too) waits for
        another program's write lock."""
        self._ctx.tell_lock_waits(notice)

    def close(self) -> None:
        self._ctx.db.dispose()

    def automatic_backup(
        self, folder: Path, keep_days: int, *, only_if_missing: bool
    ) -> backup.FolderBackup | None:
        """The desktop app's own backup of this PC's database into the folder its admin
        chose (at closing, and once a day): no account's action, so no role; never for the
        demo, whose invented data lives only as long as the app."""
        if self._demo:
            return None
        return backup.backup_into_folder(
            self._ctx, folder, keep_days, only_if_missing=only_if_missing, automatic=True
        )

    def restore(self, backup_file: Path, *, account: str, password: str) -> backup.Restored:
        """Put ``backup_file`` in place of this database file (no one logged in: every Desk
        of it is logged out; ``account``/``password``: an admin of the BACKUP). The database
        is closed for the swap (a restore refuses a file in use) and opened again: the
        restored one, or on any failure the old one, untouched."""
        _refuse_in_demo(self._demo)
        database = backup.database_file(self._ctx)
        key = self._ctx.db.key
        self._ctx.db.dispose()
        try:
            return backup.restore(
                backup_file, str(database), account=account, password=password, key=key
            )
        finally:
            # Only the database is new: the clock, the output folder stay the app's.
            reopened = open_context(str(database), create=False, key=key)
            self._ctx = dataclasses.replace(self._ctx, db=reopened.db, passphrase=None)

    def setup_state(self) -> setup.SetupState:
        return setup.setup_state(self._ctx)

    def office(self) -> OfficeInfo | None:
        return current_office(self._ctx)

    def has_accounts(self) -> bool:
        return accounts.has_accounts(self._ctx)

    def set_up_office(
        self,
        *,
        code: str,
        name: str,
        kind: str,
        municipality: str | None,
        admin: str,
        password: str,
    ) -> tuple[OfficeInfo, Desk]:
        """Set this empty database up as an office with its first admin, logged in. The
        key-store secret exists before the first key, so no key is ever stored plain."""
        self._check_first_admin(admin, password)
        accounts.prepare_key_store(self._ctx)
        info = init_office(self._ctx, code=code, name=name, kind=kind, municipality=municipality)
        return info, self.add_first_admin(admin, password, Role.OFFICE_ADMIN)

    def set_up_district(
        self, *, name: str, code: str, admin: str, password: str
    ) -> tuple[trust.DistrictInfo, Desk]:
        """Set this empty database up as the district with its first admin, logged in."""
        self._check_first_admin(admin, password)
        accounts.prepare_key_store(self._ctx)
        info = trust.init_district(self._ctx, name=name, code=code)
        return info, self.add_first_admin(admin, password, Role.DISTRICT_ADMIN)

    def _check_first_admin(self, admin: str, password: str) -> None:
        # Checked before anything is set up: a refused password leaves the database empty.
        if self.has_accounts():
            raise PermissionDenied(
                "this installation has accounts already: log in",
                "Diese Installation hat schon Konten: bitte anmelden.",
            )
        accounts.check_new_password(admin, password)
        self._act_as(admin)

    def add_first_admin(self, name: str, password: str, role: Role) -> Desk:
        """The installation's first account, an admin; logged in at once."""
        if self.has_accounts():
            raise PermissionDenied(
                "the first admin exists already: an admin adds further accounts",
                "Das erste Admin-Konto gibt es schon; weitere Konten legt ein Admin an.",
            )
        self._act_as(name)
        accounts.add_account(self._ctx, name, role, password)
        return self.log_in(name, password)

    def _act_as(self, admin: str) -> None:
        # The set-up's records and events name the admin who makes it, not the OS user.
        self._ctx.clerk = account_name(admin)

    def log_in(self, name: str, password: str) -> Desk:
        account = accounts.log_in(self._ctx, name, password)
        return Desk(self._ctx, account, demo=self._demo)


def _refuse_in_demo(demo: bool) -> None:
    # A demo backup would land among the PC's real ones (and prune them by the real
    # keep-days); a real backup restored into the demo would show real people under
    # the demo's name.
    if demo:
        raise Refused(
            "the demo is neither backed up nor restored",
            "Im Demo-Modus gibt es keine Datensicherung und keine Wiederherstellung: die "
            "Beispieldaten gelten nur, solange das Programm läuft.",
        )


def restore_backup(
    backup_file: Path, target: str | None, *, account: str, password: str
) -> backup.Restored:
    """Put a backup in place of the database file ``target`` (None: the default one):
    before any log-in to the target (it may be damaged or gone), so an admin of the
    BACKUP's own accounts says so."""
    return backup.restore(backup_file, target, account=account, password=password)


class Desk:
    """What one logged-in account can do. Hold it instead of the database."""

    def __init__(
        self, ctx: ServiceContext, account: accounts.AccountView, *, demo: bool = False
    ) -> None:
        # The context acts as the account from here on: records and audit events name it.
        ctx.clerk = account.name
        self._ctx = ctx
        self._account = account
        self._logged_out = False
        self._demo = demo

    # --- who and where -------------------------------------------------------------------

    @property
    def account(self) -> accounts.AccountView:
        return self._account

    @property
    def role_label_de(self) -> str:
        return ROLE_LABELS_DE[self._account.role]

    @property
    def is_demo(self) -> bool:
        """The demo office of ``passapp --demo``: invented people that live only as long
        as the app, never backed up nor replaced by a backup."""
        return self._demo

    @property
    def is_admin(self) -> bool:
        return self._account.role in ADMIN_ROLES

    @property
    def logged_out(self) -> bool:
        return self._logged_out

    def may(self, use_case: str) -> bool:
        """Whether this account may run ``use_case`` (a key of :data:`NEEDS`): the ui shows
        only what the account may do."""
        return not self._logged_out and may(self._account.role, NEEDS[use_case])

    def office(self) -> OfficeInfo | None:
        return current_office(self._ctx)

    def setup_state(self) -> setup.SetupState:
        return setup.setup_state(self._ctx)

    def is_district(self) -> bool:
        return offers.is_district(self._ctx)

    @property
    def output_folder(self) -> Path | None:
        return self._ctx.output_folder

    def today(self) -> dt.date:
        return self._ctx.today()

    def now(self) -> dt.datetime:
        return self._ctx.now()

    def tell_lock_waits(self, notice: Callable[[float], None]) -> None:
        self._ctx.tell_lock_waits(notice)

    def confirm_password(self, password: str) -> bool:
        """Unlock a locked screen: the same account's password (a wrong one counts
        towards the lock-out like any failed log-in)."""
        try:
            accounts.log_in(self._ctx, self._account.name, password)
        except Refused:
            return False
        return True

    def log_out(self) -> None:
        """Forget the unlocked keys; every later call is refused."""
        if self._logged_out:
            return
        accounts.record_log_out(self._ctx, self._account)
        self._ctx.passphrase = None
        self._logged_out = True

    def close(self) -> None:
        self.log_out()
        self._ctx.db.dispose()

    def _require(self, use_case: str) -> None:
        if self._logged_out:
            raise PermissionDenied(*LOGGED_OUT)
        needed = NEEDS[use_case]
        if may(self._account.role, needed):
            return
        audit.record_refusal(self._ctx, use_case=use_case, permission=needed.value)
        raise PermissionDenied(
            f"role {self._account.role} may not {use_case.replace('_', ' ')}",
            f"Das darf die Rolle „{self.role_label_de}“ nicht: {_WHAT_DE[needed]} ist "
            "anderen Konten vorbehalten.",
        )

    # --- people --------------------------------------------------------------------------

    def find(self, text: str, limit: int = search.PAGE) -> search.SearchResult:
        self._require("find")
        return search.find(self._ctx, text, limit)

    def register_person(self, data: people.PersonInput) -> people.Registration:
        self._require("register_person")
        return people.register_person(self._ctx, data)

    def preview_registration(
        self, data: people.PersonInput, *, exclude: uuid.UUID | None = None
    ) -> people.RegistrationPreview:
        self._require("preview_registration")
        return people.preview_registration(self._ctx, data, exclude=exclude)

    def update_person(self, person_id: uuid.UUID, data: people.PersonInput) -> people.Registration:
        self._require("update_person")
        return people.update_person(self._ctx, person_id, data)

    def get_person(self, person_id: uuid.UUID) -> PersonView:
        self._require("get_person")
        return people.get_person(self._ctx, person_id)

    def set_learner_profile(
        self, person_id: uuid.UUID, data: profile.LearnerProfileInput
    ) -> profile.LearnerProfileView:
        self._require("set_learner_profile")
        return profile.set_learner_profile(self._ctx, person_id, data)

    def learner_profile(self, person_id: uuid.UUID) -> profile.LearnerProfileView:
        self._require("learner_profile")
        return profile.learner_profile(self._ctx, person_id)

    def person_input(self, person_id: uuid.UUID) -> people.PersonInput:
        self._require("person_input")
        return people.person_input(self._ctx, person_id)

    def check_person(self, person_id: uuid.UUID) -> tuple[EligibilityView, uuid.UUID]:
        self._require("check_person")
        return people.check_person(self._ctx, person_id)

    def person_overview(self, person_id: uuid.UUID) -> overview.PersonOverview:
        self._require("person_overview")
        return overview.person_overview(self._ctx, person_id)

    def note_person_opened(self, person_id: uuid.UUID) -> None:
        self._require("note_person_opened")
        overview.note_person_opened(self._ctx, person_id)

    def record_read(
        self,
        *,
        action: str,
        object_type: str,
        object_id: object | None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self._require("record_read")
        audit.record_read(
            self._ctx, action=action, object_type=object_type, object_id=object_id, details=details
        )

    def withdraw_consent(self, person_id: uuid.UUID) -> dt.datetime:
        self._require("withdraw_consent")
        return erasure.withdraw_consent(self._ctx, person_id)

    def erase_person(self, person_id: uuid.UUID, reason: str) -> erasure.Erasure:
        self._require("erase_person")
        return erasure.erase_person(self._ctx, person_id, reason)

    def run_retention(self, *, dry_run: bool = False) -> list[uuid.UUID]:
        self._require("run_retention")
        return erasure.run_retention(self._ctx, dry_run=dry_run)

    def set_retention_years(self, years: int) -> None:
        self._require("set_retention_years")
        erasure.set_retention_years(self._ctx, years)

    def set_privacy_contact(self, contact: PrivacyContact) -> PrivacyContact:
        self._require("set_privacy_contact")
        return privacy_contact.set_contact(self._ctx, contact)

    def privacy_contact(self) -> PrivacyContact | None:
        self._require("privacy_contact")
        return privacy_contact.get_contact(self._ctx)

    def sample_data(self) -> tuple[str, ...]:
        """What a pass printed now would show of sample data (see services.privacy_contact)."""
        self._require("sample_data")
        return privacy_contact.sample_data(self._ctx)

    def access_report(self, person_id: uuid.UUID) -> access_report.AccessReport:
        self._require("access_report")
        return access_report.access_report(self._ctx, person_id)

    def write_access_report(
        self, person_id: uuid.UUID, out_pdf: Path, language: str | None = None
    ) -> tuple[Path, Path]:
        self._require("write_access_report")
        return access_report.write_access_report(self._ctx, person_id, out_pdf, language)

    def merge_people(
        self, duplicate_id: uuid.UUID, survivor_id: uuid.UUID, reason: str
    ) -> merges.MergeResult:
        self._require("merge_people")
        return merges.merge_people(self._ctx, duplicate_id, survivor_id, reason)

    def possible_duplicates(self, limit: int = duplicates.PAGE) -> duplicates.DuplicateList:
        """Pairs of records that may be one person, best first (the district's review)."""
        self._require("possible_duplicates")
        return duplicates.possible_duplicates(self._ctx, limit)

    def dismiss_duplicate(self, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
        """The district decided: not the same person; the pair is not listed again."""
        self._require("dismiss_duplicate")
        duplicates.dismiss_pair(self._ctx, first_id, second_id)

    def dismissed_duplicates(self) -> tuple[duplicates.DismissedPair, ...]:
        """The pairs decided "not the same person", newest first."""
        self._require("dismissed_duplicates")
        return duplicates.dismissed_pairs(self._ctx)

    def take_back_dismissal(self, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
        """Undo "not the same person": the pair is listed again if it still looks alike."""
        self._require("take_back_dismissal")
        duplicates.take_back_dismissal(self._ctx, first_id, second_id)

    # --- passes and entries --------------------------------------------------------------

    def issue_pass(
        self,
        person_id: uuid.UUID,
        *,
        languages: tuple[str, ...] = (),
        override_reason: str | None = None,
        out_pdf: Path | None = None,
    ) -> passes.IssuedPass:
        self._require("issue_pass")
        return passes.issue_pass(
            self._ctx,
            person_id,
            languages=languages,
            override_reason=override_reason,
            out_pdf=out_pdf,
        )

    def replace_pass(self, text: str, out_pdf: Path | None = None) -> passes.PassChange:
        self._require("replace_pass")
        return passes.replace_pass(self._ctx, text, out_pdf)

    def revoke_pass(self, text: str, reason: str) -> passes.PassChange:
        self._require("revoke_pass")
        return passes.revoke_pass(self._ctx, text, reason)

    def record_pass_status(
        self, text: str, *, revoked: bool, generation: int | None, reason: str | None
    ) -> passes.PassChange:
        self._require("record_pass_status")
        return passes.record_pass_status(
            self._ctx, text, revoked=revoked, generation=generation, reason=reason
        )

    def print_entry_sheet(self, text: str, out_pdf: Path) -> Path:
        self._require("print_entry_sheet")
        return passes.print_entry_sheet(self._ctx, text, out_pdf)

    def verify_pass(
        self, text: str, *, holder: tuple[str, str, PartialDate] | None = None
    ) -> verification.VerificationView:
        self._require("verify_pass")
        return verification.verify(self._ctx, text, holder=holder)

    def add_entry(self, pass_reference: str, data: entries.EntryInput) -> entries.EntryView:
        self._require("add_entry")
        return entries.add_entry(self._ctx, pass_reference, data)

    def list_entries(self, pass_reference: str) -> entries.EntryLog:
        self._require("list_entries")
        return entries.list_entries(self._ctx, pass_reference)

    # --- offers --------------------------------------------------------------------------

    def list_offers(
        self, text: str = "", *, include_inactive: bool = False
    ) -> list[offers.OfferView]:
        self._require("list_offers")
        return offers.list_offers(self._ctx, text, include_inactive=include_inactive)

    def municipality_names(self) -> dict[str, str]:
        return offers.municipality_names(self._ctx)

    def municipalities(self) -> list[choices.Choice]:
        """The district's municipalities for a picker (reference data, no personal data)."""
        return choices.municipalities(self._ctx)

    def save_offer(self, data: offers.OfferInput, slug: str | None = None) -> offers.OfferView:
        self._require("save_offer")
        return offers.save_offer(self._ctx, data, slug)

    def set_offer_active(self, slug: str, active: bool) -> offers.OfferView:
        self._require("set_offer_active")
        return offers.set_offer_active(self._ctx, slug, active)

    def export_offers(self, path: Path) -> int:
        """The catalogue as a .csv or .xlsx file (the offers are public: any counter role)."""
        self._require("export_offers")
        return offer_files.export_offers(self._ctx, path)

    def import_offers(
        self, path: Path, *, deactivate_missing: bool = False
    ) -> offer_files.ImportReport:
        """A catalogue file applied whole or not at all (the district's admin)."""
        self._require("import_offers")
        return offer_files.import_offers(self._ctx, path, deactivate_missing=deactivate_missing)

    def demand_report(self, filters: demand.DemandFilters) -> demand.DemandReport:
        """The district's demand figures, every table suppressed (only the district sees them)."""
        self._require("demand_report")
        return demand.demand_report(self._ctx, filters)

    # --- sync and enrolment --------------------------------------------------------------

    def export_bundles(
        self, out: Path, to: str | None = None, progress: Progress | None = None
    ) -> list[sync.ExportReport]:
        self._require("export_bundles")
        return sync.export_bundles(self._ctx, out, to, progress)

    def import_bundle(self, path: Path, progress: Progress | None = None) -> sync.ImportReport:
        self._require("import_bundle")
        return sync.import_bundle(self._ctx, path, progress)

    def describe_bundle(self, path: Path) -> dict[str, Any]:
        """The readable header of a bundle file (no personal data in it)."""
        self._require("import_bundle")
        return sync.describe_bundle(path)

    def sync_status(self) -> SyncStatus:
        self._require("sync_status")
        return SyncStatus(**sync.status(self._ctx))

    def list_conflicts(self) -> list[ConflictView]:
        self._require("list_conflicts")
        return [ConflictView(**conflict) for conflict in sync.list_conflicts(self._ctx)]

    def resolve_conflict(self, conflict_id: str, keep: str) -> conflicts.ConflictDecision:
        """Keep the applied value ("applied") or take the other one ("other")."""
        self._require("resolve_conflict")
        return conflicts.resolve_conflict(self._ctx, conflict_id, keep)

    def write_enrolment_request(self, out_path: Path, *, new_key: bool = False) -> int:
        self._require("write_enrolment_request")
        return trust.write_request(self._ctx, out_path, new_key=new_key)

    def write_enrolment_request_into(
        self, folder: Path, *, new_key: bool = False
    ) -> setup.WrittenRequest:
        """The request under its standard name; ``new_key`` asks for a new key."""
        self._require("write_enrolment_request_into")
        return setup.write_request_into(self._ctx, folder, new_key=new_key)

    def install_package(self, path: Path) -> trust.InstallResult:
        self._require("install_package")
        return trust.install_file(self._ctx, path)

    def enrol_office(
        self, request_path: Path, out_path: Path, *, replace_key: bool = False
    ) -> trust.EnrolmentResult:
        self._require("enrol_office")
        return trust.enrol_office(self._ctx, request_path, out_path, replace_key=replace_key)

    def export_trust_list(self, out_path: Path) -> int:
        self._require("export_trust_list")
        return trust.export_trust_list(self._ctx, out_path)

    def mark_key_compromised(
        self, office_code: str, key_id: int, after: dt.datetime, reason: str | None = None
    ) -> int:
        self._require("mark_key_compromised")
        return trust.mark_key_compromised(self._ctx, office_code, key_id, after, reason)

    def list_offices(self) -> district_offices.OfficeList:
        """The district's offices with their keys, last bundle and whether they are silent."""
        self._require("list_offices")
        return district_offices.list_offices(self._ctx)

    def set_silent_days(self, days: int) -> int:
        self._require("set_silent_days")
        return district_offices.set_silent_days(self._ctx, days)

    def preview_enrolment(self, request_path: Path) -> district_offices.EnrolmentPreview:
        """What an office's request file says (code, name, key fingerprint); writes nothing."""
        self._require("preview_enrolment")
        return district_offices.preview_enrolment(self._ctx, request_path)

    # --- accounts ------------------------------------------------------------------------

    def list_accounts(self) -> list[accounts.AccountView]:
        self._require("list_accounts")
        return accounts.list_accounts(self._ctx, self._account)

    def add_account(self, name: str, role: Role, password: str) -> accounts.AccountView:
        self._require("add_account")
        return accounts.add_account(self._ctx, name, role, password, self._account)

    def disable_account(self, name: str) -> accounts.AccountView:
        self._require("disable_account")
        return accounts.disable_account(self._ctx, name, self._account)

    def enable_account(self, name: str) -> accounts.AccountView:
        self._require("enable_account")
        return accounts.enable_account(self._ctx, name, self._account)

    def change_own_password(self, password: str) -> accounts.AccountView:
        """Every account may change its own password."""
        if self._logged_out:
            raise PermissionDenied(*LOGGED_OUT)
        return accounts.set_password(self._ctx, self._account.name, password, self._account)

    def reset_password(self, name: str, password: str) -> accounts.AccountView:
        """An admin sets another account's password (this also lifts a lock-out)."""
        self._require("reset_password")
        return accounts.set_password(self._ctx, name, password, self._account)

    # --- the database file ---------------------------------------------------------------

    def encrypt_database(self, key_file: Path) -> encryption.Encryption:
        """Encrypt this (plain SQLite) database with SQLCipher in place; this Desk goes on
        working on the encrypted file."""
        self._require("encrypt_database")
        return encryption.encrypt_database(self._ctx, key_file)

    def backup_database(self, out: Path) -> backup.BackupResult:
        """A consistent copy of the database in ``out`` (encrypted if the database is)."""
        self._require("backup_database")
        _refuse_in_demo(self._demo)
        return backup.backup(self._ctx, out)

    def backup_into_folder(self, folder: Path, keep_days: int) -> backup.FolderBackup:
        """Today's backup in ``folder`` now ("Jetzt sichern"), older ones pruned."""
        self._require("backup_into_folder")
        _refuse_in_demo(self._demo)
        return backup.backup_into_folder(
            self._ctx, folder, keep_days, only_if_missing=False, automatic=False
        )

    def database_name(self) -> str:
        """The database file's name (what a restore keeps as NAME.<stamp>.replaced)."""
        return Path(str(self._ctx.db.engine.url.database or "")).name

    def begin_restore(self, backup_file: Path, progress: Progress | None = None) -> None:
        """An admin is about to put ``backup_file`` in place of this database (the desktop
        app then logs out, closes the database and calls :meth:`Gate.restore`): the file
        is checked first, so a foreign or damaged one is refused while nothing changed,
        and the request is audited in the database about to be replaced (the restored one
        records the restore itself)."""
        self._require("begin_restore")
        _refuse_in_demo(self._demo)
        source = backup.check_backup_file(backup_file, self._ctx.db.key, progress)
        audit.record_read(
            self._ctx,
            action="database.restore_requested",
            object_type="database",
            object_id=None,
            details={"backup": source.name},
        )

    def rekey_database(self, new_key_file: Path) -> encryption.Rekeyed:
        """This encrypted database under a new key (the Desk's context reopens on it)."""
        self._require("rekey_database")
        return encryption.rekey_database(self._ctx, new_key_file)

    def decrypt_database_copy(self, out: Path) -> Path:
        """A plain copy of this encrypted database, for support."""
        self._require("decrypt_database_copy")
        return encryption.decrypt_database_copy(self._ctx, out)

    # --- audit ---------------------------------------------------------------------------

    def check_audit_log(self) -> audit.ChainCheck:
        self._require("check_audit_log")
        return audit.check_log(self._ctx)

    def recent_audit_events(self, limit: int = 200) -> list[audit.EventRef]:
        self._require("recent_audit_events")
        return audit.recent_events(self._ctx, limit)

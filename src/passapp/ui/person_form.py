"""Registering a newcomer (or correcting a registration) at the counter (issue 5, item 3).

Behaviour only; the layout is :class:`passapp.ui.person_form_view.PersonFormView`. While
the clerk types, a short pause shows what registering would say: the eligibility with its
reasons and the people already registered who may be the same person
(``services.people.preview_registration``, a quick read on this thread). Saving writes,
so it runs through the app's one :class:`TaskRunner`. Every refusal is shown as the
service's German message in the form, never as a traceback.

Keys: Enter saves (the default button; in a code field it first takes the marked
suggestion), Esc cancels, Alt+E ticks the consent, Ctrl+O opens the marked duplicate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QVBoxLayout, QWidget

from passapp.domain.dates import PartialDate, TwoDigitYears, arrival_years, birth_years
from passapp.domain.errors import InputError
from passapp.domain.profile import LearnerProfile
from passapp.pdf.translations import SUPPORTED_LANGUAGES, texts
from passapp.services.choices import languages, nationalities
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.people import (
    CONSENT_NOTICE_VERSION,
    PersonInput,
    Registration,
    checked_profile,
)
from passapp.services.progress import Progress
from passapp.services.views import PersonSummary, PersonView
from passapp.ui import i18n
from passapp.ui.elide import elided, full_text_tip
from passapp.ui.form_fields import say
from passapp.ui.person_form_view import PersonFormView
from passapp.ui.screen import fit_to_screen
from passapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 200
# Clerks type dates without dots too: 03042001 → 03.04.2001, 030424 → 03.04.24.
_DIGITS_ONLY_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")
# The section of the printed privacy notice that the consent is about (resources/print).
CONSENT_SECTION = "Weitergabe"
NOTICE_LANGUAGES = ("de", *SUPPORTED_LANGUAGES)
SEX_CODES = (None, "f", "m", "d", "x")


def read_date(text: str, two_digit: TwoDigitYears | None = None) -> PartialDate | None:
    """A typed date (``TT.MM.JJJJ``, ``00``/``XX`` unknown, or eight digits; with
    ``two_digit`` also ``T.M.JJ`` and six digits); ``None`` when nothing is typed. Raises
    ``InputError`` with the German message otherwise."""
    value = text.strip()
    if not value:
        return None
    digits = _DIGITS_ONLY_DATE.match(value)
    if digits:
        value = ".".join(digits.groups())
    return PartialDate.parse(value, two_digit)


def split_search_text(text: str) -> tuple[str, str, str]:
    """A search text as family name (first word), given names (the other words) and a
    birth date (a word with digits), as the clerk typed it in the search field."""
    words: list[str] = []
    dates: list[str] = []
    for word in text.split():
        (dates if any(c.isdigit() for c in word) else words).append(word)
    family = words[0] if words else ""
    return family, " ".join(words[1:]), dates[0] if dates else ""


def consent_notice(language: str) -> tuple[str, bool]:
    """The consent's part of the privacy notice in ``language``, and whether it is written
    right to left. The files are parallel, so the German heading finds the section."""
    german = [heading for heading, _text in texts("de").privacy]
    notice = texts(language)
    return notice.privacy[german.index(CONSENT_SECTION)][1], notice.rtl


def unchanged(data: PersonInput, loaded: PersonInput) -> bool:
    """Whether the form says the same as the stored person (without a consent, the notice
    version and language it would be given with do not count)."""

    def meant(person: PersonInput) -> PersonInput:
        if person.consent:
            return person
        return dataclasses.replace(person, consent_notice_version=None, consent_language=None)

    return meant(data) == meant(loaded)


class PersonForm(QDialog):
    """Register a new person or edit one; see the module docstring."""

    # A services Registration (new person) or PersonView (edited person).
    saved = Signal(object)
    # The uuid.UUID of an already registered person the clerk chose to open instead.
    open_existing = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        person_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._person_id = person_id
        self._saving = False
        self._notice_chosen = False  # the clerk picked the notice language themselves
        self._loaded: PersonInput | None = None
        self._languages = languages(i18n.current_language())
        self.setAccessibleName(self.tr("Person erfassen"))
        fit_to_screen(self, 980, 660)  # at 150 % scaling the fields scroll
        self.view = PersonFormView(nationalities(i18n.current_language()), self._languages)
        layout = QVBoxLayout()
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view)
        self.setLayout(layout)
        self._fill_lists()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._connect()
        if person_id is None:
            self._start_new()
        else:
            self._start_edit(person_id)

    @classmethod
    def for_new(
        cls,
        desk: Desk,
        tasks: TaskRunner,
        prefill_text: str = "",
        parent: QWidget | None = None,
    ) -> PersonForm:
        """A form for a new person, pre-filled from the search text ("Ahmadi Zahra"), with
        the focus on the first field still empty."""
        form = cls(desk, tasks, parent=parent)
        family, given, birth = split_search_text(prefill_text)
        view = form.view
        view.family_edit.setText(family)
        view.given_edit.setText(given)
        view.birth_edit.setText(birth)
        form.focus_first_empty()
        form.refresh_preview()
        return form

    @classmethod
    def for_edit(
        cls,
        desk: Desk,
        tasks: TaskRunner,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> PersonForm:
        """A form showing a registered person, saving with ``update_person``."""
        return cls(desk, tasks, person_id, parent)

    # --- setting up ------------------------------------------------------------------------

    def _fill_lists(self) -> None:
        view = self.view
        view.municipality_combo.addItem(self.tr("– nicht angegeben –"), None)
        for municipality in self._desk.municipalities():
            view.municipality_combo.addItem(municipality.name_de, municipality.code)
        sex_names = {
            None: self.tr("– nicht erfasst –"),
            "f": self.tr("weiblich"),
            "m": self.tr("männlich"),
            "d": self.tr("divers"),
            "x": self.tr("ohne Angabe"),
        }
        for code in SEX_CODES:
            view.sex_combo.addItem(sex_names[code], code)
        language_names = {choice.code: choice.name for choice in self._languages}
        for code in NOTICE_LANGUAGES:
            native = texts(code).name
            label = native if code == "de" else f"{language_names.get(code, code)} – {native}"
            view.notice_language_combo.addItem(label, code)

    def _connect(self) -> None:
        view = self.view
        for edit in (
            view.family_edit,
            view.given_edit,
            view.family_original_edit,
            view.given_original_edit,
            view.birth_edit,
            view.arrival_edit,
        ):
            edit.textChanged.connect(self._schedule_preview)
        view.abroad_check.toggled.connect(self._schedule_preview)
        view.arrival_unknown_check.toggled.connect(self._schedule_preview)
        view.family_edit.textEdited.connect(lambda _text: say(view.family_error, ""))
        view.birth_edit.editingFinished.connect(lambda: self._check_date_field(view.birth_edit))
        view.arrival_edit.editingFinished.connect(lambda: self._check_date_field(view.arrival_edit))
        view.language_picker.codes_changed.connect(self._follow_person_language)
        view.notice_language_combo.activated.connect(self._on_notice_language_chosen)
        view.notice_language_combo.currentIndexChanged.connect(self._show_notice)
        view.profile_toggle.toggled.connect(self._show_profile)
        view.save_button.clicked.connect(self._on_save)
        view.cancel_button.clicked.connect(self.reject)
        view.open_button.clicked.connect(self._on_open_existing)
        view.duplicate_table.doubleClicked.connect(self._on_open_existing)
        view.duplicate_table.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+O"), self, self._on_open_existing)
        QShortcut(QKeySequence("Alt+E"), self, self._on_consent_key)

    def _start_new(self) -> None:
        self.setWindowTitle(self.tr("Person erfassen"))
        self.view.heading.setText(self.tr("Neue Person erfassen"))
        office = self._desk.office()
        self._select(self.view.municipality_combo, office.municipality_key if office else None)
        self._show_notice()
        self.refresh_preview()

    def _show_profile(self, shown: bool) -> None:
        view = self.view
        view.profile_section.setVisible(shown)
        arrow = "▾" if shown else "▸"
        view.profile_toggle.setText(
            self.tr("{arrow} &Bildung und Sprache (freiwillig)").format(arrow=arrow)
        )
        if shown:
            view.profile_section.level_combo.setFocus()

    def _start_edit(self, person_id: uuid.UUID) -> None:
        self.setWindowTitle(self.tr("Person bearbeiten"))
        # A registered person's profile has its own dialog on the person panel
        # (Desk.set_learner_profile): update_person does not take it.
        self.view.profile_toggle.setVisible(False)
        self.view.save_button.setText(self.tr("Änderungen speichern"))
        self.view.save_button.setAccessibleName(self.tr("Änderungen speichern"))
        try:
            person = self._desk.get_person(person_id)
            data = self._desk.person_input(person_id)
        except ServiceError as error:
            self.view.heading.setText(self.tr("Person bearbeiten"))
            self._lock(i18n.error_text(error))
            return
        self._loaded = data
        name = f"{person.family_names}, {person.given_names or '–'}"
        # A very long name is shortened (whole in the tooltip): it must not widen the form.
        self.view.heading.setText(self.tr("{name} bearbeiten").format(name=elided(name)))
        full_text_tip(self.view.heading, name, elided(name))
        self._fill(data)
        refusal = self._edit_refusal(person)
        if refusal:
            self._lock(refusal)
        self.refresh_preview()

    def _edit_refusal(self, person: PersonView) -> str:
        """Why this office may not change the person (as ``update_person`` would refuse)."""
        office = self._desk.office()
        if office is None or person.registered_by_office != office.code:
            return self.tr(
                "Diese Person wurde von {owner} erfasst; nur dort kann sie geändert werden."
            ).format(owner=person.registered_by_office)
        if person.merged_into is not None:
            return self.tr("Dieser Eintrag wurde zusammengeführt und wird nicht mehr geändert.")
        return ""

    def _lock(self, reason: str) -> None:
        """Show the person read-only, with the reason; Esc still closes."""
        say(self.view.message, reason)
        self.view.save_button.setEnabled(False)
        for edit in self.view.findChildren(QLineEdit):
            edit.setReadOnly(True)
            edit.setPlaceholderText("")  # hints to type would mislead here
        for widget in (
            self.view.abroad_check,
            self.view.arrival_unknown_check,
            self.view.consent_check,
            self.view.notice_language_combo,
            self.view.municipality_combo,
            self.view.sex_combo,
        ):
            widget.setEnabled(False)
        self.view.cancel_button.setDefault(True)
        self.view.cancel_button.setText(self.tr("Schließen"))
        self.view.key_hint.setText(self.tr("Enter oder Esc schließen"))

    def _fill(self, data: PersonInput) -> None:
        view = self.view
        view.family_edit.setText(data.family_names)
        view.given_edit.setText(data.given_names)
        view.birth_edit.setText(data.birth_date.german())
        view.arrival_edit.setText(data.arrival_date.german() if data.arrival_date else "")
        view.arrival_unknown_check.setChecked(data.arrival_date is None)
        view.abroad_check.setChecked(data.moved_from_abroad)
        view.nationality_picker.set_codes(data.nationalities)
        view.language_picker.set_codes(data.languages)
        view.consent_check.setChecked(data.consent)
        if data.consent_language in NOTICE_LANGUAGES:
            self._select(view.notice_language_combo, data.consent_language)
            self._notice_chosen = True
        self._select(view.municipality_combo, data.municipality)
        self._select(view.sex_combo, data.sex)
        view.contact_edit.setText(data.contact or "")
        view.family_original_edit.setText(data.family_names_original or "")
        view.given_original_edit.setText(data.given_names_original or "")
        self._show_notice()

    @staticmethod
    def _select(combo: QComboBox, code: str | None) -> None:
        index = combo.findData(code)
        if index >= 0:
            combo.setCurrentIndex(index)

    def focus_first_empty(self) -> None:
        view = self.view
        for edit in (view.family_edit, view.given_edit, view.birth_edit, view.arrival_edit):
            if not edit.text().strip():
                edit.setFocus()
                return
        view.nationality_picker.edit.setFocus()

    # --- the live check --------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Show the eligibility and the possible duplicates of what is typed now."""
        self._preview_timer.stop()
        view = self.view
        try:
            birth, arrival = self._birth(), self._arrival()
        except InputError:
            # Still being typed: the field says what is wrong once the clerk leaves it.
            view.show_pending(self.tr("Erst mit vollständigen Daten (TT.MM.JJJJ) prüfbar."))
            return
        if birth is None:
            view.show_pending(self.tr("Wird geprüft, sobald das Geburtsdatum eingetragen ist."))
            view.show_duplicates([], "")
            return
        data = PersonInput(
            family_names=view.family_edit.text(),
            given_names=view.given_edit.text(),
            family_names_original=view.family_original_edit.text().strip() or None,
            given_names_original=view.given_original_edit.text().strip() or None,
            birth_date=birth,
            arrival_date=arrival,
            moved_from_abroad=view.abroad_check.isChecked(),
        )
        try:
            preview = self._desk.preview_registration(data, exclude=self._person_id)
        except (ServiceError, InputError) as error:
            view.show_pending(i18n.error_text(error))
            return
        view.show_eligibility(preview.eligibility)
        say(view.warning_label, "\n".join(preview.warnings))
        self._show_duplicates(preview.possible_duplicates)

    def _show_duplicates(self, rows: list[PersonSummary]) -> None:
        if rows:
            note = self.tr(
                "Schon erfasst? Dann die Person öffnen (Strg+O) statt sie neu anzulegen."
            )
            by_original = [r for r in rows if r.matched_by == "original"]
            if by_original:
                # Latin letters that differ ("Jamal"/"Dschamal") would leave the clerk puzzled.
                names = "; ".join(
                    ", ".join(n for n in (r.family_names, r.given_names) if n) for r in by_original
                )
                note += " " + self.tr(
                    "Gleicher Name in Originalschrift, in lateinischer Schrift anders "
                    "geschrieben: {names}."
                ).format(names=elided(names, 120))
        else:
            note = self.tr("Keine ähnlichen Personen mit diesem Geburtsjahr gefunden.")
        if self._person_id is None:
            # Saving stays one key away; the words say that it makes another person.
            self.view.save_button.setText(
                self.tr("Trotzdem neu speichern") if rows else self.tr("Speichern")
            )
        self.view.show_duplicates(rows, note)

    def _check_date_field(self, edit: QLineEdit) -> bool:
        """Say inline what is wrong with a typed date; write a good one as ``TT.MM.JJJJ``."""
        error_label = (
            self.view.birth_error if edit is self.view.birth_edit else self.view.arrival_error
        )
        today = self._desk.today()
        years = birth_years(today) if edit is self.view.birth_edit else arrival_years(today)
        try:
            day = read_date(edit.text(), years)
        except InputError as error:
            say(error_label, i18n.error_text(error) + self._unknown_hint(edit))
            return False
        say(error_label, "")
        if day is not None and edit.text() != day.german() and not edit.isReadOnly():
            edit.setText(day.german())
        return True

    # --- the consent notice ----------------------------------------------------------------

    def _on_consent_key(self) -> None:
        consent = self.view.consent_check
        if consent.isEnabled():
            consent.toggle()
            consent.setFocus()

    def _on_notice_language_chosen(self, _index: int) -> None:
        self._notice_chosen = True

    def _follow_person_language(self) -> None:
        """Show the notice in the person's first language that it is written in, until the
        clerk chooses a language for it themselves."""
        if self._notice_chosen:
            return
        spoken = [c for c in self.view.language_picker.codes() if c in NOTICE_LANGUAGES]
        self._select(self.view.notice_language_combo, spoken[0] if spoken else "de")

    def _show_notice(self) -> None:
        language = self.view.notice_language_combo.currentData() or "de"
        text, rtl = consent_notice(language)
        label = self.view.notice_text
        label.setText(text)
        label.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        label.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        label.setToolTip(consent_notice("de")[0])

    # --- saving ----------------------------------------------------------------------------

    def _read_input(self) -> PersonInput | None:
        """The form as a PersonInput, or ``None`` after showing inline what is missing."""
        view = self.view
        view.nationality_picker.settle()
        view.language_picker.settle()
        problems: list[QWidget] = []
        say(view.family_error, "")
        if not view.family_edit.text().strip():
            say(view.family_error, self.tr("Familienname fehlt."))
            problems.append(view.family_edit)
        if not view.birth_edit.text().strip():
            say(view.birth_error, self.tr("Geburtsdatum fehlt."))
            problems.append(view.birth_edit)
        elif not self._check_date_field(view.birth_edit):
            problems.append(view.birth_edit)
        if not self._check_date_field(view.arrival_edit):
            problems.append(view.arrival_edit)
        for picker in (view.nationality_picker, view.language_picker):
            if picker.unresolved():
                problems.append(picker.edit)
        if problems:
            say(view.message, self.tr("Bitte die rot markierten Angaben prüfen."))
            problems[0].setFocus()
            return None
        profile = self._read_profile()
        if profile is None:
            return None
        birth = self._birth()
        assert birth is not None  # checked above
        data = self._input(birth, self._arrival())
        return dataclasses.replace(data, profile=profile) if self._person_id is None else data

    def _birth(self) -> PartialDate | None:
        return read_date(self.view.birth_edit.text(), birth_years(self._desk.today()))

    def _arrival(self) -> PartialDate | None:
        """The typed arrival; ``None`` where it is unknown (the box) or not typed."""
        if self.view.arrival_unknown_check.isChecked():
            return None
        return read_date(self.view.arrival_edit.text(), arrival_years(self._desk.today()))

    def _unknown_hint(self, edit: QLineEdit) -> str:
        """Where a clerk types an arrival without any known part, point to the box."""
        if edit is not self.view.arrival_edit or any(c in "123456789" for c in edit.text()):
            return ""
        return " " + self.tr("Ganz unbekannt? Dann „Einreisedatum unbekannt“ ankreuzen.")

    def _read_profile(self) -> LearnerProfile | None:
        """The profile section's value, or ``None`` after showing what is wrong in it."""
        section = self.view.profile_section
        section.show_error("")
        if self._person_id is not None:
            return LearnerProfile()
        try:
            # The service's own check of the codes (pure): its message shows at the section.
            return checked_profile(section.read(dt.date.today()))
        except InputError as error:
            self._show_profile_error(i18n.error_text(error))
            return None

    def _show_profile_error(self, text: str) -> None:
        view = self.view
        view.profile_toggle.setChecked(True)
        view.profile_section.show_error(text)
        say(view.message, self.tr("Bildungsprofil: {problem}").format(problem=text))

    def _input(self, birth: PartialDate, arrival: PartialDate | None) -> PersonInput:
        view = self.view
        consent = view.consent_check.isChecked()
        loaded = self._loaded
        # An unchanged consent keeps the notice version and language it was given with.
        kept = loaded is not None and loaded.consent and consent
        return PersonInput(
            family_names=view.family_edit.text(),
            given_names=view.given_edit.text(),
            birth_date=birth,
            arrival_date=arrival,
            moved_from_abroad=view.abroad_check.isChecked(),
            sex=view.sex_combo.currentData(),
            nationalities=view.nationality_picker.codes(),
            languages=view.language_picker.codes(),
            municipality=view.municipality_combo.currentData(),
            contact=view.contact_edit.text().strip() or None,
            family_names_original=view.family_original_edit.text().strip() or None,
            given_names_original=view.given_original_edit.text().strip() or None,
            consent=consent,
            consent_notice_version=(
                loaded.consent_notice_version if kept and loaded else CONSENT_NOTICE_VERSION
            ),
            consent_language=(
                loaded.consent_language
                if kept and loaded
                else view.notice_language_combo.currentData()
            ),
        )

    def _on_save(self) -> None:
        if self._saving or not self.view.save_button.isEnabled():
            return
        data = self._read_input()
        if data is None:
            return
        if self._loaded is not None and unchanged(data, self._loaded):
            # Saving an unchanged person would still stamp a change that travels to the
            # district and an audit event.
            say(self.view.message, self.tr("Nichts geändert: bitte ändern oder mit Esc schließen."))
            return
        self._saving = True
        self.view.save_button.setEnabled(False)
        say(self.view.message, "")
        desk, person_id = self._desk, self._person_id

        def work(_progress: Progress) -> Registration:
            if person_id is None:
                return desk.register_person(data)
            return desk.update_person(person_id, data)

        self._tasks.run(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, registration: Registration) -> None:
        self._saving = False
        self.saved.emit(registration if self._person_id is None else registration.person)
        self.accept()

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self.view.save_button.setEnabled(True)
        if isinstance(error, (ServiceError, InputError)):
            say(self.view.message, i18n.error_text(error))
            return
        log.error("saving a person failed", exc_info=error)
        say(
            self.view.message,
            self.tr(
                "Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; "
                "die Einzelheiten stehen im Protokoll."
            ).format(kind=type(error).__name__),
        )

    # --- duplicates, Esc -------------------------------------------------------------------

    def _on_open_existing(self) -> None:
        table, model = self.view.duplicate_table, self.view.duplicates
        if model.rowCount() == 0 or self._saving:
            return
        current = table.currentIndex()
        row = current.row() if current.isValid() else 0
        self.open_existing.emit(model.summary(row).id)
        super().reject()  # nothing was saved

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a duplicate opens it; the table would pass it on to the Save button.
        if (
            watched is self.view.duplicate_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_open_existing()
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        """Esc: close without saving (not while a save is under way: it finishes first)."""
        if self._saving:
            return
        super().reject()

"""The learner profile's fields ("Bildung und Sprache", issue 11, item 1).

One widget for the registration form (folded away behind a toggle: the profile is optional
and must not slow down a registration) and for :class:`ProfileDialog`, which edits the
profile of a registered person later. Every field may stay empty; an untouched section
reads as "no profile". Values come from the fixed lists of ``domain/profile.py``, except
years of school, the training's country (ISO code) and the languages, which are typed and
checked by the domain and the service; their German message is shown at the section.

Assessments are a history: the section shows the latest overall and per-skill ones and a
changed level (or basis, or date) adds a new assessment instead of rewriting the old one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.errors import InputError
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    Recognition,
    SchoolQualification,
    Situation,
    Skill,
    Training,
    TrainingKind,
    parse_school_years,
)
from passapp.services.choices import Choice
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.people import checked_profile
from passapp.services.profile import LearnerProfileView
from passapp.services.progress import Progress
from passapp.ui import i18n
from passapp.ui.code_picker import CodePicker
from passapp.ui.form_fields import ERROR_STYLE, say
from passapp.ui.screen import ScrollingPane, fit_to_screen
from passapp.ui.tasks import TaskRunner

LEVEL_NAMES = {level: level.value for level in GermanLevel}


def _shown(text: object) -> str:
    """A value's name (marked with ``QT_TRANSLATE_NOOP``, typed as object in PySide6) in
    the UI's language: the tables are made once, their texts shown in the current one."""
    return QCoreApplication.translate("profile", str(text))


BASIS_NAMES = {
    Basis.SELF_ASSESSED: QT_TRANSLATE_NOOP("profile", "Selbsteinschätzung"),
    Basis.TESTED: QT_TRANSLATE_NOOP("profile", "Einstufungstest"),
    Basis.CERTIFICATE: QT_TRANSLATE_NOOP("profile", "Zertifikat"),
}
SKILL_NAMES = {
    Skill.HOEREN: QT_TRANSLATE_NOOP("profile", "Hören"),
    Skill.LESEN: QT_TRANSLATE_NOOP("profile", "Lesen"),
    Skill.SCHREIBEN: QT_TRANSLATE_NOOP("profile", "Schreiben"),
    Skill.SPRECHEN: QT_TRANSLATE_NOOP("profile", "Sprechen"),
}
LITERACY_NAMES = {
    Literacy.LATIN: QT_TRANSLATE_NOOP("profile", "ja, lateinische Schrift"),
    Literacy.OTHER_SCRIPT: QT_TRANSLATE_NOOP("profile", "nur andere Schrift"),
    Literacy.NONE: QT_TRANSLATE_NOOP("profile", "nein"),
}
QUALIFICATION_NAMES = {
    SchoolQualification.NONE: QT_TRANSLATE_NOOP("profile", "keiner"),
    SchoolQualification.PRIMARY: QT_TRANSLATE_NOOP("profile", "Grundschule"),
    SchoolQualification.LOWER_SECONDARY: QT_TRANSLATE_NOOP("profile", "Mittelschule / Realschule"),
    SchoolQualification.UPPER_SECONDARY: QT_TRANSLATE_NOOP("profile", "weiterführende Schule"),
    SchoolQualification.UNIVERSITY_ENTRANCE: QT_TRANSLATE_NOOP("profile", "Hochschulreife"),
}
TRAINING_NAMES = {
    TrainingKind.VOCATIONAL: QT_TRANSLATE_NOOP("profile", "Berufsausbildung"),
    TrainingKind.DEGREE: QT_TRANSLATE_NOOP("profile", "Studium"),
}
RECOGNITION_NAMES = {
    Recognition.NOT_SOUGHT: QT_TRANSLATE_NOOP("profile", "nicht beantragt"),
    Recognition.SOUGHT: QT_TRANSLATE_NOOP("profile", "beantragt"),
    Recognition.DONE: QT_TRANSLATE_NOOP("profile", "anerkannt"),
}
SITUATION_NAMES = {
    Situation.SCHOOL: QT_TRANSLATE_NOOP("profile", "Schule"),
    Situation.COURSE: QT_TRANSLATE_NOOP("profile", "Kurs"),
    Situation.TRAINING: QT_TRANSLATE_NOOP("profile", "Ausbildung"),
    Situation.WORK: QT_TRANSLATE_NOOP("profile", "Arbeit"),
    Situation.LOOKING: QT_TRANSLATE_NOOP("profile", "sucht Arbeit/Ausbildung"),
    Situation.CARING: QT_TRANSLATE_NOOP("profile", "Familienarbeit"),
}
WISH_KINDS = (
    EntryKind.SPRACHKURS,
    EntryKind.INTEGRATIONSKURS,
    EntryKind.BERUFSSPRACHKURS,
    EntryKind.WEITERBILDUNG,
    EntryKind.AUSBILDUNG,
    EntryKind.ANERKENNUNG,
    EntryKind.BERATUNG,
    EntryKind.PRAKTIKUM,
)
WISH_NAMES: dict[EntryKind | Arrangement, object] = {
    EntryKind.SPRACHKURS: QT_TRANSLATE_NOOP("profile", "Sprachkurs"),
    EntryKind.INTEGRATIONSKURS: QT_TRANSLATE_NOOP("profile", "Integrationskurs"),
    EntryKind.BERUFSSPRACHKURS: QT_TRANSLATE_NOOP("profile", "Berufssprachkurs"),
    EntryKind.WEITERBILDUNG: QT_TRANSLATE_NOOP("profile", "Weiterbildung"),
    EntryKind.AUSBILDUNG: QT_TRANSLATE_NOOP("profile", "Ausbildung"),
    EntryKind.ANERKENNUNG: QT_TRANSLATE_NOOP("profile", "Anerkennung"),
    EntryKind.BERATUNG: QT_TRANSLATE_NOOP("profile", "Beratung"),
    EntryKind.PRAKTIKUM: QT_TRANSLATE_NOOP("profile", "Praktikum"),
    EntryKind.ORIENTIERUNGSKURS: QT_TRANSLATE_NOOP("profile", "Orientierungskurs"),
    EntryKind.PRUEFUNG: QT_TRANSLATE_NOOP("profile", "Prüfung"),
    EntryKind.EHRENAMT: QT_TRANSLATE_NOOP("profile", "Ehrenamt"),
    EntryKind.SONSTIGES: QT_TRANSLATE_NOOP("profile", "Sonstiges"),
    Arrangement.PART_TIME: QT_TRANSLATE_NOOP("profile", "Teilzeit"),
    Arrangement.EVENING: QT_TRANSLATE_NOOP("profile", "Abendkurs"),
    Arrangement.CHILDCARE: QT_TRANSLATE_NOOP("profile", "Kinderbetreuung"),
}


def _combo(name: str, names: Mapping[Any, object]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem("–", None)
    for value, text in names.items():
        combo.addItem(_shown(text), value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def latest(assessments: Sequence[Assessment], skill: Skill) -> Assessment | None:
    """The last assessment of ``skill`` as entered (the list keeps the order of entry)."""
    of_skill = [a for a in assessments if a.skill == skill]
    return of_skill[-1] if of_skill else None


translate = QCoreApplication.translate


def profile_summary(view: LearnerProfileView, language_names: Mapping[str, str]) -> str:
    """One line for the person panel: "Deutsch: B1 (Zertifikat, 2026) · …"."""
    profile, best = view.profile, view.highest_level
    parts = []
    if best is not None:
        basis = _shown(BASIS_NAMES[best.basis])
        if best.from_exam:
            basis += ", " + _shown(QT_TRANSLATE_NOOP("profile", "Prüfung"))
        parts.append(
            translate("profile", "Deutsch: {level} ({basis}, {year})").format(
                level=best.level, basis=basis, year=best.on.year
            )
        )
    if profile.literacy is not None:
        parts.append(
            translate("profile", "Alphabetisiert: {value}").format(
                value=_shown(LITERACY_NAMES[profile.literacy])
            )
        )
    if profile.school_years is not None:
        parts.append(translate("profile", "Schuljahre: {value}").format(value=profile.school_years))
    if profile.school_qualification is not None:
        qualification = _shown(QUALIFICATION_NAMES[profile.school_qualification])
        parts.append(translate("profile", "Schulabschluss: {value}").format(value=qualification))
    if profile.training is not None:
        training = _shown(TRAINING_NAMES[profile.training.kind])
        if profile.training.country:
            training += f" ({profile.training.country.upper()})"
        parts.append(f"{training}: {_shown(RECOGNITION_NAMES[profile.training.recognition])}")
    if profile.situation is not None:
        parts.append(
            translate("profile", "Situation: {value}").format(
                value=_shown(SITUATION_NAMES[profile.situation])
            )
        )
    wishes = [_shown(WISH_NAMES[w]) for w in (*WISH_NAMES,) if w in profile.wished_kinds]
    wishes += [_shown(WISH_NAMES[a]) for a in Arrangement if a in profile.arrangements]
    if wishes:
        parts.append(translate("profile", "Wünsche: {values}").format(values=", ".join(wishes)))
    if profile.languages:
        names = (language_names.get(code, code) for code in profile.languages)
        parts.append(translate("profile", "spricht: {values}").format(values=", ".join(names)))
    return " · ".join(parts)


class ProfileSection(QWidget):
    """The profile's fields; ``read()`` gives the domain value or raises ``InputError``."""

    def __init__(self, languages: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = LearnerProfile()
        self.level_combo = _combo(self.tr("Deutschniveau insgesamt"), LEVEL_NAMES)
        self.basis_combo = _combo(self.tr("Grundlage des Niveaus"), BASIS_NAMES)
        self.assessed_edit = QLineEdit()
        self.assessed_edit.setAccessibleName(self.tr("Datum der Einstufung"))
        self.assessed_edit.setPlaceholderText(self.tr("Datum, leer: heute"))
        self.skill_combos = {
            skill: _combo(self.tr("Niveau {skill}").format(skill=_shown(name)), LEVEL_NAMES)
            for skill, name in SKILL_NAMES.items()
        }
        self.literacy_combo = _combo(self.tr("Alphabetisierung"), LITERACY_NAMES)
        self.school_years_edit = QLineEdit()
        self.school_years_edit.setAccessibleName(self.tr("Schuljahre"))
        self.school_years_edit.setPlaceholderText(self.tr("Zahl, leer: unbekannt"))
        self.qualification_combo = _combo(self.tr("Schulabschluss"), QUALIFICATION_NAMES)
        self.training_combo = _combo(self.tr("Ausbildung oder Studium"), TRAINING_NAMES)
        self.country_edit = QLineEdit()
        self.country_edit.setAccessibleName(self.tr("Land der Ausbildung"))
        self.country_edit.setPlaceholderText(self.tr("Land, z. B. syr"))
        self.recognition_combo = QComboBox()
        self.recognition_combo.setAccessibleName(self.tr("Anerkennung"))
        for value, text in ((v, _shown(t)) for v, t in RECOGNITION_NAMES.items()):
            self.recognition_combo.addItem(text, value)
        self.situation_combo = _combo(self.tr("Aktuelle Situation"), SITUATION_NAMES)
        self.wish_checks: dict[EntryKind | Arrangement, QCheckBox] = {}
        for wish in (*WISH_KINDS, *Arrangement):
            self.wish_checks[wish] = QCheckBox(_shown(WISH_NAMES[wish]))
        self.language_picker = CodePicker(languages, self.tr("Gesprochene Sprachen"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Fehler im Bildungsprofil"))
        self.error.setVisible(False)
        self.setLayout(self._layout())

    def _layout(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        level = QHBoxLayout()
        for widget in (self.level_combo, self.basis_combo, self.assessed_edit):
            level.addWidget(widget)
        # Two by two and three wishes a row: the form's field column is narrow at 150 %.
        skills = QGridLayout()
        for index, (skill, combo) in enumerate(self.skill_combos.items()):
            skills.addWidget(QLabel(_shown(SKILL_NAMES[skill])), index // 2, (index % 2) * 2)
            skills.addWidget(combo, index // 2, (index % 2) * 2 + 1)
        training = QHBoxLayout()
        for widget in (self.training_combo, self.country_edit, self.recognition_combo):
            training.addWidget(widget)
        wishes = QGridLayout()
        for index, check in enumerate(self.wish_checks.values()):
            wishes.addWidget(check, index // 3, index % 3)
        # Mnemonics left free by the person form (tests/ui/mnemonics.py checks them).
        rows: list[tuple[str, QWidget, QHBoxLayout | QGridLayout | QWidget]] = [
            (self.tr("Deutsch (&insgesamt):"), self.level_combo, level),
            (self.tr("Deutsch je Fertigkeit:"), self.skill_combos[Skill.HOEREN], skills),
            (self.tr("Alphabetisier&ung:"), self.literacy_combo, self.literacy_combo),
            (self.tr("Schul&jahre:"), self.school_years_edit, self.school_years_edit),
            (self.tr("S&chulabschluss:"), self.qualification_combo, self.qualification_combo),
            (self.tr("Ausbil&dung/Studium:"), self.training_combo, training),
            (self.tr("Si&tuation:"), self.situation_combo, self.situation_combo),
            (self.tr("Wünsche (Kurs, &Zeit):"), self.wish_checks[WISH_KINDS[0]], wishes),
            (self.tr("Gesprochene Sprache&n:"), self.language_picker.edit, self.language_picker),
        ]
        for text, buddy, field in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow(self.error)
        return form

    def focus_widgets(self) -> list[QWidget]:
        """The fields in tab order."""
        return [
            self.level_combo,
            self.basis_combo,
            self.assessed_edit,
            *self.skill_combos.values(),
            self.literacy_combo,
            self.school_years_edit,
            self.qualification_combo,
            self.training_combo,
            self.country_edit,
            self.recognition_combo,
            self.situation_combo,
            *self.wish_checks.values(),
            self.language_picker.edit,
        ]

    def fill(self, profile: LearnerProfile) -> None:
        self._loaded = profile
        overall = latest(profile.assessments, Skill.OVERALL)
        _select(self.level_combo, overall.level if overall else None)
        _select(self.basis_combo, overall.basis if overall else None)
        self.assessed_edit.setText(overall.on.german() if overall else "")
        for skill, combo in self.skill_combos.items():
            found = latest(profile.assessments, skill)
            _select(combo, found.level if found else None)
        _select(self.literacy_combo, profile.literacy)
        years = profile.school_years
        self.school_years_edit.setText("" if years is None else str(years))
        _select(self.qualification_combo, profile.school_qualification)
        training = profile.training
        _select(self.training_combo, training.kind if training else None)
        self.country_edit.setText(training.country or "" if training else "")
        _select(self.recognition_combo, training.recognition if training else None)
        _select(self.situation_combo, profile.situation)
        for wish, check in self.wish_checks.items():
            check.setChecked(wish in profile.wished_kinds or wish in profile.arrangements)
        self.language_picker.set_codes(profile.languages)

    def show_error(self, text: str) -> None:
        say(self.error, text)

    def read(self, today: dt.date) -> LearnerProfile:
        """The profile as entered; raises the domain's ``InputError`` (German message)."""
        self.language_picker.settle()
        years = self.school_years_edit.text().strip()
        kind = self.training_combo.currentData()
        wishes = [wish for wish, check in self.wish_checks.items() if check.isChecked()]
        return dataclasses.replace(
            self._loaded,
            assessments=self._assessments(today),
            literacy=self.literacy_combo.currentData(),
            school_years=parse_school_years(years) if years else None,
            school_qualification=self.qualification_combo.currentData(),
            training=None
            if kind is None
            else Training(
                kind,
                self.country_edit.text().strip() or None,
                self.recognition_combo.currentData(),
            ),
            situation=self.situation_combo.currentData(),
            wished_kinds=frozenset(w for w in wishes if isinstance(w, EntryKind)),
            arrangements=frozenset(w for w in wishes if isinstance(w, Arrangement)),
            languages=self.language_picker.codes(),
        )

    def _assessments(self, today: dt.date) -> tuple[Assessment, ...]:
        """The loaded history plus one assessment for each level that was changed."""
        typed = self.assessed_edit.text().strip()
        on = PartialDate.parse(typed) if typed else PartialDate(today.year, today.month, today.day)
        basis = self.basis_combo.currentData() or Basis.SELF_ASSESSED
        added = []
        chosen = [(Skill.OVERALL, self.level_combo.currentData())]
        chosen += [(skill, combo.currentData()) for skill, combo in self.skill_combos.items()]
        for skill, level in chosen:
            before = latest(self._loaded.assessments, skill)
            if level is None:
                continue
            if before is None or (before.level, before.basis, before.on) != (level, basis, on):
                added.append(Assessment(level, basis, on, skill))
        return (*self._loaded.assessments, *added)


class ProfileDialog(QDialog):
    """Edit the learner profile of a registered person (the owning office's clerks)."""

    saved = Signal(object)  # the services' LearnerProfileView

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        person_id: uuid.UUID,
        languages: Sequence[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._tasks, self._person_id = desk, tasks, person_id
        self._saving = False
        self.setWindowTitle(self.tr("Bildungsprofil bearbeiten"))
        self.section = ProfileSection(languages)
        self.save_button = QPushButton(self.tr("Speichern"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        fit_to_screen(self, 760, 520)
        layout = QVBoxLayout(self)
        # The fields scroll on a low screen (150 %); the buttons stay in sight.
        layout.addWidget(ScrollingPane(self.section), 1)
        layout.addLayout(buttons)
        hint = QLabel(self.tr("Enter speichern · Esc abbrechen"))
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        self._loaded = desk.learner_profile(person_id).profile
        self.section.fill(self._loaded)

    def _on_save(self) -> None:
        if self._saving:
            return
        try:
            profile = checked_profile(self.section.read(dt.date.today()))
        except InputError as error:
            self.section.show_error(i18n.error_text(error))
            return
        if profile == self._loaded:
            self.reject()  # nothing changed: no change record travels for it
            return
        self._saving = True
        self.save_button.setEnabled(False)
        desk, person_id = self._desk, self._person_id

        def work(_progress: Progress) -> LearnerProfileView:
            return desk.set_learner_profile(person_id, profile)

        self._tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, view: LearnerProfileView) -> None:
        self._saving = False
        self.saved.emit(view)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, (ServiceError, InputError)):
            self.section.show_error(i18n.error_text(error))
            return
        raise error

    def reject(self) -> None:
        if not self._saving:
            super().reject()

"""The desktop app's language: German by default, English as the second language.

The source texts in the code are German (the language of the counters); English comes from
Qt Linguist files in the top-level ``resources/translations`` (package ``passapp.resources``)
made by ``scripts/translations.py`` (extraction with ``pyside6-lupdate``, compilation with
``pyside6-lrelease``). Qt's own texts (file and print dialogs) come from Qt's ``qtbase``
translations. Dates are typed and shown as day.month.year in both languages
(``TT.MM.JJJJ``, in English labelled ``DD.MM.YYYY``): the pass prints them so, and a date
typed the same at every counter is never read two ways.

What the services word themselves (errors, eligibility reasons, roles, reference labels)
carries both languages; the helpers here pick the one on screen (:func:`error_text`,
:func:`eligibility_status`, :func:`role_label`, :func:`label_text`).

The language is chosen by ``--lang``, else ``$PASSAPP_LANG``, else the saved preference,
else German. Menu Ansicht → Sprache saves the choice and switches at once
(:func:`switch_language`; the main window is then rebuilt, see ``MainWindow.rebuilt``).
"""

from __future__ import annotations

import os
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from passapp.domain.accounts import ROLE_LABELS_DE, ROLE_LABELS_EN, Role

if TYPE_CHECKING:  # the reference data's module loads SQLAlchemy: not before the log-in window
    from passapp.services.reference import Label
    from passapp.services.views import EligibilityView

LANGUAGES = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"
TRANSLATIONS = resources.files("passapp.resources").joinpath("translations")
SETTING = "language"


def settings() -> QSettings:
    return QSettings("passapp", "passapp")


def chosen_language(explicit: str | None = None) -> str:
    for candidate in (explicit, os.environ.get("PASSAPP_LANG"), settings().value(SETTING)):
        if isinstance(candidate, str) and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the installed translators speak: "en" once :func:`install_translations`
    installed English, "de" before that and again once its translators are removed.

    Asked from the translators themselves (the English file translates this marker to
    "en", as Qt's own files translate ``QT_LAYOUT_DIRECTION``), so it cannot disagree
    with the texts on screen."""
    marker = QCoreApplication.translate(
        "i18n", "de", "Code of the translation's language (ISO 639-1, e.g. en)"
    )
    return marker if marker in LANGUAGES else DEFAULT_LANGUAGE


def number_text(value: float, decimals: int = 0) -> str:
    """A number as the UI's language writes it: "1.234,5" in German, "1,234.5" in English."""
    locale = QLocale(
        QLocale.Language.English if current_language() == "en" else QLocale.Language.German
    )
    return locale.toString(float(value), "f", decimals) if decimals else locale.toString(int(value))


def label_text(label: Label) -> str:
    """A reference label (entry kind, status, office kind) in the current language."""
    return label.label_en if current_language() == "en" else label.label_de


def office_kind(slug: str, german: str) -> str:
    """An office's kind ("Landratsamt" / "District office") by its slug; a kind the
    reference data does not know: the German label the service gave."""
    from passapp.services.reference import office_kind_labels

    label = office_kind_labels().get(slug)
    return label_text(label) if label is not None else german


def error_text(error: BaseException) -> str:
    """What the clerk reads about a refused or wrong input: the error's German message
    (``message_de``) in the German UI, its English one (``str``) in the English UI. Errors
    without a German message (an ``OSError``) say what they say."""
    german = getattr(error, "message_de", None)
    if current_language() == "en" or not isinstance(german, str) or not german:
        return str(error)
    return german


def eligibility_status(view: EligibilityView) -> str:
    """The check's verdict ("erfüllt" / "met") in the current language."""
    return view.status_en if current_language() == "en" else view.status_de


def eligibility_reasons(view: EligibilityView) -> tuple[str, ...]:
    """The check's reasons as sentences in the current language."""
    return view.reasons_en if current_language() == "en" else view.reasons_de


def role_label(role: Role) -> str:
    """An account's role ("Sachbearbeitung" / "Counter clerk") in the current language."""
    return (ROLE_LABELS_EN if current_language() == "en" else ROLE_LABELS_DE)[role]


def role_label_from_german(german: str) -> str:
    """A role named by its German label (as ``Gate.demo_accounts`` gives it)."""
    by_german = {label: role for role, label in ROLE_LABELS_DE.items()}
    return role_label(by_german[german]) if german in by_german else german


def save_language(language: str) -> None:
    """Remember the clerk's choice for the next start (widgets are built with their texts)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings().setValue(SETTING, language)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's translators for ``language``; returns what was installed."""
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if language != "en" and qt_own.load(QLocale(language), "qtbase", "_", qt_folder):
        installed.append(qt_own)  # Qt's source texts are English already
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        # A real file in every install (wheel, editable, frozen); Qt reads it at once.
        with resources.as_file(TRANSLATIONS.joinpath(f"passapp_{language}.qm")) as qm:
            if not ours.load(str(qm)):
                raise FileNotFoundError(f"no translation file for {language!r} in {TRANSLATIONS}")
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    _installed.extend(installed)
    return installed


# What install_translations put in, so that a switch takes exactly those out again.
_installed: list[QTranslator] = []


def switch_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators with ``language``'s; texts already on screen stay
    until their widgets are built again."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    remove_translations(app)
    return install_translations(app, language)


def remove_translations(app: QCoreApplication) -> None:
    """Take out every translator :func:`install_translations` put in: the source texts
    (German) and Qt's own English are left."""
    while _installed:
        app.removeTranslator(_installed.pop())

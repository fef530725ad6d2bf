"""The desktop app's language: German by default, English as the second language.

The source texts in the code are German (the language of the counters); English comes from
Qt Linguist files in the top-level ``resources/translations`` (package ``passapp.resources``)
made by ``scripts/translations.py`` (extraction with ``pyside6-lupdate``, compilation with
``pyside6-lrelease``). Qt's own texts (file and print dialogs, "Strg" in shortcuts) come
from Qt's ``qtbase`` translations. Dates stay in
the German form ``TT.MM.JJJJ`` in both languages: that is how they are printed in the pass.

The language is chosen by ``--lang``, else ``$PASSAPP_LANG``, else the saved preference
(menu Ansicht → Sprache, applied at the next start), else German.
"""

from __future__ import annotations

import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from passapp.services.reference import Label

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


def label_text(label: Label) -> str:
    """A reference label (entry kind, status, office kind) in the current language."""
    return label.label_en if current_language() == "en" else label.label_de


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
    return installed

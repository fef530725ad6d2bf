"""What a clerk reads in a window, and which of it is German.

:func:`visible_texts` collects every text a window shows (labels, buttons, placeholders,
menus, tabs, table headers and cells, list and combo box items, group titles, tooltips),
each with the widget it belongs to. :func:`german_words` takes its words from the German
source texts of the translation file (``passapp_en.ts``), less every word its English
translations use too ("Person", "Name", "Status", "Dachau"): a word of that list in the
English UI is a German text nobody translated.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from passapp.ui import i18n

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
# A saved file's path ("…/Eintragsblatt-EWDAH-000011-28.pdf") names a document: data.
PATH = re.compile(r"\S*[/\\]\S*")
TAG = re.compile(r"<[^>]+>")
# Table rows beyond these are more of the same (a catalogue of 40 offers).
MAX_ROWS = 30


@dataclass(frozen=True)
class Seen:
    widget: str  # class and object or accessible name: where the clerk sees it
    text: str


@cache
def german_words() -> frozenset[str]:
    """Lower-case words of the German sources that no English translation uses."""
    german: set[str] = set()
    english: set[str] = set()
    source = i18n.TRANSLATIONS / "passapp_en.ts"
    for message in ElementTree.parse(source).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        german.update(w.lower() for w in WORD.findall(message.findtext("source") or ""))
        english.update(w.lower() for w in WORD.findall(translation.text or ""))
    return frozenset(german - english)


def german_in(text: str, exempt: tuple[str, ...] = ()) -> list[str]:
    """The German words of ``text``, after removing the ``exempt`` parts (names, addresses,
    office names, the catalogue's offers: data, not the UI's words)."""
    for part in sorted(exempt, key=len, reverse=True):
        if part:
            text = text.replace(part, " ")
    text = PATH.sub(" ", TAG.sub(" ", text))
    return [word for word in WORD.findall(text) if word.lower() in german_words()]


def visible_texts(window: QWidget) -> list[Seen]:
    found: list[Seen] = [Seen(_name(window), window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, QHeaderView):
            continue  # its table's model gives the headers
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        found += [Seen(_name(widget), text) for text in _texts_of(widget) if text.strip()]
    if isinstance(window, QMainWindow):
        found += _menu_texts(window)
    return found


def _texts_of(widget: QWidget) -> list[str]:
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text().replace("&", ""))
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(row) for row in range(widget.count())]
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabWidget):
        texts += [widget.tabText(index).replace("&", "") for index in range(widget.count())]
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        texts += [widget.toPlainText(), widget.placeholderText()]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget.model())
    return texts


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    columns = _columns(model)
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column, QModelIndex()), role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model (QStringListModel's columnCount is private in Python)
        return 1


def _menu_texts(window: QMainWindow) -> list[Seen]:
    found = []
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        found.append(Seen("menu", menu.title().replace("&", "")))
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
            elif action.isVisible() and action.text():
                found.append(Seen(f"menu {menu.title()}", action.text().replace("&", "")))
    return found


def _name(widget: QWidget) -> str:
    label = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}({label})" if label else type(widget).__name__

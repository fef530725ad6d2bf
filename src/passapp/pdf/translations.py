"""Printed texts in German and the second language (``resources/print/<lang>.json``).

German is always printed; the second language is chosen at issue. German category
labels come from ``resources/entry_kinds.json`` (the one list of entry kinds), the other
languages' from their print file. Files are read once per process.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ar", "fa", "uk", "ru", "tr")

# A proposal until the district fixes its deletion periods (DSGVO Art. 13(2)(a)).
RETENTION_YEARS = 3


class UnsupportedLanguageError(ValueError):
    """A second language without a translation of the printed texts."""


@dataclass(frozen=True, slots=True)
class PrintTexts:
    code: str
    name: str
    rtl: bool
    texts: Mapping[str, str]
    categories: Mapping[str, str]
    privacy: tuple[tuple[str, str], ...]  # (heading, text), with the placeholder contact
    # The same with "{contact}" and "{years}" open (the district's settings fill them).
    privacy_templates: tuple[tuple[str, str], ...] = ()
    placeholder_contact: str = ""

    def privacy_with(self, contact: str | None, years: int) -> tuple[tuple[str, str], ...]:
        """The notice with the district's contact (``None``: the placeholder) and retention
        period."""
        filled = contact if contact is not None else self.placeholder_contact
        return tuple(
            (heading, text.replace("{contact}", filled).replace("{years}", str(years)))
            for heading, text in self.privacy_templates
        )

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def category(self, slug: str) -> str:
        return self.categories.get(slug, slug)


def _read(name: str) -> Any:
    node = resources.files("passapp.resources")
    for part in name.split("/"):
        node = node.joinpath(part)
    data = node.read_text("utf-8")
    return json.loads(data)


@functools.cache
def texts(code: str) -> PrintTexts:
    """The printed texts of ``code`` (``de`` or one of :data:`SUPPORTED_LANGUAGES`)."""
    if code != "de" and code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"no printed texts for language {code!r}; supported: de, "
            + ", ".join(SUPPORTED_LANGUAGES)
        )
    data = _read(f"print/{code}.json")
    german = _read("print/de.json") if code != "de" else data
    contact = german["privacy_contact"]
    if code == "de":
        kinds = _read("entry_kinds.json")["entry_kinds"]
        categories = {kind["slug"]: kind["label_de"] for kind in kinds}
    else:
        categories = dict(data["categories"])
    templates = tuple((section["heading"], section["text"]) for section in data["privacy"])
    privacy = tuple(
        (heading, text.replace("{contact}", contact).replace("{years}", str(RETENTION_YEARS)))
        for heading, text in templates
    )
    return PrintTexts(
        code=code,
        name=data["language_name"],
        rtl=data["direction"] == "rtl",
        texts=dict(data["texts"]),
        categories=categories,
        privacy=privacy,
        privacy_templates=templates,
        placeholder_contact=contact,
    )


def second_language(code: str | None) -> PrintTexts | None:
    """The second language's texts, or ``None`` for a German-only print."""
    if code is None or code == "de":
        return None
    return texts(code)

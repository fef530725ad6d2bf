"""The lists a clerk picks from: municipalities, nationalities, languages (German or English names).

Nationalities are ISO 3166-1 alpha-3 codes plus the ICAO codes for stateless people and
refugees (``domain.codes.SPECIAL_NATIONALITIES``); languages are ISO 639-1 where a code
exists, else ISO 639-3 (``prs`` for Dari), as ``domain.codes.parse_language`` stores them.
German names come from pycountry's own gettext catalogues (iso-codes); where a catalogue
is missing the English name stays, so a picker never comes up empty. A list is made for
one language (``"de"`` or ``"en"``): it shows and sorts by that language's names and finds
a choice by the other language's name too.

:func:`match` finds a choice by code or by the start of a name, blind to case and umlauts
("syr", "Syrien", "turkei", "Tuerkei", "ara", "Arabisch"), so a clerk types a few letters
instead of scrolling through 250 countries or 7,000 languages.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import pycountry
from sqlalchemy import select

from passapp.domain.codes import SPECIAL_NATIONALITIES, SPECIAL_NATIONALITIES_EN
from passapp.models.entities import Municipality
from passapp.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    name_de: str
    # Other codes and names that find this choice too (ISO alpha-3 of a language, the
    # English name, a common German short name such as "Russland").
    aliases: tuple[str, ...] = ()
    # Often needed in the district: listed first, and found first by the start of a name.
    common: bool = False
    # pycountry's English name; empty where there is only a German one (municipalities).
    name_en: str = ""
    # The language of the list the choice belongs to: it decides :attr:`name`.
    language: str = "de"

    @property
    def name(self) -> str:
        """The name in the list's language (German where no English name exists)."""
        return self.name_en if self.language == "en" and self.name_en else self.name_de

    @property
    def label(self) -> str:
        """How a picker shows it: ``Syrien (SYR)``, in English ``Syria (SYR)``."""
        return f"{self.name} ({self.code})"


# Languages often spoken by newcomers in the district: offered first.
COMMON_LANGUAGES = (
    "ar",
    "uk",
    "ru",
    "fa",
    "prs",
    "ps",
    "tr",
    "ku",
    "ti",
    "so",
    "ro",
    "pl",
    "bg",
    "sq",
    "sr",
    "en",
    "fr",
    "de",
)
# Nationalities often held by newcomers in the district: offered first.
COMMON_NATIONALITIES = (
    "UKR",
    "SYR",
    "AFG",
    "IRQ",
    "TUR",
    "ERI",
    "SOM",
    "IRN",
    "NGA",
    "RUS",
    "ROU",
    "POL",
    "BGR",
    "ALB",
    "SRB",
    "XXA",
)
# Names clerks use that the ISO catalogues do not give (the catalogue says
# "Russische Föderation", a clerk types "Russland").
EXTRA_COUNTRY_NAMES = {
    "RUS": ("Russland",),
    "GBR": ("Großbritannien", "England"),
    "USA": ("USA", "Amerika"),
    "CZE": ("Tschechische Republik",),
    "PSE": ("Palästinensische Gebiete",),
    "MKD": ("Mazedonien",),
}
EXTRA_LANGUAGE_NAMES = {
    "fa": ("Farsi",),
    "prs": ("Afghanisch-Persisch", "Farsi (Afghanistan)"),
    "ku": ("Kurmandschi",),
    "ckb": ("Sorani",),
    "kmr": ("Kurmandschi",),
}
# Living languages, macrolanguages and those with a two-letter code (pycountry ``type``).
_LIVING = "L"


def municipalities(ctx: ServiceContext) -> list[Choice]:
    """The district's municipalities (key, name), by name."""
    with ctx.db.reading() as session:
        rows = session.execute(select(Municipality.key, Municipality.name)).all()
    return sorted((Choice(key, name) for key, name in rows), key=lambda c: fold(c.name_de))


def nationalities(language: str = "de") -> list[Choice]:
    """ISO 3166 countries and the special ICAO codes, the common ones first, named and
    sorted in ``language``."""
    return list(_nationalities(language))


def languages(language: str = "de") -> list[Choice]:
    """ISO 639 languages (two-letter code where one exists), the common ones first, named
    and sorted in ``language``."""
    return list(_languages(language))


@cache
def _nationalities(language: str) -> tuple[Choice, ...]:
    german = _translator("iso3166-1")
    choices = [
        Choice(code, name, (name,), False, SPECIAL_NATIONALITIES_EN[code], language)
        for code, name in SPECIAL_NATIONALITIES.items()
    ]
    for country in pycountry.countries:
        common = getattr(country, "common_name", None)
        english = common or country.name
        name = german(english)
        aliases = (
            country.alpha_2,
            country.name,
            german(country.name),
            *((common,) if common else ()),
            *EXTRA_COUNTRY_NAMES.get(country.alpha_3, ()),
            name,  # the German name finds the country in the English list too
        )
        shown = english if language == "en" else name
        choices.append(
            Choice(country.alpha_3, name, _distinct(aliases, shown), False, english, language)
        )
    return _common_first(choices, COMMON_NATIONALITIES)


@cache
def _languages(list_language: str) -> tuple[Choice, ...]:
    german = _translator("iso639-3")
    choices = []
    for language in pycountry.languages:
        two_letters = getattr(language, "alpha_2", None)
        if two_letters is None and getattr(language, "type", None) != _LIVING:
            continue  # extinct, historical, constructed: not a language a newcomer speaks
        code = two_letters or language.alpha_3
        # Some catalogue names list synonyms: "Paschtu; Afghanisch".
        name, *synonyms = (part.strip() for part in german(language.name).split(";"))
        aliases = (
            language.alpha_3,
            getattr(language, "bibliographic", ""),
            language.name,
            *synonyms,
            *EXTRA_LANGUAGE_NAMES.get(code, ()),
            name,  # the German name finds the language in the English list too
        )
        choices.append(
            Choice(code, name, _distinct(aliases, code), False, language.name, list_language)
        )
    return _common_first(choices, COMMON_LANGUAGES)


def _translator(domain: str) -> Callable[[str], str]:
    try:
        catalogue = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"])
    except OSError:  # pycountry without its locales: English names rather than none
        return str
    return catalogue.gettext


def _distinct(aliases: Iterable[str], *besides: str) -> tuple[str, ...]:
    return tuple(a for a in dict.fromkeys(aliases) if a and a not in besides)


def _common_first(choices: list[Choice], common: Sequence[str]) -> tuple[Choice, ...]:
    rank = {code: index for index, code in enumerate(common)}
    marked = [replace(c, common=True) if c.code in rank else c for c in choices]
    return tuple(sorted(marked, key=lambda c: (rank.get(c.code, len(rank)), fold(c.name), c.code)))


# --- finding a choice by what the clerk typed -----------------------------------------------

# Order of the ways a text can match a choice (smaller first).
_EXACT, _NAME_START, _ALIAS_START, _CODE_START, _WORD_START = range(5)
_WORD_BREAK = re.compile(r"[\s,;()/\-]+")


def match(choices: Sequence[Choice], text: str, limit: int | None = None) -> list[Choice]:
    """The choices ``text`` may mean, best first: its code (or another code), then names
    that start with it, then codes, then names with a word that starts with it. A common
    choice whose code or name fits comes before all others ("tig": Tigrinja before the
    rare Tigre, whose code it is). Case, accents and umlauts do not matter ("turkei" and
    "tuerkei" find "Türkei")."""
    wanted = fold(text)
    if not wanted:
        return []
    ranked = []
    for position, choice in enumerate(choices):
        rank = _rank(choice, wanted)
        if rank is not None:
            first = choice.common and rank <= _NAME_START
            ranked.append((not first, rank, position, choice))
    ranked.sort(key=lambda item: item[:3])
    found = [item[3] for item in ranked]
    return found if limit is None else found[:limit]


def find_code(choices: Sequence[Choice], text: str) -> Choice | None:
    """The one choice ``text`` names by code or another code, else ``None``."""
    wanted = fold(text)
    for choice in choices:
        if _rank(choice, wanted) == _EXACT:
            return choice
    return None


def _rank(choice: Choice, wanted: str) -> int | None:
    code = fold(choice.code)
    if wanted == code or any(wanted == fold(alias) for alias in choice.aliases):
        return _EXACT
    if any(key.startswith(wanted) for key in _keys(choice.name)):
        return _NAME_START
    if any(key.startswith(wanted) for alias in choice.aliases for key in _keys(alias)):
        return _ALIAS_START
    if code.startswith(wanted):
        return _CODE_START
    if any(word.startswith(wanted) for word in _words(choice.name)):
        return _WORD_START
    return None


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without accents or umlauts: ``Türkei`` → ``turkei``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65_536)
def _keys(name: str) -> tuple[str, ...]:
    """The folded name, and the form with umlauts written out (ü → ue), as clerks without
    a German keyboard type them."""
    spelled = name.casefold()
    for umlaut, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        spelled = spelled.replace(umlaut, written)
    return tuple(dict.fromkeys((fold(name), fold(spelled))))


@lru_cache(maxsize=65_536)
def _words(name: str) -> tuple[str, ...]:
    return tuple(word for key in _keys(name) for word in _WORD_BREAK.split(key)[1:] if word)

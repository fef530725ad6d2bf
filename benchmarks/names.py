"""Realistic names for the benchmark: origins, frequency skew, spellings, original scripts.

Each :class:`Origin` draws family and given names from pools ordered most common first,
with Zipf-like weights (a few very common names, a long tail), plus a synthetic tail of
rare but plausible family names built from typical parts ("Ober" + "huber", "Wiśniew" +
"ski"). Names carry their spelling variants (Mohammed/Mohamed) and, where documents give
one, the original script (Arabic, Persian, Cyrillic). Cyrillic names get their Latin
spelling from the schemes actually found in documents: Ukrainian passports (KMU 2010),
Russian passports (old and 2014), and German registers (Duden), so the same person can be
"Shevchenko" in one register and "Schewtschenko" in another.

Pure and deterministic: every draw takes a :class:`random.Random`.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from benchmarks import name_data as data

T = TypeVar("T")

# --- Names and weighted pools -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Name:
    """One name: its Latin spellings (most common first) and the original script, if any."""

    spellings: tuple[str, ...]
    cum_weights: tuple[float, ...]
    original: str | None = None

    @classmethod
    def of(cls, spellings: Sequence[tuple[str, float]], original: str | None = None) -> Name:
        merged: dict[str, float] = {}
        for text, weight in spellings:
            merged[text] = merged.get(text, 0.0) + weight
        return cls(tuple(merged), tuple(itertools.accumulate(merged.values())), original)

    def spell(self, rng: random.Random) -> str:
        return self.spell_at(rng.random())

    def spell_at(self, point: float) -> str:
        """The spelling at ``point`` in [0, 1): one point for all names of a person keeps
        the person's transliteration scheme consistent (not "Wladimirow Ivan")."""
        if len(self.spellings) == 1:
            return self.spellings[0]
        return self.spellings[bisect.bisect_right(self.cum_weights, point * self.cum_weights[-1])]


class Pool(Generic[T]):
    """Items drawn with Zipf weights ``1 / (rank + offset) ** exponent``."""

    def __init__(self, items: Sequence[T], exponent: float = 1.0, offset: float = 2.0) -> None:
        if not items:
            raise ValueError("empty name pool")
        self.items = list(items)
        weights = [1.0 / (rank + offset) ** exponent for rank in range(len(self.items))]
        self._cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self._cum, rng.random() * self._cum[-1])]

    def __len__(self) -> int:
        return len(self.items)


# Weights of Latin spelling variants "a/b/c": the first is the most common.
_VARIANT_WEIGHTS = (0.6, 0.25, 0.1, 0.05, 0.03)


def _entries(text: str) -> list[str]:
    return list(dict.fromkeys(text.split()))


def _latin_name(latin: str, original: str | None) -> Name:
    variants = [v.replace("_", " ") for v in latin.split("/")]
    return Name.of(list(zip(variants, _VARIANT_WEIGHTS, strict=False)), original)


def parse_names(text: str, *, persian: bool = False) -> list[tuple[Name, Name]]:
    """Parse a Latin pool: ``latin[/variant…][~female][|original[~female]]`` per entry."""
    result: list[tuple[Name, Name]] = []
    for entry in _entries(text):
        latin, _, original = entry.partition("|")
        original = original.replace("_", " ")
        if persian:
            original = _persian_letters(original)
        male_latin, _, female_latin = latin.partition("~")
        male_orig, _, female_orig = original.partition("~")
        male = _latin_name(male_latin, male_orig or None)
        female = _latin_name(female_latin or male_latin, (female_orig or male_orig) or None)
        result.append((male, female))
    return result


def _persian_letters(text: str) -> str:
    """Persian documents write yeh and kaf as ی and ک, not the Arabic ي and ك."""
    return text.translate({0x064A: 0x06CC, 0x0643: 0x06A9})


# --- Cyrillic → Latin as documents write it -------------------------------------------

_COMMON = {
    "а": "a",
    "б": "b",
    "д": "d",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "т": "t",
    "у": "u",
    "ф": "f",
    "ь": "",
    "'": "",
    "’": "",
}

# Ukrainian national transliteration (KMU resolution 55 of 2010), used in passports.
# Tuples: (at the start of a word, elsewhere).
_UKRAINIAN_PASSPORT: dict[str, str | tuple[str, str]] = {
    **_COMMON,
    "в": "v",
    "г": "h",
    "ґ": "g",
    "е": "e",
    "є": ("ye", "ie"),
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "с": "s",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}

# Russian passports since 2014 (ICAO 9303 based).
_RUSSIAN_PASSPORT: dict[str, str | tuple[str, str]] = {
    **_COMMON,
    "в": "v",
    "г": "g",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "с": "s",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}

# Older Russian passports (before 2010): "Natalya", "Dmitriy", "Yuliya".
_RUSSIAN_OLD: dict[str, str | tuple[str, str]] = {
    **_RUSSIAN_PASSPORT,
    "е": ("ye", "e"),
    "й": "y",
    "ъ": "",
    "ю": "yu",
    "я": "ya",
}

# German transliteration (Duden), as older German registers and certificates write it.
_GERMAN_REGISTER: dict[str, str | tuple[str, str]] = {
    **_COMMON,
    "в": "w",
    "г": "g",
    "ґ": "g",
    "е": ("je", "e"),
    "ё": "jo",
    "є": "je",
    "ж": "sch",
    "з": "s",
    "и": "i",
    "і": "i",
    "ї": "ji",
    "й": "j",
    "с": "s",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ъ": "",
    "ы": "y",
    "э": "e",
    "ю": "ju",
    "я": "ja",
}
# Ukrainian letters in German registers: Г is h, И is y.
_GERMAN_REGISTER_UK = {**_GERMAN_REGISTER, "г": "h", "и": "y"}


def transliterate(cyrillic: str, table: dict[str, str | tuple[str, str]]) -> str:
    words = []
    for word in cyrillic.split(" "):
        out: list[str] = []
        lower = word.lower()
        for index, char in enumerate(lower):
            if table is _UKRAINIAN_PASSPORT and lower[index - 1 : index + 1] == "зг":
                out.append("gh")  # KMU: зг → zgh, so it is not read as "zh"
                continue
            value = table.get(char, char)
            if isinstance(value, tuple):
                start = index == 0 or not lower[index - 1].isalpha()
                value = value[0] if start else value[1]
            out.append(value)
        text = "".join(out)
        words.append("-".join(part[:1].upper() + part[1:] for part in text.split("-")))
    return " ".join(words)


_UKRAINIAN_SCHEMES = ((_UKRAINIAN_PASSPORT, 0.8), (_GERMAN_REGISTER_UK, 0.2))
_RUSSIAN_SCHEMES = ((_RUSSIAN_PASSPORT, 0.55), (_RUSSIAN_OLD, 0.3), (_GERMAN_REGISTER, 0.15))

Schemes = tuple[tuple[dict[str, str | tuple[str, str]], float], ...]


def cyrillic_name(original: str, schemes: Schemes) -> Name:
    return Name.of([(transliterate(original, table), w) for table, w in schemes], original)


def parse_cyrillic(text: str, schemes: Schemes) -> list[tuple[Name, Name]]:
    result = []
    for entry in _entries(text):
        male, _, female = entry.partition("~")
        result.append((cyrillic_name(male, schemes), cyrillic_name(female or male, schemes)))
    return result


# --- Origins ----------------------------------------------------------------------------

Tail = Callable[[random.Random, str], Name]


@dataclass(frozen=True)
class Origin:
    key: str
    weight: float
    nationalities: tuple[tuple[tuple[str, ...], float], ...]
    languages: tuple[tuple[tuple[str, ...], float], ...]
    family: Pool[tuple[Name, Name]]
    female: Pool[Name]
    male: Pool[Name]
    # Arrival years (first, last, weight); share of people without an arrival (born here).
    arrival: tuple[tuple[int, int, float], ...]
    no_arrival_share: float = 0.05
    tail: Tail | None = None
    tail_share: float = 0.0
    # The family name is the father's given name (Somali, Eritrean naming).
    father_name_share: float = 0.0
    double_family_share: float = 0.0
    given_counts: tuple[float, float, float] = (0.6, 0.32, 0.08)
    single_name_share: float = 0.0
    # Share of people whose document gives the name in the original script too.
    original_share: float = 0.0
    # Registers write 01.01. when only the year is known (common for Afghanistan, Somalia).
    january_first_share: float = 0.0

    @cached_property
    def _given_cum(self) -> list[float]:
        return list(itertools.accumulate(self.given_counts))

    def draw_names(self, rng: random.Random, sex: str) -> tuple[str, str, str | None, str | None]:
        """(family, given, family original, given original) for one invented person."""
        female = sex == "f" or (sex not in ("f", "m") and rng.random() < 0.5)
        scheme = rng.random()
        family_name = self._family(rng, female)
        family = family_name.spell_at(scheme)
        family_original = family_name.original
        if self.double_family_share and rng.random() < self.double_family_share:
            second = self._family(rng, female).spell(rng)
            if second != family:
                family = f"{family}-{second}"
                family_original = None
        given_names: list[Name] = []
        if not (self.single_name_share and rng.random() < self.single_name_share):
            count = 1 + bisect.bisect_right(self._given_cum, rng.random() * self._given_cum[-1])
            count = min(count, len(self.given_counts))
            pool = self.female if female else self.male
            for _ in range(count * 3):
                name = pool.draw(rng)
                if name not in given_names:
                    given_names.append(name)
                if len(given_names) >= count:
                    break
        given = " ".join(name.spell_at(scheme) for name in given_names)
        family_orig = given_orig = None
        if self.original_share and rng.random() < self.original_share:
            family_orig = family_original
            if given_names and all(name.original for name in given_names):
                given_orig = " ".join(name.original or "" for name in given_names)
        return family, given, family_orig, given_orig

    def _family(self, rng: random.Random, female: bool) -> Name:
        point = rng.random()
        if point < self.father_name_share:
            return self.male.draw(rng)
        if self.tail is not None and point < self.father_name_share + self.tail_share:
            return self.tail(rng, "f" if female else "m")
        male, fem = self.family.draw(rng)
        return fem if female else male


def _parts(text: str) -> list[str]:
    return _entries(text)


def _compound_tail(heads: str, ends: str, exponent: float = 0.6) -> Tail:
    head_pool, end_pool = Pool(_parts(heads), exponent), Pool(_parts(ends), exponent)

    def tail(rng: random.Random, _sex: str) -> Name:
        return Name.of([(head_pool.draw(rng) + end_pool.draw(rng), 1.0)])

    return tail


def _cyrillic_tail(heads: str, ends: str, schemes: Schemes) -> Tail:
    head_pool, end_pool = Pool(_parts(heads), 0.6), Pool(_parts(ends), 0.6)

    def tail(rng: random.Random, _sex: str) -> Name:
        return cyrillic_name(head_pool.draw(rng) + end_pool.draw(rng), schemes)

    return tail


def _russian_tail(male: Pool[Name]) -> Tail:
    """Patronymic-style family names from given names: Степан → Степанов, Никита → Никитин."""

    def tail(rng: random.Random, sex: str) -> Name:
        given = male.draw(rng).original or "Иван"
        if given[-1] in "ая":
            stem, suffix = given[:-1], "ин"
        elif given[-1] in "йь":
            stem, suffix = given[:-1], "ев"
        else:
            stem, suffix = given, "ов"
        name = stem + suffix + ("а" if sex == "f" else "")
        return cyrillic_name(name, _RUSSIAN_SCHEMES)

    return tail


def _polish_tail(rng: random.Random, sex: str) -> Name:
    head = _POLISH_HEADS.draw(rng)
    return Name.of([(head + ("ska" if sex == "f" else "ski"), 1.0)])


def _arabic_tail(male: Pool[Name]) -> Tail:
    """Family names built on a given name: Al-Ahmad, Abu Khalil."""

    def tail(rng: random.Random, _sex: str) -> Name:
        base = male.draw(rng)
        spelling = base.spell(rng)
        if rng.random() < 0.7:
            original = None if base.original is None else "ال" + base.original
            return Name.of([(f"Al-{spelling}", 0.8), (f"Al {spelling}", 0.2)], original)
        original = None if base.original is None else "أبو " + base.original
        return Name.of([(f"Abu {spelling}", 1.0)], original)

    return tail


def _persian_tail(male: Pool[Name]) -> Tail:
    """Hamid → Hamidi, Alizada, Ahmadzai."""
    suffixes = (
        ("i", "ی", 0.6),
        ("zada", "زاده", 0.15),
        ("zadeh", "زاده", 0.1),
        ("zai", "زی", 0.15),
    )
    cum = list(itertools.accumulate(weight for *_, weight in suffixes))

    def tail(rng: random.Random, _sex: str) -> Name:
        base = male.draw(rng)
        latin_suffix, original_suffix, _ = suffixes[bisect.bisect_right(cum, rng.random())]
        spelling = base.spell(rng)
        if latin_suffix == "i" and spelling[-1] in "aeiu":
            latin_suffix, original_suffix = "yi", "یی"
        original = None if base.original is None else base.original + original_suffix
        return Name.of([(spelling + latin_suffix, 1.0)], original)

    return tail


def _balkan_tail(male: Pool[Name]) -> Tail:
    slavic = _compound_tail(data.BALKAN_TAIL_HEADS, "ić ović ević")

    def tail(rng: random.Random, sex: str) -> Name:
        if rng.random() < 0.6:
            return slavic(rng, sex)
        spelling = male.draw(rng).spell(rng)  # Albanian: Ademi, Rexhepi
        return Name.of([(spelling + ("" if spelling.endswith("i") else "i"), 1.0)])

    return tail


_POLISH_HEADS = Pool(_parts(data.POLISH_TAIL_HEADS), 0.6)


def _pools(
    family: list[tuple[Name, Name]],
    female: list[tuple[Name, Name]],
    male: list[tuple[Name, Name]],
    exponent: float = 1.0,
    offset: float = 10.0,
) -> tuple[Pool[tuple[Name, Name]], Pool[Name], Pool[Name]]:
    """Family names flatter at the head (offset 10: the most common is a few per cent of
    its origin, as Müller among Germans or Yılmaz among Turks), given names steeper."""
    return (
        Pool(family, exponent, offset),
        Pool([f for _, f in female], 1.0, 5.0),
        Pool([m for m, _ in male], 1.0, 5.0),
    )


def _build_origins() -> list[Origin]:
    origins: list[Origin] = []

    fam, fem, mal = _pools(
        parse_names(data.GERMAN_FAMILY),
        parse_names(data.GERMAN_FEMALE),
        parse_names(data.GERMAN_MALE),
        0.9,
    )
    origins.append(
        Origin(
            "german",
            12,
            ((("DEU",), 0.95), (("DEU", "RUS"), 0.03), (("AUT",), 0.02)),
            ((("de",), 0.9), (("de", "ru"), 0.07), (("de", "en"), 0.03)),
            fam,
            fem,
            mal,
            arrival=((1990, 2019, 0.5), (2020, 2026, 0.5)),
            no_arrival_share=0.8,
            tail=_compound_tail(data.GERMAN_TAIL_HEADS, data.GERMAN_TAIL_ENDS),
            tail_share=0.45,
            double_family_share=0.03,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.TURKISH_FAMILY),
        parse_names(data.TURKISH_FEMALE),
        parse_names(data.TURKISH_MALE),
    )
    origins.append(
        Origin(
            "turkish",
            11,
            ((("TUR",), 0.8), (("TUR", "DEU"), 0.1), (("DEU",), 0.1)),
            ((("tr",), 0.75), (("tr", "de"), 0.15), (("ku", "tr"), 0.1)),
            fam,
            fem,
            mal,
            arrival=((1965, 2005, 0.35), (2006, 2026, 0.65)),
            no_arrival_share=0.1,
            tail=_compound_tail(data.TURKISH_TAIL_HEADS, data.TURKISH_TAIL_ENDS),
            tail_share=0.3,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.ARABIC_FAMILY),
        parse_names(data.ARABIC_FEMALE),
        parse_names(data.ARABIC_MALE),
    )
    origins.append(
        Origin(
            "arabic",
            17,
            (
                (("SYR",), 0.6),
                (("IRQ",), 0.2),
                (("XXA",), 0.04),
                (("LBN",), 0.04),
                (("MAR",), 0.05),
                (("EGY",), 0.03),
                (("PSE",), 0.02),
                (("JOR",), 0.02),
            ),
            ((("ar",), 0.8), (("ar", "ku"), 0.12), (("ku",), 0.08)),
            fam,
            fem,
            mal,
            arrival=((2014, 2017, 0.55), (2018, 2026, 0.45)),
            tail=_arabic_tail(mal),
            tail_share=0.25,
            given_counts=(0.5, 0.4, 0.1),
            original_share=0.45,
            january_first_share=0.05,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.PERSIAN_FAMILY, persian=True),
        parse_names(data.PERSIAN_FEMALE, persian=True),
        parse_names(data.PERSIAN_MALE, persian=True),
    )
    origins.append(
        Origin(
            "persian",
            10,
            ((("AFG",), 0.7), (("IRN",), 0.25), (("XXX",), 0.05)),
            ((("prs",), 0.4), (("fa",), 0.35), (("ps",), 0.2), (("prs", "ps"), 0.05)),
            fam,
            fem,
            mal,
            arrival=((2015, 2017, 0.4), (2018, 2020, 0.1), (2021, 2026, 0.5)),
            tail=_persian_tail(mal),
            tail_share=0.3,
            single_name_share=0.04,
            original_share=0.3,
            january_first_share=0.1,
        )
    )

    fam, fem, mal = _pools(
        parse_cyrillic(data.UKRAINIAN_FAMILY, _UKRAINIAN_SCHEMES),
        parse_cyrillic(data.UKRAINIAN_FEMALE, _UKRAINIAN_SCHEMES),
        parse_cyrillic(data.UKRAINIAN_MALE, _UKRAINIAN_SCHEMES),
        0.9,
    )
    origins.append(
        Origin(
            "ukrainian",
            13,
            ((("UKR",), 1.0),),
            ((("uk",), 0.5), (("uk", "ru"), 0.35), (("ru",), 0.15)),
            fam,
            fem,
            mal,
            arrival=((2022, 2022, 0.55), (2023, 2026, 0.35), (1995, 2021, 0.1)),
            tail=_cyrillic_tail(
                data.UKRAINIAN_TAIL_HEADS, data.UKRAINIAN_TAIL_ENDS, _UKRAINIAN_SCHEMES
            ),
            tail_share=0.35,
            given_counts=(0.97, 0.03, 0.0),
            original_share=0.7,
        )
    )

    fam, fem, mal = _pools(
        parse_cyrillic(data.RUSSIAN_FAMILY, _RUSSIAN_SCHEMES),
        parse_cyrillic(data.RUSSIAN_FEMALE, _RUSSIAN_SCHEMES),
        parse_cyrillic(data.RUSSIAN_MALE, _RUSSIAN_SCHEMES),
        0.9,
    )
    origins.append(
        Origin(
            "russian",
            4,
            ((("RUS",), 0.6), (("KAZ",), 0.2), (("DEU",), 0.1), (("BLR",), 0.1)),
            ((("ru",), 0.9), (("ru", "de"), 0.1)),
            fam,
            fem,
            mal,
            arrival=((1990, 2021, 0.6), (2022, 2026, 0.4)),
            tail=_russian_tail(mal),
            tail_share=0.3,
            given_counts=(0.95, 0.05, 0.0),
            original_share=0.4,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.POLISH_FAMILY),
        parse_names(data.POLISH_FEMALE),
        parse_names(data.POLISH_MALE),
        0.9,
    )
    origins.append(
        Origin(
            "polish",
            5,
            ((("POL",), 0.95), (("POL", "DEU"), 0.05)),
            ((("pl",), 0.9), (("pl", "de"), 0.1)),
            fam,
            fem,
            mal,
            arrival=((1990, 2003, 0.2), (2004, 2026, 0.8)),
            tail=_polish_tail,
            tail_share=0.3,
            given_counts=(0.8, 0.2, 0.0),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.ROMANIAN_FAMILY),
        parse_names(data.ROMANIAN_FEMALE),
        parse_names(data.ROMANIAN_MALE),
        0.9,
    )
    origins.append(
        Origin(
            "romanian",
            6,
            ((("ROU",), 0.88), (("MDA",), 0.07), (("ROU", "MDA"), 0.05)),
            ((("ro",), 0.95), (("ro", "hu"), 0.05)),
            fam,
            fem,
            mal,
            arrival=((2007, 2026, 1.0),),
            tail=_compound_tail(data.ROMANIAN_TAIL_HEADS, data.ROMANIAN_TAIL_ENDS),
            tail_share=0.3,
            given_counts=(0.7, 0.28, 0.02),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.BALKAN_FAMILY),
        parse_names(data.BALKAN_FEMALE),
        parse_names(data.BALKAN_MALE),
        0.9,
    )
    origins.append(
        Origin(
            "balkan",
            6,
            (
                (("BIH",), 0.3),
                (("SRB",), 0.2),
                (("HRV",), 0.2),
                (("ALB",), 0.1),
                (("MKD",), 0.2),
            ),
            ((("bs",), 0.3), (("sr",), 0.2), (("hr",), 0.2), (("sq",), 0.3)),
            fam,
            fem,
            mal,
            arrival=((1991, 2000, 0.3), (2001, 2026, 0.7)),
            tail=_balkan_tail(mal),
            tail_share=0.3,
            given_counts=(0.85, 0.15, 0.0),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.ERITREAN_FAMILY),
        parse_names(data.ERITREAN_FEMALE),
        parse_names(data.ERITREAN_MALE),
    )
    origins.append(
        Origin(
            "eritrean",
            3.5,
            ((("ERI",), 0.75), (("ETH",), 0.25)),
            ((("ti",), 0.7), (("am",), 0.3)),
            fam,
            fem,
            mal,
            arrival=((2014, 2026, 1.0),),
            tail=_compound_tail(data.TIGRINYA_TAIL_HEADS, data.TIGRINYA_TAIL_ENDS),
            tail_share=0.2,
            father_name_share=0.5,
            given_counts=(0.9, 0.1, 0.0),
            january_first_share=0.15,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.SOMALI_FAMILY),
        parse_names(data.SOMALI_FEMALE),
        parse_names(data.SOMALI_MALE),
    )
    origins.append(
        Origin(
            "somali",
            2.5,
            ((("SOM",), 1.0),),
            ((("so",), 0.85), (("so", "ar"), 0.15)),
            fam,
            fem,
            mal,
            arrival=((2012, 2026, 1.0),),
            father_name_share=0.8,
            given_counts=(0.8, 0.2, 0.0),
            january_first_share=0.2,
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.NIGERIAN_FAMILY),
        parse_names(data.NIGERIAN_FEMALE),
        parse_names(data.NIGERIAN_MALE),
        0.9,
    )
    origins.append(
        Origin(
            "nigerian",
            5,
            ((("NGA",), 1.0),),
            ((("en",), 0.5), (("en", "yo"), 0.15), (("en", "ig"), 0.2), (("en", "ha"), 0.15)),
            fam,
            fem,
            mal,
            arrival=((2010, 2026, 1.0),),
            tail=_compound_tail(data.NIGERIAN_TAIL_HEADS, data.NIGERIAN_TAIL_ENDS),
            tail_share=0.3,
            given_counts=(0.6, 0.35, 0.05),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.VIETNAMESE_FAMILY),
        parse_names(data.VIETNAMESE_FEMALE),
        parse_names(data.VIETNAMESE_MALE),
        1.3,
        offset=1.0,  # Nguyễn alone is about 40 % of Vietnamese family names
    )
    origins.append(
        Origin(
            "vietnamese",
            2,
            ((("VNM",), 1.0),),
            ((("vi",), 1.0),),
            fam,
            fem,
            mal,
            arrival=((1980, 2026, 1.0),),
            given_counts=(1.0, 0.0, 0.0),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.PORTUGUESE_FAMILY),
        parse_names(data.PORTUGUESE_FEMALE),
        parse_names(data.PORTUGUESE_MALE),
    )
    origins.append(
        Origin(
            "portuguese",
            1.5,
            ((("BRA",), 0.7), (("PRT",), 0.3)),
            ((("pt",), 1.0),),
            fam,
            fem,
            mal,
            arrival=((2000, 2026, 1.0),),
            double_family_share=0.15,
            given_counts=(0.5, 0.45, 0.05),
        )
    )

    fam, fem, mal = _pools(
        parse_names(data.INDIAN_FAMILY),
        parse_names(data.INDIAN_FEMALE),
        parse_names(data.INDIAN_MALE),
        1.2,
        offset=1.0,  # Singh / Kaur
    )
    origins.append(
        Origin(
            "indian",
            1.5,
            ((("IND",), 1.0),),
            ((("pa",), 0.4), (("hi",), 0.4), (("en",), 0.2)),
            fam,
            fem,
            mal,
            arrival=((2005, 2026, 1.0),),
        )
    )
    return origins


ORIGINS: list[Origin] = _build_origins()
_ORIGIN_CUM = list(itertools.accumulate(origin.weight for origin in ORIGINS))


def draw_origin(rng: random.Random) -> Origin:
    return ORIGINS[bisect.bisect_right(_ORIGIN_CUM, rng.random() * _ORIGIN_CUM[-1])]


def draw_weighted(rng: random.Random, options: tuple[tuple[T, float], ...]) -> T:
    point = rng.random() * sum(weight for _, weight in options)
    for value, weight in options:
        point -= weight
        if point < 0:
            return value
    return options[-1][0]

"""Personal names: validation (DIN 91379) and search forms (ICAO 9303, Kölner Phonetik).

Names are stored as written, NFC-normalised, in full Unicode (DIN 91379 is the
character set German authorities exchange; other scripts are kept too, the UI
only warns about them).  For search, duplicate detection and the QR binding
hash every name is also reduced to a *Latin search form*: upper-case ``A``–``Z``
words separated by single spaces.

Why the search form follows ICAO Doc 9303 Part 3 rather than Unidecode or a
home-made table: the binding hash printed in the QR code is computed from it,
so every office, and every future version of this app, must derive exactly
the same form from the same name.  ICAO 9303 is the published, stable
transliteration used in the machine-readable zone of passports, so the form
also tends to match what the holder's own passport says.  Only for scripts
that ICAO does not cover do we fall back to ``anyascii``, a pinned dependency
with a fixed table.  Changing any table here changes stored search forms and
QR hashes, so treat the tables as a contract.

This module is pure: no I/O, no Qt, no imports from the rest of ``passapp``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import cologne_phonetics
from anyascii import anyascii
from rapidfuzz import fuzz

from passapp.domain.errors import InputError

__all__ = [
    "InvalidNameError",
    "is_din91379_latin",
    "latin_search_form",
    "name_similarity",
    "name_tokens",
    "normalize_name",
    "phonetic_key",
    "search_keys",
]


class InvalidNameError(InputError):
    """A name was refused; ``message_de`` is for the UI, ``str(exc)`` is English.

    ``char`` is the offending character, or ``None`` when the name as a whole
    is the problem (e.g. it is empty).
    """

    def __init__(self, message_en: str, message_de: str, char: str | None = None) -> None:
        super().__init__(message_en, message_de)
        self.char = char


# --- DIN 91379 character classes -------------------------------------------------

# The non-letters DIN 91379 allows in names of natural persons.  U+02BB and U+02BC
# are "modifier letters" (category Lm) in Unicode but act as apostrophes.
_DIN_NAME_NON_LETTERS: Final = frozenset("'\u2019\u02bc\u02bb-,.`\u00b4~")

# Whitespace that is collapsed to one space.  Deliberately not ``str.isspace``:
# that also accepts the control characters U+001C–U+001F and U+0085, which must
# be refused like every other control character, not silently turned into spaces.
_WHITESPACE_RUN: Final = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
)


def _is_din_latin_letter(char: str) -> bool:
    if "A" <= char <= "Z" or "a" <= char <= "z":
        return True
    if "\u00c0" <= char <= "\u024f":
        return char not in "\u00d7\u00f7"  # × and ÷ sit inside Latin-1
    return "\u1e00" <= char <= "\u1eff"


def _is_din_latin_mark(char: str) -> bool:
    return "\u0300" <= char <= "\u036f"


# --- normalize_name --------------------------------------------------------------


def _refuse_char(char: str) -> InvalidNameError:
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char)[0] in "LMNPS" and char.isprintable():
        return InvalidNameError(
            f"Character {char!r} ({code}) is not allowed in a name",
            f"Unzulässiges Zeichen „{char}“ im Namen",
            char,
        )
    return InvalidNameError(
        f"Invisible or control character {code} is not allowed in a name",
        f"Unzulässiges unsichtbares Zeichen {code} im Namen",
        char,
    )


def _refuse_loose_mark(char: str) -> InvalidNameError:
    code = f"U+{ord(char):04X}"
    return InvalidNameError(
        f"Combining mark {code} does not follow a letter",
        f"Das Zeichen {code} (Akzent o. Ä.) steht nicht hinter einem Buchstaben",
        char,
    )


def _check_characters(name: str) -> None:
    previous = " "
    for char in name:
        category = unicodedata.category(char)
        if category[0] == "M":
            # A mark needs a base letter; a loose accent would render as garbage
            # on the card and cannot be transliterated.
            if unicodedata.category(previous)[0] not in "LM":
                raise _refuse_loose_mark(char)
        elif category[0] != "L" and char != " " and char not in _DIN_NAME_NON_LETTERS:
            raise _refuse_char(char)
        previous = char


def normalize_name(text: str) -> str:
    """Return ``text`` NFC-normalised, trimmed, with whitespace runs as one space.

    Raises :class:`InvalidNameError` if nothing is left, if no letter is left
    (a name of only punctuation is a placeholder, which the design forbids),
    or if a character is not allowed in a person's name.
    """
    name = _WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip(" ")
    if not name:
        raise InvalidNameError("Name must not be empty", "Der Name darf nicht leer sein.")
    _check_characters(name)
    if not any(unicodedata.category(char)[0] == "L" for char in name):
        raise InvalidNameError(
            "Name must contain at least one letter",
            "Der Name muss mindestens einen Buchstaben enthalten.",
        )
    return name


# --- is_din91379_latin -----------------------------------------------------------


def is_din91379_latin(text: str) -> bool:
    """True if every character (after NFC) is DIN 91379 normative Latin.

    Allowed: Latin letters (ASCII, U+00C0–U+024F except × ÷, U+1E00–U+1EFF),
    combining marks U+0300–U+036F directly after such a letter (or after
    another such mark), the DIN non-letters for names, and space.  The empty
    string is vacuously True.
    """
    after_latin_letter = False
    for char in unicodedata.normalize("NFC", text):
        if _is_din_latin_letter(char):
            after_latin_letter = True
        elif _is_din_latin_mark(char):
            if not after_latin_letter:
                return False
        elif char == " " or char in _DIN_NAME_NON_LETTERS:
            after_latin_letter = False
        else:
            return False
    return True


# --- ICAO 9303 transliteration tables --------------------------------------------
# Keys are upper case: the text is upper-cased before lookup, so one table
# serves both cases and the result cannot depend on the input's case.

# ICAO 9303-3 table A, only the letters that are *not* simply "drop the accent":
# everything else with diacritics (é, ç, ş, ñ, ...) decomposes to its base letter.
_LATIN: Final[dict[str, str]] = {
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "Å": "AA",
    "Æ": "AE",
    "Ø": "OE",
    "Œ": "OE",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ł": "L",
    "Ŀ": "L",  # NFKC would give "L·"; ICAO says plain L
    "Ĳ": "IJ",
    "Ŋ": "N",
    "Ŧ": "T",
    "ẞ": "SS",  # ß and ı need no entry: str.upper() already gives "SS" and "I"
}

# ICAO 9303-3 table B, the general column.  ICAO lists per-language exceptions
# (e.g. Ukrainian Г → H, И → Y; Serbian Ч → C); the language of a stored name is
# unknown, and one deterministic form matters more here, so the general column is
# used.  Ь is dropped (ICAO); the apostrophe (Ukrainian) is dropped like in Latin.
_CYRILLIC: Final[dict[str, str]] = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Ґ": "G",
    "Ѓ": "G",
    "Д": "D",
    "Ђ": "D",
    "Е": "E",
    "Ё": "E",
    "Є": "IE",
    "Ж": "ZH",
    "З": "Z",
    "Ѕ": "DZ",
    "И": "I",
    "І": "I",
    "Ї": "I",
    "Й": "I",
    "Ј": "J",
    "К": "K",
    "Ќ": "K",
    "Л": "L",
    "Љ": "LJ",
    "М": "M",
    "Н": "N",
    "Њ": "NJ",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "Ћ": "C",
    "У": "U",
    "Ў": "U",
    "Ф": "F",
    "Х": "KH",
    "Ц": "TS",
    "Ч": "CH",
    "Џ": "DZ",
    "Ш": "SH",
    "Щ": "SHCH",
    "Ъ": "IE",
    "Ы": "Y",
    "Ь": "",
    "Э": "E",
    "Ю": "IU",
    "Я": "IA",
    "Ѫ": "U",
}

# ICAO 9303-3 table C (Arabic script, incl. the Persian, Urdu and Pashto letters).
# It is a reversible letter-by-letter scheme in which "X" escapes letters without
# a Latin counterpart (ح → XH, ش → XSH), so محمد → MXHMD rather than a guessed
# vocalisation like MOHAMMED: deterministic, which is what the hash needs.
# Teh marbuta ة is handled in _arabic_teh_marbuta (XAH at the end of a word).
_ARABIC: Final[dict[str, str]] = {
    "\u0621": "XE",  # ء hamza
    "\u0622": "XAA",  # آ alef with madda above
    "\u0623": "XAE",  # أ alef with hamza above
    "\u0624": "U",  # ؤ waw with hamza above
    "\u0625": "I",  # إ alef with hamza below
    "\u0626": "XI",  # ئ yeh with hamza above
    "\u0627": "A",  # ا alef
    "\u0628": "B",  # ب
    "\u062a": "T",  # ت
    "\u062b": "XTH",  # ث
    "\u062c": "J",  # ج
    "\u062d": "XH",  # ح
    "\u062e": "XKH",  # خ
    "\u062f": "D",  # د
    "\u0630": "XDH",  # ذ
    "\u0631": "R",  # ر
    "\u0632": "Z",  # ز
    "\u0633": "S",  # س
    "\u0634": "XSH",  # ش
    "\u0635": "XSS",  # ص
    "\u0636": "XDZ",  # ض
    "\u0637": "XTT",  # ط
    "\u0638": "XZZ",  # ظ
    "\u0639": "E",  # ع
    "\u063a": "G",  # غ
    "\u0640": "",  # ـ tatweel (a stretching stroke, not a letter)
    "\u0641": "F",  # ف
    "\u0642": "Q",  # ق
    "\u0643": "K",  # ك
    "\u0644": "L",  # ل
    "\u0645": "M",  # م
    "\u0646": "N",  # ن
    "\u0647": "H",  # ه
    "\u0648": "W",  # و
    "\u0649": "XAY",  # ى alef maksura
    "\u064a": "Y",  # ي
    "\u0671": "XXA",  # ٱ alef wasla
    "\u0679": "XXT",  # ٹ
    "\u067c": "XRT",  # ټ
    "\u067e": "P",  # پ
    "\u0681": "XKE",  # ځ
    "\u0685": "XXH",  # څ
    "\u0686": "XC",  # چ
    "\u0688": "XXD",  # ڈ
    "\u0689": "XDR",  # ډ
    "\u0691": "XXR",  # ڑ
    "\u0693": "XRR",  # ړ
    "\u0696": "XRX",  # ږ
    "\u0698": "XJ",  # ژ
    "\u069a": "XXS",  # ښ
    "\u06a9": "XKK",  # ک keheh
    "\u06ab": "XXK",  # ګ
    "\u06ad": "XNG",  # ڭ
    "\u06af": "XGG",  # گ
    "\u06ba": "XNN",  # ں
    "\u06bc": "XXN",  # ڼ
    "\u06be": "XDO",  # ھ
    "\u06c0": "XYH",  # ۀ
    "\u06c1": "XXG",  # ہ
    "\u06c2": "XGE",  # ۂ
    "\u06c3": "XTG",  # ۃ
    "\u06cc": "XYA",  # ی Farsi yeh
    "\u06cd": "XXY",  # ۍ
    "\u06d0": "Y",  # ې
    "\u06d2": "XYB",  # ے
    "\u06d3": "XBE",  # ۓ
}
_TEH_MARBUTA: Final = "\u0629"

_TABLE: Final[dict[str, str]] = {**_LATIN, **_CYRILLIC, **_ARABIC}

# Apostrophe-like characters vanish instead of splitting the word: "O'Brien" is
# one name, documents and passports (ICAO) write it as OBRIEN, and a stray token
# "O" would match half the register.  The same holds for the quote signs that
# anyascii emits for ʿayn, hamza, soft signs etc.
_APOSTROPHES: Final = frozenset("'\u2018\u2019\u02bc\u02bb\u02b9\u02ba`\u00b4\"")


def _is_dropped_mark(char: str) -> bool:
    """Marks that only decorate a letter (accents, Arabic vowel signs) and are dropped.

    Other marks, e.g. Indic vowel signs, carry sounds and go to anyascii.
    """
    code = ord(char)
    return (
        0x0300 <= code <= 0x036F  # combining diacritical marks
        or 0x1AB0 <= code <= 0x1AFF
        or 0x1DC0 <= code <= 0x1DFF
        or 0x20D0 <= code <= 0x20FF
        or 0xFE20 <= code <= 0xFE2F
        # Arabic harakat, shadda, sukun, hamza/madda marks, superscript alef:
        # ICAO omits them because they are usually not written at all.
        or 0x064B <= code <= 0x065F
        or code == 0x0670
    )


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


@lru_cache(maxsize=8192)
def _char_form(char: str) -> str:
    """Latin form of one (NFC, upper-cased) character; may hold lower case or punctuation.

    Order matters: ICAO tables first, then compatibility forms (ligatures,
    presentation forms, ǅ), then stripping accents, and anyascii last.
    """
    if char in _TABLE:
        return _TABLE[char]
    if "A" <= char <= "Z" or char in _APOSTROPHES:
        return char
    if _is_mark(char):
        return "" if _is_dropped_mark(char) else anyascii(char)
    compat = unicodedata.normalize("NFKC", char)
    if compat != char:
        return _raw_form(compat.upper())
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not _is_mark(c))
    if base and base != decomposed:
        return _raw_form(base)
    if unicodedata.category(char)[0] == "L":
        return anyascii(char)
    return " "  # digits, punctuation, symbols, spaces: word separators


def _arabic_teh_marbuta(text: str, index: int) -> str:
    """ICAO: ة is XAH at the end of a name component, XTA elsewhere."""
    for following in text[index + 1 :]:
        if _is_mark(following) or following == "\u0640":
            continue
        return "XTA" if unicodedata.category(following)[0] == "L" else "XAH"
    return "XAH"


def _raw_form(text: str) -> str:
    parts: list[str] = []
    for index, char in enumerate(text):
        if char == _TEH_MARBUTA:
            parts.append(_arabic_teh_marbuta(text, index))
        else:
            parts.append(_char_form(char))
    return "".join(parts)


_NOT_LETTER_RUN: Final = re.compile("[^A-Z]+")


@lru_cache(maxsize=65_536)
def latin_search_form(text: str) -> str:
    """ICAO 9303 Latin transliteration of a name: upper-case A–Z words, single spaces.

    Hyphens, commas, dots and other non-letters separate words ("Al-Hassan" →
    "AL HASSAN"); apostrophes are removed ("O'Brien" → "OBRIEN").  Returns ""
    when nothing transliterable is left.  Invariant under Unicode normalisation
    and case of the input.  Memoised: a register repeats the same names thousands of
    times, and a sync import derives the search keys of every person it receives.
    """
    # NFC first so that precomposed and decomposed input (Ü vs U + ¨) meet the same
    # table entry; upper() then folds case (ß → SS), NFC again recomposes its output.
    prepared = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).upper())
    raw = _raw_form(prepared).upper()
    raw = "".join(char for char in raw if char not in _APOSTROPHES)
    return _NOT_LETTER_RUN.sub(" ", raw).strip()


def name_tokens(text: str) -> list[str]:
    """The words of the search form, in order."""
    return latin_search_form(text).split()


# --- The original script, compared as written ---------------------------------------

# Letters two keyboards write differently for the same name: the Persian and the Arabic
# yeh and kaf (a clerk with a Persian layout types ی where another types ي), the alef with
# hamza or madda, alef maqsura, teh marbuta against heh.
_ORIGINAL_VARIANTS: Final = str.maketrans(
    {
        "\u06cc": "\u064a",  # ی Persian yeh → ي
        "\u0649": "\u064a",  # ى alef maqsura → ي
        "\u06a9": "\u0643",  # ک keheh → ك
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ alef wasla → ا
        "\u0629": "\u0647",  # ة → ه
        "\u0640": None,  # tatweel, a stretch of the line
        "\u200c": None,  # zero-width non-joiner (Persian)
        "\u200d": None,  # zero-width joiner
    }
)


@lru_cache(maxsize=65_536)
def original_form(text: str) -> str:
    """A name in its original script, folded so that two clerks' typing of the same
    written name compare equal: compatibility forms (Arabic presentation forms), case,
    vowel signs and accents, the letter variants of Arabic and Persian keyboards, and
    spacing. Not a transliteration: different scripts stay different."""
    compatible = unicodedata.normalize("NFKD", text).casefold().translate(_ORIGINAL_VARIANTS)
    kept = "".join(c for c in compatible if not _is_dropped_mark(c))
    return " ".join(unicodedata.normalize("NFC", kept).translate(_ORIGINAL_VARIANTS).split())


# --- Phonetics and similarity ----------------------------------------------------


@lru_cache(maxsize=65_536)
def phonetic_key(token: str) -> str:
    """Kölner Phonetik code of one search-form token, digits only ("" for "").

    Any name is accepted: it is reduced to its search form first (so MÜLLER,
    MUELLER and MULLER all give "657"), and words are run together.  Tokens of
    only letters without a code (e.g. "H") also give "".  Memoised: search scores
    every candidate row with it, and the same few thousand names recur.
    """
    word = latin_search_form(token).replace(" ", "")
    if not word:
        return ""
    # cologne_phonetics is untyped; it returns [(cleaned word, code)] per word.
    encoded: list[tuple[str, str]] = cologne_phonetics.encode(word)
    return "".join(code for _, code in encoded)


def search_keys(text: str) -> list[tuple[str, str]]:
    """(token, phonetic key) per search-form token, repeated tokens only once."""
    tokens = dict.fromkeys(name_tokens(text))  # dicts keep insertion order
    return [(token, phonetic_key(token)) for token in tokens]


def name_similarity(a: str, b: str) -> float:
    """Similarity 0–100 of two names on their search forms, ignoring word order.

    Returns 0.0 if either name has no transliterable letters: two empty forms
    are no evidence of the same person (rapidfuzz itself would say 100).
    """
    form_a, form_b = latin_search_form(a), latin_search_form(b)
    if not form_a or not form_b:
        return 0.0
    return float(fuzz.token_sort_ratio(form_a, form_b))

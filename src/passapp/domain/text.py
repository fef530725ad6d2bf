"""Free text a clerk types or a bundle carries: one table of limits, one character rule.

Every free-text field of the register is listed in :data:`TEXT_FIELDS` with its longest
allowed length and whether it may hold line breaks. The services clean each field with
:func:`clean_text` before they write it, and a sync import checks a received record with
:func:`validate_record_text`, so the UI, the command line and bundles all meet the same
rule. Two reasons for the limits: nobody types more than this, and the cost of search
keys, duplicate search and PDF layout grows with the length of a text (for names with the
square of the number of words), so an unbounded text holds the write lock or the printer
for minutes.

The character rule: text is NFC-normalised, runs of whitespace become one space (line
breaks are kept only in multi-line fields), and control characters, bidirectional
overrides, embeddings and isolates, zero-width and other invisible format characters,
private-use characters and lone surrogates are refused: they can hide or reorder what a
clerk reads on the screen and on paper. Names follow the stricter DIN 91379 rule of
:func:`passapp.domain.names.normalize_name`.

Lengths count Unicode code points after normalisation (what ``len`` says), as XÖV and
DIN 91379 count characters.

This module is pure: no I/O, no imports from the rest of ``passapp`` but the domain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from passapp.domain.errors import InputError
from passapp.domain.names import InvalidNameError, latin_search_form, normalize_name

__all__ = [
    "LATIN_FORM_MAX_LENGTH",
    "RECORD_TEXT_FIELDS",
    "TEXT_FIELDS",
    "InvalidTextError",
    "TextField",
    "check_length",
    "clean_optional_text",
    "clean_text",
    "clean_text_per_language",
    "name_search_form",
    "validate_record_text",
]

Kind = Literal["name", "line", "lines"]


@dataclass(frozen=True, slots=True)
class TextField:
    """One free-text field: its names for messages, its limit, and what it may hold.

    ``kind``: ``name`` (DIN 91379 name rule), ``line`` (one line), ``lines`` (line
    breaks allowed: reasons, descriptions).
    """

    label_en: str
    label_de: str
    max_length: int
    kind: Kind = "line"


# Names: XÖV (FIM field F60000001 "Familienname", from the XÖV core component
# NameNatuerlichePerson.familienname, PAuswG and BSI TR-03123) and the German registers
# (DSMeld sheet 0101) allow 120 characters for a family name; we take the same 120 for
# every name field, so every name a German register holds fits. The pass prints names in
# full (a verifier types the printed name to check the QR's binding hash), which 120
# characters on three lines allow; and a name of 120 characters has at most ~60 words,
# which bounds the family × given pairs of its search keys.
_NAME = 120
# Titles, providers and results are shown in one table cell and fit ~8 lines there.
_TITLE = 200
# Addresses and contacts: street, postcode, place, phone and e-mail with room to spare.
_CONTACT = 300
# An e-mail address has at most 254 characters (RFC 5321 path limit); a phone number
# with extension fits 40.
_EMAIL = 254
_PHONE = 40
# Reasons are read by a person in the audit log: a paragraph, not a file.
_REASON = 1000
# An offer's description is the longest text of the catalogue: a few paragraphs.
_DESCRIPTION = 2000
# Office and district names travel in the certificates, which allow 128 characters
# (passapp.crypto.certificates.MAX_NAME_LENGTH; twice X.520's 64 for O, as German office
# names are long): a longer name could be set up but never enrolled.
_OFFICE = 128
# Clerk names come from the account name; the columns that hold them are 100 wide.
_CLERK = 100
_QUERY = 300
# The Latin search form of a name (ICAO 9303) is stored in a column this wide.
LATIN_FORM_MAX_LENGTH = 200

TEXT_FIELDS: Final[Mapping[str, TextField]] = {
    "person.family_names": TextField("family name", "Familienname", _NAME, "name"),
    "person.given_names": TextField("given names", "Vorname(n)", _NAME, "name"),
    "person.family_names_original": TextField(
        "original family name", "Familienname (Originalschrift)", _NAME, "name"
    ),
    "person.given_names_original": TextField(
        "original given names", "Vorname(n) (Originalschrift)", _NAME, "name"
    ),
    "person.contact": TextField("contact", "Kontakt", _CONTACT),
    "pass.override_reason": TextField("reason", "Begründung", _REASON, "lines"),
    "pass.revoke_reason": TextField("reason", "Begründung", _REASON, "lines"),
    "merge.reason": TextField("reason", "Begründung", _REASON, "lines"),
    "key.compromised_reason": TextField("reason", "Begründung", _REASON, "lines"),
    "entry.title": TextField("title", "Titel", _TITLE),
    "entry.provider": TextField("provider", "Anbieter", _TITLE),
    "entry.result": TextField("result", "Ergebnis", _TITLE),
    "offer.title": TextField("title", "Titel", _TITLE),
    # The title in a print language (the pass prints it under the German one).
    "offer.title_translation": TextField("translated title", "Titel (Übersetzung)", _TITLE),
    "offer.provider": TextField("provider", "Anbieter", _TITLE),
    "offer.address": TextField("address", "Adresse", _CONTACT),
    "offer.contact": TextField("contact", "Kontakt", _CONTACT),
    "offer.target_group": TextField("target group", "Zielgruppe", _CONTACT),
    "offer.description": TextField("description", "Beschreibung", _DESCRIPTION, "lines"),
    "office.name": TextField("office name", "Name der Dienststelle", _OFFICE),
    "district.name": TextField("district name", "Name des Landkreises", _OFFICE),
    # The privacy notice's contact (the district's data protection officer), printed in
    # every pass: one line each, as short as a letterhead's.
    "privacy.name": TextField("name", "Name", _TITLE),
    "privacy.address": TextField("address", "Anschrift", _CONTACT),
    "privacy.email": TextField("e-mail", "E-Mail", _EMAIL),
    "privacy.phone": TextField("phone", "Telefon", _PHONE),
    "clerk": TextField("clerk name", "Name der Sachbearbeitung", _CLERK),
    # What a clerk types (or a scanner sends) into the search field: two names, a birth
    # date, or the QR's 200-odd digits. Each pair of its words is a search stage, so an
    # endless query would keep the search busy for minutes.
    "search.query": TextField("search text", "Suchtext", _QUERY),
}

# The free-text columns of the records a bundle carries (entity type → column → field).
# The Latin search forms travel too; they are checked like one line of their name's limit.
RECORD_TEXT_FIELDS: Final[Mapping[str, Mapping[str, str]]] = {
    "person": {
        "family_names": "person.family_names",
        "given_names": "person.given_names",
        "family_names_original": "person.family_names_original",
        "given_names_original": "person.given_names_original",
        "family_names_latin": "person.family_names",
        "given_names_latin": "person.given_names",
        "contact": "person.contact",
        "registered_by": "clerk",
    },
    "eligibility_check": {"checked_by": "clerk"},
    "pass": {
        "override_reason": "pass.override_reason",
        "revoke_reason": "pass.revoke_reason",
        "issued_by": "clerk",
    },
    "pass_card": {"issued_by": "clerk"},
    "entry": {
        "title": "entry.title",
        "provider": "entry.provider",
        "result": "entry.result",
        "logged_by": "clerk",
    },
    # The district's catalogue (the "offers" of a district bundle) and office names.
    "offer": {
        "title": "offer.title",
        "provider": "offer.provider",
        "address": "offer.address",
        "contact": "offer.contact",
        "target_group": "offer.target_group",
        "description": "offer.description",
    },
    "office": {"name": "office.name"},
}
_LATIN_COLUMNS: Final = frozenset({"family_names_latin", "given_names_latin"})


class InvalidTextError(InputError):
    """A text was refused; ``field`` is its key in :data:`TEXT_FIELDS`."""

    def __init__(self, field: str, message_en: str, message_de: str) -> None:
        super().__init__(message_en, message_de)
        self.field = field


# --- the character rule ------------------------------------------------------------

# Control (Cc), format (Cf: bidi controls, zero-width characters, BOM, soft hyphen,
# tags), surrogate (Cs) and private-use (Co) characters. Unassigned code points (Cn) are
# not refused: which ones are unassigned depends on the Unicode version of the Python
# at hand, and two offices must agree on what is valid.
_REFUSED_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Co"})
# Whitespace within a line; str.isspace is not used because it also accepts the control
# characters U+001C–U+001F and U+0085, which are refused (as in names).
_SPACES: Final = re.compile("[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAK: Final = re.compile("\r\n|[\n\v\f\r\u2028\u2029]")
_BLANK_LINES: Final = re.compile("\n{3,}")


def _normalise(text: str, multiline: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip(" ") for line in _LINE_BREAK.split(text)]
    if multiline:
        return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
    return " ".join(line for line in lines if line)


def _refused_char(text: str) -> str | None:
    for char in text:
        if unicodedata.category(char) in _REFUSED_CATEGORIES and char != "\n":
            return char
    return None


def _char_error(key: str, field: TextField, char: str) -> InvalidTextError:
    code = f"U+{ord(char):04X}"
    return InvalidTextError(
        key,
        f"{field.label_en}: invisible or control character {code} is not allowed",
        f"{field.label_de}: unzulässiges unsichtbares Zeichen {code}.",
    )


def _length_error(key: str, field: TextField, length: int) -> InvalidTextError:
    return InvalidTextError(
        key,
        f"{field.label_en} is too long (at most {field.max_length} characters, not {length})",
        f"{field.label_de} ist zu lang (höchstens {field.max_length} Zeichen, eingegeben: {length}).",
    )


def _latin_length_error(key: str, field: TextField, length: int) -> InvalidTextError:
    return InvalidTextError(
        key,
        f"{field.label_en} is too long in Latin letters "
        f"(at most {LATIN_FORM_MAX_LENGTH} letters, not {length})",
        f"{field.label_de} ist in lateinischer Umschrift zu lang "
        f"(höchstens {LATIN_FORM_MAX_LENGTH} Buchstaben, hier {length}).",
    )


def _field(key: str) -> TextField:
    try:
        return TEXT_FIELDS[key]
    except KeyError:
        raise KeyError(f"no text field {key!r} in TEXT_FIELDS") from None


# --- cleaning ----------------------------------------------------------------------


def clean_text(key: str, text: str) -> str:
    """``text`` as stored in the field ``key``: normalised and checked; "" if blank.

    Raises :class:`InvalidTextError` (English and German, naming the field) if a
    character is refused or the text is longer than the field's limit. Whether a blank
    field is allowed is the caller's business.
    """
    field = _field(key)
    if field.kind == "name":
        return _clean_name(key, field, text)
    cleaned = _normalise(text, field.kind == "lines")
    refused = _refused_char(cleaned)
    if refused is not None:
        raise _char_error(key, field, refused)
    if len(cleaned) > field.max_length:
        raise _length_error(key, field, len(cleaned))
    return cleaned


def check_length(key: str, text: str) -> None:
    """Refuse ``text`` if it is longer than the field ``key`` allows (characters as given).

    For text that is not stored, such as a search query: only its cost is bounded.
    """
    field = _field(key)
    if len(text) > field.max_length:
        raise _length_error(key, field, len(text))


def clean_optional_text(key: str, text: str | None) -> str | None:
    """Like :func:`clean_text`, with ``None`` for a missing or blank text."""
    if text is None:
        return None
    return clean_text(key, text) or None


def clean_text_per_language(
    key: str, texts: Mapping[str, object], languages: Collection[str]
) -> dict[str, str]:
    """``{language: text}`` cleaned as the field ``key``, blank texts left out.

    A language outside ``languages`` or a value that is not text is refused with an
    :class:`InvalidTextError`, as is a text :func:`clean_text` refuses.
    """
    field = _field(key)
    cleaned: dict[str, str] = {}
    for language, text in texts.items():
        if language not in languages:
            raise InvalidTextError(
                key,
                f"{field.label_en}: unknown language {language!r}; allowed: "
                + ", ".join(languages),
                f"{field.label_de}: unbekannte Sprache „{language}“; erlaubt: "
                + ", ".join(languages)
                + ".",
            )
        if not isinstance(text, str):
            raise InvalidTextError(
                key,
                f"{field.label_en} ({language}): text expected, not {type(text).__name__}",
                f"{field.label_de} ({language}): Text erwartet.",
            )
        if value := clean_text(key, text):
            cleaned[language] = value
    return cleaned


def _clean_name(key: str, field: TextField, text: str) -> str:
    if not text.strip():
        return ""
    try:
        name = normalize_name(text)
    except InvalidNameError as error:
        raise InvalidTextError(
            key, f"{field.label_en}: {error}", f"{field.label_de}: {error.message_de}"
        ) from error
    if len(name) > field.max_length:
        raise _length_error(key, field, len(name))
    return name


def name_search_form(key: str, name: str) -> str:
    """The ICAO Latin search form of a cleaned name, refused if longer than the field.

    ICAO writes some letters with two to four (Ü → UE, ش → XSH, Щ → SHCH), so a name
    within its limit can have a longer Latin form, which is stored in a column of
    LATIN_FORM_MAX_LENGTH.
    """
    form = latin_search_form(name)
    if len(form) > LATIN_FORM_MAX_LENGTH:
        raise _latin_length_error(key, _field(key), len(form))
    return form


# --- records received in a bundle --------------------------------------------------


def validate_record_text(entity_type: str, values: Mapping[str, object]) -> None:
    """Check the free-text columns of a received record against the same table.

    ``values`` are the record's columns (a bundle payload). Missing, ``None`` and blank
    values pass (erased or anonymous people have blank names); anything else must be a
    string that :func:`clean_text` accepts for its field. Raises
    :class:`InvalidTextError` naming the column: the import quarantines the record.
    """
    for column, key in RECORD_TEXT_FIELDS.get(entity_type, {}).items():
        value = values.get(column)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InvalidTextError(
                key,
                f"{column}: text expected, not {type(value).__name__}",
                f"{TEXT_FIELDS[key].label_de}: Text erwartet.",
            )
        if column in _LATIN_COLUMNS:
            _check_latin(key, value)
        else:
            clean_text(key, value)


def _check_latin(key: str, value: str) -> None:
    field = TEXT_FIELDS[key]
    if len(value) > LATIN_FORM_MAX_LENGTH:
        raise _latin_length_error(key, field, len(value))
    if latin_search_form(value) != value:
        raise InvalidTextError(
            key,
            f"{field.label_en} in Latin letters is not a search form (A-Z and single spaces)",
            f"{field.label_de} in lateinischer Umschrift: nur A–Z und einzelne Leerzeichen.",
        )

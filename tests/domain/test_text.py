"""Tests for passapp.domain.text: one table of limits, one character rule for free text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.crypto import certificates
from passapp.domain.errors import InputError
from passapp.domain.text import (
    RECORD_TEXT_FIELDS,
    TEXT_FIELDS,
    InvalidTextError,
    check_length,
    clean_optional_text,
    clean_text,
    name_search_form,
    validate_record_text,
)

# Characters that can hide or reorder text, one of each kind the rule refuses.
INVISIBLE = [
    "\x00",  # NUL
    "\x07",  # BEL
    "\x1b",  # ESC
    "\x1f",  # unit separator (str.isspace says True)
    "\x7f",  # DEL
    "\x85",  # NEL, a C1 control (str.isspace says True)
    "\x9b",  # CSI, a C1 control
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202a",  # LRE
    "\u202b",  # RLE
    "\u202c",  # PDF
    "\u202d",  # LRO
    "\u202e",  # RLO
    "\u2060",  # word joiner
    "\u2066",  # LRI
    "\u2067",  # RLI
    "\u2068",  # FSI
    "\u2069",  # PDI
    "\ufeff",  # BOM / zero-width no-break space
    "\ue000",  # private use
    "\udc80",  # lone surrogate (what surrogateescape makes of a bad byte)
]
FIELD_KEYS = sorted(TEXT_FIELDS)
TEXT_KEYS = [key for key in FIELD_KEYS if TEXT_FIELDS[key].kind != "name"]
NAME_KEYS = [key for key in FIELD_KEYS if TEXT_FIELDS[key].kind == "name"]
MULTILINE_KEYS = [key for key in FIELD_KEYS if TEXT_FIELDS[key].kind == "lines"]
ONE_LINE_KEYS = [key for key in FIELD_KEYS if TEXT_FIELDS[key].kind == "line"]


def at_limit(key: str) -> str:
    """A plausible text of exactly the field's limit (words, so names pass DIN 91379)."""
    limit = TEXT_FIELDS[key].max_length
    return ("Ab " * limit)[: limit - 1] + "c"


# --- the table ---------------------------------------------------------------------


def test_the_limits_are_the_ones_the_design_notes_give() -> None:
    limits = {key: field.max_length for key, field in TEXT_FIELDS.items()}
    assert limits["person.family_names"] == limits["person.given_names"] == 120
    assert limits["entry.title"] == limits["offer.title"] == 200
    assert limits["pass.revoke_reason"] == limits["merge.reason"] == 1000
    assert limits["offer.description"] == 2000
    assert set(MULTILINE_KEYS) == {
        "pass.override_reason",
        "pass.revoke_reason",
        "merge.reason",
        "key.compromised_reason",
        "offer.description",
    }


def test_office_names_fit_the_certificates_that_carry_them() -> None:
    assert TEXT_FIELDS["office.name"].max_length == certificates.MAX_NAME_LENGTH
    assert TEXT_FIELDS["district.name"].max_length == certificates.MAX_NAME_LENGTH


def test_every_record_column_names_a_field_of_the_table() -> None:
    for columns in RECORD_TEXT_FIELDS.values():
        assert set(columns.values()) <= set(TEXT_FIELDS)


# --- limits ------------------------------------------------------------------------


@pytest.mark.parametrize("key", FIELD_KEYS)
def test_a_text_at_the_limit_is_kept_as_it_is(key: str) -> None:
    text = at_limit(key)
    assert clean_text(key, text) == text


@pytest.mark.parametrize("key", FIELD_KEYS)
def test_one_character_over_the_limit_is_refused_naming_the_field_and_the_limit(key: str) -> None:
    field = TEXT_FIELDS[key]
    with pytest.raises(InvalidTextError) as refused:
        clean_text(key, at_limit(key) + "d")
    assert refused.value.field == key
    assert refused.value.message_de == (
        f"{field.label_de} ist zu lang (höchstens {field.max_length} Zeichen, "
        f"eingegeben: {field.max_length + 1})."
    )
    assert f"at most {field.max_length} characters" in str(refused.value)
    assert isinstance(refused.value, InputError)  # the CLI's exit 2, the UI's message


def test_the_title_message_reads_as_the_clerk_expects() -> None:
    with pytest.raises(InvalidTextError) as refused:
        clean_text("entry.title", "x" * 10_000)
    assert refused.value.message_de.startswith("Titel ist zu lang (höchstens 200 Zeichen")


def test_the_limit_counts_after_whitespace_is_folded() -> None:
    padded = "  " + "a  " * 100 + "\t\n"  # 100 words with double spaces: 199 characters folded
    assert clean_text("entry.title", padded) == " ".join(["a"] * 100)


def test_a_name_at_the_limit_in_decomposed_form_counts_its_composed_length() -> None:
    # "é" typed as e + U+0301 is one character after NFC, as DIN 91379 counts it.
    decomposed = "Re\u0301my " * 24  # 144 code points, 120 after NFC (119 without the last space)
    assert len(clean_text("person.given_names", decomposed)) == 119


# --- characters --------------------------------------------------------------------


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("key", FIELD_KEYS)
def test_control_bidi_and_zero_width_characters_are_refused(key: str, char: str) -> None:
    with pytest.raises(InvalidTextError) as refused:
        clean_text(key, f"Deutsch{char}kurs")
    assert refused.value.field == key
    assert TEXT_FIELDS[key].label_de in refused.value.message_de
    assert f"U+{ord(char):04X}" in refused.value.message_de


def test_a_reversed_title_cannot_hide_behind_a_bidi_override() -> None:
    # What a clerk would read as "Kurs B1 bestanden" is stored as something else.
    with pytest.raises(InvalidTextError, match="U\\+202E"):
        clean_text("entry.result", "\u202enednatseb 1B sruK")


@pytest.mark.parametrize("key", ONE_LINE_KEYS)
def test_single_line_fields_fold_line_breaks_and_tabs_into_spaces(key: str) -> None:
    assert clean_text(key, " Haus\r\nam\tSee\u2028Nord ") == "Haus am See Nord"


@pytest.mark.parametrize("key", MULTILINE_KEYS)
def test_multi_line_fields_keep_line_breaks_but_not_runs_of_blank_lines(key: str) -> None:
    text = "Erste Zeile  \r\nzweite\tZeile\n\n\n\nneuer Absatz\n"
    assert clean_text(key, text) == "Erste Zeile\nzweite Zeile\n\nneuer Absatz"


def test_text_is_stored_nfc_normalised() -> None:
    assert clean_text("entry.provider", "Volkshochschule Mu\u0308nchen") == (
        "Volkshochschule München"
    )


def test_arabic_and_persian_text_outside_names_is_kept() -> None:
    assert clean_text("offer.target_group", "للنساء والرجال") == "للنساء والرجال"


def test_names_keep_the_din_91379_rule() -> None:
    with pytest.raises(InvalidTextError) as refused:
        clean_text("person.family_names", "Ahmadi3")
    assert refused.value.message_de.startswith("Familienname: Unzulässiges Zeichen „3“")


def test_blank_text_is_empty_and_optional_text_none() -> None:
    assert clean_text("entry.title", " \t ") == ""
    assert clean_text("person.given_names", "   ") == ""
    assert clean_optional_text("entry.title", None) is None
    assert clean_optional_text("entry.title", "  ") is None


def test_a_query_is_only_measured_not_cleaned() -> None:
    check_length("search.query", "\u202e" * 300)  # not stored: only its cost is bounded
    with pytest.raises(InvalidTextError, match="search text is too long"):
        check_length("search.query", "x" * 301)


# --- the Latin search form of a name ------------------------------------------------


def test_a_latin_search_form_longer_than_the_column_is_refused() -> None:
    # ICAO writes ش as XSH: 67 letters of a name become 201 Latin letters.
    assert name_search_form("person.family_names", "ش" * 66) == "XSH" * 66
    with pytest.raises(InvalidTextError) as refused:
        name_search_form("person.family_names", "ش" * 67)
    assert refused.value.message_de == (
        "Familienname ist in lateinischer Umschrift zu lang (höchstens 200 Buchstaben, hier 201)."
    )


def test_umlauts_may_double_a_name_in_latin_letters_within_the_column() -> None:
    assert name_search_form("person.given_names", "Ä" * 100) == "AE" * 100


# --- records received in a bundle ---------------------------------------------------


def test_a_received_record_within_the_rule_passes() -> None:
    validate_record_text(
        "entry", {"title": "Deutsch B1", "provider": None, "result": "", "logged_by": "meier"}
    )
    validate_record_text("person", {"family_names": "", "given_names": "", "contact": None})
    validate_record_text("eligibility_check", {"checked_by": "x" * 100})
    validate_record_text("unknown_type", {"title": "x" * 10_000})  # dropped elsewhere


@pytest.mark.parametrize(
    ("entity_type", "values", "field"),
    [
        ("entry", {"title": "x" * 201}, "entry.title"),
        ("entry", {"result": "ok\u202e"}, "entry.result"),
        ("person", {"family_names": "A" * 121}, "person.family_names"),
        ("person", {"given_names_original": "Zahra\u200b"}, "person.given_names_original"),
        ("person", {"family_names_latin": "AHMADI\n"}, "person.family_names"),
        ("person", {"given_names_latin": "Z" * 201}, "person.given_names"),
        ("person", {"contact": 12345}, "person.contact"),
        ("pass", {"revoke_reason": "r" * 1001}, "pass.revoke_reason"),
        ("pass_card", {"issued_by": "c" * 101}, "clerk"),
        ("offer", {"description": "d" * 2001}, "offer.description"),
        ("office", {"name": "Amt\x00"}, "office.name"),
    ],
)
def test_a_received_record_breaking_the_rule_is_refused_naming_the_field(
    entity_type: str, values: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidTextError) as refused:
        validate_record_text(entity_type, values)
    assert refused.value.field == field


# --- properties --------------------------------------------------------------------

any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec=None),  # everything, surrogates included
        st.sampled_from([*INVISIBLE, " ", "\n", "\r", "\t", "e", "\u0301", "\u2028"]),
    ),
    max_size=260,
)


@settings(derandomize=True, max_examples=400)
@given(key=st.sampled_from(FIELD_KEYS), text=any_text)
def test_whatever_is_accepted_is_bounded_visible_normalised_and_stable(key: str, text: str) -> None:
    field = TEXT_FIELDS[key]
    try:
        cleaned = clean_text(key, text)
    except InvalidTextError as error:
        refused = error
    else:
        _assert_clean(key, cleaned)
        return
    assert (refused.field, refused.message_de[: len(field.label_de)]) == (key, field.label_de)


def _assert_clean(key: str, cleaned: str) -> None:
    field = TEXT_FIELDS[key]
    assert len(cleaned) <= field.max_length
    assert cleaned == unicodedata.normalize("NFC", cleaned)
    assert cleaned == cleaned.strip()
    allowed_controls = {"\n"} if field.kind == "lines" else set()
    assert all(
        unicodedata.category(char)[0] != "C" or char in allowed_controls
        for char in cleaned
        if unicodedata.category(char) != "Cn"
    )
    assert clean_text(key, cleaned) == cleaned  # cleaning twice changes nothing


@settings(derandomize=True, max_examples=200)
@given(
    key=st.sampled_from(TEXT_KEYS),
    text=st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=150),
    char=st.sampled_from(INVISIBLE),
    where=st.integers(min_value=0),
)
def test_one_invisible_character_anywhere_is_refused(
    key: str, text: str, char: str, where: int
) -> None:
    at = where % (len(text) + 1)
    with pytest.raises(InvalidTextError):
        clean_text(key, text[:at] + char + text[at:])


@settings(derandomize=True, max_examples=200)
@given(
    key=st.sampled_from(FIELD_KEYS),
    words=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1), min_size=1),
)
def test_the_length_alone_decides_for_plain_words(key: str, words: list[str]) -> None:
    text = " ".join(words)
    if len(text) <= TEXT_FIELDS[key].max_length:
        assert clean_text(key, text) == text
    else:
        with pytest.raises(InvalidTextError, match="too long"):
            clean_text(key, text)

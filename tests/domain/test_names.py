"""Tests for passapp.domain.names: DIN 91379 validation and ICAO 9303 search forms."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passapp.domain.names import (
    InvalidNameError,
    is_din91379_latin,
    latin_search_form,
    name_similarity,
    name_tokens,
    normalize_name,
    original_form,
    phonetic_key,
    search_keys,
)

SEARCH_FORM = re.compile(r"^([A-Z]+( [A-Z]+)*)?$")
DIN_NON_LETTERS = ["'", "\u2019", "\u02bc", "\u02bb", "-", ",", ".", "`", "\u00b4", "~"]

letters_marks_spaces = st.text(alphabet=st.characters(categories=["L", "M", "Zs"]))
name_like_text = st.text(
    alphabet=st.one_of(
        st.characters(categories=["L", "M", "Zs"]),
        st.sampled_from([*DIN_NON_LETTERS, "\t", "\n"]),
    )
)
plain_names = st.lists(
    st.text(alphabet=st.characters(categories=["L"]), min_size=1), min_size=1, max_size=4
).map(" ".join)


# --- latin_search_form: ICAO 9303 examples -----------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Müller", "MUELLER"),
        ("Mueller", "MUELLER"),
        ("Strauß", "STRAUSS"),
        ("STRAUẞ", "STRAUSS"),
        ("Øberg", "OEBERG"),
        ("Łukasz", "LUKASZ"),
        ("Şahin", "SAHIN"),
        ("Ålborg", "AALBORG"),
        ("Ærø", "AEROE"),
        ("Œuvre", "OEUVRE"),
        ("Þórður", "THORDUR"),
        ("Ĳsselmeer", "IJSSELMEER"),
        ("Ŀlorenç", "LLORENC"),
        ("Yıldız", "YILDIZ"),
        ("İsmail", "ISMAIL"),
        ("José Martínez Peña", "JOSE MARTINEZ PENA"),
        ("Çelik", "CELIK"),
        ("Nguyễn Thị", "NGUYEN THI"),
        ("Олександр Шевченко", "OLEKSANDR SHEVCHENKO"),
        ("Юлия", "IULIIA"),
        ("Дмитрий", "DMITRII"),
        ("Жанна Хасанова", "ZHANNA KHASANOVA"),
        ("Щукин", "SHCHUKIN"),
        ("Цой", "TSOI"),
        ("Чайковский", "CHAIKOVSKII"),
        ("Мыльников", "MYLNIKOV"),  # Ы → Y, Ь dropped
        ("Подъячев", "PODIEIACHEV"),  # Ъ → IE
        ("Євгенія", "IEVGENIIA"),  # Є → IE (general column: Г → G)
        ("Їжак", "IZHAK"),
        ("Ґонта", "GONTA"),
        ("Артём", "ARTEM"),
        ("Григор'єв", "GRIGORIEV"),  # apostrophe dropped
        ("Al-Hassan", "AL HASSAN"),
        ("O'Brien", "OBRIEN"),
        ("O\u2019Brien", "OBRIEN"),
        ("O\u02bcBrien", "OBRIEN"),
        ("d`Artagnan", "DARTAGNAN"),
        ("Smith, Jr.", "SMITH JR"),
        ("  Anna   Maria  ", "ANNA MARIA"),
        ("", ""),
        ("- . ,", ""),
    ],
)
def test_latin_search_form_icao_examples(name: str, expected: str) -> None:
    assert latin_search_form(name) == expected


def test_arabic_uses_icao_table() -> None:
    # ICAO 9303-3 table C: ح → XH; the result is non-empty upper-case A–Z.
    assert latin_search_form("محمد") == "MXHMD"
    assert re.fullmatch("[A-Z]+", latin_search_form("محمد"))


def test_arabic_teh_marbuta_depends_on_position() -> None:
    assert latin_search_form("فاطمة") == "FAXTTMXAH"  # end of word → XAH
    assert "XTA" in latin_search_form("ةب")  # inside a word → XTA


def test_arabic_vowel_signs_and_tatweel_are_ignored() -> None:
    assert latin_search_form("مُحَمَّد") == latin_search_form("محمد")
    assert latin_search_form("محـــمد") == latin_search_form("محمد")


def test_arabic_presentation_forms_and_ligatures() -> None:
    assert latin_search_form("\ufefb") == "LA"  # ﻻ lam-alef ligature


@pytest.mark.parametrize("name", ["Γιώργος", "王小明", "김민수", "हिन्दी", "ሰላም", "שרה"])
def test_other_scripts_fall_back_to_anyascii(name: str) -> None:
    form = latin_search_form(name)
    assert form
    assert SEARCH_FORM.match(form)


def test_compatibility_letters_are_decomposed() -> None:
    assert latin_search_form("ǅemal") == "DZEMAL"
    assert latin_search_form("ﬁona") == "FIONA"


def test_name_tokens_keep_order() -> None:
    assert name_tokens("Anna-Lena von Müller") == ["ANNA", "LENA", "VON", "MUELLER"]
    assert name_tokens("") == []


# --- latin_search_form: properties ------------------------------------------------


@given(letters_marks_spaces)
def test_search_form_is_upper_ascii_words(text: str) -> None:
    assert SEARCH_FORM.match(latin_search_form(text))


@given(st.text())
def test_search_form_is_upper_ascii_words_for_any_text(text: str) -> None:
    assert SEARCH_FORM.match(latin_search_form(text))


@given(letters_marks_spaces)
def test_search_form_ignores_normalisation_form(text: str) -> None:
    expected = latin_search_form(text)
    for form in ("NFC", "NFD"):
        assert latin_search_form(unicodedata.normalize(form, text)) == expected


@given(letters_marks_spaces)
def test_search_form_ignores_case(text: str) -> None:
    expected = latin_search_form(text)
    assert latin_search_form(text.upper()) == expected
    assert latin_search_form(text.lower()) == expected


@given(letters_marks_spaces)
def test_search_form_is_idempotent(text: str) -> None:
    form = latin_search_form(text)
    assert latin_search_form(form) == form


# --- phonetic keys ----------------------------------------------------------------


@pytest.mark.parametrize(
    "group",
    [
        ["Müller", "Mueller", "Muller", "MÜLLER", "MUELLER", "MULLER"],
        ["Meier", "Meyer", "Maier", "Mayer"],
        ["Schmidt", "Schmitt", "Schmid"],
    ],
)
def test_phonetic_key_equal_for_spelling_variants(group: list[str]) -> None:
    keys = {phonetic_key(name) for name in group}
    assert len(keys) == 1
    assert keys.pop() != ""


def test_phonetic_key_values() -> None:
    assert phonetic_key("MUELLER") == "657"
    assert phonetic_key("") == ""


def test_phonetic_key_differs_for_different_names() -> None:
    assert phonetic_key("MUELLER") != phonetic_key("SCHMIDT")


@given(st.text())
def test_phonetic_key_is_digits_only(token: str) -> None:
    assert re.fullmatch("[0-9]*", phonetic_key(token))


@given(letters_marks_spaces)
def test_phonetic_key_of_tokens_is_digits_only(text: str) -> None:
    for token in name_tokens(text):
        assert re.fullmatch("[0-9]*", phonetic_key(token))


def test_search_keys_pairs_tokens_with_codes_without_duplicates() -> None:
    assert search_keys("Müller-Müller Hans") == [("MUELLER", "657"), ("HANS", "068")]
    assert search_keys("") == []


@given(letters_marks_spaces)
def test_search_keys_match_tokens(text: str) -> None:
    keys = search_keys(text)
    tokens = [token for token, _ in keys]
    assert tokens == list(dict.fromkeys(name_tokens(text)))
    assert all(code == phonetic_key(token) for token, code in keys)


# --- similarity -------------------------------------------------------------------


def test_name_similarity_ignores_order_and_spelling_form() -> None:
    assert name_similarity("Hans Müller", "Mueller Hans") == 100.0
    assert name_similarity("Hans Müller", "Hans Möller") < 100.0
    assert name_similarity("Hans Müller", "Olga Petrowa") < 50.0


def test_name_similarity_of_empty_forms_is_zero() -> None:
    assert name_similarity("", "") == 0.0
    assert name_similarity("Anna", "") == 0.0


@given(plain_names, plain_names)
def test_name_similarity_is_bounded_and_symmetric(a: str, b: str) -> None:
    score = name_similarity(a, b)
    assert 0.0 <= score <= 100.0
    assert score == name_similarity(b, a)


# --- normalize_name ---------------------------------------------------------------


def test_normalize_name_nfc_and_whitespace() -> None:
    assert normalize_name("  Mu\u0308ller \t\u00a0 Hans\n") == "Müller Hans"


@pytest.mark.parametrize(
    "name",
    [
        "Ŀ",
        "ẞ",
        "Ǹ",
        "Ḑ",
        "L\u0325",  # L with ring below: no precomposed form, stays two code points
        "ǅ",
        "O'Brien",
        "O\u2019Brien",
        "Haʻiku",
        "Anna-Lena",
        "Smith, Jr.",
        "d`Artagnan",
        "d´Artagnan",
        "Al~Hassan",
        "Олександр",
        "محمد",
        "王小明",
    ],
)
def test_normalize_name_accepts_name_characters(name: str) -> None:
    assert normalize_name(name) == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    "bad", ["3", "@", "#", "/", "_", "!", "×", "€", "\u00bd", "😀", "\x00", "\x1f", "\u200b"]
)
def test_normalize_name_refuses_characters_and_names_them(bad: str) -> None:
    with pytest.raises(InvalidNameError) as caught:
        normalize_name(f"Anna{bad}Berg")
    assert caught.value.char == bad
    assert f"U+{ord(bad):04X}" in str(caught.value)
    assert caught.value.message_de


def test_normalize_name_german_message_quotes_visible_character() -> None:
    with pytest.raises(InvalidNameError) as caught:
        normalize_name("Anna3")
    assert caught.value.message_de == "Unzulässiges Zeichen „3“ im Namen"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("empty", ["", "   ", "\t\n", "\u00a0"])
def test_normalize_name_refuses_empty(empty: str) -> None:
    with pytest.raises(InvalidNameError) as caught:
        normalize_name(empty)
    assert caught.value.message_de == "Der Name darf nicht leer sein."
    assert caught.value.char is None


@pytest.mark.parametrize("placeholder", ["-", ".", "- -", "'"])
def test_normalize_name_refuses_names_without_letters(placeholder: str) -> None:
    with pytest.raises(InvalidNameError):
        normalize_name(placeholder)


@pytest.mark.parametrize("loose", ["\u0301Anna", "Anna \u0301", "Anna-\u0308"])
def test_normalize_name_refuses_mark_without_base_letter(loose: str) -> None:
    with pytest.raises(InvalidNameError):
        normalize_name(loose)


@given(name_like_text)
def test_normalize_name_properties(text: str) -> None:
    try:
        name = normalize_name(text)
    except InvalidNameError:
        return
    assert normalize_name(name) == name
    assert unicodedata.is_normalized("NFC", name)
    assert "  " not in name
    assert name == name.strip()


@given(plain_names)
def test_normalize_name_accepts_plain_names(text: str) -> None:
    name = normalize_name(text)
    assert normalize_name(name) == name
    assert unicodedata.is_normalized("NFC", name)
    assert "  " not in name


# --- is_din91379_latin ------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Müller",
        "Ŀ",
        "ẞ",
        "Ǹ",
        "Ḑ",
        "L\u0325",
        "ǅ",
        "O'Brien",
        "Anna-Lena Smith, Jr.",
        "Mu\u0308ller",  # decomposed input is judged after NFC
        "",
    ],
)
def test_din91379_latin_accepts(name: str) -> None:
    assert is_din91379_latin(name)


@pytest.mark.parametrize(
    "name",
    [
        "محمد",
        "Олександр",
        "Γιώργος",
        "王小明",
        "Anna×",
        "Anna÷",
        "Anna3",
        "\u0301Anna",  # mark without a base letter
        "Ж\u0301",  # mark on a non-Latin letter
        "Anna\tMaria",  # only U+0020 is a DIN space
    ],
)
def test_din91379_latin_refuses(name: str) -> None:
    assert not is_din91379_latin(name)


# --- original_form: the original script as two clerks type it ------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("احمدی", "احمدي"),  # Persian and Arabic yeh
        ("کریم", "كريم"),  # Persian keheh and Arabic kaf, both yehs
        ("مُحَمَّد", "محمد"),  # vowel signs and shadda
        ("ﻣﺤﻤﺪ", "محمد"),  # presentation forms
        ("أحمد", "احمد"),  # alef with hamza
        ("فاطمة", "فاطمه"),  # teh marbuta and heh
        ("عبد‌الله", "عبدالله"),  # zero-width non-joiner
        ("محـمد", "محمد"),  # tatweel
        ("  ИВАН   Петров ", "иван петров"),  # case and spacing
    ],
)
def test_one_written_name_typed_two_ways_has_one_original_form(one: str, other: str) -> None:
    assert original_form(one) == original_form(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("الحسيني", "الحسني"), ("محمد", "Muhammad"), ("Иван", "Ivan"), ("علي", "عالي")],
)
def test_different_written_names_stay_different(one: str, other: str) -> None:
    assert original_form(one) != original_form(other)


@given(letters_marks_spaces)
def test_the_original_form_is_folded_once_for_all(text: str) -> None:
    folded = original_form(text)
    assert original_form(folded) == folded
    assert original_form(unicodedata.normalize("NFD", text)) == folded
    assert original_form(unicodedata.normalize("NFC", text)) == folded
    assert folded == folded.strip()
    assert "  " not in folded

"""The pickers' lists and how typed text finds a code (services.choices)."""

from __future__ import annotations

from passapp.domain.codes import parse_language, parse_nationality
from passapp.services.choices import (
    COMMON_LANGUAGES,
    Choice,
    find_code,
    fold,
    languages,
    match,
    municipalities,
    nationalities,
)
from passapp.services.context import ServiceContext


def codes(found: list[Choice]) -> list[str]:
    return [choice.code for choice in found]


def test_the_seventeen_municipalities_by_name(office_ctx: ServiceContext) -> None:
    found = municipalities(office_ctx)
    assert len(found) == 17
    assert found[0] == Choice("09174111", "Altomünster")
    assert "Dachau" in [m.name_de for m in found]
    assert [m.name_de for m in found] == sorted((m.name_de for m in found), key=fold)


def test_nationalities_have_german_names_and_the_special_codes() -> None:
    by_code = {choice.code: choice.name_de for choice in nationalities()}
    assert by_code["SYR"] == "Syrien"
    assert by_code["DEU"] == "Deutschland"
    assert by_code["XXA"] == "staatenlos"
    assert by_code["XXX"] == "ungeklärt"
    # Every code is one the register accepts.
    assert all(parse_nationality(code) == code for code in by_code)


def test_languages_use_two_letter_codes_where_they_exist_and_start_with_the_common_ones() -> None:
    found = languages()
    assert tuple(codes(found[: len(COMMON_LANGUAGES)])) == COMMON_LANGUAGES
    by_code = {choice.code: choice.name_de for choice in found}
    assert by_code["ar"] == "Arabisch"
    assert by_code["prs"] == "Dari"
    assert by_code["ti"] == "Tigrinja"
    assert by_code["ps"] == "Paschtu"  # the catalogue's "Paschtu; Afghanisch", first name
    assert "ara" not in by_code  # Arabic has a two-letter code
    assert all(parse_language(code) == code for code in codes(found[:300]))


def test_typing_a_code_or_a_german_or_english_name_finds_the_nationality() -> None:
    countries = nationalities()
    for typed in ("syr", "SYR", "Syrien", "syri", "Syria"):
        assert codes(match(countries, typed))[0] == "SYR", typed
    assert codes(match(countries, "Russland"))[0] == "RUS"
    assert codes(match(countries, "staatenlos")) == ["XXA"]


def test_matching_is_blind_to_case_and_umlauts() -> None:
    countries = nationalities()
    for typed in ("Türkei", "turkei", "TUERKEI", "tür"):
        assert codes(match(countries, typed))[0] == "TUR", typed


def test_typing_a_language_finds_its_code_first() -> None:
    spoken = languages()
    for typed, code in (
        ("ara", "ar"),
        ("Arabisch", "ar"),
        ("ar", "ar"),
        ("ukr", "uk"),
        ("Farsi", "fa"),
        ("Dari", "prs"),
        ("tigrin", "ti"),
        ("tig", "ti"),  # Tigrinja is common here; "tig" is the code of the rare Tigre
        ("kurd", "ku"),
    ):
        assert codes(match(spoken, typed, limit=3))[0] == code, typed


def test_codes_come_before_names_that_merely_start_alike() -> None:
    countries = nationalities()
    # "de" is Germany's two-letter code; "Demokratische Republik Kongo" only starts so.
    assert codes(match(countries, "de"))[:2] == ["DEU", "COD"]
    # A word inside the name counts too, after the names that start with the text.
    assert "COD" in codes(match(countries, "kongo"))


def test_nothing_typed_or_nothing_known_finds_nothing() -> None:
    assert match(nationalities(), "  ") == []
    assert match(nationalities(), "Atlantis") == []
    assert match(languages(), "Klingonisch") == []


def test_find_code_only_accepts_a_code() -> None:
    assert find_code(languages(), "ARA") == find_code(languages(), "ar")
    assert find_code(nationalities(), "Syr") is not None
    assert find_code(nationalities(), "Syrien") is None


def test_common_choices_are_marked_and_listed_first() -> None:
    spoken = languages()
    assert [c.common for c in spoken[:19]] == [True] * 18 + [False]
    assert codes(match(spoken, "tig"))[:2] == ["ti", "tig"]


def test_the_english_lists_name_and_sort_in_english_and_find_german_names_too() -> None:
    countries, spoken = nationalities("en"), languages("en")
    syria = find_code(countries, "SYR")
    assert syria is not None
    assert syria.label == "Syria (SYR)"
    assert find_code(nationalities(), "SYR").label == "Syrien (SYR)"  # type: ignore[union-attr]
    assert codes(match(countries, "Syrien"))[:1] == ["SYR"]  # a German name still finds it
    assert codes(match(countries, "Germ"))[:1] == ["DEU"]
    assert codes(match(spoken, "Arabisch"))[:1] == ["ar"]
    assert [c.name for c in spoken[:3]] == ["Arabic", "Ukrainian", "Russian"]
    stateless = find_code(countries, "XXA")
    assert stateless is not None
    assert stateless.name == "stateless"
    rare = [c.name for c in countries if not c.common]
    assert rare == sorted(rare, key=fold)  # after the common ones: by the English name

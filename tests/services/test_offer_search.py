"""Searching the catalogue finds an offer by any of its titles (issue 12, item 6): a clerk
types the holder's words, "Deutsch", "German" or an Arabic title, in the offer picker and
in the offers screen's filter (both ask ``OfferView.matches``)."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.names import latin_search_form
from passapp.pdf.translations import SUPPORTED_LANGUAGES
from passapp.services.context import ServiceContext
from passapp.services.offers import OfferInput, OfferView, list_offers, save_offer

PROVIDER = "Volkshochschule Dachau"
CATEGORY = "sprachkurs"
# Whole words in the scripts of the print languages, none of them inside another or inside
# the provider or category (checked below), so that "a word in no title" is well defined.
VOCABULARY = (
    "Deutschkurs",
    "Abend",
    "Frauen",
    "Prüfung",
    "Wochenende",
    "German",
    "evening",
    "women",
    "exam",
    "weekend",
    "دورة",
    "مسائية",
    "للنساء",
    "امتحان",
    "فارسی",
    "Вечірній",
    "жінок",
    "іспит",
    "Выходные",
    "akşam",
    "kadınlar",
    "sınav",
)
# Letters of every print language's script, digits, punctuation and spaces.
TITLE_TEXT = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzäöüßABCZÄÖÜ"
        "абвгдежзиійклмнопрстуфхцчшщьюяєїґАБВЇ"
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءآپچژگی"
        "çğıöşüİ0123456789-–.,()/ "
    ),
    min_size=1,
    max_size=60,
).filter(lambda text: bool(text.split()))


def offer(title: str, titles: dict[str, str], cefr_levels: tuple[str, ...] = ()) -> OfferView:
    return OfferView(
        id=uuid.uuid4(),
        slug="angebot",
        category=CATEGORY,
        title=title,
        provider=PROVIDER,
        address=None,
        municipality_key=None,
        contact=None,
        languages=("de",),
        target_group=None,
        cefr_levels=cefr_levels,
        description=None,
        is_sample=False,
        active=True,
        titles=titles,
    )


def words(text: str) -> list[str]:
    return text.split()


def test_the_vocabulary_has_no_word_inside_another() -> None:
    fixed = f"{PROVIDER} {CATEGORY}"
    for word in VOCABULARY:
        for other in (*VOCABULARY, fixed):
            if other != word:
                assert word.casefold() not in other.casefold()
                assert latin_search_form(word) not in latin_search_form(other)


@settings(derandomize=True, max_examples=300)
@given(
    german=TITLE_TEXT,
    translated=st.dictionaries(st.sampled_from(SUPPORTED_LANGUAGES), TITLE_TEXT, max_size=6),
    data=st.data(),
)
def test_a_word_of_any_title_finds_the_offer(
    german: str, translated: dict[str, str], data: st.DataObject
) -> None:
    found = offer(german, translated)
    title = data.draw(st.sampled_from([german, *translated.values()]), label="title")
    word = data.draw(st.sampled_from(words(title)), label="word")
    assert found.matches(word)
    assert found.matches(word.upper())
    assert found.matches(f"{word} {words(german)[0]}")  # words of two titles together


@settings(derandomize=True, max_examples=300)
@given(
    used=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8, unique=True),
    languages=st.lists(st.sampled_from(SUPPORTED_LANGUAGES), max_size=6, unique=True),
    data=st.data(),
)
def test_a_word_in_no_title_does_not_find_the_offer(
    used: list[str], languages: list[str], data: st.DataObject
) -> None:
    unused = [word for word in VOCABULARY if word not in used]
    # The used words spread over the German title and the translations.
    german, *rest = used
    titles = {language: rest[n] for n, language in enumerate(languages[: len(rest)])}
    extra = " ".join(rest[len(titles) :])
    found = offer(f"{german} {extra}".strip(), titles)
    word = data.draw(st.sampled_from(unused), label="word")
    assert not found.matches(word)
    assert not found.matches(f"{german} {word}")  # every word must find it


@settings(derandomize=True, max_examples=100)
@given(title=TITLE_TEXT, typed=st.text(alphabet="0123456789-–.,/()", min_size=1, max_size=6))
def test_digits_and_dashes_find_only_where_they_stand(title: str, typed: str) -> None:
    # Their search form is empty ("2026" → ""), which once matched every offer.
    assert offer(title, {}).matches(typed) == (typed in f"{title} {PROVIDER} {CATEGORY}")


def test_a_level_named_in_a_translated_title_counts_as_named() -> None:
    course = offer("Deutschkurs", {"en": "German course B1"})
    assert course.matches("b1")
    assert not course.matches("a2")
    assert offer("Deutschkurs", {}, cefr_levels=("A2",)).matches("a2")


def test_the_catalogue_search_finds_an_offer_by_its_translations(
    district_ctx: ServiceContext,
) -> None:
    titles = {"en": "German course at nightfall", "ar": "دورة اللغة الألمانية المسائية"}
    save_offer(
        district_ctx,
        OfferInput(
            category=CATEGORY, title="Deutschkurs am Abend", provider=PROVIDER, titles=titles
        ),
    )
    for typed in ("deutschkurs", "German nightfall", "المسائية", "GERMAN nightfall abend"):
        assert [o.title for o in list_offers(district_ctx, typed)] == ["Deutschkurs am Abend"], (
            typed
        )
    assert list_offers(district_ctx, "German Vormittag") == []

"""The search keys' kinds and widths: every key fits the key column (PostgreSQL refuses a
longer one), and each kind's range holds its keys and no other kind's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from passapp.domain.name_index import (
    KEY_WIDTH,
    LATIN,
    LATIN_PAIR,
    ORIGINAL,
    PAIR,
    PHONETIC,
    index_keys,
    kind_range,
    original_key,
)

KINDS = (LATIN, PHONETIC, PAIR, LATIN_PAIR, ORIGINAL)
names = st.text(alphabet=st.characters(categories=["L", "M", "Zs"]), max_size=120)
optional_names = st.none() | names


@given(optional_names, optional_names)
def test_an_original_key_fits_the_column_and_is_made_only_from_a_name(
    family: str | None, given_names: str | None
) -> None:
    key = original_key(family, given_names)
    assert len(key) <= KEY_WIDTH
    assert key == "" or (key.startswith(ORIGINAL) and len(key) > len(ORIGINAL))


@given(names, names, optional_names, optional_names)
def test_each_kind_s_range_holds_its_keys_and_no_other(
    family: str, given_names: str, family_original: str | None, given_original: str | None
) -> None:
    keys = index_keys(family, given_names, family_original, given_original)
    for key in keys:
        kinds = [kind for kind in KINDS if kind_range(kind)[0] <= key < kind_range(kind)[1]]
        assert len(kinds) == 1, (key, kinds)
        assert key.startswith(kinds[0])
    assert sum(key.startswith(ORIGINAL) for key in keys) == (
        1 if original_key(family_original, given_original) else 0
    )


def test_the_original_key_is_the_folded_whole_name() -> None:
    assert original_key("الحسینی", "جَمال") == "O:الحسيني جمال"
    assert original_key(None, "  ") == ""
    assert len(original_key("ا" * 200, None)) == KEY_WIDTH

"""Key rotation: the enrolled key vouches for the office's new key (issue 9, item 3)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.crypto.certificates import endorse_new_key, endorsement_is_valid
from passapp.crypto.keys import generate_key, public_der
from passapp.crypto.signing import sign
from tests.crypto.world import OFFICE_DER, OFFICE_KEY, OTHER_DER

NEW_KEY = generate_key()
NEW_DER = public_der(NEW_KEY)


def test_the_current_key_vouches_for_exactly_the_new_key() -> None:
    endorsement = endorse_new_key(OFFICE_KEY, NEW_DER)
    assert endorsement_is_valid(OFFICE_DER, NEW_DER, endorsement)
    # Not for another new key (copied into another request), not from another office key.
    assert not endorsement_is_valid(OFFICE_DER, OTHER_DER, endorsement)
    assert not endorsement_is_valid(OTHER_DER, NEW_DER, endorsement)


def test_a_plain_signature_of_the_key_is_no_endorsement() -> None:
    """The prefix keeps signatures made for something else (a pass, a bundle) from
    counting as a rotation."""
    assert not endorsement_is_valid(OFFICE_DER, NEW_DER, sign(OFFICE_KEY, NEW_DER))


@settings(derandomize=True)
@given(st.binary(max_size=80))
def test_damaged_or_foreign_bytes_are_not_valid_and_never_raise(signature: bytes) -> None:
    assert not endorsement_is_valid(OFFICE_DER, NEW_DER, signature)
    assert not endorsement_is_valid(b"not a key", NEW_DER, signature)


@settings(derandomize=True)
@given(st.integers(0, 63), st.integers(1, 255))
def test_every_changed_byte_breaks_it(position: int, flip: int) -> None:
    endorsement = bytearray(endorse_new_key(OFFICE_KEY, NEW_DER))
    endorsement[position] ^= flip
    assert not endorsement_is_valid(OFFICE_DER, NEW_DER, bytes(endorsement))

"""Tests for passapp.domain.qr: the QR wire format (DESIGN §5, contract).

Signatures are not checked here (the domain has no keys): a changed digit must be refused
by the codec or give different bytes, which the signature check in tests/crypto then
refuses.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.pass_number import OFFICE_ALPHABET, PassNumber
from passapp.domain.qr import (
    BINDING_SIZE,
    CLAIMS_SIZE,
    DATE_EPOCH,
    DIGITS,
    FORMAT_VERSION,
    MAX_ISSUE_DATE,
    PAYLOAD_SIZE,
    SIGNATURE_SIZE,
    InvalidClaimsError,
    PassClaims,
    QrFormatError,
    UnknownQrVersionError,
    binding_hash,
    binding_matches,
    decode_claims,
    digits_width,
    encode_claims,
    from_digits,
    pack,
    payload_version,
    signed_message,
    to_digits,
    unpack,
)

office_codes = st.text(alphabet=OFFICE_ALPHABET, min_size=2, max_size=6)
claims_strategy = st.builds(
    PassClaims,
    version=st.just(FORMAT_VERSION),
    office=office_codes,
    key_id=st.integers(0, 0xFFFF),
    sequence=st.integers(1, 999_999),
    issued_on=st.dates(DATE_EPOCH, MAX_ISSUE_DATE),
    generation=st.integers(0, 63),
    binding=st.binary(min_size=BINDING_SIZE, max_size=BINDING_SIZE),
)
signatures = st.binary(min_size=SIGNATURE_SIZE, max_size=SIGNATURE_SIZE)

EXAMPLE = PassClaims(
    version=1,
    office="DAH1",
    key_id=0xBEEF,
    sequence=123,
    issued_on=dt.date(2026, 11, 25),
    generation=2,
    binding=bytes(range(1, 9)),
)


def independent_header(claims: PassClaims) -> bytes:
    """The header built from a bit string, a second implementation of the layout table."""
    office = "".join(f"{OFFICE_ALPHABET.index(c):05b}" for c in claims.office).ljust(30, "0")
    bits = (
        f"{claims.version:04b}"
        f"{len(claims.office) - 2:03b}"
        f"{office}"
        f"{claims.sequence:020b}"
        f"{(claims.issued_on - dt.date(2024, 1, 1)).days:015b}"
        f"{claims.generation:06b}"
        f"{claims.key_id:016b}"
        "00"
    )
    assert len(bits) == 96
    return int(bits, 2).to_bytes(12, "big")


# --- layout ---------------------------------------------------------------------------------


def test_sizes_are_the_contract() -> None:
    assert (CLAIMS_SIZE, SIGNATURE_SIZE, PAYLOAD_SIZE, DIGITS) == (20, 64, 84, 203)


def test_known_vector_pins_the_wire_format() -> None:
    # Written down once; if this changes, every printed pass becomes unreadable.
    assert encode_claims(EXAMPLE).hex() == "14d5442000003d84230afbbc0102030405060708"
    assert encode_claims(EXAMPLE)[:12] == independent_header(EXAMPLE)


@given(claims_strategy)
def test_header_follows_the_layout_table(claims: PassClaims) -> None:
    assert encode_claims(claims) == independent_header(claims) + claims.binding


@given(claims_strategy)
def test_claims_round_trip(claims: PassClaims) -> None:
    data = encode_claims(claims)
    assert len(data) == CLAIMS_SIZE
    assert decode_claims(data) == claims
    assert payload_version(data) == FORMAT_VERSION


@given(st.binary(min_size=CLAIMS_SIZE, max_size=CLAIMS_SIZE))
def test_decoding_is_strict_and_canonical(data: bytes) -> None:
    """Every accepted byte string is the one encoding of what it decodes to."""
    try:
        claims = decode_claims(data)
    except QrFormatError:
        return
    assert encode_claims(claims) == data


_SEQUENCE_FIELD = ((1 << 20) - 1) << 39  # bits 37–56 counted from the most significant bit


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda h: h | (5 << 89), id="office length 7"),
        pytest.param(lambda h: h | (7 << 89), id="office length 9"),
        pytest.param(lambda h: h | (1 << 59), id="sixth office position used by a 4-char code"),
        pytest.param(lambda h: h | 1, id="padding low bit"),
        pytest.param(lambda h: h | 2, id="padding high bit"),
        pytest.param(lambda h: h & ~_SEQUENCE_FIELD, id="sequence 0"),
        pytest.param(lambda h: (h & ~_SEQUENCE_FIELD) | (1_000_000 << 39), id="sequence 10^6"),
        pytest.param(lambda h: h | _SEQUENCE_FIELD, id="sequence 2^20-1"),
    ],
)
def test_impossible_field_values_are_refused(mutate: Callable[[int], int]) -> None:
    header = int.from_bytes(encode_claims(EXAMPLE)[:12], "big")
    data = mutate(header).to_bytes(12, "big") + EXAMPLE.binding
    with pytest.raises(QrFormatError):
        decode_claims(data)


def test_the_largest_field_values_are_accepted() -> None:
    header = int.from_bytes(encode_claims(EXAMPLE)[:12], "big")
    header = (header & ~_SEQUENCE_FIELD) | (999_999 << 39)
    header |= ((1 << 15) - 1) << 24 | ((1 << 6) - 1) << 18 | 0xFFFF << 2
    claims = decode_claims(header.to_bytes(12, "big") + EXAMPLE.binding)
    assert (claims.sequence, claims.issued_on, claims.generation, claims.key_id) == (
        999_999,
        MAX_ISSUE_DATE,
        63,
        0xFFFF,
    )


@pytest.mark.parametrize("version", [2, 15])
def test_other_versions_are_reported_as_unknown_version(version: int) -> None:
    claims_bytes = bytes([(version << 4) | (encode_claims(EXAMPLE)[0] & 0x0F)])
    claims_bytes += encode_claims(EXAMPLE)[1:]
    with pytest.raises(UnknownQrVersionError) as caught:
        decode_claims(claims_bytes)
    assert caught.value.version == version
    payload = claims_bytes + bytes(SIGNATURE_SIZE)
    with pytest.raises(UnknownQrVersionError):
        unpack(payload)
    # A newer format may be longer: its version is still found (first 4 bits, width → size).
    longer = claims_bytes + bytes(SIGNATURE_SIZE + 10)
    with pytest.raises(UnknownQrVersionError):
        unpack(from_digits(to_digits(longer)))


def test_version_0_is_damage_not_a_newer_format() -> None:
    claims_bytes = bytes([encode_claims(EXAMPLE)[0] & 0x0F]) + encode_claims(EXAMPLE)[1:]
    for reader in (decode_claims, lambda b: unpack(b + bytes(SIGNATURE_SIZE))):
        with pytest.raises(QrFormatError) as caught:
            reader(claims_bytes)
        assert not isinstance(caught.value, UnknownQrVersionError)


# --- payload and digits ---------------------------------------------------------------------


@given(claims_strategy, signatures)
def test_payload_round_trip_and_digits_shape(claims: PassClaims, signature: bytes) -> None:
    claims_bytes = encode_claims(claims)
    payload = pack(claims_bytes, signature)
    digits = to_digits(payload)
    assert len(digits) == 203
    assert set(digits) <= set("0123456789")
    assert from_digits(digits) == payload
    assert unpack(from_digits(digits)) == (claims_bytes, signature)
    assert decode_claims(unpack(payload)[0]) == claims


@pytest.mark.parametrize("size", range(1, 200))
def test_digits_width_is_ceil_of_bits_times_log10_2(size: int) -> None:
    # 8·size·log10 2 is never an integer, so the float computation is safe as a check.
    assert digits_width(size) == math.ceil(8 * size * math.log10(2))


@pytest.mark.parametrize("size", [65, 84, 107])
def test_extreme_values_round_trip(size: int) -> None:
    for payload in (bytes(size), b"\xff" * size):
        digits = to_digits(payload)
        assert len(digits) == digits_width(size)
        assert from_digits(digits) == payload


@pytest.mark.parametrize("size", [1, 20, 64, 108])
def test_sizes_no_pass_payload_can_have_are_refused(size: int) -> None:
    assert len(to_digits(bytes(size))) == digits_width(size)
    with pytest.raises(QrFormatError):
        from_digits(to_digits(bytes(size)))


@pytest.mark.parametrize("suffix", ["\r", "\n", "\r\n", " ", "\t", " \r\n"])
def test_scanner_suffix_and_surrounding_spaces_are_tolerated(suffix: str) -> None:
    payload = pack(encode_claims(EXAMPLE), bytes(range(64)))
    assert from_digits(suffix + to_digits(payload) + suffix) == payload


def _example_digits() -> str:
    return to_digits(pack(encode_claims(EXAMPLE), bytes(range(64))))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda d: "",
        lambda d: "   \r\n",
        lambda d: d[:-1],  # 202 digits
        lambda d: d + "0",  # 204 digits
        lambda d: d[:100] + " " + d[100:],  # inner space
        lambda d: d[:100] + "-" + d[101:],
        lambda d: d[:100] + "A" + d[101:],
        lambda d: d[:100] + "²" + d[101:],  # str.isdigit() would accept it
        lambda d: d[:100] + "\u0663" + d[101:],  # ARABIC-INDIC DIGIT THREE
        lambda d: d[:100] + "３" + d[101:],  # FULLWIDTH DIGIT THREE
        lambda d: "\u00a0" + d,  # no-break space is not a scanner suffix
        lambda d: "9" * len(d),  # ≥ 2^672
        lambda d: "+" + d[1:],
        lambda d: "HC1:" + d,
    ],
)
def test_from_digits_refuses_everything_else(mangle: object) -> None:
    assert callable(mangle)
    with pytest.raises(QrFormatError) as caught:
        unpack(from_digits(mangle(_example_digits())))
    assert isinstance(caught.value, InputError)
    assert caught.value.message_de.startswith("Der QR-Code")


def test_largest_203_digit_value_is_refused_and_the_one_below_accepted() -> None:
    limit = 1 << (8 * PAYLOAD_SIZE)
    assert len(str(limit)) == 203
    with pytest.raises(QrFormatError):
        from_digits(str(limit))
    assert from_digits(str(limit - 1)) == b"\xff" * PAYLOAD_SIZE


def _refused_or_changed(original: str, changed: str) -> bool:
    """True if the codec refuses ``changed`` or reads bytes that differ from the original."""
    try:
        claims_bytes, signature = unpack(from_digits(changed))
        decode_claims(claims_bytes)
    except QrFormatError:
        return True
    return (claims_bytes, signature) != unpack(from_digits(original))


def test_every_single_digit_change_is_refused_or_changes_the_bytes() -> None:
    digits = _example_digits()
    for position, old in enumerate(digits):
        for new in "0123456789":
            if new != old:
                changed = digits[:position] + new + digits[position + 1 :]
                assert _refused_or_changed(digits, changed), (position, new)


@given(claims_strategy, signatures, st.data())
def test_random_single_digit_changes_are_refused_or_change_the_bytes(
    claims: PassClaims, signature: bytes, data: st.DataObject
) -> None:
    digits = to_digits(pack(encode_claims(claims), signature))
    position = data.draw(st.integers(0, len(digits) - 1))
    new = data.draw(st.sampled_from("0123456789").filter(lambda d: d != digits[position]))
    assert _refused_or_changed(digits, digits[:position] + new + digits[position + 1 :])


def test_signed_message_is_prefix_plus_claims() -> None:
    claims_bytes = encode_claims(EXAMPLE)
    assert signed_message(claims_bytes) == b"passapp/pass/v1\x00" + claims_bytes


def test_pack_refuses_wrong_sizes() -> None:
    with pytest.raises(ValueError, match="expected"):
        pack(encode_claims(EXAMPLE), bytes(63))
    with pytest.raises(ValueError, match="expected"):
        pack(encode_claims(EXAMPLE)[:-1], bytes(64))


# --- claims validation ----------------------------------------------------------------------


def test_pass_number_property() -> None:
    assert EXAMPLE.pass_number == PassNumber("DAH1", 123).text


@pytest.mark.parametrize(
    "changes",
    [
        {"version": 2},
        {"office": "dah1"},
        {"office": "DAHI"},
        {"office": "D"},
        {"office": "DAH1234"},
        {"key_id": -1},
        {"key_id": 0x10000},
        {"key_id": True},
        {"sequence": 0},
        {"sequence": 1_000_000},
        {"generation": 64},
        {"generation": -1},
        {"issued_on": dt.date(2023, 12, 31)},
        {"issued_on": MAX_ISSUE_DATE + dt.timedelta(days=1)},
        {"issued_on": dt.datetime(2026, 1, 1)},
        {"binding": bytes(7)},
        {"binding": bytes(9)},
    ],
)
def test_claims_that_cannot_be_encoded_are_refused(changes: dict[str, object]) -> None:
    values: dict[str, object] = {
        "version": 1,
        "office": "DAH1",
        "key_id": 1,
        "sequence": 1,
        "issued_on": DATE_EPOCH,
        "generation": 0,
        "binding": bytes(8),
        **changes,
    }
    with pytest.raises(InputError):
        PassClaims(**values)  # type: ignore[arg-type]


def test_claims_errors_have_a_german_message() -> None:
    with pytest.raises(InvalidClaimsError) as caught:
        PassClaims(1, "DAH1", 1, 1, DATE_EPOCH, 64, bytes(8))
    assert "Generation" in caught.value.message_de


# --- binding hash ---------------------------------------------------------------------------

PN = PassNumber("DAH1", 123).text
BIRTH = PartialDate(1990, 5, 17)


def test_binding_hash_is_8_bytes_and_stable() -> None:
    value = binding_hash(PN, "Müller", "Anna Maria", BIRTH)
    assert len(value) == BINDING_SIZE
    assert value == binding_hash(PN, "Müller", "Anna Maria", BIRTH)


@pytest.mark.parametrize(
    "family", ["Müller", "MÜLLER", "mueller", "Mu\u0308ller", "MU\u0308LLER", "  Müller "]
)
def test_binding_hash_ignores_form_case_and_transliteration(family: str) -> None:
    assert binding_hash(PN, family, "Anna", BIRTH) == binding_hash(PN, "Müller", "Anna", BIRTH)


def test_binding_hash_reads_the_pass_number_canonically() -> None:
    lower = PN.lower()
    assert binding_hash(lower, "Müller", "Anna", BIRTH) == binding_hash(PN, "Müller", "Anna", BIRTH)


latinish = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüßéçñøåłÄÖÜÉ -'абвгдежзийклмн"),
    min_size=1,
    max_size=20,
)


@settings(max_examples=50)
@given(latinish, latinish)
def test_binding_hash_is_invariant_under_normalisation_and_case(family: str, given_: str) -> None:
    reference = binding_hash(PN, family, given_, BIRTH)
    for form in ("NFC", "NFD"):
        assert reference == binding_hash(
            PN, unicodedata.normalize(form, family), unicodedata.normalize(form, given_), BIRTH
        )
    assert reference == binding_hash(PN, family.upper(), given_.lower(), BIRTH)


def test_binding_hash_separates_what_must_differ() -> None:
    reference = binding_hash(PN, "Müller", "Anna Maria", BIRTH)
    others = [
        binding_hash(PN, "Müller", "Maria Anna", BIRTH),  # given-name order is part of the name
        binding_hash(PN, "Müller", "Anna Maria", PartialDate(1990, 5, 18)),
        binding_hash(PN, "Müller", "Anna Maria", PartialDate(1990, 5)),
        binding_hash(PassNumber("DAH1", 124).text, "Müller", "Anna Maria", BIRTH),
        binding_hash(PN, "Anna Maria", "Müller", BIRTH),  # family and given swapped
        binding_hash(PN, "Müller Anna", "Maria", BIRTH),  # a word moved across the boundary
        binding_hash(PN, "Mülller", "Anna Maria", BIRTH),
    ]
    assert reference not in others
    assert len(set(others)) == len(others)


def test_binding_matches_uses_the_claims_pass_number() -> None:
    claims = PassClaims(1, "DAH1", 1, 123, DATE_EPOCH, 0, binding_hash(PN, "Müller", "Anna", BIRTH))
    assert binding_matches(claims, "MUELLER", "anna", BIRTH)
    assert not binding_matches(claims, "Müller", "Anne", BIRTH)

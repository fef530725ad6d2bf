"""Signing pass QR codes and verifying them offline against the trust list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passapp.crypto.keys import generate_key, key_id, public_der
from passapp.crypto.passverify import PassVerification, sign_pass, verify_pass_qr
from passapp.crypto.signing import sign
from passapp.crypto.trustlist import PassStatus, TrustedKey, TrustList
from passapp.domain.dates import PartialDate
from passapp.domain.pass_number import OFFICE_ALPHABET, PassNumber
from passapp.domain.qr import (
    DATE_EPOCH,
    DIGITS,
    MAX_ISSUE_DATE,
    PAYLOAD_SIZE,
    PassClaims,
    encode_claims,
    pack,
    signed_message,
    to_digits,
)
from passapp.pdf.qr import encode
from tests.crypto.world import (
    HOLDER,
    NOW,
    OFFICE_DER,
    OFFICE_KEY,
    OTHER_DER,
    OTHER_KEY,
    TRUST_LIST,
    UTC,
    claims_for,
    trust_list,
)

QR = sign_pass(OFFICE_KEY, claims_for(124))  # DAH1-000124, listed as active


def check(digits: str, **kwargs: object) -> PassVerification:
    options: dict[str, object] = {"now": NOW, **kwargs}
    tl = options.pop("trust_list", TRUST_LIST)
    return verify_pass_qr(digits, tl, **options)  # type: ignore[arg-type]


def test_a_genuine_pass_is_valid() -> None:
    result = check(QR)
    assert result == PassVerification(
        valid=True,
        reason="ok",
        pass_number=PassNumber("DAH1", 124).text,
        office="DAH1",
        issued_on=dt.date(2026, 11, 20),
        generation=0,
        status="active",
        holder_matches=None,
        trust_list_number=7,
        trust_list_issued_at=TRUST_LIST.issued_at,
        key_id=key_id(OFFICE_DER),
    )


def test_qr_text_shape_and_qr_version() -> None:
    assert len(QR) == DIGITS == 203
    assert QR.isascii()
    assert QR.isdigit()
    assert encode(QR).version == 7  # numeric mode at level Q (tests/pdf/test_qr.py)


def test_signing_is_deterministic() -> None:
    assert sign_pass(OFFICE_KEY, claims_for(124)) == QR


def test_scanner_suffix_is_accepted() -> None:
    assert check(QR + "\r\n").valid
    assert check(" " + QR + "\n").valid


@pytest.mark.parametrize(
    ("holder", "matches"),
    [
        (HOLDER, True),
        (("MUELLER", "anna maria", PartialDate(1990, 5, 17)), True),
        (("Mu\u0308ller", "Anna  Maria", PartialDate(1990, 5, 17)), True),
        (("Müller", "Maria Anna", PartialDate(1990, 5, 17)), False),
        (("Müller", "Anna Maria", PartialDate(1990, 5, 18)), False),
        (("Müller", "Anna Maria", PartialDate(1990, 5)), False),
        (("Meier", "Anna Maria", PartialDate(1990, 5, 17)), False),
    ],
)
def test_holder_matches(holder: tuple[str, str, PartialDate], matches: bool) -> None:
    result = check(QR, holder=holder)
    assert result.valid
    assert result.holder_matches is matches


def test_status_from_the_trust_list() -> None:
    assert check(sign_pass(OFFICE_KEY, claims_for(123, generation=0))).status == "replaced"
    assert check(sign_pass(OFFICE_KEY, claims_for(123, generation=1))).status == "active"
    assert check(sign_pass(OFFICE_KEY, claims_for(123, generation=2))).status == "active"
    revoked = check(sign_pass(OFFICE_KEY, claims_for(125, generation=5)))
    assert (revoked.valid, revoked.status) == (True, "revoked")
    assert check(sign_pass(OFFICE_KEY, claims_for(999))).status == "unknown"


def test_without_trust_list_nothing_is_valid_but_the_number_is_shown() -> None:
    result = verify_pass_qr(QR, None, now=NOW, holder=HOLDER)
    assert (result.valid, result.reason, result.status) == (False, "no_trust_list", "unknown")
    assert result.pass_number == PassNumber("DAH1", 124).text
    assert result.holder_matches is True
    assert result.trust_list_number is None


def test_every_single_digit_change_of_a_real_qr_is_refused() -> None:
    """All 203 × 9 variants of one signed QR."""
    for position, old in enumerate(QR):
        for new in "0123456789":
            if new != old:
                result = check(QR[:position] + new + QR[position + 1 :])
                assert not result.valid, (position, new, result.reason)
                assert result.status == "unknown"


claims_strategy = st.builds(
    claims_for,
    sequence=st.integers(1, 999_999),
    issued_on=st.dates(dt.date(2026, 1, 1), dt.date(2026, 11, 25)),
    generation=st.integers(0, 63),
)


@given(claims_strategy, st.data())
def test_random_single_digit_changes_are_refused(claims: PassClaims, data: st.DataObject) -> None:
    digits = sign_pass(OFFICE_KEY, claims)
    assert check(digits).valid
    position = data.draw(st.integers(0, len(digits) - 1))
    new = data.draw(st.sampled_from("0123456789").filter(lambda d: d != digits[position]))
    assert not check(digits[:position] + new + digits[position + 1 :]).valid


@given(st.text(alphabet="0123456789", min_size=DIGITS, max_size=DIGITS))
def test_random_digit_strings_are_never_valid(digits: str) -> None:
    assert not check(digits).valid


@given(st.text())
def test_any_text_gives_an_answer_not_an_exception(text: str) -> None:
    assert not check(text).valid


@pytest.mark.parametrize(
    "text", ["", "abc", "123", "0" * DIGITS, QR[:-1], QR + "0", "9" * DIGITS, QR.replace("0", "O")]
)
def test_malformed(text: str) -> None:
    result = check(text)
    assert (result.valid, result.reason, result.pass_number) == (False, "malformed", None)


def test_unknown_version() -> None:
    payload = bytearray(pack(encode_claims(claims_for(124)), bytes(64)))
    payload[0] = (2 << 4) | (payload[0] & 0x0F)
    assert check(to_digits(bytes(payload))).reason == "unknown_version"
    longer = bytes([0x20]) + bytes(PAYLOAD_SIZE + 5)
    assert check(to_digits(longer)).reason == "unknown_version"


def test_key_of_another_office_is_refused() -> None:
    # KA2's genuine key signs a pass claiming office DAH1: the key is not DAH1's.
    forged = sign_pass(OTHER_KEY, claims_for(124, key=OTHER_KEY))
    result = check(forged)
    assert (result.valid, result.reason) == (False, "unknown_key")
    # The same key for its own office is fine.
    assert check(sign_pass(OTHER_KEY, claims_for(5, office="KA2", key=OTHER_KEY))).valid


def test_untrusted_key_claiming_a_trusted_key_id_is_refused() -> None:
    attacker = generate_key()
    claims = claims_for(124)  # carries the key id of DAH1's real key
    claims_bytes = encode_claims(claims)
    forged = to_digits(pack(claims_bytes, sign(attacker, signed_message(claims_bytes))))
    assert check(forged).reason == "bad_signature"


def test_signature_over_claims_without_the_prefix_is_refused() -> None:
    claims_bytes = encode_claims(claims_for(124))
    digits = to_digits(pack(claims_bytes, sign(OFFICE_KEY, claims_bytes)))
    assert check(digits).reason == "bad_signature"


def test_unknown_key() -> None:
    stranger = generate_key()
    result = check(sign_pass(stranger, claims_for(124, key=stranger)))
    assert (result.valid, result.reason) == (False, "unknown_key")
    assert result.pass_number == PassNumber("DAH1", 124).text


def _with_key(
    valid_from: dt.datetime | None = None,
    valid_until: dt.datetime | None = None,
    compromised_after: dt.datetime | None = None,
) -> TrustList:
    key = TRUST_LIST.keys[0]
    key = dataclasses.replace(
        key,
        valid_from=valid_from or key.valid_from,
        valid_until=valid_until or key.valid_until,
        compromised_after=compromised_after,
    )
    assert key.office_code == "DAH1"
    return trust_list(key, passes=TRUST_LIST.passes)


def test_retired_key_stays_valid_for_passes_issued_while_valid() -> None:
    retired = _with_key(
        valid_from=dt.datetime(2025, 1, 1, tzinfo=UTC),
        valid_until=dt.datetime(2026, 6, 30, 23, 0, tzinfo=UTC),
    )
    later = dt.datetime(2030, 1, 1, tzinfo=UTC)
    ok = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 6, 30)))
    assert check(ok, trust_list=retired, now=later).reason == "ok"
    # 1 July local time can still be 30 June 23:xx UTC: the one-day allowance.
    edge = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 7, 1)))
    assert check(edge, trust_list=retired, now=later).reason == "ok"
    late = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 7, 2)))
    result = check(late, trust_list=retired, now=later)
    assert (result.valid, result.reason, result.status) == (False, "key_expired", "unknown")
    early = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2024, 12, 31)))
    assert check(early, trust_list=retired, now=later).reason == "key_not_yet_valid"


def test_compromised_key_refuses_passes_from_the_day_of_compromise() -> None:
    compromised = _with_key(compromised_after=dt.datetime(2026, 9, 10, 14, 0, tzinfo=UTC))
    before = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 9, 9)))
    assert check(before, trust_list=compromised).reason == "ok"
    for day in (dt.date(2026, 9, 10), dt.date(2026, 9, 11), dt.date(2026, 11, 24)):
        forged = sign_pass(OFFICE_KEY, claims_for(124, issued_on=day))
        result = check(forged, trust_list=compromised)
        assert (result.valid, result.reason) == (False, "key_compromised")


def test_pass_dated_after_tomorrow_is_refused() -> None:
    tomorrow = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 11, 26)))
    assert check(tomorrow).valid
    future = sign_pass(OFFICE_KEY, claims_for(124, issued_on=dt.date(2026, 11, 27)))
    assert check(future).reason == "issued_in_future"


def test_bad_signature_wins_over_date_problems() -> None:
    retired = _with_key(valid_until=dt.datetime(2026, 2, 1, tzinfo=UTC))
    claims_bytes = encode_claims(claims_for(124))
    digits = to_digits(pack(claims_bytes, bytes(64)))
    assert check(digits, trust_list=retired).reason == "bad_signature"


def test_sign_pass_refuses_claims_for_another_key() -> None:
    with pytest.raises(ValueError, match="key id"):
        sign_pass(OTHER_KEY, claims_for(124))


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        verify_pass_qr(QR, TRUST_LIST, now=dt.datetime(2026, 11, 25))


@given(
    st.builds(
        PassClaims,
        version=st.just(1),
        office=st.text(alphabet=OFFICE_ALPHABET, min_size=2, max_size=6),
        key_id=st.just(key_id(OTHER_DER)),
        sequence=st.integers(1, 999_999),
        issued_on=st.dates(DATE_EPOCH, MAX_ISSUE_DATE),
        generation=st.integers(0, 63),
        binding=st.binary(min_size=8, max_size=8),
    )
)
def test_round_trip_of_any_claims(claims: PassClaims) -> None:
    key = TrustedKey(
        office_code=claims.office,
        key_id=claims.key_id,
        public_der=public_der(OTHER_KEY),
        valid_from=dt.datetime(2023, 1, 1, tzinfo=UTC),
        valid_until=dt.datetime(2114, 1, 1, tzinfo=UTC),
    )
    tl = trust_list(key, passes={claims.pass_number: PassStatus(lowest_valid_generation=0)})
    result = verify_pass_qr(
        sign_pass(OTHER_KEY, claims), tl, now=dt.datetime(2114, 1, 1, tzinfo=UTC)
    )
    assert (result.valid, result.reason, result.status) == (True, "ok", "active")
    assert (result.office, result.issued_on, result.generation) == (
        claims.office,
        claims.issued_on,
        claims.generation,
    )

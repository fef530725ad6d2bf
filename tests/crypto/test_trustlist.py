"""The signed trust list: canonical document, signature, strict reading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passapp.crypto.errors import TrustListError
from passapp.crypto.keys import generate_key, key_id, public_der
from passapp.crypto.signing import sign
from passapp.crypto.trustlist import (
    SIGNED_PREFIX,
    PassStatus,
    TrustedKey,
    TrustList,
    read_trust_list,
    sign_trust_list,
    trust_list_document,
)
from passapp.domain.pass_number import PassNumber
from tests.crypto.world import (
    OFFICE_DER,
    OTHER_DER,
    ROOT_DER,
    ROOT_KEY,
    TRUST_LIST,
    UTC,
    trust_list,
)

SIGNED = sign_trust_list(TRUST_LIST, ROOT_KEY)


def _sign_raw(document: bytes) -> bytes:
    return sign(ROOT_KEY, SIGNED_PREFIX + document)


def test_round_trip() -> None:
    read = read_trust_list(SIGNED.document, SIGNED.signature, ROOT_DER)
    assert read.number == 7
    assert read.passes == TRUST_LIST.passes
    assert sorted(read.keys, key=lambda k: k.office_code) == sorted(
        TRUST_LIST.keys, key=lambda k: k.office_code
    )
    assert read.issued_at == TRUST_LIST.issued_at
    assert read.issued_at.tzinfo is not None


def test_document_is_canonical_json() -> None:
    document = SIGNED.document
    data = json.loads(document)
    assert document == json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    assert b"\n" not in document
    assert b": " not in document
    assert b", " not in document
    assert data["format"] == "passapp-trustlist"
    assert data["version"] == 1
    assert [k["office_code"] for k in data["keys"]] == ["DAH1", "KA2"]


def test_signing_is_deterministic_and_independent_of_key_order() -> None:
    reversed_keys = dataclasses.replace(TRUST_LIST, keys=list(reversed(TRUST_LIST.keys)))
    assert sign_trust_list(reversed_keys, ROOT_KEY) == SIGNED


def test_key_for_needs_office_and_key_id() -> None:
    key = TRUST_LIST.key_for("DAH1", key_id(OFFICE_DER))
    assert key is not None
    assert key.public_der == OFFICE_DER
    assert TRUST_LIST.key_for("KA2", key_id(OFFICE_DER)) is None
    assert TRUST_LIST.key_for("DAH1", key_id(OTHER_DER)) is None


def test_every_flipped_bit_of_the_document_is_refused() -> None:
    for index in range(len(SIGNED.document)):
        for bit in (0x01, 0x20):
            document = bytearray(SIGNED.document)
            document[index] ^= bit
            with pytest.raises(TrustListError):
                read_trust_list(bytes(document), SIGNED.signature, ROOT_DER)


@given(st.integers(0, 64 * 8 - 1))
def test_flipped_signature_bits_are_refused(bit: int) -> None:
    signature = bytearray(SIGNED.signature)
    signature[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(TrustListError) as caught:
        read_trust_list(SIGNED.document, bytes(signature), ROOT_DER)
    assert "Signatur" in caught.value.message_de


def test_another_root_is_refused() -> None:
    with pytest.raises(TrustListError):
        read_trust_list(SIGNED.document, SIGNED.signature, public_der(generate_key()))
    with pytest.raises(TrustListError):
        read_trust_list(SIGNED.document, SIGNED.signature, b"garbage")


def test_a_signature_over_the_document_without_prefix_is_refused() -> None:
    with pytest.raises(TrustListError):
        read_trust_list(SIGNED.document, sign(ROOT_KEY, SIGNED.document), ROOT_DER)


def _resigned(change: object) -> tuple[bytes, bytes]:
    data = json.loads(SIGNED.document)
    assert callable(change)
    change(data)
    document = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return document, _sign_raw(document)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(format="other"),
        lambda d: d.update(number=True),
        lambda d: d.update(number=0),
        lambda d: d.update(number=7.0),
        lambda d: d.update(extra=1),
        lambda d: d.pop("passes"),
        lambda d: d.update(issued_at="2026-11-01T08:00:00"),  # no time zone
        lambda d: d.update(issued_at="2026-11-01T09:00:00+01:00"),  # not written in UTC
        lambda d: d.update(district_code="dah"),
        lambda d: d.update(root_fingerprint="0000"),
        lambda d: d["keys"][0].update(key_id=d["keys"][0]["key_id"] ^ 1),
        lambda d: d["keys"][0].update(public_key="not base64!"),
        lambda d: d["keys"][0].update(public_key="AAAA"),
        lambda d: d["keys"][0].update(office_code="DAHI"),
        lambda d: d["keys"][0].update(valid_until=d["keys"][0]["valid_from"]),
        lambda d: d["keys"].append(dict(d["keys"][0])),  # duplicate key
        lambda d: d["keys"].reverse(),  # not sorted
        lambda d: d["passes"].update({"dah1-000123-86": d["passes"].popitem()[1]}),
        lambda d: d["passes"].update({"DAH1-000123-00": {}}),
        lambda d: next(iter(d["passes"].values())).update(lowest_valid_generation=64),
        lambda d: next(iter(d["passes"].values())).update(revoked=1),
        lambda d: next(iter(d["passes"].values())).update(revoked_on="2026-13-01"),
    ],
)
def test_malformed_documents_are_refused_even_when_signed(change: object) -> None:
    document, signature = _resigned(change)
    with pytest.raises(TrustListError):
        read_trust_list(document, signature, ROOT_DER)


def test_duplicate_json_keys_are_refused_even_when_signed() -> None:
    document = SIGNED.document.replace(
        b'{"district_code":"DAH",', b'{"number":99,"district_code":"DAH",', 1
    )
    with pytest.raises(TrustListError):
        read_trust_list(document, _sign_raw(document), ROOT_DER)


@pytest.mark.parametrize("document", [b"", b"\xff\xfe", b"[]", b"null", b"{}"])
def test_non_documents_are_refused(document: bytes) -> None:
    with pytest.raises(TrustListError):
        read_trust_list(document, _sign_raw(document), ROOT_DER)


def test_unknown_version_says_update() -> None:
    document, signature = _resigned(lambda d: d.update(version=2))
    with pytest.raises(TrustListError) as caught:
        read_trust_list(document, signature, ROOT_DER)
    assert "aktualisieren" in caught.value.message_de


def test_signing_refuses_inconsistent_lists() -> None:
    key = TRUST_LIST.keys[0]
    bad_lists = [
        dataclasses.replace(TRUST_LIST, root_fingerprint="0000"),
        dataclasses.replace(TRUST_LIST, number=0),
        dataclasses.replace(TRUST_LIST, issued_at=dt.datetime(2026, 1, 1)),
        trust_list(dataclasses.replace(key, key_id=key.key_id ^ 1)),
        trust_list(key, key),
        trust_list(dataclasses.replace(key, valid_until=key.valid_from)),
        trust_list(passes={"DAH1-000123-00": PassStatus()}),
        trust_list(passes={PassNumber("DAH1", 1).text: PassStatus(revoked_on=dt.date(2026, 1, 1))}),
    ]
    for bad in bad_lists:
        with pytest.raises(TrustListError):
            sign_trust_list(bad, ROOT_KEY)
    with pytest.raises(TrustListError):
        sign_trust_list(TRUST_LIST, generate_key())  # root_fingerprint is not this key's


def test_compromised_key_round_trips() -> None:
    key = dataclasses.replace(
        TRUST_LIST.keys[0], compromised_after=dt.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    )
    tl = trust_list(key)
    signed = sign_trust_list(tl, ROOT_KEY)
    assert read_trust_list(signed.document, signed.signature, ROOT_DER).keys == [key]


def test_trusted_key_from_certificate() -> None:
    key = TRUST_LIST.keys[0]
    assert isinstance(key, TrustedKey)
    assert key.key_id == key_id(key.public_der)
    assert isinstance(TRUST_LIST, TrustList)
    assert trust_list_document(TRUST_LIST) == SIGNED.document

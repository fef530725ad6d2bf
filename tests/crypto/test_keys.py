"""Keys: encodings, fingerprints, key ids and passphrase-protected key files."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from passapp.crypto.errors import KeyFormatError, WrongPassphraseError
from passapp.crypto.keys import (
    fingerprint,
    generate_key,
    key_id,
    load_public_key,
    private_from_pem,
    private_to_pem,
    public_der,
)
from tests.crypto.world import OFFICE_DER, OFFICE_KEY


def test_generated_keys_are_p256_and_distinct() -> None:
    key = generate_key()
    assert isinstance(key.curve, ec.SECP256R1)
    assert public_der(key) != public_der(generate_key())


def test_public_der_is_the_same_for_private_and_public_half() -> None:
    assert public_der(OFFICE_KEY) == public_der(OFFICE_KEY.public_key()) == OFFICE_DER
    assert load_public_key(OFFICE_DER).public_numbers() == OFFICE_KEY.public_key().public_numbers()


def test_fingerprint_is_16_bytes_of_sha256_in_groups_of_four() -> None:
    text = fingerprint(OFFICE_DER)
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){7}", text)
    assert text.replace(" ", "") == hashlib.sha256(OFFICE_DER).hexdigest().upper()[:32]


def test_key_id_is_the_first_16_bits_of_sha256() -> None:
    assert key_id(OFFICE_DER) == int.from_bytes(hashlib.sha256(OFFICE_DER).digest()[:2], "big")
    assert 0 <= key_id(OFFICE_DER) <= 0xFFFF


def test_other_curves_and_algorithms_are_refused() -> None:
    with pytest.raises(KeyFormatError):
        public_der(ec.generate_private_key(ec.SECP384R1()))
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa_der = rsa_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(KeyFormatError):
        load_public_key(rsa_der)
    with pytest.raises(KeyFormatError):
        load_public_key(b"not a key")


def test_unencrypted_pem_round_trip() -> None:
    pem = private_to_pem(OFFICE_KEY, None)
    assert b"BEGIN PRIVATE KEY" in pem
    assert public_der(private_from_pem(pem, None)) == OFFICE_DER


def test_encrypted_pem_round_trip_and_wrong_passphrase() -> None:
    pem = private_to_pem(OFFICE_KEY, "Kennwort für Dachau")
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in pem
    assert public_der(private_from_pem(pem, "Kennwort für Dachau")) == OFFICE_DER
    with pytest.raises(WrongPassphraseError) as caught:
        private_from_pem(pem, "Kennwort fur Dachau")
    assert caught.value.message_de == "Das Kennwort für die Schlüsseldatei ist falsch."
    with pytest.raises(WrongPassphraseError):
        private_from_pem(pem, "")
    with pytest.raises(WrongPassphraseError, match="protected"):
        private_from_pem(pem, None)


def test_passphrase_is_read_in_nfc() -> None:
    pem = private_to_pem(OFFICE_KEY, unicodedata.normalize("NFD", "Grüße"))
    assert public_der(private_from_pem(pem, unicodedata.normalize("NFC", "Grüße"))) == OFFICE_DER


def test_passphrase_for_an_unencrypted_key_is_reported() -> None:
    with pytest.raises(WrongPassphraseError, match="not encrypted"):
        private_from_pem(private_to_pem(OFFICE_KEY, None), "geheim")


def test_empty_passphrase_is_refused_when_writing() -> None:
    with pytest.raises(WrongPassphraseError):
        private_to_pem(OFFICE_KEY, "")


@pytest.mark.parametrize(
    "pem", [b"", b"garbage", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"]
)
def test_unreadable_key_files_are_format_errors(pem: bytes) -> None:
    with pytest.raises(KeyFormatError):
        private_from_pem(pem, None)

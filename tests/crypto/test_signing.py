"""Signatures: deterministic ECDSA P-256 / SHA-256, raw r‖s, verify never raises."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from hypothesis import given
from hypothesis import strategies as st

from passapp.crypto.keys import public_der
from passapp.crypto.signing import SIGNATURE_SIZE, sign, verify
from tests.crypto.world import OFFICE_DER, OFFICE_KEY, OTHER_DER

# Order of the P-256 group.
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def test_rfc6979_test_vector() -> None:
    """RFC 6979 A.2.5, P-256 with SHA-256, message "sample": proves deterministic nonces."""
    key = ec.derive_private_key(
        0xC9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721, ec.SECP256R1()
    )
    signature = sign(key, b"sample")
    assert signature.hex().upper() == (
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"
    )
    assert verify(public_der(key), b"sample", signature)


@given(st.binary(max_size=300))
def test_sign_verify_round_trip_and_determinism(message: bytes) -> None:
    signature = sign(OFFICE_KEY, message)
    assert len(signature) == SIGNATURE_SIZE
    assert signature == sign(OFFICE_KEY, message)
    assert verify(OFFICE_DER, message, signature)
    assert not verify(OTHER_DER, message, signature)
    assert not verify(OFFICE_DER, message + b"x", signature)


def test_raw_signature_is_standard_ecdsa() -> None:
    """Interoperability: r‖s re-encoded as DER verifies with plain cryptography."""
    signature = sign(OFFICE_KEY, b"passapp")
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    OFFICE_KEY.public_key().verify(
        encode_dss_signature(r, s), b"passapp", ec.ECDSA(hashes.SHA256())
    )


@given(st.integers(0, SIGNATURE_SIZE * 8 - 1))
def test_any_flipped_signature_bit_is_refused(bit: int) -> None:
    signature = bytearray(sign(OFFICE_KEY, b"message"))
    signature[bit // 8] ^= 1 << (bit % 8)
    assert not verify(OFFICE_DER, b"message", bytes(signature))


@pytest.mark.parametrize(
    "signature",
    [
        b"",
        bytes(63),
        bytes(65),
        bytes(64),  # r = s = 0
        N.to_bytes(32, "big") + (1).to_bytes(32, "big"),  # r = n, out of range
        (1).to_bytes(32, "big") + N.to_bytes(32, "big"),
        b"\xff" * 64,
    ],
)
def test_malformed_signatures_are_false_not_errors(signature: bytes) -> None:
    assert verify(OFFICE_DER, b"message", signature) is False


@given(st.binary(), st.binary(min_size=64, max_size=64))
def test_malformed_public_keys_are_false_not_errors(der: bytes, signature: bytes) -> None:
    assert verify(der, b"message", signature) is False


def test_other_curves_cannot_sign() -> None:
    with pytest.raises(ValueError, match="P-256"):
        sign(ec.generate_private_key(ec.SECP384R1()), b"x")

"""ECDSA P-256 / SHA-256 signatures as raw ``r‖s`` (64 bytes).

Raw ``r‖s`` instead of DER: a fixed size (DER is 70–72 bytes and varies), 6–8 bytes shorter,
which matters in the QR; it is the form the EU DCC, SMART Health Cards (JWS ES256) and the
BSI Visible Digital Seal use too.

Deterministic signatures (RFC 6979): the nonce is derived from key and message instead of
drawn from the random source, so a weak or repeated random number on an office PC can never
leak the private key, and the same pass always gets the same QR (reprints are identical).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from passapp.crypto.errors import KeyFormatError
from passapp.crypto.keys import CURVE_NAME, load_public_key

__all__ = ["SCALAR_SIZE", "SIGNATURE_SIZE", "sign", "verify"]

SCALAR_SIZE = 32
SIGNATURE_SIZE = 2 * SCALAR_SIZE


def _algorithm() -> ec.ECDSA:
    return ec.ECDSA(hashes.SHA256(), deterministic_signing=True)


def sign(key: ec.EllipticCurvePrivateKey, message: bytes) -> bytes:
    """Deterministic ECDSA P-256 / SHA-256 signature of ``message``, raw ``r‖s``."""
    if key.curve.name != CURVE_NAME:
        raise ValueError(f"passapp signs only with P-256 keys, not {key.curve.name}")
    r, s = decode_dss_signature(key.sign(message, _algorithm()))
    return r.to_bytes(SCALAR_SIZE, "big") + s.to_bytes(SCALAR_SIZE, "big")


def verify(public_der: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` (raw ``r‖s``) is a valid signature of ``message`` by the key.

    Never raises: a malformed key or signature is simply not a valid signature, so callers
    handling scanned or received data have one outcome to check.
    """
    if len(signature) != SIGNATURE_SIZE:
        return False
    try:
        key = load_public_key(public_der)
        r = int.from_bytes(signature[:SCALAR_SIZE], "big")
        s = int.from_bytes(signature[SCALAR_SIZE:], "big")
        key.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, KeyFormatError, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True

"""ECDSA P-256 keys: creation, public-key encoding, fingerprints, key ids, key files.

P-256 because BSI TR-02102-1 lists ECDSA on P-256 (or brainpoolP256r1) and every
``cryptography``/OpenSSL build supports it; EdDSA is not in TR-02102-1.

A public key is passed around as its DER ``SubjectPublicKeyInfo`` (the standard encoding,
self-describing, what certificates contain): the fingerprint and the key id are hashes of
exactly these bytes, so every installation computes the same ones.
"""

from __future__ import annotations

import hashlib
import unicodedata

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from passapp.crypto.errors import KeyFormatError, WrongPassphraseError

__all__ = [
    "CURVE_NAME",
    "FINGERPRINT_BYTES",
    "KeyFormatError",
    "WrongPassphraseError",
    "fingerprint",
    "format_fingerprint",
    "generate_key",
    "key_id",
    "load_public_key",
    "private_from_pem",
    "private_to_pem",
    "public_der",
]

CURVE_NAME = "secp256r1"

# 16 of the 32 SHA-256 bytes are shown: 32 hex characters in 8 groups of 4 can be read
# aloud over the phone without mistakes, while 64 cannot. 128 bits still make it
# infeasible (2^128 work) to make another key with the same displayed fingerprint, which
# is the only attack the comparison has to stop.
FINGERPRINT_BYTES = 16


def generate_key() -> ec.EllipticCurvePrivateKey:
    """A new ECDSA P-256 private key from the operating system's random source."""
    return ec.generate_private_key(ec.SECP256R1())


def _require_p256(key: ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey) -> None:
    if key.curve.name != CURVE_NAME:
        raise KeyFormatError(
            f"key is on curve {key.curve.name}, passapp uses only P-256 ({CURVE_NAME})",
            f"Der Schlüssel verwendet die Kurve {key.curve.name}; passapp verwendet nur P-256.",
        )


def public_der(key: ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey) -> bytes:
    """The DER SubjectPublicKeyInfo of a key (of the public half, for a private key)."""
    public = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
    _require_p256(public)
    return public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key(der: bytes) -> ec.EllipticCurvePublicKey:
    """Read a DER SubjectPublicKeyInfo; it must be an ECDSA P-256 key."""
    try:
        key = serialization.load_der_public_key(der)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise KeyFormatError(
            "public key cannot be read", "Der öffentliche Schlüssel ist nicht lesbar."
        ) from error
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise KeyFormatError(
            "public key is not an ECDSA key", "Der öffentliche Schlüssel ist kein ECDSA-Schlüssel."
        )
    _require_p256(key)
    return key


def format_fingerprint(digest: bytes) -> str:
    """First 16 bytes of a digest as upper-case hex in groups of 4: ``"3F2A 9C01 …"``."""
    text = digest[:FINGERPRINT_BYTES].hex().upper()
    return " ".join(text[start : start + 4] for start in range(0, len(text), 4))


def fingerprint(public_der: bytes) -> str:
    """SHA-256 of the DER public key, shortened for comparison by phone (see FINGERPRINT_BYTES)."""
    return format_fingerprint(hashlib.sha256(public_der).digest())


def key_id(public_der: bytes) -> int:
    """The 16-bit key id in the QR: the first two bytes of SHA-256 of the DER public key.

    Only a hint to find the key quickly: two keys may share an id, which is why verifiers
    look keys up by office code *and* key id and always check the signature.
    """
    return int.from_bytes(hashlib.sha256(public_der).digest()[:2], "big")


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC: the same passphrase typed on another keyboard or OS (ä precomposed or as a + ¨)
    # must open the key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def private_to_pem(key: ec.EllipticCurvePrivateKey, passphrase: str | None) -> bytes:
    """PKCS#8 PEM; encrypted with the best available scheme when a passphrase is given.

    With ``cryptography`` 50 "best available" for PKCS#8 is PBES2 with AES-256-CBC and
    PBKDF2-HMAC-SHA256; an empty passphrase is refused rather than silently meaning "none".
    """
    _require_p256(key)
    if passphrase is None:
        encryption: serialization.KeySerializationEncryption = serialization.NoEncryption()
    elif not passphrase:
        raise WrongPassphraseError(
            "passphrase must not be empty (use no passphrase instead)",
            "Das Kennwort darf nicht leer sein.",
        )
    else:
        encryption = serialization.BestAvailableEncryption(_passphrase_bytes(passphrase))
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def private_from_pem(pem: bytes, passphrase: str | None) -> ec.EllipticCurvePrivateKey:
    """Read a PKCS#8 PEM private key written by :func:`private_to_pem`.

    Raises :class:`WrongPassphraseError` for a wrong or missing passphrase (and for a
    passphrase given for an unencrypted key: the user believes it is protected, and should
    learn that it is not), :class:`KeyFormatError` for anything else.
    """
    password = None if passphrase is None else _passphrase_bytes(passphrase)
    try:
        key = serialization.load_pem_private_key(pem, password)
    except TypeError as error:
        if password is None:
            raise WrongPassphraseError(
                "the key file is protected by a passphrase",
                "Die Schlüsseldatei ist mit einem Kennwort geschützt; bitte das Kennwort eingeben.",
            ) from error
        raise WrongPassphraseError(
            "the key file is not encrypted, but a passphrase was given",
            "Die Schlüsseldatei ist nicht verschlüsselt, es wurde aber ein Kennwort angegeben.",
        ) from error
    except ValueError as error:
        if password is not None and _is_encrypted_pem(pem):
            raise WrongPassphraseError(
                "wrong passphrase for the key file",
                "Das Kennwort für die Schlüsseldatei ist falsch.",
            ) from error
        raise KeyFormatError(
            "the key file cannot be read", "Die Schlüsseldatei ist nicht lesbar."
        ) from error
    except UnsupportedAlgorithm as error:
        raise KeyFormatError(
            "the key file uses an unsupported algorithm",
            "Die Schlüsseldatei verwendet ein nicht unterstütztes Verfahren.",
        ) from error
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise KeyFormatError(
            "the key file does not hold an ECDSA key",
            "Die Schlüsseldatei enthält keinen ECDSA-Schlüssel.",
        )
    _require_p256(key)
    return key


def _is_encrypted_pem(pem: bytes) -> bool:
    # Only to choose the message: a damaged unencrypted file is "unreadable", not "wrong
    # passphrase". PKCS#8 marks encryption in the PEM label, legacy PEM in a header.
    return b"ENCRYPTED PRIVATE KEY" in pem or b"Proc-Type: 4,ENCRYPTED" in pem

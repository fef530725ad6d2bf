"""Keys, certificates, trust list and signatures (DESIGN §5–6).

Thin wrappers around ``cryptography``: the primitives (ECDSA P-256 with SHA-256, scrypt,
PKCS#8, X.509) come from there and nothing here is home-made cryptography. Each module adds
only the passapp conventions: which algorithm, which encoding, which prefix is signed, and
German/English errors.
"""

from __future__ import annotations

from passapp.crypto.errors import (
    CertificateError,
    KeyFormatError,
    RequestError,
    TrustListError,
    WrongPassphraseError,
)

__all__ = [
    "CertificateError",
    "KeyFormatError",
    "RequestError",
    "TrustListError",
    "WrongPassphraseError",
]

"""Key slots: one secret (the installation's key-store secret, which encrypts the office's
private keys) wrapped once per account under that account's password, as LUKS keeps one
slot per passphrase. Any account that logs in unlocks the keys; a copied database without
a password unlocks nothing.

The wrapping key is Argon2id (RFC 9106, ``argon2-cffi``'s raw interface) of the password
with a random salt; the secret is sealed with AES-256-GCM, the account name bound in as
associated data so a slot cannot be moved to another account.
"""

from __future__ import annotations

import base64
import os
import secrets
import unicodedata

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SLOT_VERSION = b"\x01"
_SALT, _NONCE = 16, 12
# RFC 9106's second recommended setting (argon2-cffi's PasswordHasher default).
_TIME_COST, _MEMORY_KIB, _PARALLELISM = 3, 64 * 1024, 4


class SlotError(ValueError):
    """The password does not open the slot, or the slot is damaged."""


def new_secret() -> str:
    """A fresh key-store secret: 256 random bits as text (it is the PKCS#8 passphrase)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")


def _wrapping_key(password: str, salt: bytes) -> bytes:
    return hash_secret_raw(
        unicodedata.normalize("NFC", password).encode("utf-8"),
        salt,
        time_cost=_TIME_COST,
        memory_cost=_MEMORY_KIB,
        parallelism=_PARALLELISM,
        hash_len=32,
        type=Type.ID,
    )


def _associated(account: str) -> bytes:
    return b"passapp/key-slot/v1\0" + account.encode("utf-8")


def seal(secret: str, password: str, account: str) -> bytes:
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    sealed = AESGCM(_wrapping_key(password, salt)).encrypt(
        nonce, secret.encode("ascii"), _associated(account)
    )
    return SLOT_VERSION + salt + nonce + sealed


def open_slot(slot: bytes, password: str, account: str) -> str:
    if len(slot) < 1 + _SALT + _NONCE + 16 or slot[:1] != SLOT_VERSION:
        raise SlotError("damaged key slot")
    salt, nonce = slot[1 : 1 + _SALT], slot[1 + _SALT : 1 + _SALT + _NONCE]
    try:
        plain = AESGCM(_wrapping_key(password, salt)).decrypt(
            nonce, slot[1 + _SALT + _NONCE :], _associated(account)
        )
    except InvalidTag as error:
        raise SlotError("the password does not open this key slot") from error
    return plain.decode("ascii")

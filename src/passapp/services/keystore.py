"""Private keys in this database: made here, never exported, and encrypted: under the
key-store secret that every account's key slot opens at log-in (crypto/key_slots.py), or,
in an installation without accounts yet, under ``$PASSAPP_KEY_PASSPHRASE`` when set."""

from __future__ import annotations

import uuid

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.crypto import keys
from passapp.models.entities import Account, SigningKey
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused

KEYS_LOCKED = (
    "the office's keys are locked: log in with an account (--user NAME)",
    "Die Schlüssel der Dienststelle sind gesperrt: bitte mit einem Konto anmelden (--user NAME).",
)


def has_key_slots(session: Session) -> bool:
    """Whether the keys are under the accounts' key store (then nothing is stored plain)."""
    return (
        session.scalars(select(Account.id).where(Account.key_slot.is_not(None))).first() is not None
    )


def protect_keys(session: Session, secret: str, old_passphrase: str | None) -> int:
    """Encrypt every private key held here under ``secret`` (those stored plain, and those
    under ``old_passphrase``); how many were re-encrypted."""
    changed = 0
    for record in session.scalars(select(SigningKey).where(SigningKey.private_pem.is_not(None))):
        assert record.private_pem is not None
        passphrase = old_passphrase if record.encrypted else None
        if record.encrypted and passphrase == secret:
            continue
        private = keys.private_from_pem(record.private_pem, passphrase)
        record.private_pem = keys.private_to_pem(private, secret)
        record.encrypted = True
        changed += 1
    session.flush()
    return changed


def new_signing_key(
    ctx: ServiceContext, session: Session, office_id: uuid.UUID | None, purpose: str = "office"
) -> tuple[SigningKey, ec.EllipticCurvePrivateKey]:
    if ctx.passphrase is None and has_key_slots(session):
        raise Refused(*KEYS_LOCKED)  # never a plain key beside protected ones
    while True:
        private = keys.generate_key()
        public = keys.public_der(private)
        key_id = keys.key_id(public)
        # The QR names the key by a 16-bit id within its office: keep them distinct there.
        clash = session.scalars(
            select(SigningKey.id).where(
                SigningKey.office_id == office_id, SigningKey.key_id == key_id
            )
        ).first()
        if clash is None:
            break
    record = SigningKey(
        purpose=purpose,
        office_id=office_id,
        key_id=key_id,
        public_der=public,
        private_pem=keys.private_to_pem(private, ctx.passphrase),
        encrypted=ctx.passphrase is not None,
        status="pending",
    )
    session.add(record)
    session.flush()
    return record, private


def private_key_of(ctx: ServiceContext, record: SigningKey) -> ec.EllipticCurvePrivateKey:
    if record.private_pem is None:
        raise Refused("no private key for this key here", "Kein privater Schlüssel vorhanden.")
    try:
        return keys.private_from_pem(
            record.private_pem, ctx.passphrase if record.encrypted else None
        )
    except keys.WrongPassphraseError as error:
        if ctx.passphrase is None:
            raise Refused(*KEYS_LOCKED) from error
        raise Refused(str(error), error.message_de) from error

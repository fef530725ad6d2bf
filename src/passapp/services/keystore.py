"""Private keys in this database: made here, encrypted when a passphrase is set, never exported."""

from __future__ import annotations

import uuid

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.crypto import keys
from passapp.models.entities import SigningKey
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused


def new_signing_key(
    ctx: ServiceContext, session: Session, office_id: uuid.UUID | None, purpose: str = "office"
) -> tuple[SigningKey, ec.EllipticCurvePrivateKey]:
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
        raise Refused(str(error), error.message_de) from error

"""Verifying a scanned pass offline, and knowing other offices' passes as stubs.

``valid`` says whether the signature is good and its key trusted (from the trust list);
``status`` what this database and its trust list know of the pass. A pass of another
office becomes known locally (a stub keyed by its number, no holder data) the first time
an entry is logged against its verified QR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.crypto.passverify import PassVerification, verify_pass_qr
from passapp.domain.dates import PartialDate
from passapp.domain.ids import pass_id_for
from passapp.models.entities import Office, Pass
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.trust import current_trust_list

# A scanned QR is a long run of digits (DESIGN §5): nothing a person types by hand.
QR_TEXT = re.compile(r"^\s*\d{40,}\s*$")

REASONS_DE = {
    "ok": "gültig",
    "malformed": "kein gültiger Pass-QR-Code (unvollständig gelesen oder verändert)",
    "unknown_version": "unbekannte Version des QR-Codes",
    "unknown_key": "Schlüssel der ausstellenden Stelle unbekannt",
    "key_not_yet_valid": "Schlüssel war am Ausstellungstag noch nicht gültig",
    "key_expired": "Schlüssel war am Ausstellungstag nicht mehr gültig",
    "key_compromised": "Schlüssel der ausstellenden Stelle gesperrt",
    "bad_signature": "Signatur ungültig – Pass möglicherweise gefälscht",
    "no_trust_list": "keine Vertrauensliste eingespielt – bitte Zertifikatspaket installieren",
}
STATUS_DE = {
    "active": "gültig",
    "replaced": "ersetzt (Ersatzkarte ausgestellt)",
    "revoked": "eingezogen",
    "unknown": "unbekannt",
}


def looks_like_qr(text: str) -> bool:
    return bool(QR_TEXT.match(text))


@dataclass(frozen=True)
class VerificationView:
    result: PassVerification

    @property
    def accepted(self) -> bool:
        """Exit 0 of ``pass verify``: valid, not replaced or revoked, holder not contradicted."""
        return (
            self.result.valid
            and self.result.status in ("active", "unknown")
            and self.result.holder_matches is not False
        )

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "valid": r.valid,
            "reason": r.reason,
            "reason_de": REASONS_DE.get(r.reason, r.reason),
            "pass_number": r.pass_number,
            "status": r.status,
            "status_de": STATUS_DE.get(r.status, r.status),
            "office": r.office,
            "issued_on": None if r.issued_on is None else r.issued_on.isoformat(),
            "generation": r.generation,
            "holder_matches": r.holder_matches,
            "key_id": r.key_id,
            "trust_list": r.trust_list_number,
            "trust_list_issued_at": None
            if r.trust_list_issued_at is None
            else r.trust_list_issued_at.isoformat(),
        }


def verify(
    ctx: ServiceContext,
    text: str,
    *,
    holder: tuple[str, str, PartialDate] | None = None,
) -> VerificationView:
    with ctx.db.reading() as session:
        return VerificationView(_verify(ctx, session, text, holder))


def _verify(
    ctx: ServiceContext, session: Session, text: str, holder: tuple[str, str, PartialDate] | None
) -> PassVerification:
    result = verify_pass_qr(text.strip(), current_trust_list(session), holder=holder, now=ctx.now())
    if not result.valid or result.pass_number is None or result.generation is None:
        return result
    local = session.scalars(select(Pass).where(Pass.pass_number == result.pass_number)).first()
    if local is None:
        return result
    # What this database knows itself can only make the answer stricter.
    if local.status == "revoked":
        return replace(result, status="revoked")
    if result.generation < local.generation:
        return replace(result, status="replaced")
    if result.status == "unknown":
        return replace(result, status="active")
    return result


def pass_from_qr(ctx: ServiceContext, session: Session, text: str) -> Pass:
    """The local pass for a scanned QR, creating a stub for another office's pass."""
    result = _verify(ctx, session, text, None)
    if not result.valid:
        raise Refused(
            f"the scanned pass is not valid: {result.reason}",
            f"Der gescannte Pass ist ungültig: {REASONS_DE.get(result.reason, result.reason)}.",
        )
    if result.status in ("revoked", "replaced"):
        raise Refused(
            f"the scanned card is {result.status}",
            f"Die gescannte Karte ist {STATUS_DE[result.status]}.",
        )
    assert result.pass_number is not None
    assert result.office is not None
    assert result.generation is not None
    assert result.issued_on is not None
    record = session.scalars(select(Pass).where(Pass.pass_number == result.pass_number)).first()
    if record is not None:
        if record.is_stub and result.generation > record.generation:
            record.generation = result.generation
        return record
    office = session.scalars(select(Office).where(Office.code == result.office)).one()
    record = Pass(
        id=pass_id_for(result.pass_number),
        pass_number=result.pass_number,
        office_id=office.id,
        sequence=int(result.pass_number.split("-")[1]),
        person_id=None,
        generation=result.generation,
        status="active",
        issued_on=result.issued_on,
        issued_by="(QR)",
        is_stub=True,
    )
    session.add(record)
    session.flush()
    return record

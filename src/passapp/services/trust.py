"""Keys, enrolment and the trust list (DESIGN §6).

District: ``init_district`` makes the root key and certificate (and the district's own
issuing office), ``enrol_office`` turns an office's request into a certificate package,
``publish_trust_list`` signs the numbered list every office verifies against.
Office: ``write_request`` (also for a key rotation), ``install_file`` for a certificate
package or a trust list. Private keys never leave their database: requests, packages and
trust lists carry public keys and certificates only.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passapp.crypto import certificates, keys
from passapp.crypto.trustlist import (
    PassStatus,
    SignedTrustList,
    TrustedKey,
    TrustList,
    TrustListError,
    read_trust_list,
    sign_trust_list,
)
from passapp.domain.offices import OfficeKind
from passapp.domain.pass_number import MAX_SEQUENCE, validate_office_code
from passapp.domain.text import clean_text
from passapp.models.entities import Installation, Office, Pass, SigningKey, TrustListRecord
from passapp.models.identity import file_identity
from passapp.models.sync_entities import DatabaseOrigin
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotSetUp, Refused
from passapp.services.files import read_json_file, write_atomically
from passapp.services.keystore import new_signing_key, private_key_of
from passapp.services.offices import local_office
from passapp.services.reference import seed_reference_data

# An office key signs passes for about a year plus two months of overlap (DESIGN §6).
OFFICE_KEY_VALIDITY = dt.timedelta(days=365 + 61)
REQUEST_FORMAT = "passapp-office-request"
PACKAGE_FORMAT = "passapp-certificate-package"
TRUST_LIST_FORMAT = "passapp-trust-list"
FILE_VERSION = 1


@dataclass(frozen=True)
class DistrictInfo:
    code: str
    name: str
    fingerprint: str
    trust_list_number: int


@dataclass(frozen=True)
class EnrolmentResult:
    office_code: str
    key_id: int
    valid_until: dt.datetime
    fingerprint: str
    trust_list_number: int
    # Keys of the same office retired by ``replace_key`` (a re-installed office).
    retired_key_ids: tuple[int, ...] = ()
    # The highest pass sequence the district knows for the office, carried in the package.
    last_pass_sequence: int = 0


@dataclass(frozen=True)
class InstallResult:
    kind: str  # "certificate" or "trust_list"
    fingerprint: str
    trust_list_number: int | None
    key_id: int | None
    first_install: bool
    # After a certificate package: the sequence the office's next pass number gets.
    next_pass_sequence: int | None = None


# --- helpers -----------------------------------------------------------------------------


def installation(session: Session) -> Installation:
    found = session.get(Installation, 1)
    if found is None:
        raise NotSetUp(
            "this database is not set up; run `passapp office init` or `passapp district init`",
            "Diese Datenbank ist noch nicht eingerichtet.",
        )
    return found


def district_code(session: Session, setup: Installation | None = None) -> str | None:
    """The district office's code as this installation knows it: its own at the district,
    the enrolling district's at an office (None before enrolment). With the merge rule's
    owner it says who may change a record (``merge.Authority``)."""
    setup = setup or installation(session)
    if setup.role == "district":
        own = session.get(Office, setup.office_id)
        if own is not None:
            return own.code
    return setup.district_code


def require_district(session: Session) -> Installation:
    found = installation(session)
    if found.role != "district":
        raise Refused(
            "only the district office's database can do this",
            "Das kann nur die Datenbank des Landratsamts (Koordinierungsstelle).",
        )
    return found


def active_key(session: Session, office_id: uuid.UUID) -> SigningKey | None:
    return session.scalars(
        select(SigningKey)
        .where(
            SigningKey.office_id == office_id,
            SigningKey.status == "active",
            SigningKey.private_pem.is_not(None),
        )
        .order_by(SigningKey.valid_from.desc())
    ).first()


def signing_key_for_passes(
    ctx: ServiceContext, session: Session, office: Office
) -> tuple[SigningKey, ec.EllipticCurvePrivateKey]:
    """The office's certified key, or a clear message that enrolment is missing."""
    record = active_key(session, office.id)
    if record is None:
        raise Refused(
            f"office {office.code} is not enrolled yet: run `passapp office request`, have the district run "
            "`passapp district enrol`, then `passapp office install` the package",
            "Die Dienststelle ist noch nicht beim Landratsamt angemeldet (Zertifikat fehlt).",
        )
    now = ctx.now()
    if record.valid_until is not None and record.valid_until < now:
        raise Refused(
            f"the office key {record.key_id} expired on {record.valid_until:%Y-%m-%d}; request a new key",
            "Der Schlüssel der Dienststelle ist abgelaufen; bitte einen neuen beantragen.",
        )
    refuse_compromised_key(session, office)
    return record, private_key_of(ctx, record)


COMPROMISED_KEY_DE = (
    "Schlüssel ist als kompromittiert gemeldet: neuen Schlüssel beantragen "
    "(office request --new-key)"
)


def refuse_compromised_key(session: Session, office: Office) -> None:
    """Stop an office from signing passes or bundles with its own key once the district
    reported that key compromised: every other office refuses its signatures already.

    Reported is enough, whatever day the report names: a compromised key is not used
    again. The key's record says so: set by ``mark_key_compromised`` at the district, and
    copied from each installed trust list at an office (``_learn_own_compromises``), so
    the check does not read the whole list (with 20,000 passes listed: 180 ms)."""
    record = active_key(session, office.id)
    if record is None or record.compromised_after is None:
        return
    reported = record.compromised_after
    raise Refused(
        f"the office key {record.key_id} is reported compromised (from {reported:%Y-%m-%d}): "
        "request a new key with `passapp office request --new-key` and have the district "
        "enrol it",
        COMPROMISED_KEY_DE,
    )


# --- district ----------------------------------------------------------------------------


def init_district(ctx: ServiceContext, *, name: str, code: str) -> DistrictInfo:
    district_code = validate_office_code(code)
    name = clean_text("district.name", name)
    if not name:
        raise InvalidInput("the district needs a name", "Der Landkreis braucht einen Namen.")
    now = ctx.now()
    with ctx.db.transaction() as session:
        if session.get(Installation, 1) is not None:
            raise Refused(
                "this database is already set up", "Diese Datenbank ist bereits eingerichtet."
            )
        seed_reference_data(session)
        # The district office is an issuing office too (kind landratsamt).
        office = Office(code=district_code, name=name.strip(), kind=OfficeKind.LANDRATSAMT.value)
        session.add(office)
        session.flush()
        root_record, root_private = new_signing_key(ctx, session, None, "root")
        root_pem = certificates.make_root_certificate(
            root_private, name.strip(), district_code, now
        )
        root_record.certificate_pem = root_pem
        root_record.status = "active"
        root_record.valid_from = now
        fingerprint = keys.fingerprint(root_record.public_der)
        session.add(
            Installation(
                id=1,
                office_id=office.id,
                role="district",
                district_code=district_code,
                district_name=name.strip(),
                root_certificate=root_pem,
                root_fingerprint=fingerprint,
                file_identity=file_identity(ctx.db.engine),
            )
        )
        session.flush()
        office_record, office_private = new_signing_key(ctx, session, office.id)
        request = certificates.read_request(
            certificates.make_request(office_private, office.code, office.name, office.kind)
        )
        _certify(session, root_private, root_pem, office_record, request, now)
        number = publish_trust_list(ctx, session)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=district_code,
            action="district.init",
            object_type="installation",
            object_id=1,
            details={"root_fingerprint": fingerprint},
        )
        return DistrictInfo(district_code, name.strip(), fingerprint, number)


def _certify(
    session: Session,
    root_private: ec.EllipticCurvePrivateKey,
    root_pem: bytes,
    record: SigningKey,
    request: certificates.OfficeRequest,
    now: dt.datetime,
) -> bytes:
    serial = int(session.scalar(select(func.count()).select_from(SigningKey)) or 0) + 1000
    pem = certificates.issue_office_certificate(
        root_private, root_pem, request, now, now + OFFICE_KEY_VALIDITY, serial
    )
    record.certificate_pem = pem
    record.valid_from = now
    record.valid_until = now + OFFICE_KEY_VALIDITY
    record.status = "active"
    return pem


def _root(ctx: ServiceContext, session: Session) -> tuple[SigningKey, ec.EllipticCurvePrivateKey]:
    record = session.scalars(
        select(SigningKey).where(SigningKey.purpose == "root", SigningKey.private_pem.is_not(None))
    ).first()
    if record is None:
        raise Refused(
            "no district root key in this database",
            "Kein Stammschlüssel des Landkreises vorhanden.",
        )
    return record, private_key_of(ctx, record)


def _bind_database(
    session: Session, setup: Installation, database_id_text: object, code: str
) -> None:
    """The requesting office's database id is the office's from its enrolment on, so no
    other office's bundle can claim it first and block the office's changes (a bundle
    binds an unknown id to its signer). A request naming another office's database (a
    copied database set up anew) is refused."""
    if database_id_text is None:
        return  # a request file of an older version: bound by its first bundle
    try:
        database_id = uuid.UUID(str(database_id_text))
    except ValueError as error:
        raise InvalidInput(
            "the request's database id is not valid", "Die Anmeldung ist beschädigt."
        ) from error
    bound = session.get(DatabaseOrigin, database_id)
    owner = setup.district_code if database_id == setup.database_id else None
    owner = owner or (bound.office_code if bound is not None else None)
    if owner is None:
        session.add(DatabaseOrigin(database_id=database_id, office_code=code))
    elif owner != code:
        raise Refused(
            f"the request's database {database_id} belongs to {owner}; a copied database "
            "cannot be enrolled as another office",
            f"Die Datenbank dieser Anmeldung gehört bereits zu {owner}. Eine kopierte "
            "Datenbank kann nicht als andere Dienststelle angemeldet werden; bitte neu einrichten.",
        )


def read_office_request(
    request_path: Path,
) -> tuple[dict[str, Any], certificates.OfficeRequest]:
    """An office's request file, its own signature checked (a foreign or damaged file is
    refused)."""
    data = read_json_file(request_path, REQUEST_FORMAT)
    try:
        request = certificates.read_request(str(data["csr"]).encode())
    except (KeyError, certificates.RequestError) as error:
        raise InvalidInput(
            f"not a valid office request: {error}", "Keine gültige Anmeldung einer Dienststelle."
        ) from error
    return data, request


def enrol_office(
    ctx: ServiceContext, request_path: Path, out_path: Path, *, replace_key: bool = False
) -> EnrolmentResult:
    """Certify an office's key into a package. An office code is one office for life: a
    request for a code that has a live key is a key rotation only when that key vouches for
    the new one; otherwise it is refused, unless ``replace_key`` retires the live keys (the
    office's database was re-installed)."""
    data, request = read_office_request(request_path)
    code = validate_office_code(request.office_code)
    office_name = clean_text("office.name", request.office_name)  # from another office's file
    now = ctx.now()
    with ctx.db.transaction() as session:
        setup = require_district(session)
        _, root_private = _root(ctx, session)
        assert setup.root_certificate is not None
        office = session.scalars(select(Office).where(Office.code == code)).first()
        if office is None:
            office = Office(
                code=code,
                name=office_name,
                kind=request.office_kind,
                municipality_key=data.get("municipality_key"),
            )
            session.add(office)
            session.flush()
        elif office.id == setup.office_id:
            raise Refused(
                f"{code} is the district office's own code; its key is made with the district",
                f"Die Kennung {code} ist die des Landratsamts selbst.",
            )
        elif office.kind != request.office_kind:
            raise Refused(
                f"office code {code} is already enrolled as {office.kind}, the request says {request.office_kind}",
                f"Die Kennung {code} gehört bereits zu einer anderen Dienststelle.",
            )
        existing = session.scalars(
            select(SigningKey).where(SigningKey.public_der == request.public_der)
        ).first()
        if existing is not None:
            raise Refused(
                "this key is already enrolled", "Dieser Schlüssel ist bereits angemeldet."
            )
        _bind_database(session, setup, data.get("database_id"), code)
        retired = _settle_live_keys(
            ctx, session, office, request.public_der, data.get("endorsement"), replace_key
        )
        last_sequence = _last_pass_sequence(session, office)
        record = SigningKey(
            purpose="office",
            office_id=office.id,
            key_id=keys.key_id(request.public_der),
            public_der=request.public_der,
            status="pending",
        )
        session.add(record)
        session.flush()
        certificate = _certify(session, root_private, setup.root_certificate, record, request, now)
        number = publish_trust_list(ctx, session)
        signed = latest_signed_trust_list(session)
        package = {
            "format": PACKAGE_FORMAT,
            "version": FILE_VERSION,
            "district_code": setup.district_code,
            "district_name": setup.district_name,
            "root_fingerprint": setup.root_fingerprint,
            "root_certificate": setup.root_certificate.decode(),
            "certificate": certificate.decode(),
            "trust_list": trust_list_json(signed),
            "last_pass_sequence": last_sequence,
        }
        write_atomically(out_path, json.dumps(package, indent=2).encode())
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=setup.district_code,
            action="district.enrol",
            object_type="office",
            object_id=office.id,
            details={
                "office": code,
                "key_id": record.key_id,
                "trust_list": number,
                "retired_key_ids": [key.key_id for key in retired],
                "last_pass_sequence": last_sequence,
            },
        )
        assert record.valid_until is not None
        return EnrolmentResult(
            code,
            record.key_id,
            record.valid_until,
            setup.root_fingerprint or "",
            number,
            retired_key_ids=tuple(key.key_id for key in retired),
            last_pass_sequence=last_sequence,
        )


def live_keys(session: Session, office: Office, now: dt.datetime) -> list[SigningKey]:
    """The office's certified keys that may still sign: not retired, expired or compromised."""
    return [
        key
        for key in session.scalars(
            select(SigningKey).where(
                SigningKey.office_id == office.id,
                SigningKey.purpose == "office",
                SigningKey.status == "active",
                SigningKey.certificate_pem.is_not(None),
                SigningKey.compromised_after.is_(None),
            )
        )
        if key.valid_until is None or key.valid_until > now
    ]


def _settle_live_keys(
    ctx: ServiceContext,
    session: Session,
    office: Office,
    new_public_der: bytes,
    endorsement: object,
    replace_key: bool,
) -> list[SigningKey]:
    """Refuse a second database under a live office code, unless the admin retires its
    keys explicitly; a rotation vouched for by a live key passes. Returns the retired keys."""
    now = ctx.now()
    live = live_keys(session, office, now)
    if not live or any(endorses(key, new_public_der, endorsement) for key in live):
        return []
    if not replace_key:
        listed = ", ".join(
            f"key {k.key_id}, fingerprint {keys.fingerprint(k.public_der)}" for k in live
        )
        listed_de = ", ".join(keys.fingerprint(k.public_der) for k in live)
        raise Refused(
            f"office code {office.code} already has an active key ({listed}); a code is one "
            "office for life. If this office's database was re-installed, enrol again with "
            "--replace-key to retire the old key; for a new key of the running office use "
            "`passapp office request --new-key` there",
            f"Die Kennung {office.code} hat bereits einen gültigen Schlüssel (Fingerabdruck "
            f"{listed_de}). Wurde die Dienststelle neu installiert, erneut anmelden und dabei "
            "den alten Schlüssel stilllegen (Kommandozeile: --replace-key).",
        )
    for key in live:
        key.status = "retired"
        # Trusted for what it signed until now, for nothing later (DESIGN-NOTES, issue 9);
        # a trust list needs a period, even for a key retired in the second it was made.
        assert key.valid_from is not None
        key.valid_until = max(now, key.valid_from + dt.timedelta(seconds=1))
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="district.key_retired",
            object_type="signing_key",
            object_id=key.id,
            details={"key_id": key.key_id, "fingerprint": keys.fingerprint(key.public_der)},
        )
    return live


def endorses(key: SigningKey, new_public_der: bytes, endorsement: object) -> bool:
    if not isinstance(endorsement, dict) or endorsement.get("key_id") != key.key_id:
        return False
    try:
        signature = base64.b64decode(str(endorsement.get("signature")), validate=True)
    except ValueError:
        return False
    return certificates.endorsement_is_valid(key.public_der, new_public_der, signature)


def _last_pass_sequence(session: Session, office: Office) -> int:
    """The highest pass sequence of this office the district holds (passes and stubs)."""
    return int(
        session.scalar(select(func.max(Pass.sequence)).where(Pass.office_id == office.id)) or 0
    )


def publish_trust_list(ctx: ServiceContext, session: Session) -> int:
    """Sign the next trust list from what this district database knows now."""
    setup = require_district(session)
    _, root_private = _root(ctx, session)
    number = int(session.scalar(select(func.max(TrustListRecord.number))) or 0) + 1
    offices = {o.id: o.code for o in session.scalars(select(Office))}
    trusted = [
        TrustedKey(
            office_code=offices[k.office_id],
            key_id=k.key_id,
            public_der=k.public_der,
            valid_from=k.valid_from,
            valid_until=k.valid_until,
            compromised_after=k.compromised_after,
        )
        for k in session.scalars(
            select(SigningKey).where(
                SigningKey.purpose == "office", SigningKey.certificate_pem.is_not(None)
            )
        )
        if k.office_id is not None and k.valid_from is not None and k.valid_until is not None
    ]
    passes = {
        p.pass_number: PassStatus(
            lowest_valid_generation=p.generation,
            revoked=p.status == "revoked",
            revoked_on=p.revoked_on,
        )
        for p in session.scalars(
            select(Pass).where((Pass.status == "revoked") | (Pass.generation > 0))
        )
    }
    trust_list = TrustList(
        number=number,
        issued_at=ctx.now(),
        district_code=setup.district_code or "",
        root_fingerprint=setup.root_fingerprint or "",
        keys=trusted,
        passes=passes,
    )
    signed = sign_trust_list(trust_list, root_private)
    session.add(
        TrustListRecord(
            number=number,
            issued_at=trust_list.issued_at,
            document=signed.document,
            signature=signed.signature,
        )
    )
    session.flush()
    return number


def latest_trust_list_record(session: Session) -> TrustListRecord | None:
    """The newest trust list this database holds (received, or at the district published)."""
    return session.scalars(select(TrustListRecord).order_by(TrustListRecord.number.desc())).first()


def latest_signed_trust_list(session: Session) -> SignedTrustList:
    record = latest_trust_list_record(session)
    if record is None:
        raise NotSetUp("no trust list installed yet", "Noch keine Vertrauensliste vorhanden.")
    return SignedTrustList(document=record.document, signature=record.signature)


def trust_list_json(signed: SignedTrustList) -> dict[str, str]:
    return {
        "document": base64.b64encode(signed.document).decode(),
        "signature": base64.b64encode(signed.signature).decode(),
    }


def export_trust_list(ctx: ServiceContext, out_path: Path) -> int:
    """Sign the next trust list and write it for the offices."""
    with ctx.db.transaction() as session:
        setup = require_district(session)
        number = publish_trust_list(ctx, session)
        signed = latest_signed_trust_list(session)
        payload = {
            "format": TRUST_LIST_FORMAT,
            "version": FILE_VERSION,
            "district_code": setup.district_code,
            "root_fingerprint": setup.root_fingerprint,
            "trust_list": trust_list_json(signed),
        }
        write_atomically(out_path, json.dumps(payload, indent=2).encode())
        return number


def mark_key_compromised(
    ctx: ServiceContext,
    office_code: str,
    key_id: int,
    after: dt.datetime,
    reason: str | None = None,
) -> int:
    """Refuse the key's signatures on passes from ``after`` on; ``reason`` goes into the
    audit log (why the district believes the key is lost)."""
    reason = clean_text("key.compromised_reason", reason).strip() if reason else None
    with ctx.db.transaction() as session:
        require_district(session)
        office = session.scalars(
            select(Office).where(Office.code == validate_office_code(office_code))
        ).first()
        record = (
            None
            if office is None
            else session.scalars(
                select(SigningKey).where(
                    SigningKey.office_id == office.id, SigningKey.key_id == key_id
                )
            ).first()
        )
        if record is None:
            raise InvalidInput(
                f"no key {key_id} of office {office_code}",
                f"Kein Schlüssel {key_id} der Dienststelle {office_code}.",
            )
        reported = record.compromised_after
        if reported is not None and after >= reported:
            # A later moment would trust again what was signed in between.
            raise Refused(
                f"key {key_id} of {office_code} is reported compromised from "
                f"{reported:%Y-%m-%d %H:%M} already; a report can only be moved earlier",
                f"Schlüssel {key_id} der Dienststelle {office_code} ist bereits ab "
                f"{reported.astimezone():%d.%m.%Y %H:%M} als kompromittiert gemeldet; eine "
                "Meldung kann nur "
                "vorverlegt werden.",
            )
        record.compromised_after = after
        number = publish_trust_list(ctx, session)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office_code,
            action="district.key_compromised",
            object_type="signing_key",
            object_id=record.id,
            details={
                "key_id": key_id,
                "after": after.isoformat(),
                "trust_list": number,
                "reason": reason,
            },
        )
        return number


# --- office ------------------------------------------------------------------------------


def write_request(ctx: ServiceContext, out_path: Path, *, new_key: bool = False) -> int:
    """Write the enrolment request; ``new_key`` starts a key rotation."""
    with ctx.db.transaction() as session:
        office = local_office(session)
        setup = installation(session)
        pending = session.scalars(
            select(SigningKey).where(
                SigningKey.office_id == office.id, SigningKey.status == "pending"
            )
        ).first()
        if pending is None or new_key:
            if pending is None and active_key(session, office.id) is not None and not new_key:
                raise Refused(
                    "this office is enrolled already; use --new-key to request a new key",
                    "Die Dienststelle ist bereits angemeldet; für einen neuen Schlüssel --new-key.",
                )
            if pending is not None:
                session.delete(pending)
                session.flush()
            pending, private = new_signing_key(ctx, session, office.id)
        else:
            private = private_key_of(ctx, pending)
        csr = certificates.make_request(private, office.code, office.name, office.kind)
        current = active_key(session, office.id)
        endorsement = (
            None
            if current is None or current.certificate_pem is None
            else {
                "key_id": current.key_id,
                "signature": base64.b64encode(
                    certificates.endorse_new_key(private_key_of(ctx, current), pending.public_der)
                ).decode(),
            }
        )
        payload = {
            "format": REQUEST_FORMAT,
            "version": FILE_VERSION,
            "office_code": office.code,
            "office_name": office.name,
            "office_kind": office.kind,
            "municipality_key": office.municipality_key,
            "database_id": str(setup.database_id),
            "key_id": pending.key_id,
            "fingerprint": keys.fingerprint(pending.public_der),
            "created_at": ctx.now().isoformat(),
            "csr": csr.decode(),
            # A rotation: the enrolled key vouches for the new one (see enrol_office).
            "endorsement": endorsement,
        }
        write_atomically(out_path, json.dumps(payload, indent=2).encode())
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="office.request",
            object_type="signing_key",
            object_id=pending.id,
            details={"key_id": pending.key_id},
        )
        return pending.key_id


def install_file(ctx: ServiceContext, path: Path) -> InstallResult:
    """Install a certificate package or a trust list from the district."""
    data = read_json_file(path, PACKAGE_FORMAT, TRUST_LIST_FORMAT)
    with ctx.db.transaction() as session:
        setup = installation(session)
        first = setup.root_certificate is None
        key_id = next_sequence = None
        if data["format"] == PACKAGE_FORMAT:
            root_pem = str(data["root_certificate"]).encode()
            _accept_root(setup, root_pem)
            key_id = _install_certificate(session, setup, str(data["certificate"]).encode())
            next_sequence = _continue_pass_numbers(session, data.get("last_pass_sequence", 0))
            setup.district_code = data.get("district_code")
            setup.district_name = data.get("district_name")
        elif setup.root_certificate is None:
            raise Refused(
                "install the certificate package first; a trust list alone cannot be checked",
                "Bitte zuerst das Zertifikatspaket einspielen.",
            )
        number = install_trust_list(ctx, session, data["trust_list"])
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=None,
            action="office.install",
            object_type="trust_list",
            object_id=number,
            details={
                "format": data["format"],
                "key_id": key_id,
                "next_pass_sequence": next_sequence,
            },
        )
        return InstallResult(
            kind="certificate" if key_id is not None else "trust_list",
            fingerprint=setup.root_fingerprint or "",
            trust_list_number=number,
            key_id=key_id,
            first_install=first,
            next_pass_sequence=next_sequence,
        )


def _continue_pass_numbers(session: Session, last_known: object) -> int:
    """A re-installed office goes on after the highest number the district knows of it,
    so it never hands out a number twice; the sequence never goes down."""
    if type(last_known) is not int or not 0 <= last_known <= MAX_SEQUENCE:
        raise Refused(
            f"the package names an impossible last pass sequence {last_known!r}",
            "Das Zertifikatspaket ist beschädigt (letzte Passnummer ungültig).",
        )
    office = local_office(session)
    office.next_sequence = max(office.next_sequence, last_known + 1)
    session.flush()
    return office.next_sequence


def _accept_root(setup: Installation, root_pem: bytes) -> None:
    info = certificates.read_certificate(root_pem)
    fingerprint = keys.fingerprint(info.public_der)
    if setup.root_certificate is None:
        # First contact: trusted on first use; the admin compares the fingerprint by phone.
        setup.root_certificate = root_pem
        setup.root_fingerprint = fingerprint
    elif setup.root_fingerprint != fingerprint:
        raise Refused(
            f"the package is signed by another district key ({fingerprint}) than the installed one ({setup.root_fingerprint})",
            "Das Paket stammt von einem anderen Landkreis-Schlüssel als dem eingerichteten.",
        )


def _install_certificate(session: Session, setup: Installation, certificate_pem: bytes) -> int:
    assert setup.root_certificate is not None
    if not certificates.verify_certificate(certificate_pem, setup.root_certificate):
        raise Refused(
            "the certificate was not issued by the district key",
            "Das Zertifikat stammt nicht vom Landkreis.",
        )
    info = certificates.read_certificate(certificate_pem)
    office = local_office(session)
    if info.office_code != office.code:
        raise Refused(
            f"the certificate is for office {info.office_code}, this is {office.code}",
            f"Das Zertifikat gehört zur Dienststelle {info.office_code}.",
        )
    record = session.scalars(
        select(SigningKey).where(
            SigningKey.public_der == info.public_der, SigningKey.office_id == office.id
        )
    ).first()
    if record is None or record.private_pem is None:
        raise Refused(
            "the certificate does not belong to a key of this database",
            "Das Zertifikat passt zu keinem Schlüssel dieser Datenbank.",
        )
    for previous in session.scalars(
        select(SigningKey).where(
            SigningKey.office_id == office.id,
            SigningKey.status == "active",
            SigningKey.id != record.id,
        )
    ):
        previous.status = "retired"  # stays trusted for the passes it signed
    record.certificate_pem = certificate_pem
    record.valid_from = info.not_before
    record.valid_until = info.not_after
    record.status = "active"
    session.flush()
    return record.key_id


def install_trust_list(
    ctx: ServiceContext, session: Session, payload: dict[str, str], *, older_is_stale: bool = False
) -> int:
    """Install a signed trust list and return the number in force afterwards.

    An older list than the installed one is refused when an admin installs it by hand; in a
    sync bundle (``older_is_stale``) it only means the bundle was delivered late, and the
    newer list stays in force while the rest of the bundle is applied."""
    setup = installation(session)
    assert setup.root_certificate is not None
    root_public = certificates.read_certificate(setup.root_certificate).public_der
    try:
        document = base64.b64decode(payload["document"], validate=True)
        signature = base64.b64decode(payload["signature"], validate=True)
        trust_list = read_trust_list(document, signature, root_public)
    except (KeyError, ValueError, TrustListError) as error:
        message_de = getattr(error, "message_de", "Die Vertrauensliste ist ungültig.")
        raise Refused(f"trust list refused: {error}", message_de) from error
    current = latest_trust_list_record(session)
    if current is not None and trust_list.number < current.number:
        if older_is_stale:
            return current.number
        raise Refused(
            f"trust list {trust_list.number} is older than the installed list {current.number}",
            f"Die Vertrauensliste Nr. {trust_list.number} ist älter als die eingespielte Nr. {current.number}.",
        )
    if current is not None and trust_list.number == current.number:
        return current.number  # the same list again: nothing to do
    session.add(
        TrustListRecord(
            number=trust_list.number,
            issued_at=trust_list.issued_at,
            document=document,
            signature=signature,
        )
    )
    _learn_offices(session, trust_list)
    _learn_own_compromises(session, setup, trust_list)
    session.flush()
    return trust_list.number


def _learn_offices(session: Session, trust_list: TrustList) -> None:
    """Other offices become known by code so their passes can be kept as stubs."""
    known = {o.code: o for o in session.scalars(select(Office))}
    for key in trust_list.keys:
        office = known.get(key.office_code)
        if office is None:
            office = Office(code=key.office_code, name=key.office_code, kind="unbekannt")
            session.add(office)
            session.flush()
            known[key.office_code] = office


def _learn_own_compromises(session: Session, setup: Installation, trust_list: TrustList) -> None:
    """The district reported one of this office's own keys compromised: note it on the key,
    which then signs nothing more here (``refuse_compromised_key``). Never taken back."""
    office = None if setup.office_id is None else session.get(Office, setup.office_id)
    if office is None:
        return
    for record in session.scalars(
        select(SigningKey).where(
            SigningKey.office_id == office.id, SigningKey.compromised_after.is_(None)
        )
    ):
        listed = trust_list.key_for(office.code, record.key_id)
        if listed is not None and listed.public_der == record.public_der:
            record.compromised_after = listed.compromised_after


def current_trust_list(session: Session) -> TrustList | None:
    setup = session.get(Installation, 1)
    record = latest_trust_list_record(session)
    if setup is None or setup.root_certificate is None or record is None:
        return None
    root_public = certificates.read_certificate(setup.root_certificate).public_der
    return read_trust_list(record.document, record.signature, root_public)

"""Setting up this database's own office."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.offices import OfficeKind
from passapp.domain.pass_number import validate_office_code
from passapp.domain.text import clean_text
from passapp.models.entities import Installation, Office
from passapp.models.identity import file_identity
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotSetUp, Refused
from passapp.services.keystore import new_signing_key
from passapp.services.reference import municipality_by_name_or_key, seed_reference_data


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    id: uuid.UUID
    code: str
    name: str
    kind: str
    municipality_key: str | None
    database_id: uuid.UUID
    # The district office's database enrols offices and sends bundles to all of them.
    is_district: bool = False
    district_code: str | None = None  # where this database's bundles go (the district)


def init_office(
    ctx: ServiceContext, *, code: str, name: str, kind: str, municipality: str | None = None
) -> OfficeInfo:
    office_code = validate_office_code(code)
    name = clean_text("office.name", name)
    if not name:
        raise InvalidInput("the office needs a name", "Die Dienststelle braucht einen Namen.")
    try:
        office_kind = OfficeKind(kind.strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in OfficeKind)
        raise InvalidInput(
            f"unknown office kind {kind!r}; allowed: {allowed}",
            f"Unbekannte Art der Dienststelle „{kind}“; erlaubt: {allowed}.",
        ) from None
    with ctx.db.transaction() as session:
        seed_reference_data(session)
        installation = session.get(Installation, 1)
        if installation is not None and installation.office_id is not None:
            existing = session.get(Office, installation.office_id)
            raise Refused(
                f"this database already belongs to office {existing.code if existing else '?'}",
                "Diese Datenbank gehört bereits zu einer Dienststelle.",
            )
        municipality_key = None
        if municipality:
            found = municipality_by_name_or_key(session, municipality)
            if found is None:
                raise InvalidInput(
                    f"unknown municipality {municipality!r} (name or 8-digit key of the district)",
                    f"Unbekannte Gemeinde „{municipality}“.",
                )
            municipality_key = found.key
        if session.scalars(select(Office).where(Office.code == office_code)).first():
            raise Refused(
                f"office code {office_code} is already known in this database",
                f"Die Kennung {office_code} ist bereits vergeben.",
            )
        office = Office(
            code=office_code,
            name=name.strip(),
            kind=office_kind.value,
            municipality_key=municipality_key,
        )
        session.add(office)
        session.flush()
        if installation is None:
            installation = Installation(id=1, file_identity=file_identity(ctx.db.engine))
            session.add(installation)
        installation.office_id = office.id
        session.flush()
        # The office's own signing key, made here and never exported; it signs passes once
        # the district has certified it (office request → district enrol → office install).
        new_signing_key(ctx, session, office.id)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office_code,
            action="office.init",
            object_type="office",
            object_id=office.id,
            details={"kind": office_kind.value, "municipality_key": municipality_key},
        )
        return _info(office, installation)


def _info(office: Office, installation: Installation) -> OfficeInfo:
    return OfficeInfo(
        id=office.id,
        code=office.code,
        name=office.name,
        kind=office.kind,
        municipality_key=office.municipality_key,
        database_id=installation.database_id,
        is_district=installation.role == "district",
        district_code=installation.district_code,
    )


def local_office(session: Session) -> Office:
    """The office this database belongs to, or a clear error telling how to set it up."""
    installation = session.get(Installation, 1)
    office = (
        session.get(Office, installation.office_id)
        if installation is not None and installation.office_id is not None
        else None
    )
    if office is None:
        raise NotSetUp(
            "no office is set up in this database; run `passapp office init --code … --name … --kind … --admin NAME`",
            "In dieser Datenbank ist noch keine Dienststelle eingerichtet.",
        )
    return office


def current_office(ctx: ServiceContext) -> OfficeInfo | None:
    with ctx.db.reading() as session:
        installation = session.get(Installation, 1)
        if installation is None or installation.office_id is None:
            return None
        office = session.get(Office, installation.office_id)
        return None if office is None else _info(office, installation)

"""The district's view of its offices (issue 11): who is enrolled with which keys, when
each last sent a bundle, and which have gone *silent*.

An office is silent when no bundle of it has arrived for longer than a district setting
(``silent_office_days``, default 30 days); one that never sent a bundle counts from its
enrolment. The district's own office sends no bundles to itself and is never silent.
Everything here reads; the setting and the preview of a request file are the district
admin's (Desk ``list_offices``, ``set_silent_days``, ``preview_enrolment``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passapp.crypto import keys
from passapp.models.entities import Municipality, Office, Setting, SigningKey
from passapp.models.sync_entities import BundleReceipt, PeerState
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.reference import office_kind_labels
from passapp.services.trust import endorses, live_keys, read_office_request, require_district

SILENT_DAYS_KEY = "silent_office_days"
DEFAULT_SILENT_DAYS = 30
# A week at the least (bundles go by USB stick), a year at the most.
SILENT_DAYS_LIMITS = range(7, 366)


@dataclass(frozen=True, slots=True)
class OfficeKeyView:
    key_id: int
    fingerprint: str
    status: str  # "pending", "active" or "retired"
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    compromised_after: dt.datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "valid_from": _iso(self.valid_from),
            "valid_until": _iso(self.valid_until),
            "compromised_after": _iso(self.compromised_after),
        }


@dataclass(frozen=True, slots=True)
class OfficeRow:
    code: str
    name: str
    kind: str
    kind_de: str
    municipality_key: str | None
    municipality: str | None
    keys: tuple[OfficeKeyView, ...]
    enrolled_on: dt.datetime | None
    last_bundle_at: dt.datetime | None  # when its newest bundle was imported here
    bundles_received: int
    silent: bool
    days_without_bundle: int | None  # since the last bundle, else since enrolment
    is_district: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "municipality_key": self.municipality_key,
            "municipality": self.municipality,
            "keys": [key.to_json() for key in self.keys],
            "enrolled_on": _iso(self.enrolled_on),
            "last_bundle_at": _iso(self.last_bundle_at),
            "bundles_received": self.bundles_received,
            "silent": self.silent,
            "days_without_bundle": self.days_without_bundle,
            "is_district": self.is_district,
        }


@dataclass(frozen=True, slots=True)
class OfficeList:
    offices: tuple[OfficeRow, ...]
    silent_after_days: int

    def to_json(self) -> dict[str, Any]:
        return {
            "silent_after_days": self.silent_after_days,
            "offices": [office.to_json() for office in self.offices],
        }


@dataclass(frozen=True, slots=True)
class EnrolmentPreview:
    """What an office's request file says, for the admin to compare by phone before the
    certificate package is written."""

    office_code: str
    office_name: str
    kind: str
    kind_de: str
    municipality: str | None
    key_id: int
    fingerprint: str
    # The code is enrolled already: the fingerprints of its keys that may still sign.
    live_fingerprints: tuple[str, ...]
    # A live key of the office vouches for the new one (a key renewal): no retiring needed.
    renewal: bool


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


# --- the setting ---------------------------------------------------------------------------


def silent_days(session: Session) -> int:
    stored = session.get(Setting, SILENT_DAYS_KEY)
    days = None if stored is None else stored.value.get("days")
    valid = isinstance(days, int) and not isinstance(days, bool) and days in SILENT_DAYS_LIMITS
    return days if valid and isinstance(days, int) else DEFAULT_SILENT_DAYS


def set_silent_days(ctx: ServiceContext, days: int) -> int:
    """After how many days without a bundle an office counts as silent (district)."""
    if isinstance(days, bool) or not isinstance(days, int) or days not in SILENT_DAYS_LIMITS:
        low, high = SILENT_DAYS_LIMITS.start, SILENT_DAYS_LIMITS.stop - 1
        raise InvalidInput(
            f"the days without a bundle must be {low} to {high}",
            f"Die Frist ohne Paket muss {low} bis {high} Tage betragen.",
        )
    with ctx.db.transaction() as session:
        setup = require_district(session)
        stored = session.get(Setting, SILENT_DAYS_KEY)
        if stored is None:
            session.add(Setting(key=SILENT_DAYS_KEY, value={"days": days}))
        else:
            stored.value = {"days": days}
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=setup.district_code,
            action="district.silent_days",
            object_type="setting",
            object_id=SILENT_DAYS_KEY,
            details={"days": days},
        )
    return days


# --- the list ------------------------------------------------------------------------------


def list_offices(ctx: ServiceContext) -> OfficeList:
    """Every office this district knows, by code, with its keys and its last bundle."""
    now = ctx.now()
    with ctx.db.reading() as session:
        setup = require_district(session)
        days = silent_days(session)
        keys_of = _keys_by_office(session)
        counts = {
            peer: int(count)
            for peer, count in session.execute(
                select(BundleReceipt.peer, func.count(BundleReceipt.bundle_id))
                .where(BundleReceipt.direction == "in")
                .group_by(BundleReceipt.peer)
            )
        }
        # The import stamps the peer with the service clock (a receipt's processed_at is
        # the database's wall clock).
        last_import = {
            peer.office_code: peer.last_import_at for peer in session.scalars(select(PeerState))
        }
        places = dict(session.execute(select(Municipality.key, Municipality.name)).all())
        labels = office_kind_labels()
        rows = []
        for office in session.scalars(select(Office).order_by(Office.code)):
            office_keys = keys_of.get(office.id, [])
            count = counts.get(office.code, 0)
            last = last_import.get(office.code) if count else None
            rows.append(
                _row(
                    office,
                    office_keys,
                    count,
                    last,
                    is_district=office.id == setup.office_id,
                    now=now,
                    days=days,
                    kind_de=labels[office.kind].label_de if office.kind in labels else office.kind,
                    municipality=places.get(office.municipality_key or ""),
                )
            )
        return OfficeList(tuple(rows), days)


def _keys_by_office(session: Session) -> dict[Any, list[SigningKey]]:
    found: dict[Any, list[SigningKey]] = defaultdict(list)
    for key in session.scalars(
        select(SigningKey)
        .where(SigningKey.purpose == "office")
        .order_by(SigningKey.valid_from, SigningKey.created_at)
    ):
        found[key.office_id].append(key)
    return found


def _row(
    office: Office,
    office_keys: list[SigningKey],
    count: int,
    last: dt.datetime | None,
    *,
    is_district: bool,
    now: dt.datetime,
    days: int,
    kind_de: str,
    municipality: str | None,
) -> OfficeRow:
    certified = [key.valid_from for key in office_keys if key.valid_from is not None]
    enrolled_on = min(certified) if certified else None
    since = last or enrolled_on
    quiet_days = None if since is None or is_district else (now - since).days
    return OfficeRow(
        code=office.code,
        name=office.name,
        kind=office.kind,
        kind_de=kind_de,
        municipality_key=office.municipality_key,
        municipality=municipality,
        keys=tuple(_key_view(key) for key in office_keys),
        enrolled_on=enrolled_on,
        last_bundle_at=last,
        bundles_received=count,
        silent=quiet_days is not None and quiet_days > days,
        days_without_bundle=quiet_days,
        is_district=is_district,
    )


def _key_view(key: SigningKey) -> OfficeKeyView:
    return OfficeKeyView(
        key_id=key.key_id,
        fingerprint=keys.fingerprint(key.public_der),
        status=key.status,
        valid_from=key.valid_from,
        valid_until=key.valid_until,
        compromised_after=key.compromised_after,
    )


# --- a request file, before it is signed ---------------------------------------------------


def preview_enrolment(ctx: ServiceContext, request_path: Path) -> EnrolmentPreview:
    """Read an office's request file (its own signature checked) and say what enrolling it
    would do; nothing is written. A foreign or damaged file is refused in German."""
    data, request = read_office_request(request_path)
    with ctx.db.reading() as session:
        require_district(session)
        office = session.scalars(select(Office).where(Office.code == request.office_code)).first()
        live = [] if office is None else live_keys(session, office, ctx.now())
        place = data.get("municipality_key")
        found = session.get(Municipality, place) if isinstance(place, str) else None
        municipality = None if found is None else found.name
    labels = office_kind_labels()
    kind = request.office_kind
    return EnrolmentPreview(
        office_code=request.office_code,
        office_name=request.office_name,
        kind=kind,
        kind_de=labels[kind].label_de if kind in labels else kind,
        municipality=municipality,
        key_id=keys.key_id(request.public_der),
        fingerprint=request.fingerprint,
        live_fingerprints=tuple(keys.fingerprint(key.public_der) for key in live),
        renewal=any(endorses(key, request.public_der, data.get("endorsement")) for key in live),
    )

"""The district's numbered, signed trust list (DESIGN §6).

It says which office keys are trusted for which passes (validity period, and for a
compromised key the moment after which its signatures are refused) and, per replaced or
revoked pass, the lowest valid generation. Every office verifies passes offline against it.

Document: canonical JSON, i.e. UTF-8, keys sorted, no whitespace, public keys as base64 of
their DER, datetimes as ISO 8601 in UTC, dates as ``YYYY-MM-DD``, the key list sorted by
(office code, key id, key). The signature (raw ECDSA P-256 ``r‖s`` by the root key) covers
``b"passapp/trustlist/v1\\x00"`` + the document bytes.

Reading is strict: the signature is checked before the document is parsed, and a document
is accepted only if it is exactly the canonical encoding of what was read. That refuses
duplicate JSON keys, unknown fields and any second spelling of the same content, so every
installation reads a signed list the same way.

Keeping the highest list number seen ("never go back to a lower number") is the caller's
job: it needs the stored state, and this module is pure.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric import ec

from passapp.crypto.certificates import CertificateInfo
from passapp.crypto.errors import KeyFormatError, TrustListError
from passapp.crypto.keys import fingerprint, key_id, load_public_key, public_der
from passapp.crypto.signing import sign, verify
from passapp.domain.errors import InputError
from passapp.domain.pass_number import PassNumber, validate_office_code
from passapp.domain.qr import MAX_GENERATION

__all__ = [
    "SIGNED_PREFIX",
    "TRUST_LIST_FORMAT",
    "TRUST_LIST_VERSION",
    "PassStatus",
    "SignedTrustList",
    "TrustList",
    "TrustListError",
    "TrustedKey",
    "read_trust_list",
    "sign_trust_list",
    "trust_list_document",
]

TRUST_LIST_FORMAT: Final = "passapp-trustlist"
TRUST_LIST_VERSION: Final = 1
# Domain separation: the root key also signs certificates; the prefix makes sure a
# signature over a trust list can never pass for one over anything else.
SIGNED_PREFIX: Final = b"passapp/trustlist/v1\x00"


@dataclass(frozen=True, slots=True)
class TrustedKey:
    """An office key and the passes it may sign.

    A pass is accepted if its issue date lies in [valid_from, valid_until] and, for a
    compromised key, before ``compromised_after``. The pass's issue date counts, not today:
    a retired key stays valid for the passes issued while it was in use.
    """

    office_code: str
    key_id: int
    public_der: bytes
    valid_from: dt.datetime
    valid_until: dt.datetime
    compromised_after: dt.datetime | None = None

    @classmethod
    def from_certificate(
        cls, info: CertificateInfo, compromised_after: dt.datetime | None = None
    ) -> TrustedKey:
        """The trust-list entry for an office certificate: its key and validity period."""
        return cls(
            office_code=info.office_code,
            key_id=key_id(info.public_der),
            public_der=info.public_der,
            valid_from=info.not_before,
            valid_until=info.not_after,
            compromised_after=compromised_after,
        )


@dataclass(frozen=True, slots=True)
class PassStatus:
    """What the district knows about one pass number."""

    lowest_valid_generation: int = 0
    revoked: bool = False
    revoked_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class TrustList:
    number: int
    issued_at: dt.datetime
    district_code: str
    root_fingerprint: str
    keys: list[TrustedKey]
    passes: dict[str, PassStatus]

    def key_for(self, office_code: str, key_id: int) -> TrustedKey | None:
        """The key of this office with this key id, if trusted at all.

        Looked up by office *and* id: the 16-bit id alone may collide between offices, and a
        key must never vouch for a pass that claims another office.
        """
        for key in self.keys:
            if key.office_code == office_code and key.key_id == key_id:
                return key
        return None


@dataclass(frozen=True, slots=True)
class SignedTrustList:
    document: bytes
    signature: bytes


# --- writing ------------------------------------------------------------------------------


def _utc_text(moment: dt.datetime, what: str) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TrustListError(
            f"{what} must be timezone-aware",
            f"Zeitangabe {what} ohne Zeitzone in der Vertrauensliste.",
        )
    return moment.astimezone(dt.UTC).isoformat()


def _key_entry(key: TrustedKey) -> dict[str, Any]:
    return {
        "office_code": key.office_code,
        "key_id": key.key_id,
        "public_key": base64.b64encode(key.public_der).decode("ascii"),
        "valid_from": _utc_text(key.valid_from, "valid_from"),
        "valid_until": _utc_text(key.valid_until, "valid_until"),
        "compromised_after": None
        if key.compromised_after is None
        else _utc_text(key.compromised_after, "compromised_after"),
    }


def _pass_entry(status: PassStatus) -> dict[str, Any]:
    return {
        "lowest_valid_generation": status.lowest_valid_generation,
        "revoked": status.revoked,
        "revoked_on": None if status.revoked_on is None else status.revoked_on.isoformat(),
    }


def _encode(tl: TrustList) -> bytes:
    keys = sorted(tl.keys, key=lambda k: (k.office_code, k.key_id, k.public_der))
    content = {
        "format": TRUST_LIST_FORMAT,
        "version": TRUST_LIST_VERSION,
        "number": tl.number,
        "issued_at": _utc_text(tl.issued_at, "issued_at"),
        "district_code": tl.district_code,
        "root_fingerprint": tl.root_fingerprint,
        "keys": [_key_entry(key) for key in keys],
        "passes": {number: _pass_entry(status) for number, status in tl.passes.items()},
    }
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def trust_list_document(tl: TrustList) -> bytes:
    """The canonical JSON document of a trust list (checked, as signed)."""
    _check(tl)
    return _encode(tl)


def sign_trust_list(tl: TrustList, root_key: ec.EllipticCurvePrivateKey) -> SignedTrustList:
    """Sign a trust list with the district's root key.

    Refuses a list whose ``root_fingerprint`` is not this key's: offices would reject it.
    """
    document = trust_list_document(tl)
    if tl.root_fingerprint != fingerprint(public_der(root_key)):
        raise TrustListError(
            "root_fingerprint does not match the signing root key",
            "Der Fingerabdruck in der Vertrauensliste passt nicht zum Schlüssel des Landkreises.",
        )
    return SignedTrustList(document, sign(root_key, SIGNED_PREFIX + document))


# --- checking -----------------------------------------------------------------------------


def _bad(detail: str) -> TrustListError:
    return TrustListError(
        f"trust list is malformed: {detail}",
        f"Die Vertrauensliste ist fehlerhaft: {detail}",
    )


def _is_int(value: object, low: int, high: int | None = None) -> bool:
    # type() rather than isinstance(): bool is an int subclass and true must not count as 1.
    return type(value) is int and value >= low and (high is None or value <= high)


def _check(tl: TrustList) -> None:
    """Everything a trust list must satisfy, on the writing and on the reading side."""
    if not _is_int(tl.number, 1):
        raise _bad(f"number {tl.number!r}")
    _utc_text(tl.issued_at, "issued_at")
    try:
        if validate_office_code(tl.district_code) != tl.district_code:
            raise _bad(f"district code {tl.district_code!r}")
    except InputError as error:
        raise _bad(f"district code {tl.district_code!r}") from error
    seen: set[tuple[str, int]] = set()
    for key in tl.keys:
        _check_key(key)
        if (key.office_code, key.key_id) in seen:
            raise _bad(f"two keys with id {key.key_id} for office {key.office_code}")
        seen.add((key.office_code, key.key_id))
    for number, status in tl.passes.items():
        _check_pass(number, status)


def _check_key(key: TrustedKey) -> None:
    try:
        if validate_office_code(key.office_code) != key.office_code:
            raise _bad(f"office code {key.office_code!r}")
        load_public_key(key.public_der)
    except (InputError, KeyFormatError) as error:
        raise _bad(f"key of office {key.office_code!r}: {error}") from error
    if key.key_id != key_id(key.public_der):
        raise _bad(f"key id {key.key_id!r} does not belong to the key of {key.office_code}")
    for moment in (key.valid_from, key.valid_until, key.compromised_after):
        if moment is not None:
            _utc_text(moment, "key validity")
    if not key.valid_from < key.valid_until:
        raise _bad(f"key {key.office_code}/{key.key_id}: valid_from is not before valid_until")


def _check_pass(number: str, status: PassStatus) -> None:
    try:
        canonical = PassNumber.parse(number).text
    except InputError as error:
        raise _bad(f"pass number {number!r}") from error
    if canonical != number:
        raise _bad(f"pass number {number!r} is not written canonically")
    if not _is_int(status.lowest_valid_generation, 0, MAX_GENERATION):
        raise _bad(f"{number}: lowest_valid_generation {status.lowest_valid_generation!r}")
    if type(status.revoked) is not bool:
        raise _bad(f"{number}: revoked {status.revoked!r}")
    if status.revoked_on is not None and (
        not status.revoked or type(status.revoked_on) is not dt.date
    ):
        raise _bad(f"{number}: revoked_on {status.revoked_on!r}")


# --- reading ------------------------------------------------------------------------------


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if type(value) is not kind:
        raise _bad(f"field {name!r} missing or not {kind.__name__}")
    return value


def _moment(text: object, what: str) -> dt.datetime:
    if not isinstance(text, str):
        raise _bad(f"{what} is not a text")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise _bad(f"{what} {text!r}") from error
    if moment.tzinfo is None:
        raise _bad(f"{what} {text!r} has no time zone")
    return moment.astimezone(dt.UTC)


def _read_key(entry: object) -> TrustedKey:
    if not isinstance(entry, dict):
        raise _bad("key entry is not an object")
    try:
        der = base64.b64decode(_field(entry, "public_key", str), validate=True)
    except binascii.Error as error:
        raise _bad("public key is not base64") from error
    compromised = entry.get("compromised_after")
    return TrustedKey(
        office_code=_field(entry, "office_code", str),
        key_id=_field(entry, "key_id", int),
        public_der=der,
        valid_from=_moment(entry.get("valid_from"), "valid_from"),
        valid_until=_moment(entry.get("valid_until"), "valid_until"),
        compromised_after=None
        if compromised is None
        else _moment(compromised, "compromised_after"),
    )


def _read_pass(entry: object) -> PassStatus:
    if not isinstance(entry, dict):
        raise _bad("pass entry is not an object")
    revoked_on = entry.get("revoked_on")
    if revoked_on is not None:
        if not isinstance(revoked_on, str):
            raise _bad("revoked_on is not a text")
        try:
            revoked_on = dt.date.fromisoformat(revoked_on)
        except ValueError as error:
            raise _bad(f"revoked_on {revoked_on!r}") from error
    return PassStatus(
        lowest_valid_generation=_field(entry, "lowest_valid_generation", int),
        revoked=_field(entry, "revoked", bool),
        revoked_on=revoked_on,
    )


def _parse(document: bytes) -> TrustList:
    try:
        data = json.loads(document.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _bad("not UTF-8 JSON") from error
    if not isinstance(data, dict):
        raise _bad("not a JSON object")
    if data.get("format") != TRUST_LIST_FORMAT:
        raise _bad("not a passapp trust list")
    if data.get("version") != TRUST_LIST_VERSION:
        raise TrustListError(
            f"trust list format {data.get('version')!r} is unknown (update the app?)",
            f"Das Format {data.get('version')!r} der Vertrauensliste ist unbekannt (Programm aktualisieren?).",
        )
    keys = _field(data, "keys", list)
    passes = _field(data, "passes", dict)
    return TrustList(
        number=_field(data, "number", int),
        issued_at=_moment(data.get("issued_at"), "issued_at"),
        district_code=_field(data, "district_code", str),
        root_fingerprint=_field(data, "root_fingerprint", str),
        keys=[_read_key(entry) for entry in keys],
        passes={str(number): _read_pass(entry) for number, entry in passes.items()},
    )


def read_trust_list(document: bytes, signature: bytes, root_public_der: bytes) -> TrustList:
    """Verify and read a trust list; :class:`TrustListError` unless it is exactly as signed."""
    if not verify(root_public_der, SIGNED_PREFIX + document, signature):
        raise TrustListError(
            "trust list signature is not valid (not from this district, damaged or altered)",
            "Die Signatur der Vertrauensliste ist ungültig – sie stammt nicht vom Landkreis "
            "oder wurde beschädigt oder verändert.",
        )
    tl = _parse(document)
    _check(tl)
    if _encode(tl) != document:
        raise _bad("document is not in canonical form")
    if tl.root_fingerprint != fingerprint(root_public_der):
        raise _bad("root_fingerprint does not match the district key")
    return tl

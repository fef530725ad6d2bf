"""Sign pass QR codes and verify scanned ones offline against the trust list (DESIGN §5–6).

Verification is pure (no I/O, no clock: ``now`` is passed in) so the UI, the command line
and tests get the same answer for the same input.

Order of the checks, and why:

1. ``malformed`` / ``unknown_version``: the digits must decode (``passapp.domain.qr``).
2. ``no_trust_list``: without a list nothing can be trusted; the decoded claims are still
   returned so that the clerk can look the pass number up.
3. ``unknown_key``: the key is looked up by office code *and* key id, so a key of one office
   never vouches for a pass claiming another office.
4. ``bad_signature``: checked before the key's dates, so a forged or damaged QR is always
   reported as such and never as a mere date problem.
5. ``key_not_yet_valid`` / ``key_expired``: the pass's *issue date* must lie in the key's
   validity, not today: a retired key stays valid for the passes it signed while in use.
6. ``key_compromised``: passes dated on or after the day of the compromise are refused.
7. ``issued_in_future``: a correctly signed pass dated after tomorrow (an office clock far
   off, or a misused key). Added to the original list of reason codes.

Only a pass that passes all of these is ``valid``; its ``status`` then says what the trust
list knows about the pass number (``revoked`` > ``replaced`` > ``active``; ``unknown`` when
the list does not mention it). For an invalid QR the status stays ``unknown``: an unproven
pass number must not be shown as active.

The QR carries a date, not a time, and the issuing office's local date may be one day ahead
of the UTC date of the same moment (Germany is UTC+1/+2). Key periods are compared in UTC,
so the end of a validity period allows for that one day. A compromise can only ever be
dated by the day; the whole day of the compromise is refused, which is the safe side.

Limitation (inherent to a date in the claims): whoever holds a compromised key can backdate
passes to before the compromise. The trust list's per-pass entries reduce that: such a
forged pass has status ``unknown`` rather than ``active``.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Literal

from cryptography.hazmat.primitives.asymmetric import ec

from passapp.crypto.keys import key_id, public_der
from passapp.crypto.signing import sign, verify
from passapp.crypto.trustlist import TrustedKey, TrustList
from passapp.domain.dates import PartialDate
from passapp.domain.qr import (
    PassClaims,
    QrFormatError,
    UnknownQrVersionError,
    binding_hash,
    decode_claims,
    encode_claims,
    from_digits,
    pack,
    signed_message,
    to_digits,
    unpack,
)

__all__ = ["PassStatusName", "PassVerification", "Reason", "sign_pass", "verify_pass_qr"]

Reason = Literal[
    "ok",
    "malformed",
    "unknown_version",
    "unknown_key",
    "key_not_yet_valid",
    "key_expired",
    "key_compromised",
    "bad_signature",
    "no_trust_list",
    "issued_in_future",
]
PassStatusName = Literal["active", "replaced", "revoked", "unknown"]
Holder = tuple[str, str, PartialDate]

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class PassVerification:
    """The answer for one scanned QR.

    The claim fields (pass number, office, …) are filled whenever the QR could be decoded,
    also when it is not valid: they help the clerk find the pass, but are proven only when
    ``valid`` is true. ``holder_matches`` is ``None`` when no holder was given.
    """

    valid: bool
    reason: Reason
    pass_number: str | None
    office: str | None
    issued_on: dt.date | None
    generation: int | None
    status: PassStatusName
    holder_matches: bool | None
    trust_list_number: int | None
    trust_list_issued_at: dt.datetime | None
    key_id: int | None


def sign_pass(key: ec.EllipticCurvePrivateKey, claims: PassClaims) -> str:
    """The QR text (digits) for signed claims; the claims must name this key's id."""
    expected = key_id(public_der(key))
    if claims.key_id != expected:
        raise ValueError(f"claims name key id {claims.key_id}, but the key has id {expected}")
    claims_bytes = encode_claims(claims)
    return to_digits(pack(claims_bytes, sign(key, signed_message(claims_bytes))))


def _utc_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    return moment.astimezone(dt.UTC).date()


def _key_reason(key: TrustedKey, issued_on: dt.date, now: dt.datetime) -> Reason:
    if issued_on < _utc_date(key.valid_from):
        return "key_not_yet_valid"
    if issued_on > _utc_date(key.valid_until) + _ONE_DAY:
        return "key_expired"
    if key.compromised_after is not None and issued_on >= _utc_date(key.compromised_after):
        return "key_compromised"
    if issued_on > _utc_date(now) + _ONE_DAY:
        return "issued_in_future"
    return "ok"


def _status(trust_list: TrustList, claims: PassClaims) -> PassStatusName:
    entry = trust_list.passes.get(claims.pass_number)
    if entry is None:
        return "unknown"
    if entry.revoked:
        return "revoked"
    if claims.generation < entry.lowest_valid_generation:
        return "replaced"
    return "active"


def _holder_matches(claims: PassClaims, holder: Holder | None) -> bool | None:
    if holder is None:
        return None
    family, given, birth = holder
    expected = binding_hash(claims.pass_number, family, given, birth)
    return hmac.compare_digest(expected, claims.binding)


def verify_pass_qr(
    digits: str,
    trust_list: TrustList | None,
    *,
    holder: Holder | None = None,
    now: dt.datetime,
) -> PassVerification:
    """Verify a scanned or typed QR text offline; never raises for any text."""
    _utc_date(now)  # refuse a naive "now" up front, not only when a key is checked
    list_number = None if trust_list is None else trust_list.number
    list_issued = None if trust_list is None else trust_list.issued_at

    def refused(reason: Reason) -> PassVerification:
        return PassVerification(
            False, reason, None, None, None, None, "unknown", None, list_number, list_issued, None
        )

    try:
        claims_bytes, signature = unpack(from_digits(digits))
        claims = decode_claims(claims_bytes)
    except UnknownQrVersionError:
        return refused("unknown_version")
    except QrFormatError:
        return refused("malformed")

    def answer(reason: Reason, status: PassStatusName = "unknown") -> PassVerification:
        return PassVerification(
            valid=reason == "ok",
            reason=reason,
            pass_number=claims.pass_number,
            office=claims.office,
            issued_on=claims.issued_on,
            generation=claims.generation,
            status=status,
            holder_matches=_holder_matches(claims, holder),
            trust_list_number=list_number,
            trust_list_issued_at=list_issued,
            key_id=claims.key_id,
        )

    if trust_list is None:
        return answer("no_trust_list")
    key = trust_list.key_for(claims.office, claims.key_id)
    if key is None:
        return answer("unknown_key")
    if not verify(key.public_der, signed_message(claims_bytes), signature):
        return answer("bad_signature")
    reason = _key_reason(key, claims.issued_on, now)
    if reason != "ok":
        return answer(reason)
    return answer("ok", _status(trust_list, claims))

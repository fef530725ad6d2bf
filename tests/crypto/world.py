"""A small district for the crypto tests: a root, two offices with certificates, a trust list.

Built once per test session at import time (hypothesis cannot use function-scoped fixtures);
the keys are fresh random keys on every run.
"""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives.asymmetric import ec

from passapp.crypto.certificates import (
    issue_office_certificate,
    make_request,
    make_root_certificate,
    read_certificate,
    read_request,
)
from passapp.crypto.keys import fingerprint, generate_key, key_id, public_der
from passapp.crypto.trustlist import PassStatus, TrustedKey, TrustList
from passapp.domain.dates import PartialDate
from passapp.domain.pass_number import PassNumber
from passapp.domain.qr import FORMAT_VERSION, PassClaims, binding_hash

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 30, tzinfo=UTC)
ROOT_KEY = generate_key()
ROOT_DER = public_der(ROOT_KEY)
ROOT_PEM = make_root_certificate(
    ROOT_KEY, "Landratsamt Dachau", "DAH", dt.datetime(2025, 1, 1, tzinfo=UTC)
)


def office_certificate(key: ec.EllipticCurvePrivateKey, code: str, name: str, kind: str) -> bytes:
    request = read_request(make_request(key, code, name, kind))
    return issue_office_certificate(
        ROOT_KEY,
        ROOT_PEM,
        request,
        dt.datetime(2026, 1, 1, tzinfo=UTC),
        dt.datetime(2027, 2, 28, 23, 0, tzinfo=UTC),
        serial=1000 + len(code),
    )


OFFICE_KEY = generate_key()  # DAH1, Jobcenter
OFFICE_DER = public_der(OFFICE_KEY)
OFFICE_CERT = office_certificate(OFFICE_KEY, "DAH1", "Jobcenter Dachau", "jobcenter")
OTHER_KEY = generate_key()  # KA2, another office
OTHER_DER = public_der(OTHER_KEY)
OTHER_CERT = office_certificate(OTHER_KEY, "KA2", "Gemeinde Karlsfeld", "einwohnermeldeamt")

HOLDER = ("Müller", "Anna Maria", PartialDate(1990, 5, 17))
PASS_NUMBER = PassNumber("DAH1", 123).text


def claims_for(
    sequence: int = 123,
    *,
    office: str = "DAH1",
    key: ec.EllipticCurvePrivateKey = OFFICE_KEY,
    issued_on: dt.date = dt.date(2026, 11, 20),
    generation: int = 0,
) -> PassClaims:
    number = PassNumber(office, sequence).text
    family, given, birth = HOLDER
    return PassClaims(
        version=FORMAT_VERSION,
        office=office,
        key_id=key_id(public_der(key)),
        sequence=sequence,
        issued_on=issued_on,
        generation=generation,
        binding=binding_hash(number, family, given, birth),
    )


def trust_list(*keys: TrustedKey, passes: dict[str, PassStatus] | None = None) -> TrustList:
    return TrustList(
        number=7,
        issued_at=dt.datetime(2026, 11, 1, 8, 0, tzinfo=UTC),
        district_code="DAH",
        root_fingerprint=fingerprint(ROOT_DER),
        keys=list(keys)
        or [
            TrustedKey.from_certificate(read_certificate(OFFICE_CERT)),
            TrustedKey.from_certificate(read_certificate(OTHER_CERT)),
        ],
        passes={} if passes is None else passes,
    )


TRUST_LIST = trust_list(
    passes={
        PassNumber("DAH1", 123).text: PassStatus(lowest_valid_generation=1),
        PassNumber("DAH1", 124).text: PassStatus(),
        PassNumber("DAH1", 125).text: PassStatus(revoked=True, revoked_on=dt.date(2026, 11, 2)),
    }
)

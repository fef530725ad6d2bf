"""The district's root certificate, office enrolment requests and office certificates.

Enrolment (DESIGN §6): an office makes a key and a request (a PKCS#10 CSR, signed by that
key, which proves the office holds it) → the district reads the request, compares the key's
fingerprint with the office by phone, and issues an office certificate signed by the root →
the office installs it and compares the district key's fingerprint the same way.

Names in certificates:

* root:   ``CN=<district code>, OU=district-root, O=<district name>``
* office: ``CN=<office code>, OU=<office kind>, O=<office name>``

The office kind is the OU (organizational unit) rather than a custom attribute because the
OU is a standard name attribute that every certificate viewer (``openssl x509 -text``, the
Windows certificate dialog) shows and that a CSR subject carries into the certificate
unchanged; a custom attribute would need an object identifier from an arc passapp does not
own and would be shown by no tool. The code is the CN so that tools list certificates by it.

Names may be longer than X.520's 64-character bound for O (German office names often are):
only passapp reads these certificates, and ``cryptography``/OpenSSL read such names fine.
The CN holds only the short code, whose 64-character bound ``cryptography`` enforces.

Key identifiers are RFC 7093 method 4: the SHA-256 of the DER SubjectPublicKeyInfo. That is
the same hash as the fingerprint shown to admins, so an office certificate names its issuer's
fingerprint in its authority key identifier (:attr:`CertificateInfo.issuer_fingerprint`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from passapp.crypto.errors import CertificateError, KeyFormatError, RequestError
from passapp.crypto.keys import fingerprint, format_fingerprint, load_public_key, public_der
from passapp.crypto.signing import sign, verify
from passapp.domain.dates import add_years
from passapp.domain.errors import InputError
from passapp.domain.offices import OfficeKind
from passapp.domain.pass_number import validate_office_code

__all__ = [
    "ROOT_UNIT",
    "CertificateError",
    "CertificateInfo",
    "OfficeRequest",
    "RequestError",
    "RootInfo",
    "endorse_new_key",
    "endorsement_is_valid",
    "issue_office_certificate",
    "make_request",
    "make_root_certificate",
    "read_certificate",
    "read_request",
    "read_root_certificate",
    "verify_certificate",
]

ROOT_UNIT = "district-root"
MAX_NAME_LENGTH = 128
# RFC 5280 4.1.2.2: at most 20 octets, positive.
_MAX_SERIAL = (1 << 159) - 1


@dataclass(frozen=True, slots=True)
class OfficeRequest:
    """What an enrolment request says, after its own signature has been checked."""

    office_code: str
    office_name: str
    office_kind: str
    public_der: bytes

    @property
    def fingerprint(self) -> str:
        """The office key's fingerprint, to compare with the office by phone."""
        return fingerprint(self.public_der)


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    """What an office certificate says (not whether it is trusted: see verify_certificate)."""

    office_code: str
    office_name: str
    office_kind: str
    public_der: bytes
    not_before: dt.datetime
    not_after: dt.datetime
    serial: int
    issuer_fingerprint: str


@dataclass(frozen=True, slots=True)
class RootInfo:
    """What the district's root certificate says."""

    district_code: str
    district_name: str
    public_der: bytes
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime


# --- helpers ------------------------------------------------------------------------------


def _aware(moment: dt.datetime, what: str) -> dt.datetime:
    # A naive datetime would be read as UTC by cryptography but as local time by people.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime")
    return moment.astimezone(dt.UTC)


def _key_digest(der: bytes) -> bytes:
    return hashlib.sha256(der).digest()


def _check_name(value: str, what_en: str, what_de: str) -> str:
    cleaned = " ".join(value.split())
    if not 1 <= len(cleaned) <= MAX_NAME_LENGTH:
        raise InputError(
            f"{what_en} must have 1 to {MAX_NAME_LENGTH} characters",
            f"{what_de} muss 1 bis {MAX_NAME_LENGTH} Zeichen lang sein.",
        )
    return cleaned


def _check_kind(kind: str) -> str:
    try:
        return OfficeKind(kind).value
    except ValueError:
        raise InputError(
            f"unknown office kind {kind!r}", f"Unbekannte Art der Dienststelle „{kind}“."
        ) from None


def _name(code: str, unit: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
            x509.NameAttribute(NameOID.COMMON_NAME, code),
        ]
    )


def _single(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    if len(values) != 1 or not isinstance(values[0].value, str):
        raise ValueError(f"expected exactly one {oid.dotted_string} in {name.rfc4514_string()}")
    return values[0].value


def _read_name(name: x509.Name) -> tuple[str, str, str]:
    """(code, unit, organisation) of a passapp name; ValueError if it is not one."""
    if len(name) != 3:
        raise ValueError("unexpected name attributes")
    return (
        _single(name, NameOID.COMMON_NAME),
        _single(name, NameOID.ORGANIZATIONAL_UNIT_NAME),
        _single(name, NameOID.ORGANIZATION_NAME),
    )


def _load_certificate(pem: bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(pem)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise CertificateError(
            "certificate cannot be read", "Das Zertifikat ist nicht lesbar."
        ) from error


def _certificate_key(certificate: x509.Certificate) -> bytes:
    try:
        key = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm) as error:
        raise CertificateError(
            "certificate key cannot be read", "Der Schlüssel im Zertifikat ist nicht lesbar."
        ) from error
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise CertificateError(
            "certificate key is not ECDSA", "Der Schlüssel im Zertifikat ist kein ECDSA-Schlüssel."
        )
    try:
        return public_der(key)
    except KeyFormatError as error:
        raise CertificateError(str(error), error.message_de) from error


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


# --- root ---------------------------------------------------------------------------------


def make_root_certificate(
    key: ec.EllipticCurvePrivateKey,
    district_name: str,
    district_code: str,
    now: dt.datetime,
    valid_years: int = 10,
) -> bytes:
    """The district's self-signed root certificate (PEM), CA, valid ``valid_years`` from now.

    Key usage allows signing certificates and trust lists (digitalSignature); path length 0:
    the root signs office certificates only, never another CA.
    """
    start = _aware(now, "now")
    code = validate_office_code(district_code)
    name = _name(code, ROOT_UNIT, _check_name(district_name, "district name", "Der Kreisname"))
    if valid_years < 1:
        raise ValueError("valid_years must be at least 1")
    end = add_years(start.date(), valid_years) or dt.date(start.year + valid_years, 2, 28)
    end_moment = dt.datetime.combine(end, start.timetz())
    der = public_der(key)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end_moment)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier(_key_digest(der)), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier(_key_digest(der), None, None), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def read_root_certificate(pem: bytes) -> RootInfo:
    """Read the district's root certificate: self-signed by its own key and a CA."""
    certificate = _load_certificate(pem)
    der = _certificate_key(certificate)
    try:
        code, unit, district_name = _read_name(certificate.subject)
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, InvalidSignature) as error:
        raise CertificateError(
            "not a passapp root certificate (name or self-signature wrong)",
            "Das ist kein Wurzelzertifikat eines Landkreises für passapp.",
        ) from error
    if unit != ROOT_UNIT or not _is_ca(certificate):
        raise CertificateError(
            "not a passapp root certificate", "Das ist kein Wurzelzertifikat für passapp."
        )
    return RootInfo(
        district_code=code,
        district_name=district_name,
        public_der=der,
        fingerprint=fingerprint(der),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
    )


# --- requests -----------------------------------------------------------------------------


def make_request(
    key: ec.EllipticCurvePrivateKey, office_code: str, office_name: str, office_kind: str
) -> bytes:
    """An enrolment request (CSR, PEM) signed by the office's own key."""
    name = _name(
        validate_office_code(office_code),
        _check_kind(office_kind),
        _check_name(office_name, "office name", "Der Name der Dienststelle"),
    )
    public_der(key)  # refuses keys that are not P-256
    request = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM)


def read_request(pem: bytes) -> OfficeRequest:
    """Read an enrolment request and check its own signature (proof the office holds the key)."""
    try:
        request = x509.load_pem_x509_csr(pem)
        valid = request.is_signature_valid
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise RequestError(
            "request file cannot be read", "Die Antragsdatei ist nicht lesbar."
        ) from error
    if not valid:
        raise RequestError(
            "request signature is not valid (file damaged or altered)",
            "Die Signatur des Antrags ist ungültig – die Datei ist beschädigt oder verändert.",
        )
    try:
        key = request.public_key()
        if not isinstance(key, ec.EllipticCurvePublicKey):
            raise KeyFormatError(
                "request key is not ECDSA", "Der Schlüssel ist kein ECDSA-Schlüssel."
            )
        der = public_der(key)
        code, kind, office_name = _read_name(request.subject)
        return OfficeRequest(
            office_code=_strict_code(code),
            office_name=_check_name(office_name, "office name", "Der Name der Dienststelle"),
            office_kind=_check_kind(kind),
            public_der=der,
        )
    except (ValueError, UnsupportedAlgorithm) as error:  # InputError is a ValueError
        raise RequestError(
            f"request is not a passapp office request: {error}",
            "Der Antrag ist kein Antrag einer Dienststelle für passapp.",
        ) from error


def _strict_code(code: str) -> str:
    if validate_office_code(code) != code:
        raise ValueError(f"office code {code!r} is not in canonical form")
    return code


# A key rotation: the office's current key signs the new one. Prefixed so that this
# signature can never pass for a pass, a trust list or a bundle signature.
ROTATION_CONTEXT = b"passapp/key-rotation/v1\0"


def endorse_new_key(current_key: ec.EllipticCurvePrivateKey, new_public_der: bytes) -> bytes:
    """The current office key vouches for a new key of the same office (a key rotation).

    A CSR proves only that its sender holds the *new* key; this signature proves that the
    office that holds the key already enrolled asks for it, which tells the district a
    rotation from a second database claiming the same office code.
    """
    return sign(current_key, ROTATION_CONTEXT + new_public_der)


def endorsement_is_valid(
    current_public_der: bytes, new_public_der: bytes, signature: bytes
) -> bool:
    """Whether ``signature`` is the current key's endorsement of exactly this new key."""
    return verify(current_public_der, ROTATION_CONTEXT + new_public_der, signature)


# --- office certificates ------------------------------------------------------------------


def issue_office_certificate(
    root_key: ec.EllipticCurvePrivateKey,
    root_cert_pem: bytes,
    request: OfficeRequest,
    not_before: dt.datetime,
    not_after: dt.datetime,
    serial: int,
) -> bytes:
    """Sign an office certificate (PEM) for a request read by :func:`read_request`.

    Refuses a root certificate that is not a passapp root, a root key that does not belong
    to it and a validity outside the root's: each would give a certificate that no office
    could verify.
    """
    root_info = read_root_certificate(root_cert_pem)  # a self-signed passapp root CA
    root = _load_certificate(root_cert_pem)
    root_der = public_der(root_key)
    if root_info.public_der != root_der:
        raise CertificateError(
            "the root key does not belong to the root certificate",
            "Der Schlüssel des Landkreises passt nicht zu seinem Zertifikat.",
        )
    start, end = _aware(not_before, "not_before"), _aware(not_after, "not_after")
    if not (root.not_valid_before_utc <= start < end <= root.not_valid_after_utc):
        raise CertificateError(
            "validity must be a non-empty period within the root certificate's validity",
            "Die Gültigkeit muss innerhalb der Gültigkeit des Landkreis-Zertifikats liegen.",
        )
    if not 1 <= serial <= _MAX_SERIAL:
        raise ValueError("serial must be a positive number of at most 159 bits")
    office_key = load_public_key(request.public_der)
    subject = _name(
        validate_office_code(request.office_code),
        _check_kind(request.office_kind),
        _check_name(request.office_name, "office name", "Der Name der Dienststelle"),
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root.subject)
        .public_key(office_key)
        .serial_number(serial)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier(_key_digest(request.public_der)), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier(_key_digest(root_der), None, None), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def read_certificate(pem: bytes) -> CertificateInfo:
    """Read an office certificate, or the root (no trust decision: see verify_certificate).

    The root certificate is read too, as ``office_kind == ROOT_UNIT`` with the district's
    code and name, because callers need its key from the same kind of record; use
    :func:`read_root_certificate` where it must *be* the root (it checks the self-signature).
    """
    certificate = _load_certificate(pem)
    der = _certificate_key(certificate)
    try:
        code, kind, office_name = _read_name(certificate.subject)
        authority = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
        issuer_digest = authority.value.key_identifier
        if issuer_digest is None or len(issuer_digest) != hashlib.sha256().digest_size:
            raise ValueError("authority key identifier is not a SHA-256 key digest")
        return CertificateInfo(
            office_code=_strict_code(code),
            office_name=office_name,
            office_kind=kind if kind == ROOT_UNIT else _check_kind(kind),
            public_der=der,
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
            serial=certificate.serial_number,
            issuer_fingerprint=format_fingerprint(issuer_digest),
        )
    except (ValueError, x509.ExtensionNotFound) as error:
        raise CertificateError(
            f"not a passapp office certificate: {error}",
            "Das ist kein Dienststellen-Zertifikat für passapp.",
        ) from error


def verify_certificate(cert_pem: bytes, root_cert_pem: bytes) -> bool:
    """Whether an office certificate was issued by this root: signature and issuer name.

    Also requires the root to be a CA and the office certificate not to be one. Validity
    dates are not checked here: which moment counts (now, or a pass's issue date) is the
    caller's decision. Never raises; unreadable input is simply not verified.
    """
    try:
        certificate = x509.load_pem_x509_certificate(cert_pem)
        root = x509.load_pem_x509_certificate(root_cert_pem)
        certificate.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return _is_ca(root) and not _is_ca(certificate)

"""Root certificate, enrolment requests and office certificates."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from passapp.crypto.certificates import (
    ROOT_UNIT,
    OfficeRequest,
    issue_office_certificate,
    make_request,
    make_root_certificate,
    read_certificate,
    read_request,
    read_root_certificate,
    verify_certificate,
)
from passapp.crypto.errors import CertificateError, RequestError
from passapp.crypto.keys import fingerprint, generate_key, public_der
from tests.crypto.world import (
    OFFICE_CERT,
    OFFICE_DER,
    OFFICE_KEY,
    OTHER_CERT,
    ROOT_DER,
    ROOT_KEY,
    ROOT_PEM,
    UTC,
)

START = dt.datetime(2026, 1, 1, tzinfo=UTC)
END = dt.datetime(2027, 2, 28, 23, 0, tzinfo=UTC)


def test_root_certificate() -> None:
    info = read_root_certificate(ROOT_PEM)
    assert (info.district_code, info.district_name) == ("DAH", "Landratsamt Dachau")
    assert info.public_der == ROOT_DER
    assert info.fingerprint == fingerprint(ROOT_DER)
    assert info.not_before == dt.datetime(2025, 1, 1, tzinfo=UTC)
    assert info.not_after == dt.datetime(2035, 1, 1, tzinfo=UTC)
    certificate = x509.load_pem_x509_certificate(ROOT_PEM)
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert constraints.ca
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign
    assert usage.digital_signature


def test_root_certificate_valid_from_29_february() -> None:
    pem = make_root_certificate(ROOT_KEY, "Kreis", "DAH", dt.datetime(2028, 2, 29, tzinfo=UTC))
    assert read_root_certificate(pem).not_after == dt.datetime(2038, 2, 28, tzinfo=UTC)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        make_root_certificate(ROOT_KEY, "Kreis", "DAH", dt.datetime(2026, 1, 1))


def test_request_round_trip() -> None:
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter  Dachau", "jobcenter"))
    assert request == OfficeRequest("DAH1", "Jobcenter Dachau", "jobcenter", OFFICE_DER)
    assert request.fingerprint == fingerprint(OFFICE_DER)


def test_long_office_names_with_umlauts_are_kept() -> None:
    name = "Migrationsberatung für erwachsene Zugewanderte (MBE) – Caritasverband Dachau e. V."
    request = read_request(make_request(OFFICE_KEY, "MBE1", name, "migrationsberatung"))
    assert request.office_name == name


def _tamper(pem: bytes, old: bytes, new: bytes) -> bytes:
    request = x509.load_pem_x509_csr(pem)
    der = request.public_bytes(serialization.Encoding.DER)
    assert der.count(old) == 1
    changed = der.replace(old, new)
    return x509.load_der_x509_csr(changed).public_bytes(serialization.Encoding.PEM)


def test_request_with_altered_subject_is_refused() -> None:
    pem = make_request(OFFICE_KEY, "DAH1", "Jobcenter Dachau", "jobcenter")
    with pytest.raises(RequestError) as caught:
        read_request(_tamper(pem, b"DAH1", b"DAH2"))
    assert "Signatur" in caught.value.message_de


def test_request_with_altered_signature_is_refused() -> None:
    request = x509.load_pem_x509_csr(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    der = bytearray(request.public_bytes(serialization.Encoding.DER))
    der[-5] ^= 0x01  # inside the signature's s value
    with pytest.raises(RequestError):
        read_request(x509.load_der_x509_csr(bytes(der)).public_bytes(serialization.Encoding.PEM))


def test_request_signed_by_another_key_is_refused() -> None:
    """A request carrying the office key but signed by someone else (no proof of possession)."""
    genuine = x509.load_pem_x509_csr(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    forged = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(genuine.subject)
        .sign(generate_key(), hashes.SHA256())
    )
    forged_der = forged.public_bytes(serialization.Encoding.DER)
    attacker_spki = public_der(forged.public_key())  # type: ignore[arg-type]
    swapped = forged_der.replace(attacker_spki, OFFICE_DER)
    with pytest.raises(RequestError):
        read_request(x509.load_der_x509_csr(swapped).public_bytes(serialization.Encoding.PEM))


@pytest.mark.parametrize(
    "subject",
    [
        [("O", "Amt"), ("OU", "bogus"), ("CN", "DAH1")],  # unknown office kind
        [("O", "Amt"), ("OU", "jobcenter"), ("CN", "dah1")],  # code not canonical
        [("O", "Amt"), ("OU", "jobcenter"), ("CN", "DAHI")],  # I not in the alphabet
        [("O", "Amt"), ("CN", "DAH1")],  # no kind
        [("O", "Amt"), ("OU", "jobcenter"), ("OU", "jobcenter"), ("CN", "DAH1")],
    ],
)
def test_requests_that_are_not_passapp_requests_are_refused(
    subject: list[tuple[str, str]],
) -> None:
    oids = {
        "O": NameOID.ORGANIZATION_NAME,
        "OU": NameOID.ORGANIZATIONAL_UNIT_NAME,
        "CN": NameOID.COMMON_NAME,
    }
    name = x509.Name([x509.NameAttribute(oids[k], v) for k, v in subject])
    csr = (
        x509.CertificateSigningRequestBuilder().subject_name(name).sign(OFFICE_KEY, hashes.SHA256())
    )
    with pytest.raises(RequestError):
        read_request(csr.public_bytes(serialization.Encoding.PEM))


@pytest.mark.parametrize("pem", [b"", b"garbage", ROOT_PEM])
def test_unreadable_requests_are_refused(pem: bytes) -> None:
    with pytest.raises(RequestError):
        read_request(pem)


def test_make_request_checks_its_input() -> None:
    with pytest.raises(ValueError, match="office kind"):
        make_request(OFFICE_KEY, "DAH1", "Amt", "bogus")
    with pytest.raises(ValueError, match="office code"):
        make_request(OFFICE_KEY, "DAHI", "Amt", "jobcenter")
    with pytest.raises(ValueError, match="office name"):
        make_request(OFFICE_KEY, "DAH1", "  ", "jobcenter")


def test_office_certificate() -> None:
    info = read_certificate(OFFICE_CERT)
    assert (info.office_code, info.office_name, info.office_kind) == (
        "DAH1",
        "Jobcenter Dachau",
        "jobcenter",
    )
    assert info.public_der == OFFICE_DER
    assert (info.not_before, info.not_after) == (START, END)
    assert info.serial == 1004
    assert info.issuer_fingerprint == fingerprint(ROOT_DER)
    certificate = x509.load_pem_x509_certificate(OFFICE_CERT)
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert not usage.key_cert_sign
    assert verify_certificate(OFFICE_CERT, ROOT_PEM)
    assert verify_certificate(OTHER_CERT, ROOT_PEM)


def test_certificate_not_by_the_root_is_refused() -> None:
    other_root_key = generate_key()
    # Same district name and code: only the signature tells them apart.
    other_root = make_root_certificate(other_root_key, "Landratsamt Dachau", "DAH", START)
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter Dachau", "jobcenter"))
    forged = issue_office_certificate(other_root_key, other_root, request, START, END, 5)
    assert verify_certificate(forged, other_root)
    assert not verify_certificate(forged, ROOT_PEM)
    assert not verify_certificate(OFFICE_CERT, other_root)


def test_issuer_name_must_match() -> None:
    other_root = make_root_certificate(ROOT_KEY, "Anderer Kreis", "AK", START)
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    certificate = issue_office_certificate(ROOT_KEY, other_root, request, START, END, 6)
    # Same key, but issued under another root name.
    assert not verify_certificate(certificate, ROOT_PEM)


def test_office_certificate_cannot_act_as_root() -> None:
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    with pytest.raises(CertificateError):
        issue_office_certificate(OFFICE_KEY, OFFICE_CERT, request, START, END, 7)
    assert not verify_certificate(OFFICE_CERT, OFFICE_CERT)
    assert not verify_certificate(ROOT_PEM, OFFICE_CERT)


@pytest.mark.parametrize("garbage", [b"", b"garbage", b"-----BEGIN CERTIFICATE-----\n"])
def test_verify_certificate_never_raises(garbage: bytes) -> None:
    assert not verify_certificate(garbage, ROOT_PEM)
    assert not verify_certificate(OFFICE_CERT, garbage)


def test_issue_refuses_a_root_key_that_is_not_the_roots() -> None:
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    with pytest.raises(CertificateError):
        issue_office_certificate(generate_key(), ROOT_PEM, request, START, END, 8)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (END, START),
        (START, START),
        (dt.datetime(2024, 12, 31, tzinfo=UTC), END),  # before the root
        (START, dt.datetime(2036, 1, 1, tzinfo=UTC)),  # after the root
    ],
)
def test_issue_refuses_validity_outside_the_root(start: dt.datetime, end: dt.datetime) -> None:
    request = read_request(make_request(OFFICE_KEY, "DAH1", "Jobcenter", "jobcenter"))
    with pytest.raises(CertificateError):
        issue_office_certificate(ROOT_KEY, ROOT_PEM, request, start, end, 9)


def test_read_certificate_refuses_garbage() -> None:
    with pytest.raises(CertificateError):
        read_certificate(b"garbage")


def test_read_certificate_reads_the_root_as_root_unit() -> None:
    info = read_certificate(ROOT_PEM)
    assert (info.office_code, info.office_kind) == ("DAH", ROOT_UNIT)
    assert info.public_der == ROOT_DER
    assert info.issuer_fingerprint == fingerprint(ROOT_DER)  # self-issued


def test_read_root_certificate_refuses_office_certificates() -> None:
    with pytest.raises(CertificateError):
        read_root_certificate(OFFICE_CERT)
    with pytest.raises(CertificateError):
        read_root_certificate(b"garbage")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not installed")
def test_openssl_accepts_the_chain(tmp_path: Path) -> None:
    """Interoperability: a standard tool validates root and office certificate."""
    (tmp_path / "root.pem").write_bytes(ROOT_PEM)
    (tmp_path / "office.pem").write_bytes(OFFICE_CERT)
    done = subprocess.run(
        [
            "openssl",
            "verify",
            "-attime",
            str(int(dt.datetime(2026, 6, 1, tzinfo=UTC).timestamp())),
            "-CAfile",
            str(tmp_path / "root.pem"),
            str(tmp_path / "office.pem"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr

"""The QR payload of a pass: bit-packed claims, raw signature, one decimal number (DESIGN §5, contract).

Other offices' installations read this format, so everything below is a wire format:
change it only together with :data:`FORMAT_VERSION`.

Why digits only: handheld scanners type what they read as a USB keyboard, and on a German
(QWERTZ) layout letters like ``Y``/``Z`` and most punctuation come out wrong; digits never do.
The payload bytes are therefore written as *one* fixed-width, zero-padded decimal number and
encoded in the QR's numeric mode (3.33 bits per character, nearly as dense as binary mode).

Payload (84 bytes → 203 digits → QR version 7 at level Q, 207 numeric characters):

=======  =====  =====================================================================
bytes    size   content
=======  =====  =====================================================================
0–11     12     claims header, bit-packed as in the table below
12–19    8      binding hash (:func:`binding_hash`) over pass number, names, birth date
20–83    64     ECDSA P-256 signature, raw ``r‖s``, each 32 bytes big-endian
=======  =====  =====================================================================

Bytes 0–19 are the *claims bytes*. The signature covers :func:`signed_message` of them,
i.e. a domain-separation prefix (not transmitted) followed by the claims bytes.

Claims header, 96 bits, bit 0 = most significant bit of byte 0, every field big-endian:

=======  =====  ===========================  ============================================
bits     width  field                        values
=======  =====  ===========================  ============================================
0–3      4      format version               1 (0: malformed; 2–15: unknown version)
4–6      3      office code length − 2       0–4 (2–6 characters); 5–7 are refused
7–36     30     office code, 6 × 5 bits      index in ``OFFICE_ALPHABET`` (exactly 32
                                             characters), first character first; the
                                             positions after the code's length are 0
37–56    20     sequence                     1–999999 (0 and ≥ 1000000 are refused)
57–71    15     issue date                   days since 2024-01-01 (up to 2113-09-18)
72–77    6      generation                   0–63 (0 = first card, + 1 per replacement)
78–93    16     key id                       16 bits of SHA-256 of the signing key's DER
94–95    2      padding                      0
=======  =====  ===========================  ============================================

Decoding is strict: every field value that :func:`encode_claims` cannot produce is refused,
so a payload has exactly one reading and ``encode_claims(decode_claims(b)) == b`` for every
accepted ``b``.

Rules that every future format version keeps, so that this version can tell
``unknown_version`` from ``malformed``: the QR text is one fixed-width decimal number of the
payload bytes (width from the byte count), and the first 4 bits of the payload are the format
version.

The QR holds no name, birth date, nationality or address. The binding hash lets an office
check offline that a QR belongs to the name and birth date printed beside it, without the QR
revealing them (see :func:`binding_hash`).

This module is pure: no keys, no I/O. Signing and verifying live in ``passapp.crypto``.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Final

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.names import latin_search_form
from passapp.domain.pass_number import (
    MAX_SEQUENCE,
    OFFICE_ALPHABET,
    PassNumber,
    validate_office_code,
)

__all__ = [
    "BINDING_SIZE",
    "CLAIMS_SIZE",
    "DATE_EPOCH",
    "DIGITS",
    "FORMAT_VERSION",
    "HEADER_SIZE",
    "MAX_GENERATION",
    "MAX_ISSUE_DATE",
    "MAX_KEY_ID",
    "PAYLOAD_SIZE",
    "SIGNATURE_SIZE",
    "SIGNED_MESSAGE_PREFIX",
    "InvalidClaimsError",
    "PassClaims",
    "QrFormatError",
    "UnknownQrVersionError",
    "binding_hash",
    "binding_matches",
    "decode_claims",
    "digits_width",
    "encode_claims",
    "from_digits",
    "pack",
    "payload_version",
    "signed_message",
    "to_digits",
    "unpack",
]

FORMAT_VERSION: Final = 1

HEADER_SIZE: Final = 12
BINDING_SIZE: Final = 8
CLAIMS_SIZE: Final = HEADER_SIZE + BINDING_SIZE
SIGNATURE_SIZE: Final = 64
PAYLOAD_SIZE: Final = CLAIMS_SIZE + SIGNATURE_SIZE

DATE_EPOCH: Final = dt.date(2024, 1, 1)
_DATE_BITS: Final = 15
MAX_ISSUE_DATE: Final = DATE_EPOCH + dt.timedelta(days=(1 << _DATE_BITS) - 1)
_GENERATION_BITS: Final = 6
MAX_GENERATION: Final = (1 << _GENERATION_BITS) - 1
_KEY_ID_BITS: Final = 16
MAX_KEY_ID: Final = (1 << _KEY_ID_BITS) - 1
_VERSION_BITS: Final = 4
_LENGTH_BITS: Final = 3
_CHAR_BITS: Final = 5
_OFFICE_CHARS: Final = 6
_SEQUENCE_BITS: Final = 20
_PADDING_BITS: Final = 2
_MIN_OFFICE_LENGTH: Final = 2

# The signature covers this prefix + the claims bytes. The prefix is never transmitted: it
# binds the signature to its purpose, so a key's signature over some other document (a trust
# list, a bundle) can never be replayed as a pass, and vice versa.
SIGNED_MESSAGE_PREFIX: Final = b"passapp/pass/v1\x00"

_BINDING_SALT_PREFIX: Final = b"passapp-binding-v1"
_BINDING_SEPARATOR: Final = "\u001f"  # UNIT SEPARATOR: cannot occur in any of the parts
# scrypt cost: 128 * r * n = 4 MiB of memory and a few milliseconds per hash (see binding_hash).
_SCRYPT_N: Final = 2**12
_SCRYPT_R: Final = 8
_SCRYPT_P: Final = 1

# What a scanner may add around the digits (its suffix, usually CR or CR LF) or a person may
# type. Deliberately not str.strip(): that also removes other Unicode spaces, which no scanner
# produces, and the rule is "surrounding whitespace, nothing else".
_SURROUNDING_WHITESPACE: Final = " \t\r\n"
# Deliberately not str.isdigit(): that accepts "²" and Arabic-Indic digits.
_ASCII_DIGITS: Final = frozenset("0123456789")

assert len(OFFICE_ALPHABET) == 1 << _CHAR_BITS  # a 5-bit index covers the alphabet exactly
assert (
    _VERSION_BITS
    + _LENGTH_BITS
    + _OFFICE_CHARS * _CHAR_BITS
    + _SEQUENCE_BITS
    + _DATE_BITS
    + _GENERATION_BITS
    + _KEY_ID_BITS
    + _PADDING_BITS
    == HEADER_SIZE * 8
)


class QrFormatError(InputError):
    """A scanned or typed QR text, or its bytes, that is not a well-formed pass payload."""


class UnknownQrVersionError(QrFormatError):
    """A payload of a format version this installation does not know (maybe a newer one)."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"QR code has format version {version}; this installation reads version {FORMAT_VERSION} (update the app?)",
            f"Der QR-Code hat das Format {version}; dieses Programm kennt nur Format {FORMAT_VERSION} (Programm aktualisieren?).",
        )
        self.version = version


class InvalidClaimsError(InputError):
    """Claims that cannot be written into a version-1 payload."""


def _malformed(detail_en: str, detail_de: str) -> QrFormatError:
    return QrFormatError(
        f"QR code is not a valid pass code: {detail_en}",
        f"Der QR-Code ist kein gültiger Pass-Code: {detail_de}",
    )


@dataclass(frozen=True, slots=True)
class PassClaims:
    """What the issuing office vouches for with its signature.

    ``binding`` is :func:`binding_hash` of pass number, names and birth date; the claims
    themselves carry no personal data.
    """

    version: int
    office: str
    key_id: int
    sequence: int
    issued_on: dt.date
    generation: int
    binding: bytes

    def __post_init__(self) -> None:
        if self.version != FORMAT_VERSION:
            raise InvalidClaimsError(
                f"format version {self.version} cannot be written; only {FORMAT_VERSION}",
                f"Das QR-Format {self.version} kann nicht geschrieben werden, nur {FORMAT_VERSION}.",
            )
        if validate_office_code(self.office) != self.office:
            raise InvalidClaimsError(
                f"office code {self.office!r} must be written in capitals without spaces",
                f"Die Dienststellenkennung „{self.office}“ muss in Großbuchstaben ohne Leerzeichen stehen.",
            )
        PassNumber(self.office, self.sequence)  # checks the sequence range
        _check_range("key id", "Schlüsselkennung", self.key_id, 0, MAX_KEY_ID)
        _check_range("generation", "Generation", self.generation, 0, MAX_GENERATION)
        if type(self.issued_on) is not dt.date or not (
            DATE_EPOCH <= self.issued_on <= MAX_ISSUE_DATE
        ):
            raise InvalidClaimsError(
                f"issue date {self.issued_on!r} must be a date from {DATE_EPOCH} to {MAX_ISSUE_DATE}",
                f"Das Ausstellungsdatum {self.issued_on} muss zwischen {DATE_EPOCH:%d.%m.%Y} und {MAX_ISSUE_DATE:%d.%m.%Y} liegen.",
            )
        if not isinstance(self.binding, bytes) or len(self.binding) != BINDING_SIZE:
            raise InvalidClaimsError(
                f"binding hash must be {BINDING_SIZE} bytes",
                f"Der Bindungswert muss {BINDING_SIZE} Bytes lang sein.",
            )

    @property
    def pass_number(self) -> str:
        """The printed pass number ``OFFICE-NNNNNN-CC``."""
        return PassNumber(self.office, self.sequence).text


def _check_range(name_en: str, name_de: str, value: int, low: int, high: int) -> None:
    # type() and not isinstance(): bool is an int subclass and True must not pass as 1.
    if type(value) is not int or not low <= value <= high:
        raise InvalidClaimsError(
            f"{name_en} {value!r} is outside {low}–{high}",
            f"{name_de} {value} liegt außerhalb von {low} bis {high}.",
        )


# --- claims bytes ---------------------------------------------------------------------------


def encode_claims(claims: PassClaims) -> bytes:
    """The 20 claims bytes: 12-byte bit-packed header (module docstring) + binding hash."""
    office_value = 0
    for position in range(_OFFICE_CHARS):
        index = (
            OFFICE_ALPHABET.index(claims.office[position]) if position < len(claims.office) else 0
        )
        office_value = (office_value << _CHAR_BITS) | index
    fields = (
        (claims.version, _VERSION_BITS),
        (len(claims.office) - _MIN_OFFICE_LENGTH, _LENGTH_BITS),
        (office_value, _OFFICE_CHARS * _CHAR_BITS),
        (claims.sequence, _SEQUENCE_BITS),
        ((claims.issued_on - DATE_EPOCH).days, _DATE_BITS),
        (claims.generation, _GENERATION_BITS),
        (claims.key_id, _KEY_ID_BITS),
        (0, _PADDING_BITS),
    )
    header = 0
    for value, width in fields:
        header = (header << width) | value
    return header.to_bytes(HEADER_SIZE, "big") + claims.binding


class _BitReader:
    """Reads big-endian fields from the most significant bit down."""

    def __init__(self, data: bytes) -> None:
        self._value = int.from_bytes(data, "big")
        self._left = len(data) * 8

    def take(self, width: int) -> int:
        self._left -= width
        return (self._value >> self._left) & ((1 << width) - 1)


def payload_version(data: bytes) -> int:
    """The format version in the first 4 bits of claims or payload bytes."""
    if not data:
        raise _malformed("no data", "keine Daten")
    return data[0] >> (8 - _VERSION_BITS)


def _check_version(data: bytes) -> None:
    # Version 0 was never assigned: a 0 there is damage, not a newer format, and must not
    # tell the clerk to update the app.
    version = payload_version(data)
    if version == 0:
        raise _malformed("format version 0", "Formatversion 0")
    if version != FORMAT_VERSION:
        raise UnknownQrVersionError(version)


def decode_claims(data: bytes) -> PassClaims:
    """Read the 20 claims bytes; strict, the inverse of :func:`encode_claims`.

    The version is checked first, before the length: another version may have another layout.
    """
    _check_version(data)
    if len(data) != CLAIMS_SIZE:
        raise _malformed(
            f"claims are {len(data)} bytes, expected {CLAIMS_SIZE}",
            f"Die Angaben sind {len(data)} statt {CLAIMS_SIZE} Bytes lang.",
        )
    bits = _BitReader(data[:HEADER_SIZE])
    bits.take(_VERSION_BITS)
    length = bits.take(_LENGTH_BITS) + _MIN_OFFICE_LENGTH
    indexes = [bits.take(_CHAR_BITS) for _ in range(_OFFICE_CHARS)]
    sequence = bits.take(_SEQUENCE_BITS)
    days = bits.take(_DATE_BITS)
    generation = bits.take(_GENERATION_BITS)
    key_id = bits.take(_KEY_ID_BITS)
    padding = bits.take(_PADDING_BITS)
    if length > _OFFICE_CHARS:
        raise _malformed(
            f"office code length {length}", f"unmögliche Länge {length} der Dienststellenkennung"
        )
    if any(indexes[length:]) or padding:
        raise _malformed("unused bits are not zero", "unbenutzte Bits sind nicht null")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise _malformed(f"sequence {sequence}", f"unmögliche laufende Nummer {sequence}")
    try:
        return PassClaims(
            version=FORMAT_VERSION,
            office="".join(OFFICE_ALPHABET[index] for index in indexes[:length]),
            key_id=key_id,
            sequence=sequence,
            issued_on=DATE_EPOCH + dt.timedelta(days=days),
            generation=generation,
            binding=bytes(data[HEADER_SIZE:]),
        )
    except InputError as error:  # cannot happen after the checks above; kept as a guard
        raise _malformed(str(error), error.message_de) from error


# --- payload and digits ---------------------------------------------------------------------


def pack(claims_bytes: bytes, signature: bytes) -> bytes:
    """The payload: claims bytes followed by the raw 64-byte signature."""
    if len(claims_bytes) != CLAIMS_SIZE or len(signature) != SIGNATURE_SIZE:
        raise ValueError(
            f"expected {CLAIMS_SIZE} claims bytes and a {SIGNATURE_SIZE}-byte signature, "
            f"got {len(claims_bytes)} and {len(signature)}"
        )
    return claims_bytes + signature


def unpack(payload: bytes) -> tuple[bytes, bytes]:
    """Split a payload into (claims bytes, signature); the version is checked before the size."""
    _check_version(payload)
    if len(payload) != PAYLOAD_SIZE:
        raise _malformed(
            f"payload is {len(payload)} bytes, expected {PAYLOAD_SIZE}",
            f"Der Inhalt ist {len(payload)} statt {PAYLOAD_SIZE} Bytes lang.",
        )
    return payload[:CLAIMS_SIZE], payload[CLAIMS_SIZE:]


def digits_width(size: int) -> int:
    """Decimal digits needed for any ``size``-byte number: ceil(8·size·log10 2), exactly.

    Computed as the length of ``2**(8*size) - 1`` in decimal, with integers only: no power
    of two is a power of ten, so that length is exactly ceil(8·size·log10 2).
    """
    if size < 1:
        raise ValueError("size must be at least 1 byte")
    return len(str((1 << (8 * size)) - 1))


# Width → byte count. Widths grow by 2 or 3 per byte (8·log10 2 ≈ 2.41 > 2), so each width
# belongs to at most one byte count and the payload size can be read from the text length.
# Sizes a pass payload of any version can have: more than a P-256 signature (64 bytes), up
# to 107 bytes = 258 digits, what fits QR version 8 at level Q (DESIGN: stay within v8).
# Anything shorter or longer is no pass code at all (e.g. a few digits typed by mistake).
_MIN_PAYLOAD_SIZE: Final = SIGNATURE_SIZE + 1
_MAX_PAYLOAD_SIZE: Final = 107
_SIZE_BY_WIDTH: Final[dict[int, int]] = {
    digits_width(size): size for size in range(_MIN_PAYLOAD_SIZE, _MAX_PAYLOAD_SIZE + 1)
}
DIGITS: Final = digits_width(PAYLOAD_SIZE)


def to_digits(payload: bytes) -> str:
    """The payload as one fixed-width, zero-padded decimal number (the QR text)."""
    return str(int.from_bytes(payload, "big")).zfill(digits_width(len(payload)))


def from_digits(text: str) -> bytes:
    """The payload bytes of a scanned or typed QR text; the inverse of :func:`to_digits`.

    Tolerates surrounding spaces, tabs, CR and LF (a scanner's suffix), nothing else. The byte
    count follows from the width, so a newer format with another size is still read far
    enough to report its version.
    """
    digits = text.strip(_SURROUNDING_WHITESPACE)
    if not digits:
        raise _malformed("empty", "leer")
    if not set(digits) <= _ASCII_DIGITS:
        raise _malformed(
            "it must consist of digits 0-9 only", "er darf nur aus den Ziffern 0–9 bestehen"
        )
    size = _SIZE_BY_WIDTH.get(len(digits))
    if size is None:
        raise _malformed(
            f"{len(digits)} digits, expected {DIGITS}",
            f"{len(digits)} Ziffern statt {DIGITS} (unvollständig gelesen?)",
        )
    value = int(digits)
    if value >> (8 * size):
        raise _malformed("the number is too large", "die Zahl ist zu groß")
    return value.to_bytes(size, "big")


def signed_message(claims_bytes: bytes) -> bytes:
    """What the signature covers: domain-separation prefix + claims bytes."""
    return SIGNED_MESSAGE_PREFIX + claims_bytes


# --- binding hash ---------------------------------------------------------------------------


def binding_hash(
    pass_number: str, family_names: str, given_names: str, birth_date: PartialDate
) -> bytes:
    """8 bytes that tie a QR to the name and birth date printed beside it.

    Input: the canonical pass number, the ICAO 9303 Latin search forms of family and given
    names (given-name order kept: it is part of the name), and the birth date as
    ``YYYY-MM-DD`` with ``00`` for unknown parts, joined with U+001F. So NFC/NFD, case and
    transliteration variants (Müller, MÜLLER, Mueller) give the same hash on every install.

    Why scrypt and not SHA-256: the QR must reveal nothing about the holder, but a fast hash
    of name and birth date could be brute-forced from name lists and the ~25,000 plausible
    birth dates. scrypt (n=2¹², r=8, p=1: 4 MiB, some milliseconds) makes each guess cost
    that much, while the one check at the counter stays instant. The pass number in the salt
    makes every pass a separate target, so no table can be computed in advance.
    """
    number = PassNumber.parse(pass_number).text  # canonical text; checks the check digits
    canonical = _BINDING_SEPARATOR.join(
        (number, latin_search_form(family_names), latin_search_form(given_names), birth_date.iso())
    )
    kdf = Scrypt(
        salt=_BINDING_SALT_PREFIX + number.encode("ascii"),
        length=BINDING_SIZE,
        n=_SCRYPT_N,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
    )
    return kdf.derive(canonical.encode("utf-8"))


def binding_matches(
    claims: PassClaims, family_names: str, given_names: str, birth_date: PartialDate
) -> bool:
    """Whether the claims' binding hash belongs to this holder (constant-time compare)."""
    expected = binding_hash(claims.pass_number, family_names, given_names, birth_date)
    return hmac.compare_digest(expected, claims.binding)

"""Encoding of the bundle format's parts: constants, header, manifest, keys and nonces.

The format itself (what lies where in the file, and why) is described in
:mod:`passapp.sync.bundle`; this module holds the pieces that are pure functions of
their input, so the reader and the writer there share one definition of each.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any, Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from passapp.crypto.signing import SIGNATURE_SIZE
from passapp.domain.errors import InputError
from passapp.domain.pass_number import validate_office_code
from passapp.sync.errors import BundleError

FORMAT_VERSION: Final = 1
FORMAT_NAME: Final = "passapp-bundle"

MAGIC_PREFIX: Final = b"PASSAPP-BUNDLE "
MAGIC: Final = MAGIC_PREFIX + str(FORMAT_VERSION).encode("ascii") + b"\n"
MAX_VERSION_DIGITS: Final = 10
MAX_HEADER_LINE: Final = 64 * 1024
MAX_MANIFEST_LINE: Final = 64 * 1024
TRAILER_PREFIX: Final = b"PASSAPP-END "
TRAILER_SIZE: Final = len(TRAILER_PREFIX) + 8 + 1
TRAILER_PATTERN = re.compile(rb"PASSAPP-END ([0-9]{8})\n\Z")
SIGNATURE_LINE: Final = 2 * SIGNATURE_SIZE + 1

# Domain separation: office keys sign passes and trust-list requests too.
SIGNED_PREFIX: Final = b"passapp/bundle/v1\x00"
KEY_SALT: Final = b"passapp/bundle/v1"
KEY_INFO: Final = b"passapp/bundle/v1 content key\x00"

# 64 KiB of plaintext per chunk: small enough that reading holds little, large enough
# that zlib compresses JSON well and the per-chunk overhead (4 + 16 bytes) is negligible.
CHUNK_TARGET: Final = 64 * 1024
MAX_CHUNK_PLAIN: Final = 4 * 1024 * 1024  # so also the largest record
MAX_FRAME: Final = MAX_CHUNK_PLAIN + 64 * 1024  # zlib expands incompressible data < 0.1 %
# The record type the reader yields in place of a record longer than the caller allows.
OVERSIZED: Final = "oversized_record"
TAG_SIZE: Final = 16
FRAME_LENGTH_SIZE: Final = 4
READ_BLOCK: Final = 256 * 1024
# Level 3: about 2.5 times as fast as the default 6 on record JSON, files about 6 % larger;
# writing is then bound by JSON encoding rather than by compression.
ZLIB_LEVEL: Final = 3

_MAP_KEY = re.compile(r"[A-Za-z0-9_.:-]{1,64}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_HEADER_FIELDS: Final = frozenset(
    {"bundle_id", "sender", "sender_key_id", "recipient", "created_at", "counter_ranges", "counts"}
)
_MANIFEST_FIELDS: Final = frozenset(
    {
        "format",
        "format_version",
        "header_sha256",
        "body_size",
        "body_sha256",
        "chunks",
        "records",
        "plain_bytes",
        "ephemeral_key",
        "recipient_key_sha256",
    }
)


# --------------------------------------------------------------------------- header


@dataclass(frozen=True)
class BundleHeader:
    """The plain header: what an admin may see without any key. Validated on creation."""

    bundle_id: str
    sender: str
    sender_key_id: int
    recipient: str
    created_at: dt.datetime
    counter_ranges: dict[str, tuple[int, int]]
    counts: dict[str, int]
    format_version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        if not isinstance(self.bundle_id, str) or _canonical_uuid(self.bundle_id) != self.bundle_id:
            raise ValueError(f"bundle_id must be a lower-case UUID, not {self.bundle_id!r}")
        _check_office_code("sender", self.sender)
        _check_office_code("recipient", self.recipient)
        if not _is_int(self.sender_key_id) or not 0 <= self.sender_key_id <= 0xFFFF:
            raise ValueError(f"sender_key_id must be 0…65535, not {self.sender_key_id!r}")
        if not isinstance(self.created_at, dt.datetime) or self.created_at.utcoffset() is None:
            raise ValueError("created_at must be an aware datetime")
        if not _is_int(self.format_version) or self.format_version < 1:
            raise ValueError(
                f"format_version must be a positive integer, not {self.format_version!r}"
            )
        object.__setattr__(self, "created_at", self.created_at.astimezone(dt.UTC))
        object.__setattr__(self, "counter_ranges", _checked_ranges(self.counter_ranges))
        object.__setattr__(self, "counts", _checked_counts(self.counts))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _canonical_uuid(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _check_office_code(name: str, code: object) -> None:
    if code == "*":
        raise ValueError(f"{name} must be one office code; '*' is not allowed")
    if not isinstance(code, str):
        raise ValueError(f"{name} must be an office code, not {code!r}")
    try:
        canonical = validate_office_code(code)
    except InputError as error:
        raise ValueError(f"{name}: {error}") from error
    if canonical != code:
        raise ValueError(f"{name} must be written as {canonical!r}")


def _check_map_key(name: str, key: object) -> str:
    if not isinstance(key, str) or not _MAP_KEY.match(key):
        raise ValueError(f"{name} key {key!r} must match [A-Za-z0-9_.:-]{{1,64}}")
    return key


def _checked_ranges(ranges: object) -> dict[str, tuple[int, int]]:
    if not isinstance(ranges, dict):
        raise ValueError("counter_ranges must be a dict")
    result: dict[str, tuple[int, int]] = {}
    for key, value in ranges.items():
        _check_map_key("counter_ranges", key)
        if not isinstance(value, tuple | list) or len(value) != 2:
            raise ValueError(f"counter_ranges[{key!r}] must be (first, last)")
        first, last = value
        if not (_is_int(first) and _is_int(last) and 0 <= first <= last):
            raise ValueError(f"counter_ranges[{key!r}] must be integers 0 <= first <= last")
        result[key] = (first, last)
    return result


def _checked_counts(counts: object) -> dict[str, int]:
    if not isinstance(counts, dict):
        raise ValueError("counts must be a dict")
    result: dict[str, int] = {}
    for key, value in counts.items():
        _check_map_key("counts", key)
        if not _is_int(value) or value < 0:
            raise ValueError(f"counts[{key!r}] must be a non-negative integer")
        result[key] = value
    return result


def _canonical_json(value: dict[str, Any]) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def _format_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def header_line(header: BundleHeader) -> bytes:
    document = {
        "bundle_id": header.bundle_id,
        "sender": header.sender,
        "sender_key_id": header.sender_key_id,
        "recipient": header.recipient,
        "created_at": _format_time(header.created_at),
        "counter_ranges": {key: list(pair) for key, pair in header.counter_ranges.items()},
        "counts": header.counts,
    }
    return _canonical_json(document) + b"\n"


def refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


# One encoder and decoder for all records: json.dumps/loads with options build a new one
# per call, which costs a third of the time for small records.
RECORD_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
RECORD_DECODER: Final = json.JSONDecoder(parse_constant=refuse_constant)


def _strict_json_object(line: bytes, fields: frozenset[str]) -> dict[str, Any]:
    """Parse one canonical JSON line with exactly ``fields``; ValueError otherwise."""
    try:
        document = json.loads(line.decode("ascii"), parse_constant=refuse_constant)
    except RecursionError as error:
        raise ValueError("nested too deeply") from error
    if not isinstance(document, dict) or set(document) != fields:
        raise ValueError("unexpected fields")
    if _canonical_json(document) + b"\n" != line:
        raise ValueError("not in canonical form")
    return document


def parse_header(line: bytes) -> BundleHeader:
    try:
        document = _strict_json_object(line, _HEADER_FIELDS)
        created_text = document["created_at"]
        if not isinstance(created_text, str) or not created_text.endswith("Z"):
            raise ValueError("created_at must be UTC")
        header = BundleHeader(
            bundle_id=document["bundle_id"],
            sender=document["sender"],
            sender_key_id=document["sender_key_id"],
            recipient=document["recipient"],
            created_at=dt.datetime.fromisoformat(created_text),
            counter_ranges=document["counter_ranges"],
            counts=document["counts"],
        )
        if header_line(header) != line:
            raise ValueError("not in canonical form")
    except (ValueError, TypeError) as error:
        # No detail from the file in the message (it is unauthenticated text); the cause
        # stays attached for the log.
        raise BundleError(
            "tampered",
            "the plain header of the bundle is damaged",
            "Der lesbare Kopf des Pakets ist beschädigt.",
        ) from error
    return header


# --------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class Manifest:
    header_sha256: str
    body_size: int
    body_sha256: str
    chunks: int
    records: int
    plain_bytes: int
    ephemeral_key: bytes
    recipient_key_sha256: str

    def line(self) -> bytes:
        return (
            _canonical_json(
                {
                    "format": FORMAT_NAME,
                    "format_version": FORMAT_VERSION,
                    "header_sha256": self.header_sha256,
                    "body_size": self.body_size,
                    "body_sha256": self.body_sha256,
                    "chunks": self.chunks,
                    "records": self.records,
                    "plain_bytes": self.plain_bytes,
                    "ephemeral_key": base64.b64encode(self.ephemeral_key).decode("ascii"),
                    "recipient_key_sha256": self.recipient_key_sha256,
                }
            )
            + b"\n"
        )


def parse_manifest(line: bytes) -> Manifest:
    """Read a manifest whose signature was verified: a failure here is a faulty sender."""
    try:
        document = _strict_json_object(line, _MANIFEST_FIELDS)
        if document["format"] != FORMAT_NAME or document["format_version"] != FORMAT_VERSION:
            raise ValueError("format")
        hashes_ = [document[name] for name in ("header_sha256", "body_sha256")]
        hashes_.append(document["recipient_key_sha256"])
        if not all(isinstance(value, str) and _HEX64.match(value) for value in hashes_):
            raise ValueError("hash")
        numbers = [document[name] for name in ("body_size", "chunks", "records", "plain_bytes")]
        if not all(_is_int(value) and value >= 0 for value in numbers):
            raise ValueError("numbers")
        if document["chunks"] < 1 or not isinstance(document["ephemeral_key"], str):
            raise ValueError("chunks")
        manifest = Manifest(
            header_sha256=document["header_sha256"],
            body_size=document["body_size"],
            body_sha256=document["body_sha256"],
            chunks=document["chunks"],
            records=document["records"],
            plain_bytes=document["plain_bytes"],
            ephemeral_key=base64.b64decode(document["ephemeral_key"], validate=True),
            recipient_key_sha256=document["recipient_key_sha256"],
        )
        if manifest.line() != line:
            raise ValueError("not in canonical form")
    except (ValueError, TypeError, binascii.Error) as error:
        raise BundleError(
            "tampered",
            f"the signed manifest of the bundle is malformed ({error})",
            "Das signierte Inhaltsverzeichnis des Pakets ist fehlerhaft.",
        ) from error
    return manifest


# --------------------------------------------------------------------------- encryption


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def content_cipher(
    shared_secret: bytes, header_hash: bytes, ephemeral_der: bytes, recipient_der: bytes
) -> AESGCM:
    info = KEY_INFO + header_hash + digest(ephemeral_der) + digest(recipient_der)
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=KEY_SALT, info=info).derive(shared_secret)
    return AESGCM(key)


def chunk_nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def seal_frame(cipher: AESGCM, header_hash: bytes, index: int, final: bool, packed: bytes) -> bytes:
    sealed = cipher.encrypt(chunk_nonce(index, final), packed, header_hash)
    return len(sealed).to_bytes(FRAME_LENGTH_SIZE, "big") + sealed

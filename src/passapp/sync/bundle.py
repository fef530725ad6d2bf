"""The sync bundle file: signed, encrypted to one recipient, streamed (DESIGN §7).

This module is the file format alone; what goes into a bundle and how it is merged is
the business of the sync services. Records are JSON objects (``dict[str, Any]``) and
come back in the order they were written.

Wire format, version 1
======================

All integers are big-endian; "canonical JSON" is UTF-8, keys sorted, no whitespace,
``NaN``/``Infinity`` refused, and a reader accepts a JSON line only if re-encoding what it
read gives exactly the same bytes (no duplicate keys, unknown fields or second spellings)::

    PASSAPP-BUNDLE 1\\n                          magic line; the number is the format version
    {"bundle_id":…,"counter_ranges":…}\\n       plain header: one canonical JSON line
    frame 0 … frame n-1                         body: n >= 1 encrypted chunks
    \\n
    {"body_sha256":…,…}\\n                       manifest: one canonical JSON line
    <128 hex digits>\\n                          ECDSA P-256 signature of the manifest
    PASSAPP-END <8 decimal digits>\\n            trailer (21 bytes): manifest line length incl. \\n

``head -2 bundle`` shows what a file is; ``tail -3`` shows manifest, signature and trailer.

*Prelude* = magic line + header line. Header fields: ``bundle_id`` (lower-case UUID),
``sender``/``recipient`` (office codes, one recipient per file), ``sender_key_id``
(0…65535, :func:`passapp.crypto.keys.key_id`), ``created_at`` (ISO 8601 UTC with ``Z``),
``counter_ranges`` (``{database id: [first, last]}``), ``counts`` (``{record type: n}``).
Map keys must match ``[A-Za-z0-9_.:-]{1,64}``: codes, ids and numbers only, so no
personal data can be written into the plain header, even by mistake. A header line is at
most 64 KiB.

*Content key.* ECDH P-256 between a fresh ephemeral key and the recipient's public key;
HKDF-SHA256 with salt ``b"passapp/bundle/v1"`` and info
``b"passapp/bundle/v1 content key\\0" + SHA-256(prelude) + SHA-256(ephemeral DER) +
SHA-256(recipient DER)`` gives a 32-byte AES-256-GCM key. It binds format, bundle id,
sender, recipient (all in the prelude) and both public keys, as RFC 9180's DHKEM does.

*Frame i* = 4-byte ciphertext length + AES-256-GCM ciphertext with its 16-byte tag.
Nonce: 11-byte chunk index + 1 byte final flag (``01`` on the last chunk only, ``00``
otherwise), as in the STREAM construction (also used by age and Tink), so reordered,
dropped or appended chunks fail. Associated data: SHA-256(prelude). Plaintext: one zlib
stream of JSON lines (one compact JSON object + ``\\n`` per record, UTF-8, whole
records only). A writer starts a new chunk before a record that would take the chunk past
64 KiB; a chunk (so a record) is at most 4 MiB uncompressed, a frame at most 4 MiB +
64 KiB. A bundle without records has one empty final chunk.

*Manifest* fields: ``format`` (``"passapp-bundle"``), ``format_version`` (1),
``header_sha256`` (of the prelude), ``body_size`` and ``body_sha256`` (of all frames),
``chunks``, ``records``, ``plain_bytes`` (total uncompressed JSON-lines bytes),
``ephemeral_key`` (base64 of its DER SubjectPublicKeyInfo) and ``recipient_key_sha256``
(SHA-256 of the recipient's DER public key). Hashes are lower-case hex. The signature is
:func:`passapp.crypto.signing.sign` by the sender's office key over
``b"passapp/bundle/v1\\0" + manifest JSON`` (without its newline), as 128 hex digits.

Reading (:func:`open_bundle`), in this order, each with its :class:`BundleError` reason:

1. magic line (``not_a_bundle``; an empty file too) and version number
   (``unknown_version``: known from the first line alone, so a later format may change
   everything after it);
2. header line (``truncated`` if the file ends inside it, ``tampered`` if malformed);
3. trailer (``truncated``: a file cut anywhere after the header has no trailer);
4. recipient code against the caller's (``wrong_recipient``; checked before the
   signature because "this file is for JCDAH" is the useful message for a mixed-up
   file, and the file is refused either way);
5. sender key ``sender_public_der(sender, key id)`` (``None``: ``unknown_sender``) and
   the signature over the manifest (``bad_signature``);
6. the manifest's header hash (``tampered``), recipient key hash (``wrong_recipient``:
   encrypted to another key), body size (``tampered``), declared records and plain
   bytes against the caller's limits (``too_large``);
7. first streaming pass: SHA-256 of the body (``tampered``) and the frame lengths.

Only then is the context entered. Records are decrypted in a second pass, a chunk at a
time; a chunk's records are yielded only after the whole chunk was authenticated
(``tampered``), decompressed without ever producing more than the per-chunk limit or the
caller's ``max_plain_bytes`` (``too_large``: no zip bomb) and parsed (``tampered``). These
can fail only if the file changed after opening or the (authentic) sender wrote bad
content; the importer stages records and applies nothing unless the whole stream was read.

``counts`` and ``counter_ranges`` in the header are the sender's description for
people and for bookkeeping; this module does not interpret them.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from passapp.atomic import atomic_output
from passapp.crypto.errors import KeyFormatError
from passapp.crypto.keys import key_id, load_public_key, public_der
from passapp.crypto.signing import sign, verify
from passapp.sync.bundle_format import (
    CHUNK_TARGET,
    FORMAT_VERSION,
    FRAME_LENGTH_SIZE,
    MAGIC,
    MAGIC_PREFIX,
    MAX_CHUNK_PLAIN,
    MAX_FRAME,
    MAX_HEADER_LINE,
    MAX_MANIFEST_LINE,
    MAX_VERSION_DIGITS,
    OVERSIZED,
    READ_BLOCK,
    RECORD_DECODER,
    RECORD_ENCODER,
    SIGNATURE_LINE,
    SIGNED_PREFIX,
    TAG_SIZE,
    TRAILER_PATTERN,
    TRAILER_PREFIX,
    TRAILER_SIZE,
    ZLIB_LEVEL,
    BundleHeader,
    Manifest,
    chunk_nonce,
    content_cipher,
    digest,
    header_line,
    parse_header,
    parse_manifest,
    seal_frame,
)
from passapp.sync.errors import BundleError

__all__ = [
    "CHUNK_TARGET",
    "FORMAT_VERSION",
    "MAX_CHUNK_PLAIN",
    "OVERSIZED",
    "BundleError",
    "BundleHeader",
    "BundleInfo",
    "OpenBundle",
    "open_bundle",
    "read_header",
    "write_bundle",
]


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class BundleInfo:
    """What :func:`write_bundle` wrote: the file, its size, the records, its SHA-256 (hex)."""

    path: Path
    bytes: int
    records: int
    sha256: str


class _HashingSink:
    """Writes to a file and keeps the size and SHA-256 of everything written."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.size = 0
        self.hash = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.stream.write(data)
        self.hash.update(data)
        self.size += len(data)


class _BodyWriter:
    """Collects JSON lines into chunks of about CHUNK_TARGET bytes and writes them sealed."""

    def __init__(self, sink: _HashingSink, cipher: AESGCM, header_hash: bytes) -> None:
        self.sink = sink
        self.cipher = cipher
        self.header_hash = header_hash
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.chunks = 0
        self.records = 0
        self.plain_bytes = 0
        self.body_size = 0
        self.body_hash = hashlib.sha256()

    def add(self, record: dict[str, Any]) -> None:
        if not isinstance(record, dict):
            raise TypeError(f"a bundle record must be a dict, not {type(record).__name__}")
        line = (RECORD_ENCODER.encode(record) + "\n").encode("utf-8")
        if len(line) > MAX_CHUNK_PLAIN:
            raise ValueError(f"a bundle record may take {MAX_CHUNK_PLAIN} bytes, not {len(line)}")
        if self.pending and self.pending_size + len(line) > CHUNK_TARGET:
            self._seal(final=False)
        self.pending.append(line)
        self.pending_size += len(line)
        self.records += 1

    def finish(self) -> None:
        self._seal(final=True)

    def _seal(self, *, final: bool) -> None:
        plain = b"".join(self.pending)
        frame = seal_frame(
            self.cipher, self.header_hash, self.chunks, final, zlib.compress(plain, ZLIB_LEVEL)
        )
        self.sink.write(frame)
        self.body_hash.update(frame)
        self.body_size += len(frame)
        self.plain_bytes += len(plain)
        self.chunks += 1
        self.pending = []
        self.pending_size = 0


@contextmanager
def _atomic_output(path: Path) -> Iterator[_HashingSink]:
    """The bundle is written whole or not at all (:mod:`passapp.atomic`), hashed as it goes."""
    with atomic_output(path) as stream:
        yield _HashingSink(stream)


def write_bundle(
    path: Path,
    header: BundleHeader,
    records: Iterable[dict[str, Any]],
    *,
    sender_key: ec.EllipticCurvePrivateKey,
    recipient_public_der: bytes,
) -> BundleInfo:
    """Write ``records`` (streamed, in order) as a bundle from ``header.sender`` to
    ``header.recipient``, signed with ``sender_key`` and encrypted to the recipient key.

    ``header.sender_key_id`` must be the key id of ``sender_key``. Memory stays flat: at
    most one chunk is held. The file appears whole at ``path`` or not at all.
    """
    path = Path(path)
    if header.format_version != FORMAT_VERSION:
        raise ValueError(f"this passapp writes bundle format {FORMAT_VERSION} only")
    sender_id = key_id(public_der(sender_key))
    if header.sender_key_id != sender_id:
        raise ValueError(f"header names key id {header.sender_key_id}, the key has {sender_id}")
    recipient_der = public_der(load_public_key(recipient_public_der))
    prelude = MAGIC + header_line(header)
    header_hash = digest(prelude)
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    ephemeral_der = public_der(ephemeral)
    shared = ephemeral.exchange(ec.ECDH(), load_public_key(recipient_der))
    cipher = content_cipher(shared, header_hash, ephemeral_der, recipient_der)
    with _atomic_output(path) as sink:
        sink.write(prelude)
        body = _BodyWriter(sink, cipher, header_hash)
        for record in records:
            body.add(record)
        body.finish()
        manifest = Manifest(
            header_sha256=header_hash.hex(),
            body_size=body.body_size,
            body_sha256=body.body_hash.hexdigest(),
            chunks=body.chunks,
            records=body.records,
            plain_bytes=body.plain_bytes,
            ephemeral_key=ephemeral_der,
            recipient_key_sha256=digest(recipient_der).hex(),
        ).line()
        signature = sign(sender_key, SIGNED_PREFIX + manifest[:-1])
        sink.write(b"\n" + manifest + signature.hex().encode("ascii") + b"\n")
        sink.write(TRAILER_PREFIX + b"%08d\n" % len(manifest))
    return BundleInfo(
        path=path, bytes=sink.size, records=body.records, sha256=sink.hash.hexdigest()
    )


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Layout:
    """Where the parts of a bundle file lie; found without any key."""

    header: BundleHeader
    prelude: bytes
    size: int
    body_start: int
    body_end: int  # exclusive; the "\n" before the manifest follows
    manifest_line: bytes
    signature: bytes | None  # None: the signature line is not 128 hex digits


def _read_exactly(stream: io.BufferedReader, offset: int, size: int) -> bytes:
    stream.seek(offset)
    data = stream.read(size)
    if len(data) != size:
        raise BundleError("truncated")
    return data


def _parse_prelude(stream: io.BufferedReader) -> tuple[BundleHeader, bytes]:
    stream.seek(0)
    head = stream.read(len(MAGIC_PREFIX) + MAX_VERSION_DIGITS + 1 + MAX_HEADER_LINE)
    if not head:
        raise BundleError("not_a_bundle", "the file is empty", "Die Datei ist leer.")
    if len(head) < len(MAGIC_PREFIX):
        raise BundleError("truncated" if MAGIC_PREFIX.startswith(head) else "not_a_bundle")
    if not head.startswith(MAGIC_PREFIX):
        raise BundleError("not_a_bundle")
    version_start = len(MAGIC_PREFIX)
    version_end = head.find(b"\n", version_start, version_start + MAX_VERSION_DIGITS + 1)
    if version_end < 0:
        rest = head[version_start:]
        cut_off = len(rest) <= MAX_VERSION_DIGITS and (not rest or rest.isdigit())
        raise BundleError("truncated" if cut_off else "not_a_bundle")
    version = head[version_start:version_end]
    if not version.isdigit() or str(int(version)).encode("ascii") != version:
        raise BundleError("not_a_bundle")
    if int(version) != FORMAT_VERSION:
        raise BundleError(
            "unknown_version",
            f"the bundle has format version {int(version)}; this passapp reads version "
            f"{FORMAT_VERSION} only, please update passapp",
            f"Das Paket hat die Formatversion {int(version)}; diese passapp-Version liest nur "
            f"Version {FORMAT_VERSION}. Bitte passapp aktualisieren.",
        )
    header_start = version_end + 1
    header_end = head.find(b"\n", header_start, header_start + MAX_HEADER_LINE)
    if header_end < 0:
        raise BundleError("truncated" if len(head) < header_start + MAX_HEADER_LINE else "tampered")
    return parse_header(head[header_start : header_end + 1]), head[: header_end + 1]


def _parse_trailer(stream: io.BufferedReader, size: int, body_start: int) -> int:
    """The manifest line's length, from the fixed-size trailer at the end of the file."""
    if size < body_start + TRAILER_SIZE:
        raise BundleError("truncated")
    match = TRAILER_PATTERN.match(_read_exactly(stream, size - TRAILER_SIZE, TRAILER_SIZE))
    if match is None:
        raise BundleError("truncated")
    return int(match.group(1))


def _locate(stream: io.BufferedReader) -> _Layout:
    header, prelude = _parse_prelude(stream)
    size = stream.seek(0, os.SEEK_END)
    body_start = len(prelude)
    manifest_size = _parse_trailer(stream, size, body_start)
    signature_start = size - TRAILER_SIZE - SIGNATURE_LINE
    manifest_start = signature_start - manifest_size
    if not 0 < manifest_size <= MAX_MANIFEST_LINE or manifest_start - 1 < body_start:
        raise BundleError("tampered")
    tail = _read_exactly(stream, manifest_start - 1, 1 + manifest_size + SIGNATURE_LINE)
    manifest_line = tail[1 : 1 + manifest_size]
    if tail[:1] != b"\n" or not manifest_line.endswith(b"\n"):
        raise BundleError("tampered")
    return _Layout(
        header=header,
        prelude=prelude,
        size=size,
        body_start=body_start,
        body_end=manifest_start - 1,
        manifest_line=manifest_line,
        signature=_parse_signature_line(tail[1 + manifest_size :]),
    )


def _parse_signature_line(line: bytes) -> bytes | None:
    if not line.endswith(b"\n") or not re.fullmatch(rb"[0-9a-f]{128}", line[:-1]):
        return None
    return bytes.fromhex(line[:-1].decode("ascii"))


def read_header(path: Path) -> BundleHeader:
    """The plain header, without any key: to show an admin what a file is.

    Raises :class:`BundleError` ``not_a_bundle``, ``unknown_version``, ``truncated`` (the
    trailer is missing) or ``tampered`` (a bundle whose header is damaged). Nothing here
    is authenticated: :func:`open_bundle` checks the signature.
    """
    with Path(path).open("rb") as stream:
        return _locate(stream).header


def _check_recipient(layout: _Layout, expected_recipient: str) -> None:
    recipient = layout.header.recipient
    if recipient != expected_recipient:
        raise BundleError(
            "wrong_recipient",
            f"the bundle is meant for office {recipient}, not for {expected_recipient}",
            f"Das Paket ist für die Dienststelle {recipient} bestimmt, nicht für {expected_recipient}.",
        )


def _check_signature(
    layout: _Layout, sender_public_der: Callable[[str, int], bytes | None]
) -> Manifest:
    sender, key = layout.header.sender, layout.header.sender_key_id
    der = sender_public_der(sender, key)
    if der is None:
        raise BundleError(
            "unknown_sender",
            f"the bundle is signed by office {sender} with key {key:04X}, which is not trusted here",
            f"Das Paket ist von der Dienststelle {sender} mit dem Schlüssel {key:04X} signiert, "
            "dem hier nicht vertraut wird.",
        )
    message = SIGNED_PREFIX + layout.manifest_line[:-1]
    if layout.signature is None or not verify(der, message, layout.signature):
        raise BundleError(
            "bad_signature",
            f"the signature of the bundle does not match the key of office {sender}",
            f"Die Signatur des Pakets passt nicht zum Schlüssel der Dienststelle {sender}.",
        )
    return parse_manifest(layout.manifest_line)


def _check_manifest(
    layout: _Layout,
    manifest: Manifest,
    recipient_der: bytes,
    max_records: int,
    max_plain_bytes: int,
) -> None:
    if manifest.header_sha256 != digest(layout.prelude).hex():
        raise BundleError(
            "tampered",
            "the plain header of the bundle was changed after signing",
            "Der lesbare Kopf des Pakets wurde nach dem Signieren verändert.",
        )
    if manifest.recipient_key_sha256 != digest(recipient_der).hex():
        raise BundleError(
            "wrong_recipient",
            f"the bundle is encrypted to another key than this office's ({layout.header.recipient})",
            f"Das Paket ist für einen anderen Schlüssel verschlüsselt als den dieser Dienststelle ({layout.header.recipient}).",
        )
    if manifest.body_size != layout.body_end - layout.body_start:
        raise BundleError("tampered")
    if manifest.records > max_records:
        raise BundleError(
            "too_large",
            f"the bundle holds {manifest.records} records, at most {max_records} are allowed",
            f"Das Paket enthält {manifest.records} Datensätze, erlaubt sind höchstens {max_records}.",
        )
    if manifest.plain_bytes > max_plain_bytes:
        raise _too_many_bytes(max_plain_bytes)


def _too_many_bytes(limit: int) -> BundleError:
    return BundleError(
        "too_large",
        f"the bundle content is larger than the allowed {limit} bytes",
        f"Der Inhalt des Pakets ist größer als die erlaubten {limit} Bytes.",
    )


def _check_body(stream: io.BufferedReader, layout: _Layout, manifest: Manifest) -> None:
    """First pass: the SHA-256 of the whole body, then the frame lengths (seeking)."""
    body_digest = hashlib.sha256()
    buffer = memoryview(bytearray(READ_BLOCK))
    stream.seek(layout.body_start)
    remaining = layout.body_end - layout.body_start
    while remaining:
        got = stream.readinto(buffer[: min(READ_BLOCK, remaining)])
        if not got:
            raise BundleError("truncated")
        body_digest.update(buffer[:got])
        remaining -= got
    if body_digest.hexdigest() != manifest.body_sha256:
        raise BundleError(
            "tampered",
            "the encrypted content of the bundle does not match its signed checksum",
            "Der verschlüsselte Inhalt des Pakets passt nicht zu seiner signierten Prüfsumme.",
        )
    offset, frames = layout.body_start, 0
    while offset < layout.body_end:
        if offset + FRAME_LENGTH_SIZE > layout.body_end:
            raise BundleError("tampered")
        length = int.from_bytes(_read_exactly(stream, offset, FRAME_LENGTH_SIZE), "big")
        if length > MAX_FRAME:
            raise _too_many_bytes(MAX_FRAME)
        if length < TAG_SIZE:
            raise BundleError("tampered")
        offset += FRAME_LENGTH_SIZE + length
        frames += 1
    if offset != layout.body_end or frames != manifest.chunks:
        raise BundleError("tampered")


def _inflate(packed: bytes, limit: int) -> bytes:
    """Decompress one chunk, never producing more than ``limit`` bytes (no zip bomb)."""
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(packed, limit + 1)
    except zlib.error as error:
        raise BundleError("tampered") from error
    if len(plain) > limit:
        raise _too_many_bytes(limit)
    if not inflater.eof or inflater.unused_data:
        raise BundleError("tampered")
    return plain


def oversized_record(line: str) -> dict[str, Any]:
    """What stands in for a record longer than the reader's limit: it is never parsed
    (a few MB of ``[[],[],…]`` would take gigabytes as Python objects)."""
    return {"type": OVERSIZED, "bytes": len(line.encode("utf-8")), "excerpt": line[:200]}


def _parse_records(plain: bytes, max_record_bytes: int) -> list[dict[str, Any]]:
    if not plain:
        return []
    try:
        if not plain.endswith(b"\n"):
            raise ValueError("chunk does not end with a whole record")
        lines = plain.decode("utf-8")[:-1].split("\n")
        del plain
        records = [
            RECORD_DECODER.decode(line) if len(line) <= max_record_bytes else oversized_record(line)
            for line in lines
        ]
    except (ValueError, RecursionError) as error:
        raise BundleError(
            "tampered",
            f"a record in the bundle is malformed ({type(error).__name__})",
            "Ein Datensatz im Paket ist fehlerhaft.",
        ) from error
    if not all(isinstance(record, dict) for record in records):
        raise BundleError("tampered", "a record in the bundle is not a JSON object")
    return records


class OpenBundle:
    """A bundle whose header, signature, recipient and checksums have been verified.

    :meth:`records` decrypts in a second pass. A failure there (only possible if the file
    changed after it was opened, or the signing sender wrote bad content) raises
    :class:`BundleError` before any record of the failing chunk is yielded; records of
    earlier chunks were already yielded, which is why imports stage before they merge.
    """

    def __init__(
        self,
        stream: io.BufferedReader,
        layout: _Layout,
        manifest: Manifest,
        cipher: AESGCM,
        max_records: int,
        max_plain_bytes: int,
        max_record_bytes: int = MAX_CHUNK_PLAIN,
    ) -> None:
        self.header = layout.header
        self.record_count = manifest.records  # as declared by the signed manifest
        self.plain_bytes = manifest.plain_bytes
        self._stream = stream
        self._layout = layout
        self._manifest = manifest
        self._cipher = cipher
        self._header_hash = digest(layout.prelude)
        self._max_records = max_records
        self._max_plain_bytes = max_plain_bytes
        self._max_record_bytes = max_record_bytes

    def records(self) -> Iterator[dict[str, Any]]:
        """The records in written order, decrypted one chunk at a time."""
        offset, seen, plain_total = self._layout.body_start, 0, 0
        for index in range(self._manifest.chunks):
            frame_size, chunk = self._read_chunk(offset, index)
            offset += frame_size
            limit = min(MAX_CHUNK_PLAIN, self._max_plain_bytes - plain_total)
            plain = _inflate(chunk, limit)
            plain_total += len(plain)
            records = _parse_records(plain, self._max_record_bytes)
            seen += len(records)
            if seen > self._max_records:
                raise BundleError(
                    "too_large", f"the bundle holds more than {self._max_records} records"
                )
            yield from records
            del chunk, plain, records  # hold one chunk at a time, not two
        if seen != self._manifest.records or plain_total != self._manifest.plain_bytes:
            raise BundleError("tampered", "the bundle content does not match its signed manifest")

    def _read_chunk(self, offset: int, index: int) -> tuple[int, bytes]:
        if self._stream.closed:
            raise RuntimeError("the bundle was closed: read records inside the with block")
        length = int.from_bytes(_read_exactly(self._stream, offset, FRAME_LENGTH_SIZE), "big")
        if length > MAX_FRAME or offset + FRAME_LENGTH_SIZE + length > self._layout.body_end:
            raise BundleError("tampered")
        sealed = _read_exactly(self._stream, offset + FRAME_LENGTH_SIZE, length)
        final = index == self._manifest.chunks - 1
        try:
            packed = self._cipher.decrypt(chunk_nonce(index, final), sealed, self._header_hash)
        except InvalidTag as error:
            raise BundleError(
                "tampered",
                "a part of the bundle content fails its authentication check",
                "Ein Teil des Paketinhalts besteht die Echtheitsprüfung nicht.",
            ) from error
        return FRAME_LENGTH_SIZE + length, packed


@contextmanager
def open_bundle(
    path: Path,
    *,
    recipient_private_key: ec.EllipticCurvePrivateKey,
    expected_recipient: str,
    sender_public_der: Callable[[str, int], bytes | None],
    max_records: int = 50_000_000,
    max_plain_bytes: int = 50 * 2**30,
    max_record_bytes: int = MAX_CHUNK_PLAIN,
) -> Iterator[OpenBundle]:
    """Open a bundle for reading its records; everything checkable is checked first.

    Before the ``with`` block is entered: format and version, the signature of the
    manifest by the key ``sender_public_der(sender, key_id)`` returns (``None``: unknown
    or revoked sender), the recipient code and key, the declared size against the
    limits, and the SHA-256 of the header and the whole body (so a cut-off or altered
    file is refused before one record is decrypted). Raises :class:`BundleError`.

    A record whose JSON line is longer than ``max_record_bytes`` (counted in characters,
    which is no more than its bytes) is not parsed: :meth:`OpenBundle.records` yields
    ``{"type": OVERSIZED, "bytes": …, "excerpt": …}`` in its place for the caller to report.
    """
    recipient_der = public_der(recipient_private_key)
    with Path(path).open("rb") as stream:
        layout = _locate(stream)
        _check_recipient(layout, expected_recipient)
        manifest = _check_signature(layout, sender_public_der)
        _check_manifest(layout, manifest, recipient_der, max_records, max_plain_bytes)
        _check_body(stream, layout, manifest)
        try:
            ephemeral = load_public_key(manifest.ephemeral_key)
        except KeyFormatError as error:
            raise BundleError("tampered") from error
        shared = recipient_private_key.exchange(ec.ECDH(), ephemeral)
        cipher = content_cipher(
            shared, digest(layout.prelude), public_der(ephemeral), recipient_der
        )
        yield OpenBundle(
            stream, layout, manifest, cipher, max_records, max_plain_bytes, max_record_bytes
        )

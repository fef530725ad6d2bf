"""The wire format as written in ``passapp.sync.bundle``'s docstring, made executable.

``spec_bundle`` builds a file from the description alone (``cryptography``, ``zlib``,
``json``, and ``passapp.crypto.signing.sign`` for the signature), and ``spec_decode``
reads one. The reader must accept what the description allows and the writer must
produce what it describes; with a correctly signing sender that misbehaves, only the
reader's own limits stand between a crafted file and the importer: a zip bomb, chunks
dropped or reordered, records that are not JSON objects.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tracemalloc
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from passapp.crypto.signing import sign, verify
from passapp.sync.bundle import MAX_CHUNK_PLAIN, BundleHeader, read_header
from tests.sync.test_bundle import (
    DISTRICT,
    DISTRICT_DER,
    DISTRICT_KEY,
    NOW,
    ORIGIN,
    SENDER,
    SENDER_DER,
    SENDER_KEY,
    SENDER_KID,
    Refusal,
    put,
    read_all,
    refusal,
    refused_early,
    sample_records,
    write,
)

HEADER: dict[str, Any] = {
    "bundle_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    "counter_ranges": {ORIGIN: [1, 300]},
    "counts": {"entry": 299, "person": 1},
    "created_at": "2026-11-25T09:30:00Z",
    "recipient": DISTRICT,
    "sender": SENDER,
    "sender_key_id": SENDER_KID,
}


def canonical(value: dict[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("ascii")


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def der(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def content_key(
    shared: bytes, prelude: bytes, ephemeral_der: bytes, recipient_der: bytes
) -> AESGCM:
    info = (
        b"passapp/bundle/v1 content key\x00"
        + sha256(prelude)
        + sha256(ephemeral_der)
        + sha256(recipient_der)
    )
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"passapp/bundle/v1", info=info)
    return AESGCM(hkdf.derive(shared))


def nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + bytes([final])


def json_lines(records: Sequence[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        for record in records
    )


def spec_bundle(
    path: Path,
    packed_chunks: Sequence[bytes],
    *,
    records: int,
    plain_bytes: int,
    finals: Sequence[bool] | None = None,
    header: dict[str, Any] | None = None,
) -> Path:
    """A bundle built from the wire-format description, signed by the trusted sender key."""
    prelude = b"PASSAPP-BUNDLE 1\n" + canonical(header or HEADER) + b"\n"
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    ephemeral_der = der(ephemeral.public_key())
    recipient = serialization.load_der_public_key(DISTRICT_DER)
    assert isinstance(recipient, ec.EllipticCurvePublicKey)
    cipher = content_key(
        ephemeral.exchange(ec.ECDH(), recipient), prelude, ephemeral_der, DISTRICT_DER
    )
    body = b""
    for index, packed in enumerate(packed_chunks):
        final = finals[index] if finals is not None else index == len(packed_chunks) - 1
        sealed = cipher.encrypt(nonce(index, final), packed, sha256(prelude))
        body += len(sealed).to_bytes(4, "big") + sealed
    manifest = canonical(
        {
            "format": "passapp-bundle",
            "format_version": 1,
            "header_sha256": sha256(prelude).hex(),
            "body_size": len(body),
            "body_sha256": sha256(body).hex(),
            "chunks": len(packed_chunks),
            "records": records,
            "plain_bytes": plain_bytes,
            "ephemeral_key": base64.b64encode(ephemeral_der).decode(),
            "recipient_key_sha256": sha256(DISTRICT_DER).hex(),
        }
    )
    signature = sign(SENDER_KEY, b"passapp/bundle/v1\x00" + manifest)
    trailer = b"PASSAPP-END %08d\n" % (len(manifest) + 1)
    path.write_bytes(
        prelude + body + b"\n" + manifest + b"\n" + signature.hex().encode() + b"\n" + trailer
    )
    return path


def spec_bundle_from_frames(data: bytes, body_start: int, frames: Sequence[bytes]) -> bytes:
    """``data`` with its body replaced by ``frames`` and the manifest signed anew."""
    manifest_length = int(data[-9:-1])
    manifest = json.loads(data[-21 - 129 - manifest_length : -21 - 129])
    body = b"".join(frames)
    manifest.update(body_size=len(body), body_sha256=sha256(body).hex(), chunks=len(frames))
    line = canonical(manifest)
    signature = sign(SENDER_KEY, b"passapp/bundle/v1\x00" + line).hex().encode()
    tail = b"\n" + line + b"\n" + signature + b"\n" + b"PASSAPP-END %08d\n" % (len(line) + 1)
    return data[:body_start] + body + tail


def spec_records(path: Path, records: Sequence[dict[str, Any]], per_chunk: int = 3) -> Path:
    groups = [records[start : start + per_chunk] for start in range(0, len(records), per_chunk)]
    plains = [json_lines(group) for group in groups] or [b""]
    return spec_bundle(
        path,
        [zlib.compress(plain) for plain in plains],
        records=len(records),
        plain_bytes=sum(map(len, plains)),
    )


def spec_decode(data: bytes, recipient_key: ec.EllipticCurvePrivateKey) -> list[dict[str, Any]]:
    """Read a bundle by the description: lines at both ends, frames in the middle."""
    magic, header_line, _ = data.split(b"\n", 2)
    assert magic == b"PASSAPP-BUNDLE 1"
    prelude = magic + b"\n" + header_line + b"\n"
    assert data[-21:-9] == b"PASSAPP-END "
    manifest_length = int(data[-9:-1])
    signature_line = data[-21 - 129 : -21]
    manifest_line = data[-21 - 129 - manifest_length : -21 - 129]
    assert verify(
        SENDER_DER,
        b"passapp/bundle/v1\x00" + manifest_line[:-1],
        bytes.fromhex(signature_line.decode()),
    )
    manifest = json.loads(manifest_line)
    body = data[len(prelude) : -21 - 129 - manifest_length - 1]
    assert data[len(prelude) + len(body)] == ord("\n")
    assert sha256(prelude).hex() == manifest["header_sha256"]
    assert sha256(body).hex() == manifest["body_sha256"]
    assert len(body) == manifest["body_size"]
    ephemeral_der = base64.b64decode(manifest["ephemeral_key"])
    ephemeral = serialization.load_der_public_key(ephemeral_der)
    assert isinstance(ephemeral, ec.EllipticCurvePublicKey)
    recipient_der = der(recipient_key.public_key())
    cipher = content_key(
        recipient_key.exchange(ec.ECDH(), ephemeral), prelude, ephemeral_der, recipient_der
    )
    records: list[dict[str, Any]] = []
    offset = 0
    for index in range(manifest["chunks"]):
        length = int.from_bytes(body[offset : offset + 4], "big")
        sealed = body[offset + 4 : offset + 4 + length]
        offset += 4 + length
        final = index == manifest["chunks"] - 1
        plain = zlib.decompress(cipher.decrypt(nonce(index, final), sealed, sha256(prelude)))
        assert len(plain) <= 64 * 1024 or plain.count(b"\n") == 1
        records += [json.loads(line) for line in plain.splitlines()]
    assert offset == len(body)
    assert len(records) == manifest["records"]
    return records


# --------------------------------------------------------------------------- interoperation


def test_a_bundle_built_from_the_description_is_read(tmp_path: Path) -> None:
    records = sample_records(40)
    path = spec_records(tmp_path / "spec.bundle", records)
    assert read_all(path)[1] == records
    assert read_header(path) == BundleHeader(
        bundle_id=HEADER["bundle_id"],
        sender=SENDER,
        sender_key_id=SENDER_KID,
        recipient=DISTRICT,
        created_at=NOW,
        counter_ranges={ORIGIN: (1, 300)},
        counts={"entry": 299, "person": 1},
    )


def test_the_writer_produces_what_the_description_says(tmp_path: Path) -> None:
    path = tmp_path / "written.bundle"
    records = sample_records(2000)  # several chunks
    write(path, records)
    assert spec_decode(path.read_bytes(), DISTRICT_KEY) == records


# --------------------------------------------------------------------------- a misbehaving sender


def test_a_zip_bomb_is_refused_by_its_size_alone(tmp_path: Path) -> None:
    packer = zlib.compressobj(9)
    parts = [packer.compress(b'{"pad":"')]
    parts += [packer.compress(bytes(b"0" * 2**20)) for _ in range(64)]
    bomb = b"".join([*parts, packer.compress(b'"}\n'), packer.flush()])  # 64 MiB in ~65 KB
    assert len(bomb) < 100_000
    path = spec_bundle(tmp_path / "bomb.bundle", [bomb], records=1, plain_bytes=100)
    tracemalloc.start()
    try:
        result = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.reason == "too_large"
    assert result.yielded == 0
    # Never inflated beyond the chunk limit (zlib's output buffer is joined once: 2x).
    assert peak < 2 * MAX_CHUNK_PLAIN + 2**20


def test_many_small_chunks_beyond_max_plain_bytes_are_refused(tmp_path: Path) -> None:
    chunk = json_lines([{"pad": "0" * 100_000}] * 3)  # 300 KB per chunk, 3 KB packed
    # The manifest understates the size, so only the running count can catch it.
    path = spec_bundle(
        tmp_path / "many.bundle", [zlib.compress(chunk)] * 5, records=15, plain_bytes=10
    )
    result = refusal(path, max_plain_bytes=1_000_000)
    assert result.reason == "too_large"
    assert result.yielded == 9  # three whole chunks, nothing of the fourth
    # Within the limit, the understatement is found at the end, after the records.
    assert refusal(path, max_plain_bytes=10**9) == Refusal("tampered", False, 15)


def test_more_records_than_allowed_are_refused_while_reading(tmp_path: Path) -> None:
    records = sample_records(12)
    plains = [json_lines(records[:6]), json_lines(records[6:])]
    path = spec_bundle(
        tmp_path / "understated.bundle",
        [zlib.compress(plain) for plain in plains],
        records=3,  # the signed manifest lies
        plain_bytes=sum(map(len, plains)),
    )
    result = refusal(path, max_records=8)
    assert (result.reason, result.yielded) == ("too_large", 6)


def test_a_frame_larger_than_allowed_is_refused_before_any_record(tmp_path: Path) -> None:
    big = bytes(MAX_CHUNK_PLAIN + 128 * 1024)  # stored, not a valid chunk anyway
    path = spec_bundle(tmp_path / "frame.bundle", [big], records=0, plain_bytes=0)
    assert refused_early(path) == "too_large"


@pytest.mark.parametrize(
    ("finals", "yielded"),
    [
        ([False, False, False], 2),  # the last chunk is not final: as if chunks were dropped
        ([False, True, True], 1),  # a chunk before the last is final: as if one was added
        ([True, False, True], 0),
    ],
)
def test_wrong_final_flags_are_refused(tmp_path: Path, finals: list[bool], yielded: int) -> None:
    chunks = [zlib.compress(json_lines([{"n": n}])) for n in range(3)]
    path = spec_bundle(tmp_path / "flags.bundle", chunks, records=3, plain_bytes=24, finals=finals)
    assert refusal(path) == Refusal("tampered", False, yielded)


def test_reordered_chunks_are_refused(tmp_path: Path) -> None:
    chunks = [zlib.compress(json_lines([{"n": n}])) for n in range(3)]
    path = spec_bundle(tmp_path / "order.bundle", chunks, records=3, plain_bytes=24)
    data = path.read_bytes()
    body_start = data.index(b"\n", data.index(b"\n") + 1) + 1
    frames, offset = [], body_start
    for _ in range(3):
        length = int.from_bytes(data[offset : offset + 4], "big")
        frames.append(data[offset : offset + 4 + length])
        offset += 4 + length
    # Re-signed by the same sender (so the checksum matches), with chunks 0 and 1 swapped.
    swapped = spec_bundle_from_frames(data, body_start, [frames[1], frames[0], frames[2]])
    assert refusal(put(tmp_path, swapped)) == Refusal("tampered", False, 0)


@pytest.mark.parametrize(
    "plain",
    [
        b'{"a":1}',  # no newline at the end: a record cut in two
        b"[1,2]\n",  # not an object
        b'{"a":NaN}\n',
        b"\xff\xfe\n",
        b'{"a":1}\n\n',  # an empty line
        b"[" * 100_000 + b"\n",  # nested too deeply
    ],
)
def test_malformed_records_are_refused(tmp_path: Path, plain: bytes) -> None:
    path = spec_bundle(
        tmp_path / "bad.bundle", [zlib.compress(plain)], records=1, plain_bytes=len(plain)
    )
    result = refusal(path)
    assert (result.reason, result.yielded) == ("tampered", 0)


@pytest.mark.parametrize(
    "packed",
    [
        b"not zlib at all",
        zlib.compress(b'{"a":1}\n')[:-3],  # the stream ends early
        zlib.compress(b'{"a":1}\n') + b"extra",  # bytes after the stream
    ],
)
def test_malformed_compression_is_refused(tmp_path: Path, packed: bytes) -> None:
    path = spec_bundle(tmp_path / "z.bundle", [packed], records=1, plain_bytes=8)
    result = refusal(path)
    assert (result.reason, result.yielded) == ("tampered", 0)


def test_a_record_count_that_does_not_match_the_manifest_is_refused(tmp_path: Path) -> None:
    plain = json_lines([{"a": 1}, {"a": 2}])
    path = spec_bundle(
        tmp_path / "count.bundle", [zlib.compress(plain)], records=3, plain_bytes=len(plain)
    )
    assert refusal(path).reason == "tampered"


def test_a_non_canonical_header_is_refused_even_when_signed(tmp_path: Path) -> None:
    path = spec_bundle(
        tmp_path / "spaced.bundle",
        [zlib.compress(b"")],
        records=0,
        plain_bytes=0,
        header={**HEADER, "created_at": "2026-11-25T10:30:00+01:00"},
    )
    assert refused_early(path) == "tampered"

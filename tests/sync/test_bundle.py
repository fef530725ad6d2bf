"""The bundle file format (DESIGN §7): round trip, refusals, no personal data in clear, memory.

Every refusal is checked for its reason code *and* for happening before the ``with`` block
is entered, so that not a single record of a bad file reaches the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import pickle
import tempfile
import tracemalloc
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from passapp.crypto.keys import generate_key, key_id, public_der
from passapp.sync import bundle as bundle_module
from passapp.sync import bundle_format
from passapp.sync.bundle import (
    FORMAT_VERSION,
    BundleError,
    BundleHeader,
    open_bundle,
    read_header,
    write_bundle,
)

SENDER = "EWDAH"
DISTRICT = "LRADAH"
SENDER_KEY = generate_key()
SENDER_DER = public_der(SENDER_KEY)
SENDER_KID = key_id(SENDER_DER)
SECOND_SENDER_KEY = generate_key()  # another key of the same office
DISTRICT_KEY = generate_key()
DISTRICT_DER = public_der(DISTRICT_KEY)
OTHER_KEY = generate_key()  # some other office's key
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
ORIGIN = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"

# Names that must never appear in clear in a bundle file.
FAMILY_NAME = "Yılmaz-Özdemir"
GIVEN_NAME = "Zeynep Hassanova"


def make_header(**changes: Any) -> BundleHeader:
    values: dict[str, Any] = {
        "bundle_id": str(uuid.uuid4()),
        "sender": SENDER,
        "sender_key_id": SENDER_KID,
        "recipient": DISTRICT,
        "created_at": NOW,
        "counter_ranges": {ORIGIN: (1, 300)},
        "counts": {"person": 1, "entry": 299},
    }
    values.update(changes)
    return BundleHeader(**values)


def trusted(office: str, kid: int) -> bytes | None:
    """The receiver's trust store: the sending office's current key only."""
    return SENDER_DER if (office, kid) == (SENDER, SENDER_KID) else None


def person_record() -> dict[str, Any]:
    return {
        "type": "person",
        "id": str(uuid.UUID(int=1)),
        "family_name": FAMILY_NAME,
        "given_names": [GIVEN_NAME],
        "birth_date": "1999-04-00",
        "nationalities": ["TUR"],
    }


def entry_record(index: int) -> dict[str, Any]:
    return {
        "type": "entry",
        "id": str(uuid.UUID(int=index)),
        "origin": ORIGIN,
        "counter": index,
        "kind": "sprachkurs",
        "status": "abgeschlossen",
        "title": f"Deutschkurs B1, Abendgruppe {index % 13}",
        "provider": "Volkshochschule Dachau",
        "date": f"2026-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
        "level": "B1",
        "note": "ü" * (index % 40),
    }


def sample_records(count: int = 300) -> list[dict[str, Any]]:
    return [person_record()] + [entry_record(index) for index in range(1, count)]


def write(
    path: Path,
    records: Iterable[dict[str, Any]] | None = None,
    header: BundleHeader | None = None,
    **keys: Any,
) -> bundle_module.BundleInfo:
    keys.setdefault("sender_key", SENDER_KEY)
    keys.setdefault("recipient_public_der", DISTRICT_DER)
    return write_bundle(
        path, header or make_header(), sample_records() if records is None else records, **keys
    )


def read_all(path: Path, **options: Any) -> tuple[BundleHeader, list[dict[str, Any]]]:
    options.setdefault("recipient_private_key", DISTRICT_KEY)
    options.setdefault("expected_recipient", DISTRICT)
    options.setdefault("sender_public_der", trusted)
    with open_bundle(path, **options) as opened:
        return opened.header, list(opened.records())


@dataclass(frozen=True)
class Refusal:
    reason: str
    at_entry: bool  # refused before the with block was entered
    yielded: int


def refusal(path: Path, **options: Any) -> Refusal:
    options.setdefault("recipient_private_key", DISTRICT_KEY)
    options.setdefault("expected_recipient", DISTRICT)
    options.setdefault("sender_public_der", trusted)
    entered, yielded = False, 0
    try:
        with open_bundle(path, **options) as opened:
            entered = True
            for _ in opened.records():
                yielded += 1
    except BundleError as error:
        refused = error
    else:
        raise AssertionError("the bundle was accepted")
    assert str(refused)  # both languages, never empty
    assert refused.message_de
    return Refusal(refused.reason, not entered, yielded)


def refused_early(path: Path, **options: Any) -> str:
    """The reason, asserting the refusal came before any record could be read."""
    result = refusal(path, **options)
    assert result.at_entry, result
    assert result.yielded == 0
    return result.reason


# --------------------------------------------------------------------------- sample file


@dataclass(frozen=True)
class Sample:
    """A valid bundle of a few chunks and the offsets of its parts (see the wire format)."""

    data: bytes
    header_start: int
    body_start: int
    body_end: int
    signature_start: int
    trailer_start: int


def _build_sample() -> Sample:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.bundle"
        # Enough records for several chunks, so chunk boundaries are covered too.
        write(path, sample_records(700))
        data = path.read_bytes()
    header_start = data.index(b"\n") + 1
    body_start = data.index(b"\n", header_start) + 1
    trailer_start = len(data) - bundle_format.TRAILER_SIZE
    signature_start = trailer_start - bundle_format.SIGNATURE_LINE
    manifest_length = int(data[trailer_start:].split()[1])
    body_end = signature_start - manifest_length - 1
    return Sample(data, header_start, body_start, body_end, signature_start, trailer_start)


SAMPLE = _build_sample()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bundles")


def put(folder: Path, data: bytes, name: str = "case.bundle") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- round trip


def test_round_trip_keeps_records_in_order_and_the_header(tmp_path: Path) -> None:
    path = tmp_path / "EWDAH-to-LRADAH.bundle"
    header = make_header()
    records = sample_records(3000)
    info = write(path, records, header)

    assert info.path == path
    assert info.records == len(records)
    assert info.bytes == path.stat().st_size
    assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    read_back_header, read_back = read_all(path)
    assert read_back_header == header
    assert read_back == records
    assert read_back_header.format_version == FORMAT_VERSION
    assert read_back_header.counter_ranges == {ORIGIN: (1, 300)}
    assert read_back_header.created_at.tzinfo == dt.UTC


def test_an_empty_bundle_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "empty.bundle"
    header = make_header(counter_ranges={}, counts={})
    write(path, [], header)
    assert read_all(path) == (header, [])


def test_records_can_be_read_twice_and_the_count_is_known_before(tmp_path: Path) -> None:
    path = tmp_path / "twice.bundle"
    write(path)
    with open_bundle(
        path,
        recipient_private_key=DISTRICT_KEY,
        expected_recipient=DISTRICT,
        sender_public_der=trusted,
    ) as opened:
        assert opened.record_count == 300
        assert list(opened.records()) == list(opened.records()) == sample_records()
        late = opened.records()
    with pytest.raises(RuntimeError, match="closed"):
        next(late)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=40)
@given(st.lists(st.dictionaries(st.text(max_size=10), json_values, max_size=6), max_size=30))
def test_any_json_records_round_trip(folder: Path, records: list[dict[str, Any]]) -> None:
    path = folder / "any.bundle"
    write(path, records)
    assert read_all(path)[1] == records


def test_a_created_at_in_another_zone_is_kept_as_the_same_instant_in_utc(tmp_path: Path) -> None:
    berlin = dt.timezone(dt.timedelta(hours=1))
    header = make_header(created_at=dt.datetime(2026, 11, 25, 10, 30, 0, 123456, tzinfo=berlin))
    assert header.created_at == dt.datetime(2026, 11, 25, 9, 30, 0, 123456, tzinfo=dt.UTC)
    path = tmp_path / "zone.bundle"
    write(path, header=header)
    assert read_header(path) == header


# --------------------------------------------------------------------------- plain header


def test_read_header_needs_no_key_and_head_2_shows_the_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.bundle"
    header = make_header()
    write(path, header=header)
    assert read_header(path) == header

    magic, header_line = path.read_bytes().split(b"\n")[:2]
    assert magic == b"PASSAPP-BUNDLE 1"
    assert json.loads(header_line) == {
        "bundle_id": header.bundle_id,
        "sender": SENDER,
        "sender_key_id": SENDER_KID,
        "recipient": DISTRICT,
        "created_at": "2026-11-25T09:30:00Z",
        "counter_ranges": {ORIGIN: [1, 300]},
        "counts": {"entry": 299, "person": 1},
    }


def test_no_personal_data_appears_anywhere_in_the_file_in_clear(tmp_path: Path) -> None:
    path = tmp_path / "private.bundle"
    write(path, [person_record()] * 50)  # repeated: compression alone would not hide it
    data = path.read_bytes()
    plain_header = data.split(b"\n")[1].decode("ascii")
    for name in (FAMILY_NAME, GIVEN_NAME, "Hassanova", "Zeynep", "1999-04-00", "TUR"):
        assert name not in plain_header
        for encoded in (
            name.encode("utf-8"),
            name.encode("utf-16-le"),
            json.dumps(name).encode("ascii")[1:-1],  # as JSON writes it with \\u escapes
        ):
            assert encoded not in data, name


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("recipient", "*"),
        ("recipient", "lradah"),
        ("sender", "EWDAHOI"),
        ("sender_key_id", 70000),
        ("sender_key_id", True),
        ("bundle_id", "not-a-uuid"),
        ("bundle_id", ORIGIN.upper()),
        ("created_at", dt.datetime(2026, 11, 25, 9, 30)),  # naive
        ("counts", {"Müller, Anna": 1}),  # anything but a plain code is refused
        ("counts", {"entry": -1}),
        ("counter_ranges", {ORIGIN: (5, 4)}),
        ("counter_ranges", {"Anna Müller": (1, 2)}),
    ],
)
def test_a_header_with_a_bad_field_cannot_be_made(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        make_header(**{field: value})


# --------------------------------------------------------------------------- atomic write


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "out.bundle"

    def failing() -> Iterator[dict[str, Any]]:
        yield from sample_records(2000)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write(path, failing())
    assert list(tmp_path.iterdir()) == []

    write(path)
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write(path, [{"ok": 1}, {"not json": object()}])
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_a_record_beyond_the_chunk_limit_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "huge.bundle"
    with pytest.raises(ValueError, match="record"):
        write(path, [{"blob": "x" * bundle_format.MAX_CHUNK_PLAIN}])
    with pytest.raises(TypeError, match="dict"):
        write(path, [["not", "a", "dict"]])  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


def test_the_header_must_name_the_signing_key(tmp_path: Path) -> None:
    path = tmp_path / "mismatch.bundle"
    with pytest.raises(ValueError, match="key id"):
        write(path, sender_key=SECOND_SENDER_KEY)
    assert not path.exists()


# --------------------------------------------------------------------------- refusals


def test_a_bundle_for_another_office_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "for-district.bundle"
    write(path)
    assert refused_early(path, expected_recipient="JCDAH") == "wrong_recipient"
    with pytest.raises(BundleError, match="LRADAH"):
        read_all(path, expected_recipient="JCDAH")


def test_a_bundle_encrypted_to_another_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other-key.bundle"
    write(path, recipient_public_der=public_der(OTHER_KEY))  # header still says LRADAH
    assert refused_early(path) == "wrong_recipient"


def test_a_bundle_of_an_unknown_or_revoked_sender_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "unknown.bundle"
    write(path)
    assert refused_early(path, sender_public_der=lambda office, kid: None) == "unknown_sender"
    with pytest.raises(BundleError, match=f"{SENDER_KID:04X}") as caught:
        read_all(path, sender_public_der=lambda office, kid: None)
    assert SENDER in caught.value.message_de


def test_a_bundle_signed_by_another_key_of_the_same_office_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "second-key.bundle"
    second_kid = key_id(public_der(SECOND_SENDER_KEY))
    write(path, header=make_header(sender_key_id=second_kid), sender_key=SECOND_SENDER_KEY)
    # A receiver that knows only the office's first key does not know this one ...
    assert refused_early(path) == "unknown_sender"
    # ... and one that looks keys up by office code alone finds a key that does not match.
    assert refused_early(path, sender_public_der=lambda office, kid: SENDER_DER) == "bad_signature"

    # An impostor naming the trusted key's id while signing with another key.
    monkeypatch.setattr(bundle_module, "key_id", lambda der: SENDER_KID)
    write(path, sender_key=SECOND_SENDER_KEY)
    assert refused_early(path) == "bad_signature"


@settings(max_examples=300)
@given(st.data())
def test_a_bundle_cut_off_anywhere_is_refused_as_truncated(
    folder: Path, data: st.DataObject
) -> None:
    cut = data.draw(
        st.integers(0, len(SAMPLE.data) - 1)
        | st.sampled_from(_boundaries(SAMPLE)),  # every part's edges, always tried
        label="cut",
    )
    path = put(folder, SAMPLE.data[:cut])
    expected = "not_a_bundle" if cut == 0 else "truncated"
    assert refused_early(path) == expected
    with pytest.raises(BundleError) as caught:
        read_header(path)
    assert caught.value.reason == expected


def _boundaries(sample: Sample) -> list[int]:
    edges = [
        1,
        len(b"PASSAPP-BUNDLE "),
        sample.header_start,
        sample.body_start,
        sample.body_end,
        sample.signature_start,
        sample.trailer_start,
        len(sample.data),
    ]
    return sorted(
        {edge + delta for edge in edges for delta in (-1, 0, 1)} & set(range(len(sample.data)))
    )


def _reasons_for_a_flip_at(offset: int) -> set[str]:
    """What a changed byte at ``offset`` of SAMPLE may be refused as, by the part it hits."""
    if offset < len(b"PASSAPP-BUNDLE "):
        return {"not_a_bundle"}
    if offset < SAMPLE.header_start:  # the version number and its newline
        return {"not_a_bundle", "unknown_version"}
    if offset < SAMPLE.body_start:  # the plain header: a changed code, or any other change
        return {"tampered", "wrong_recipient", "unknown_sender"}
    if offset <= SAMPLE.body_end:  # the encrypted body and the newline after it
        return {"tampered"}
    if offset < SAMPLE.signature_start:  # the manifest
        return {"bad_signature", "tampered"}
    if offset < SAMPLE.trailer_start:
        return {"bad_signature"}
    # The trailer: a changed length may even frame a "manifest" that fails its signature.
    return {"truncated", "tampered", "bad_signature"}


@settings(max_examples=400)
@given(st.data())
def test_one_changed_byte_anywhere_is_refused_before_any_record(
    folder: Path, data: st.DataObject
) -> None:
    offset = data.draw(
        st.integers(0, len(SAMPLE.data) - 1) | st.sampled_from(_boundaries(SAMPLE)), label="offset"
    )
    mask = data.draw(st.integers(1, 255), label="xor")
    altered = bytearray(SAMPLE.data)
    altered[offset] ^= mask
    path = put(folder, bytes(altered))
    assert refused_early(path) in _reasons_for_a_flip_at(offset)


def test_every_part_is_covered_by_the_flip_regions() -> None:
    # The body (where the data is) must be refused as tampered, and only as that.
    middle = (SAMPLE.body_start + SAMPLE.body_end) // 2
    assert _reasons_for_a_flip_at(middle) == {"tampered"}
    manifest = json.loads(SAMPLE.data[SAMPLE.body_end + 1 : SAMPLE.signature_start])
    assert manifest["chunks"] >= 3


def test_appended_or_inserted_bytes_are_refused(folder: Path) -> None:
    assert refused_early(put(folder, SAMPLE.data + b"\n")) == "truncated"
    spliced = SAMPLE.data[: SAMPLE.body_start + 10] + b"x" + SAMPLE.data[SAMPLE.body_start + 10 :]
    assert refused_early(put(folder, spliced)) == "tampered"
    dropped = SAMPLE.data[: SAMPLE.body_start + 10] + SAMPLE.data[SAMPLE.body_start + 11 :]
    assert refused_early(put(folder, dropped)) == "tampered"


@pytest.mark.parametrize("version", [b"2", b"10", b"999999"])
def test_an_unknown_format_version_is_refused(folder: Path, version: bytes) -> None:
    newer = b"PASSAPP-BUNDLE " + version + b"\n" + b"\x00\x01 whatever a future format holds"
    path = put(folder, newer)
    assert refused_early(path) == "unknown_version"
    with pytest.raises(BundleError, match=version.decode()) as caught:
        read_header(path)
    assert caught.value.reason == "unknown_version"
    relabelled = SAMPLE.data.replace(b"PASSAPP-BUNDLE 1\n", b"PASSAPP-BUNDLE " + version + b"\n", 1)
    assert refused_early(put(folder, relabelled)) == "unknown_version"


def _pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    stream = io.BytesIO()
    canvas = Canvas(stream)
    canvas.drawString(72, 720, "Bildungs- und Beratungspass")
    canvas.save()
    return stream.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        _pdf(),
        b"PK\x03\x04" + bytes(100),  # a zip file
        b"passapp-bundle 1\n{}\n",
        b"PASSAPP-BUNDLEX 1\n",
        b"PASSAPP-BUNDLE one\n{}\n",
        b"PASSAPP-BUNDLE 01\n{}\n",
        SAMPLE.data[SAMPLE.header_start :],  # the magic line lost
    ],
)
def test_a_file_that_is_no_bundle_is_refused(folder: Path, content: bytes) -> None:
    path = put(folder, content)
    assert refused_early(path) == "not_a_bundle"
    with pytest.raises(BundleError) as caught:
        read_header(path)
    assert caught.value.reason == "not_a_bundle"


@given(st.binary(max_size=2000))
def test_random_bytes_are_refused(folder: Path, content: bytes) -> None:
    assume(not content.startswith(b"PASSAPP-BUNDLE "))
    path = put(folder, content)
    cut_magic = bool(content) and b"PASSAPP-BUNDLE ".startswith(content)
    assert refused_early(path) == ("truncated" if cut_magic else "not_a_bundle")


def test_size_limits_refuse_before_any_record(tmp_path: Path) -> None:
    path = tmp_path / "big.bundle"
    write(path)
    assert refused_early(path, max_records=299) == "too_large"
    plain = sum(
        len(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode()) + 1
        for r in sample_records()
    )
    assert refused_early(path, max_plain_bytes=plain - 1) == "too_large"
    assert read_all(path, max_records=300, max_plain_bytes=plain)[1] == sample_records()


def test_a_header_changed_to_other_valid_values_is_refused(folder: Path) -> None:
    original = json.loads(SAMPLE.data.split(b"\n")[1])
    for change in ({"counts": {"entry": 1}}, {"created_at": "2026-11-26T09:30:00Z"}):
        header = json.dumps({**original, **change}, sort_keys=True, separators=(",", ":"))
        data = b"PASSAPP-BUNDLE 1\n" + header.encode() + b"\n" + SAMPLE.data[SAMPLE.body_start :]
        assert refused_early(put(folder, data)) == "tampered"


def test_bundle_error_carries_reason_and_both_languages() -> None:
    error = BundleError("truncated")
    assert error.reason == "truncated"
    assert "incomplete" in str(error)
    assert "unvollständig" in error.message_de
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason, str(copy), copy.message_de) == (error.reason, str(error), error.message_de)
    with pytest.raises(ValueError, match="unknown bundle error reason"):
        BundleError("whatever")


# --------------------------------------------------------------------------- memory


def _flat_records(count: int, marks: dict[int, Callable[[], None]]) -> Iterator[dict[str, Any]]:
    # About 300 bytes each as JSON; made cheaply, since tracemalloc slows every allocation.
    varieties = [entry_record(index) | {"pad": "x" * 60} for index in range(997)]
    for index in range(count):
        if index in marks:
            marks[index]()
        yield {**varieties[index % 997], "counter": index}


@pytest.mark.slow
def test_memory_stays_flat_writing_and_reading_300k_records(tmp_path: Path) -> None:
    count, early = 300_000, 50_000
    path = tmp_path / "big.bundle"
    peaks: dict[str, int] = {}

    def mark(name: str) -> Callable[[], None]:
        def note() -> None:
            peaks[name] = tracemalloc.get_traced_memory()[1]

        return note

    tracemalloc.start()
    try:
        write(path, _flat_records(count, {early: mark("write 50k")}))
        mark("write 300k")()
        tracemalloc.reset_peak()
        seen = 0
        with open_bundle(
            path,
            recipient_private_key=DISTRICT_KEY,
            expected_recipient=DISTRICT,
            sender_public_der=trusted,
        ) as opened:
            for _record in opened.records():
                seen += 1
                if seen == early:
                    mark("read 50k")()
        mark("read 300k")()
    finally:
        tracemalloc.stop()

    assert seen == count
    assert path.stat().st_size > 1_000_000
    for name, peak in peaks.items():
        assert peak < 3 * 2**20, (name, peak)  # a few chunks, never the bundle (~90 MB of JSON)
    assert peaks["write 300k"] <= peaks["write 50k"] + 64 * 1024, peaks
    assert peaks["read 300k"] <= peaks["read 50k"] + 64 * 1024, peaks


def test_replace_keeps_header_validation() -> None:
    with pytest.raises(ValueError, match="recipient"):
        replace(make_header(), recipient="*")


def test_keys_on_other_curves_are_refused(tmp_path: Path) -> None:
    p384 = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(ValueError, match="P-256"):
        write(tmp_path / "x.bundle", sender_key=p384)

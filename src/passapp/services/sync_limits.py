"""Bounded input of sync (DESIGN §7, "Bounded input"; issue 9).

A signed bundle is authentic, not harmless: an enrolled office, or a broken one, may
write records of megabytes that zlib squeezes to a few kilobytes. Every record is held
to what a real change can be: its JSON line at most :data:`MAX_RECORD_BYTES`, its fields
those of the record type (unknown ones are dropped and counted), each value of the
column's type and within the column's length. Only the sanitised record is kept, applied,
staged or relayed; a quarantined record keeps a bounded excerpt, never the whole.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any, Final

from passapp.domain.dates import PartialDate
from passapp.models.entities import Base

# A real change record is one to a few KB (a person with every name field full is < 10 KB).
MAX_RECORD_BYTES: Final = 64 * 1024
MAX_TEXT: Final = 2000  # a column without a length (a reason)
MAX_LIST_ITEMS: Final = 32
MAX_LIST_ITEM: Final = 500
MAX_SCALAR_TEXT: Final = 80  # ids, dates, codes, a version: what a converter parses
MAX_EXCERPT: Final = 1000
MAX_VECTOR_ENTRIES: Final = 10_000  # origin databases named in one acknowledgement
CHANGE_FIELDS: Final = frozenset(
    {
        "type",
        "database_id",
        "counter",
        "origin_office",
        "entity_type",
        "entity_id",
        "operation",
        "recorded_at",
        "payload",
    }
)
# Payload keys that are no column but travel with a record: a person sent without consent,
# the version a change was made on (``changes.BASE_KEY``).
EXTRA_PAYLOAD_FIELDS: Final[dict[str, dict[str, type]]] = {
    "person": {"anonymous": bool, "_base": str},
    "pass": {"_base": str},
}

Check = Callable[[Any], bool]


def _text(limit: int) -> Check:
    return lambda value: isinstance(value, str) and len(value) <= limit


def _text_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= MAX_LIST_ITEMS
        and all(isinstance(item, str) and len(item) <= MAX_LIST_ITEM for item in value)
    )


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62


def _boolean(value: Any) -> bool:
    return isinstance(value, bool)


def _instance_of(kind: type) -> Check:
    return lambda value: isinstance(value, kind) and len(str(value)) <= MAX_SCALAR_TEXT


def _check_for(column: Any) -> Check:
    """What a column's JSON value may be (None is allowed everywhere; the database and
    the converters refuse None where the column needs a value)."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = object
    if kind is str:
        return _text(getattr(column.type, "length", None) or MAX_TEXT)
    if kind is bool:
        return _boolean
    if kind is int:
        return _integer
    if kind in (list, dict, object) and type(column.type).__name__ == "JSON":
        return _text_list
    if kind is bytes:
        return _text(MAX_TEXT)
    if kind in (uuid.UUID, dt.date, dt.datetime, PartialDate) or type(column.type).__name__ in (
        "PartialDateType",
        "UtcDateTime",
    ):
        return _text(MAX_SCALAR_TEXT)
    return _text(MAX_TEXT)


def payload_checks(entity_type: str, model: type[Base]) -> dict[str, Check]:
    checks = {
        attribute.key: _check_for(attribute.columns[0])
        for attribute in model.__mapper__.column_attrs
    }
    for key, kind in EXTRA_PAYLOAD_FIELDS.get(entity_type, {}).items():
        checks[key] = _instance_of(kind)
    return checks


class BadValue(ValueError):
    pass


def sanitised(
    record: dict[str, Any], checks: dict[str, Check], local_columns: frozenset[str]
) -> tuple[dict[str, Any], int]:
    """The record with only the fields a change has and the payload fields its type has,
    each checked; and how many fields were dropped. Raises :class:`BadValue`."""
    clean = {k: v for k, v in record.items() if k in CHANGE_FIELDS}
    dropped = len(record) - len(clean)
    payload = record.get("payload")
    if not isinstance(payload, dict):
        raise BadValue("no payload")
    kept: dict[str, Any] = {}
    for key, value in payload.items():
        check = checks.get(key)
        if check is None or key in local_columns:
            dropped += 1
            continue
        if value is not None and not check(value):
            raise BadValue(f"field {key!r} is not of its type or too long")
        kept[key] = value
    for key in ("database_id", "origin_office", "entity_type", "entity_id", "operation"):
        value = clean.get(key)
        if value is not None and not _text(MAX_SCALAR_TEXT)(value):
            raise BadValue(f"{key} is not a short text")
    recorded_at = clean.get("recorded_at")
    if recorded_at is not None and not _text(MAX_SCALAR_TEXT)(recorded_at):
        raise BadValue("recorded_at is not a short text")
    clean["payload"] = kept
    return clean, dropped


def excerpt(record: Any) -> dict[str, Any]:
    """What the quarantine keeps of a record: its kind and the start of its JSON."""
    try:
        text = json.dumps(record, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        text = repr(type(record))
    kept: dict[str, Any] = {"excerpt": text[:MAX_EXCERPT], "bytes": len(text.encode())}
    if isinstance(record, dict):
        for key in ("type", "entity_type", "origin_office", "database_id", "counter"):
            value = record.get(key)
            if isinstance(value, str | int) and len(str(value)) <= MAX_SCALAR_TEXT:
                kept[key] = value
    return kept

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
from typing import Any, Final

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.profile import profile_from_json
from passapp.models.entities import Base

# A real change record is one to a few KB (a person with every name field full is < 10 KB).
MAX_RECORD_BYTES: Final = 64 * 1024
MAX_TEXT: Final = 2000  # a column without a length (a reason)
MAX_LIST_ITEMS: Final = 32
MAX_LIST_ITEM: Final = 500
MAX_SCALAR_TEXT: Final = 80  # ids, dates, codes, a version: what a converter parses
MAX_EXCERPT: Final = 1000
# A learner profile with every list full is 2.2 KB of JSON (measured).
MAX_PROFILE_BYTES: Final = 8000
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
# the version a change was made on (``changes.BASE_KEY``), the edits a decided conflict
# settles (``changes.SETTLES_KEY``).
EXTRA_PAYLOAD_FIELDS: Final[dict[str, dict[str, type]]] = {
    "person": {"anonymous": bool, "_base": str, "_settles": list},
    "pass": {"_base": str, "_settles": list},
}

# What a payload field may hold: (kind, limit). "text": a str of at most ``limit``
# characters; "list": a list of short texts; "bool"; "int": an int below ``limit``.
Spec = tuple[str, int]
_SCALAR: Final = ("text", MAX_SCALAR_TEXT)
_SCALAR_KINDS: Final = (uuid.UUID, dt.date, dt.datetime, PartialDate)
_SCALAR_TYPES: Final = ("PartialDateType", "UtcDateTime")
_TOP_LEVEL_TEXTS: Final = (
    "database_id",
    "origin_office",
    "entity_type",
    "entity_id",
    "operation",
    "recorded_at",
)


def _spec_for(column: Any) -> Spec:
    """What a column's JSON value may be (None is allowed everywhere; the database and
    the converters refuse None where the column needs a value)."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = object
    type_name = type(column.type).__name__
    if column.info.get("travels_as") == "profile":
        return ("profile", MAX_PROFILE_BYTES)
    if kind is bool:
        return ("bool", 0)
    if kind is int:
        return ("int", 2**62)
    if type_name == "JSON":
        return ("list", MAX_LIST_ITEMS)
    if kind in _SCALAR_KINDS or type_name in _SCALAR_TYPES:
        return _SCALAR
    if kind is str:
        return ("text", getattr(column.type, "length", None) or MAX_TEXT)
    return ("text", MAX_TEXT)  # bytes travel as base64 text


def payload_specs(entity_type: str, model: type[Base]) -> dict[str, Spec]:
    specs = {
        attribute.key: _spec_for(attribute.columns[0])
        for attribute in model.__mapper__.column_attrs
    }
    for key, kind in EXTRA_PAYLOAD_FIELDS.get(entity_type, {}).items():
        specs[key] = {bool: ("bool", 0), list: ("list", 2)}.get(kind, _SCALAR)
    return specs


def _fits(value: Any, spec: Spec) -> bool:
    kind, limit = spec
    if kind == "text":
        return type(value) is str and len(value) <= limit
    if kind == "bool":
        return value is True or value is False
    if kind == "int":
        return type(value) is int and -limit < value < limit
    if kind == "profile":
        return _is_profile(value, limit)
    return (
        type(value) is list
        and len(value) <= limit
        and all(type(item) is str and len(item) <= MAX_LIST_ITEM for item in value)
    )


def _is_profile(value: Any, limit: int) -> bool:
    """A learner profile whose every value is one of the lists (domain/profile.py)."""
    if type(value) is not dict or len(json.dumps(value)) > limit:
        return False
    try:
        profile_from_json(value)
    except (InputError, TypeError, AttributeError):
        return False
    return True


class BadValue(ValueError):
    pass


def sanitised(
    record: dict[str, Any], specs: dict[str, Spec], local_columns: frozenset[str]
) -> tuple[dict[str, Any], int]:
    """The record with only the fields a change has and the payload fields its type has,
    each checked; and how many fields were dropped. Raises :class:`BadValue`."""
    clean = {k: v for k, v in record.items() if k in CHANGE_FIELDS}
    dropped = len(record) - len(clean)
    payload = record.get("payload")
    if type(payload) is not dict:
        raise BadValue("no payload")
    kept: dict[str, Any] = {}
    for key, value in payload.items():
        spec = specs.get(key)
        if spec is None or key in local_columns:
            dropped += 1
            continue
        # Inlined for the common case (a text): this runs for every field of every change.
        if not (
            value is None
            or (type(value) is str and len(value) <= spec[1] and spec[0] == "text")
            or _fits(value, spec)
        ):
            raise BadValue(f"field {key!r} is not of its type or too long")
        kept[key] = value
    for key in _TOP_LEVEL_TEXTS:
        value = clean.get(key)
        if value is not None and not _fits(value, _SCALAR):
            raise BadValue(f"{key} is not a short text")
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

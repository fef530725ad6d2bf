"""Reference data shipped in ``passapp.resources`` (the top-level ``resources/``) and seeded
into a new database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.models.entities import Municipality, Offer


def load_resource(name: str) -> Any:
    text = resources.files("passapp.resources").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class Label:
    slug: str
    label_de: str
    label_en: str


@cache
def entry_kind_labels() -> dict[str, Label]:
    data = load_resource("entry_kinds.json")["entry_kinds"]
    return {item["slug"]: Label(item["slug"], item["label_de"], item["label_en"]) for item in data}


@cache
def entry_status_labels() -> dict[str, Label]:
    data = load_resource("entry_kinds.json")["entry_statuses"]
    return {item["slug"]: Label(item["slug"], item["label_de"], item["label_en"]) for item in data}


@cache
def office_kind_labels() -> dict[str, Label]:
    data = load_resource("office_kinds.json")["office_kinds"]
    return {item["slug"]: Label(item["slug"], item["label_de"], item["label_en"]) for item in data}


def seed_reference_data(session: Session) -> None:
    """Municipalities and the sample offers, where the database has none yet."""
    if session.scalars(select(Municipality.key).limit(1)).first() is None:
        for item in load_resource("municipalities.json")["municipalities"]:
            session.add(Municipality(key=item["key"], name=item["name"], kind=item.get("kind")))
    if session.scalars(select(Offer.id).limit(1)).first() is None:
        catalogue = load_resource("offers_sample.json")
        for item in catalogue["offers"]:
            session.add(
                Offer(
                    slug=item["id"],
                    category=item["category"],
                    title=item["title"],
                    titles=dict(item.get("titles", {})) or None,  # checked by a test
                    provider=item["provider"],
                    address=item.get("address"),
                    municipality_key=item.get("municipality_key"),
                    contact=item.get("contact"),
                    languages=item.get("languages", []),
                    target_group=item.get("target_group"),
                    cefr_levels=item.get("cefr_levels", []),
                    description=item.get("description"),
                    is_sample=bool(catalogue.get("sample")),
                )
            )
    session.flush()


def municipality_by_name_or_key(session: Session, text: str) -> Municipality | None:
    value = text.strip()
    found = session.get(Municipality, value)
    if found is not None:
        return found
    for municipality in session.scalars(select(Municipality)):
        if municipality.name.casefold() == value.casefold():
            return municipality
    return None

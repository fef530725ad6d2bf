from __future__ import annotations

import uuid

from sqlalchemy import func, select

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person


def register(
    ctx: ServiceContext,
    family: str = "Ahmadi",
    given: str = "Zahra",
    birth: str = "2001-04-03",
    arrival: str | None = "2021-09-02",
    abroad: bool = False,
    original: tuple[str, str] | None = None,
) -> uuid.UUID:
    data = PersonInput(
        family_names=family,
        given_names=given,
        family_names_original=original[0] if original else None,
        given_names_original=original[1] if original else None,
        birth_date=PartialDate.parse(birth),
        arrival_date=PartialDate.parse(arrival) if arrival else None,
        moved_from_abroad=abroad,
    )
    return register_person(ctx, data).person.id


def count(ctx: ServiceContext, model: type) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

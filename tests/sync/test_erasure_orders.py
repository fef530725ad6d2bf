"""Erasure, withdrawal and edits in any order, with bundles crossing in any order: once a
round trip is done both sites agree, an erasure anywhere wins everywhere, and a withdrawal
leaves the district without the identity (hypothesis, fixed seed)."""

from __future__ import annotations

import dataclasses
import random
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from passapp.services.context import ServiceContext
from passapp.services.erasure import erase_person, withdraw_consent
from passapp.services.errors import ServiceError
from passapp.services.offices import init_office
from passapp.services.people import register_person, update_person
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import init_district
from tests.conftest import enrol, make_context
from tests.services.test_erasure import REASON, leaks, qarawani
from tests.sync.test_conflicts import to_district, to_office
from tests.sync.test_erasure_sync import person_row

OPERATIONS = ("office_edit", "office_withdraw", "office_erase", "district_erase", "export")


@dataclasses.dataclass
class World:
    folder: Path
    office: ServiceContext
    district: ServiceContext
    person_id: uuid.UUID
    bundles: list[tuple[ServiceContext, Path]] = dataclasses.field(default_factory=list)


@contextmanager
def world() -> Iterator[World]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        district = make_context(folder / "district.sqlite3", clerk="district")
        init_district(district, name="Landkreis Dachau", code="LRADAH")
        office = make_context(folder / "passapp.sqlite3")
        init_office(
            office, code="EWDAH", name="EMA Dachau", kind="einwohnermeldeamt", municipality="Dachau"
        )
        enrol(office, district, folder)
        person_id = register_person(office, qarawani()).person.id
        to_district(office, district, folder / "first.passapp")
        try:
            yield World(folder, office, district, person_id)
        finally:
            office.db.dispose()
            district.db.dispose()


def run(w: World, operation: str, step: int, withdrawn: bool) -> None:
    if operation == "office_edit":
        data = dataclasses.replace(
            qarawani(consent=not withdrawn),
            given_names="Noor " + ["Amal", "Rania", "Hiba", "Dina", "Lina", "Sara"][step],
        )
        update_person(w.office, w.person_id, data)
    elif operation == "office_withdraw":
        withdraw_consent(w.office, w.person_id)
    elif operation == "office_erase":
        erase_person(w.office, w.person_id, REASON)
    elif operation == "district_erase":
        erase_person(w.district, w.person_id, REASON)
    else:  # both sides write a bundle now; they are delivered later, in any order
        out = w.folder / f"ew-{step}.passapp", w.folder / f"lra-{step}.passapp"
        export_bundles(w.office, out[0])
        export_bundles(w.district, out[1], "EWDAH")
        w.bundles += [(w.district, out[0]), (w.office, out[1])]


@settings(max_examples=40, deadline=None, derandomize=True)
# A bundle written before the erasure is deleted by it and never delivered (found by CI).
@example(operations=["export", "office_erase"], order=random.Random(0))
@given(
    operations=st.lists(st.sampled_from(OPERATIONS), min_size=2, max_size=5),
    order=st.randoms(use_true_random=False),
)
def test_any_order_of_erase_edit_and_withdraw_ends_the_same_everywhere(
    operations: list[str], order: object
) -> None:
    with world() as w:
        done: set[str] = set()
        for step, operation in enumerate(operations):
            try:
                run(w, operation, step, "office_withdraw" in done)
                done.add(operation)
            except ServiceError:
                pass  # not possible any more (erased, no consent left): the clerk is told
        order.shuffle(w.bundles)  # type: ignore[attr-defined]
        for recipient, bundle in w.bundles:
            # An erasure deletes the outgoing bundles written before it that still name the
            # person (DSGVO: pending bundles included); the end rounds carry the rest.
            if bundle.exists():
                import_bundle(recipient, bundle)
        for round_ in range(2):
            to_district(w.office, w.district, w.folder / f"end-ew-{round_}.passapp")
            to_office(w.district, w.office, "EWDAH", w.folder / f"end-lra-{round_}.passapp")

        office, district = person_row(w.office, w.person_id), person_row(w.district, w.person_id)
        if done & {"office_erase", "district_erase"}:
            assert office.erased_at is not None
            assert district.erased_at is not None
            assert leaks(w.folder / "passapp.sqlite3") == {}
            assert leaks(w.folder / "district.sqlite3") == {}
        elif "office_withdraw" in done:
            assert (district.family_names, district.given_names, district.contact) == ("", "", None)
            assert leaks(w.folder / "district.sqlite3") == {}
            assert office.family_names == qarawani().family_names
        else:
            assert district.given_names == office.given_names

"""Fill a passapp database with N invented but realistic persons, passes and entries, fast.

``python -m benchmarks.generate --persons 1000000 --out bench.sqlite3 [--seed 1]``

The schema is made by :func:`passapp.models.database.open_database` (Alembic head) and
the office by :func:`passapp.services.offices.init_office`, exactly as a real installation.
The people are then bulk inserted with SQLAlchemy Core ``insert()`` executemany, in
batches of 20,000 persons per transaction, not through ``register_person``: one million
registrations through the service would take hours. Every derived column is computed by
the same functions the services use (``latin_search_form``, ``index_keys``,
``PartialDate``, ``new_uuid``, ``PassNumber``), and :func:`check_database` proves it by
registering a sample of the generated people again through the real service and
comparing the rows, and by finding generated people through ``services.search.find``.

Worker processes draw the people and compute their search keys; the main process only
inserts. The content is deterministic for a given ``--seed`` and size (each batch has its
own seeded generator, whatever the number of workers); the row ids are fresh UUIDv7 from
``new_uuid`` as in the services, so they differ between runs.

Not filled: eligibility checks and audit events (the services write one per registration
and per pass; search reads neither).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Index, Table, event, insert, select, update

from benchmarks.names import ORIGINS, Origin, draw_origin, draw_weighted
from passapp.domain.codes import parse_language, parse_nationality
from passapp.domain.dates import PartialDate
from passapp.domain.entries import LEVELLED_KINDS, CefrLevel, EntryKind, EntryStatus
from passapp.domain.ids import new_uuid
from passapp.domain.name_index import index_keys
from passapp.domain.names import latin_search_form, normalize_name
from passapp.domain.pass_number import PassNumber, validate_office_code
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    SchoolQualification,
    Situation,
    Skill,
    profile_from_json,
)
from passapp.models.database import Database, make_engine, open_database, to_url
from passapp.models.entities import (
    Entry,
    Municipality,
    Offer,
    Office,
    Pass,
    Person,
    PersonNameKey,
)
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office
from passapp.services.people import CONSENT_NOTICE_VERSION, stored_profile

# Bump when the generated content changes, so cached benchmark databases are rebuilt.
GENERATOR_VERSION = 3
BATCH_SIZE = 20_000
# All generated dates are relative to this fixed day, so a seed always gives the same data.
REFERENCE_DAY = dt.date(2026, 11, 1)
FIRST_REGISTRATION = dt.date(2024, 1, 8)

LOCAL_OFFICE = ("DAH1", "Einwohnermeldeamt Dachau", "einwohnermeldeamt", "Dachau")
# (code, name, kind, municipality name, share of registrations and passes)
OFFICES: tuple[tuple[str, str, str, str | None, float], ...] = (
    (*LOCAL_OFFICE, 0.30),
    ("ABHDAH", "Ausländerbehörde Landratsamt Dachau", "auslaenderbehoerde", "Dachau", 0.22),
    ("KAR1", "Einwohnermeldeamt Karlsfeld", "einwohnermeldeamt", "Karlsfeld", 0.10),
    ("JCDAH", "Jobcenter Dachau", "jobcenter", "Dachau", 0.10),
    ("VHSDAH", "Volkshochschule Dachau", "sprachkurstraeger", "Dachau", 0.08),
    ("MBEDAH", "Migrationsberatung Caritas Dachau", "migrationsberatung", "Dachau", 0.05),
    ("JMDDAH", "Jugendmigrationsdienst Dachau", "jugendmigrationsdienst", "Dachau", 0.04),
    ("PET1", "Einwohnermeldeamt Petershausen", "einwohnermeldeamt", "Petershausen", 0.04),
    ("HEB1", "Einwohnermeldeamt Hebertshausen", "einwohnermeldeamt", "Hebertshausen", 0.03),
    ("ALT1", "Markt Altomünster Einwohnermeldeamt", "einwohnermeldeamt", "Altomünster", 0.02),
    ("LRADAH", "Landratsamt Dachau", "landratsamt", "Dachau", 0.02),
)
CLERKS = ("mhuber", "sgruber", "akaya", "jschmid", "lnowak", "fmaier", "tbauer", "ewagner")

# Inhabitants (rounded) as weights for the municipality of residence.
POPULATION = {
    "Dachau": 48000,
    "Karlsfeld": 22000,
    "Markt Indersdorf": 10500,
    "Bergkirchen": 8200,
    "Altomünster": 7900,
    "Petershausen": 6800,
    "Röhrmoos": 6600,
    "Schwabhausen": 6400,
    "Hebertshausen": 6100,
    "Erdweg": 6000,
    "Haimhausen": 5300,
    "Odelzhausen": 5100,
    "Vierkirchen": 4700,
    "Weichs": 3600,
    "Sulzemoos": 3100,
    "Hilgertshausen-Tandern": 3100,
    "Pfaffenhofen a.d.Glonn": 2100,
}

# (first age, last age, weight) at the reference day.
AGES: tuple[tuple[int, int, float], ...] = (
    (0, 15, 0.15),
    (16, 25, 0.2),
    (26, 35, 0.25),
    (36, 45, 0.18),
    (46, 55, 0.11),
    (56, 65, 0.07),
    (66, 85, 0.04),
)
SEXES: tuple[tuple[str | None, float], ...] = (
    ("f", 0.47),
    ("m", 0.5),
    ("d", 0.002),
    ("x", 0.003),
    (None, 0.025),
)
YEAR_ONLY_SHARE = 0.10
DAY_UNKNOWN_SHARE = 0.05
PASS_SHARE_OF_ADULTS = 0.70
NOTICE_LANGUAGES = {"de", "en", "ar", "fa", "prs", "uk", "ru", "tr", "ti", "so", "ro", "pl"}

ENTRY_KINDS = (
    (EntryKind.SPRACHKURS, 0.25),
    (EntryKind.INTEGRATIONSKURS, 0.2),
    (EntryKind.BERATUNG, 0.2),
    (EntryKind.BERUFSSPRACHKURS, 0.08),
    (EntryKind.ORIENTIERUNGSKURS, 0.05),
    (EntryKind.PRUEFUNG, 0.07),
    (EntryKind.WEITERBILDUNG, 0.04),
    (EntryKind.PRAKTIKUM, 0.03),
    (EntryKind.ANERKENNUNG, 0.03),
    (EntryKind.AUSBILDUNG, 0.02),
    (EntryKind.EHRENAMT, 0.02),
    (EntryKind.SONSTIGES, 0.01),
)
PROVIDERS = (
    "Volkshochschule Dachau",
    "Caritas Dachau",
    "Diakonie Dachau",
    "Jobcenter Dachau",
    "Berufsschule Dachau",
    "IHK-Bildungszentrum",
    "AWO Dachau",
)
ENTRY_COUNTS = ((0, 0.55), (1, 0.25), (2, 0.12), (3, 0.06), (4, 0.02))
# Entries per active pass when a mean is asked for (``--entries-per-holder``): a gamma
# distribution of this shape, rounded; most holders have a few entries, some many.
ENTRY_SHAPE = 1.5

# Learner profiles (issue 11): newer than the register, so not everybody has one.
PROFILE_SHARE_HOLDERS = 0.6
PROFILE_SHARE_OTHERS = 0.15
ASSESSED_SHARE = 0.8
# Levels skewed low, as at the counters of a district with many recent arrivals.
LEVELS: tuple[tuple[GermanLevel, float], ...] = (
    (GermanLevel.A0, 0.12),
    (GermanLevel.A1, 0.25),
    (GermanLevel.A2, 0.28),
    (GermanLevel.B1, 0.2),
    (GermanLevel.B2, 0.1),
    (GermanLevel.C1, 0.04),
    (GermanLevel.C2, 0.01),
)
BASES = ((Basis.SELF_ASSESSED, 0.5), (Basis.TESTED, 0.3), (Basis.CERTIFICATE, 0.2))
# Literacy for people whose names come in a non-Latin script too, and for the others.
LITERACY_OTHER_SCRIPT: tuple[tuple[Literacy | None, float], ...] = (
    (Literacy.OTHER_SCRIPT, 0.6),
    (Literacy.LATIN, 0.25),
    (Literacy.NONE, 0.08),
    (None, 0.07),
)
LITERACY_LATIN: tuple[tuple[Literacy | None, float], ...] = (
    (Literacy.LATIN, 0.85),
    (Literacy.NONE, 0.04),
    (Literacy.OTHER_SCRIPT, 0.03),
    (None, 0.08),
)
ARRANGEMENT_SHARES = {
    Arrangement.CHILDCARE: 0.18,
    Arrangement.EVENING: 0.15,
    Arrangement.PART_TIME: 0.15,
}


# --- Cached derivations (the services' own functions) -----------------------------------

_normalize = lru_cache(maxsize=None)(normalize_name)
_latin = lru_cache(maxsize=None)(latin_search_form)


@lru_cache(maxsize=500_000)
def _name_keys(
    family: str, given: str, family_original: str | None, given_original: str | None
) -> tuple[str, ...]:
    # register_person → write_name_keys adds them in sorted order.
    return tuple(sorted(index_keys(family, given, family_original, given_original)))


# --- What the workers need to know about the database -----------------------------------


@dataclass(frozen=True)
class Static:
    """Office ids and reference data of the target database, shared with the workers."""

    offices: tuple[tuple[uuid.UUID, str, float], ...]
    municipalities: tuple[tuple[str, float], ...]
    offer_ids: tuple[uuid.UUID, ...]
    # Mean entries per active pass; None: the register's own mix (ENTRY_COUNTS, ~0.75).
    entries_per_holder: float | None = None


@dataclass
class Batch:
    persons: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    # Pass rows without pass number and sequence: the main process numbers them in order.
    passes: list[dict[str, Any]] = field(default_factory=list)
    pass_offices: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    profiles: int = 0


_STATIC: Static | None = None


def _init_worker(static: Static, memoize_phonetics: bool = False) -> None:
    global _STATIC
    _STATIC = static
    if memoize_phonetics:
        _memoize_phonetics()


def _memoize_phonetics() -> None:
    """Memoize the (pure) Kölner Phonetik inside a worker process: ``index_keys`` then runs
    about 5x faster with identical output (``check_database`` compares with the service).

    Only ever in worker processes, never in a process that measures the services.
    """
    import passapp.domain.name_index as name_index

    original = getattr(name_index, "phonetic_key", None)
    if original is not None and not hasattr(original, "cache_info"):
        name_index.phonetic_key = lru_cache(maxsize=200_000)(original)  # type: ignore[attr-defined]


def _batch_rng(seed: int, index: int, stream: str = "") -> random.Random:
    return random.Random(f"passapp-bench-{seed}-{index}{stream and '-' + stream}")


def make_batch(task: tuple[int, int, int]) -> Batch:
    """Draw ``count`` persons of batch ``index``; deterministic in (seed, index, count)."""
    seed, index, count = task
    assert _STATIC is not None, "worker not initialised"
    return _Drawer(_STATIC, _batch_rng(seed, index), _batch_rng(seed, index, "more")).batch(count)


class _Drawer:
    """``rng`` draws the register (names, dates, passes), ``more`` the profiles and entries:
    the knob for entries changes neither the people nor who holds a pass."""

    def __init__(self, static: Static, rng: random.Random, more: random.Random) -> None:
        self.static = static
        self.rng = rng
        self.more = more
        self.office_weights = tuple((office, office[2]) for office in static.offices)

    def batch(self, count: int) -> Batch:
        batch = Batch()
        for _ in range(count):
            self.person(batch)
        return batch

    def _day(self, first: dt.date, last: dt.date, rng: random.Random | None = None) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=(rng or self.rng).randrange((last - first).days + 1))

    def _moment(self, day: dt.date, rng: random.Random | None = None) -> dt.datetime:
        seconds = (rng or self.rng).randrange(6 * 3600, 15 * 3600)  # office hours, in UTC
        return dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(seconds=seconds)

    def _birth_date(self, origin: Origin) -> tuple[PartialDate, dt.date]:
        rng = self.rng
        first_age, last_age, _ = draw_weighted(rng, tuple((a, a[2]) for a in AGES))
        age = rng.randint(first_age, last_age)
        latest = REFERENCE_DAY.replace(year=REFERENCE_DAY.year - age)
        day = latest - dt.timedelta(days=rng.randrange(365))
        point = rng.random()
        if point < YEAR_ONLY_SHARE:
            return PartialDate(day.year), dt.date(day.year, 1, 1)
        if point < YEAR_ONLY_SHARE + DAY_UNKNOWN_SHARE:
            return PartialDate(day.year, day.month), day.replace(day=1)
        if rng.random() < origin.january_first_share:
            day = day.replace(month=1, day=1)
        return PartialDate.from_date(day), day

    def _arrival(self, origin: Origin, born: dt.date) -> tuple[PartialDate | None, dt.date]:
        rng = self.rng
        if rng.random() < origin.no_arrival_share:
            return None, born
        first, last, _ = draw_weighted(rng, tuple((a, a[2]) for a in origin.arrival))
        year = max(rng.randint(first, last), born.year)
        day = self._day(max(born, dt.date(year, 1, 1)), min(REFERENCE_DAY, dt.date(year, 12, 31)))
        point = rng.random()
        if point < 0.03:
            return PartialDate(day.year), day
        if point < 0.10:
            return PartialDate(day.year, day.month), day
        return PartialDate.from_date(day), day

    def person(self, batch: Batch) -> None:
        rng, static = self.rng, self.static
        origin = draw_origin(rng)
        sex = draw_weighted(rng, SEXES)
        family_raw, given_raw, family_orig, given_orig = origin.draw_names(rng, sex or "x")
        family = _normalize(family_raw)
        given = _normalize(given_raw) if given_raw else ""
        birth, born = self._birth_date(origin)
        arrival, arrived = self._arrival(origin, born)
        registered = self._day(max(FIRST_REGISTRATION, arrived, born), REFERENCE_DAY)
        created = self._moment(registered)
        office_id, _code, _ = draw_weighted(rng, self.office_weights)
        nationalities = list(draw_weighted(rng, origin.nationalities))
        languages = list(draw_weighted(rng, origin.languages))
        recent = arrival is not None and arrived.year >= REFERENCE_DAY.year - 6
        consent = rng.random() < 0.75
        contact = None
        if rng.random() < 0.35:
            contact = f"+49 1{rng.choice('567')}{rng.randrange(10)} {rng.randrange(10**7):07d}"
        person_id = new_uuid()
        batch.persons.append(
            {
                "id": person_id,
                "family_names": family,
                "given_names": given,
                "family_names_original": _normalize(family_orig) if family_orig else None,
                "given_names_original": _normalize(given_orig) if given_orig else None,
                "family_names_latin": _latin(family),
                "given_names_latin": _latin(given),
                "birth_date": birth,
                "birth_year": birth.year,
                "sex": sex,
                "nationalities": nationalities,
                "languages": languages,
                "arrival_date": arrival,
                "moved_from_abroad": rng.random() < (0.3 if recent else 0.02),
                "municipality_key": (
                    draw_weighted(rng, static.municipalities) if rng.random() < 0.95 else None
                ),
                "contact": contact,
                "registered_by_office_id": office_id,
                "registered_by": rng.choice(CLERKS),
                "consent": consent,
                "consent_notice_version": CONSENT_NOTICE_VERSION if consent else None,
                "consent_language": (
                    (languages[0] if languages[0] in NOTICE_LANGUAGES else "de")
                    if consent
                    else None
                ),
                "consent_recorded_at": created if consent else None,
                "merged_into_id": None,
                "erased_at": None,
                "learner_profile": None,
                "created_at": created,
                "updated_at": created,
            }
        )
        batch.keys.extend(
            {"person_id": person_id, "key": key, "birth_year": birth.year}
            for key in _name_keys(
                family,
                given,
                batch.persons[-1]["family_names_original"],
                batch.persons[-1]["given_names_original"],
            )
        )
        adult = (registered - born).days >= 16 * 365 + 4
        holder = adult and rng.random() < PASS_SHARE_OF_ADULTS
        if self.more.random() < (PROFILE_SHARE_HOLDERS if holder else PROFILE_SHARE_OTHERS):
            profile = self._profile(languages, arrived, sex, family_orig is not None)
            batch.persons[-1]["learner_profile"] = stored_profile(profile)
            batch.profiles += 1
        if holder:
            self._pass(batch, person_id, registered, languages, office_id)

    def _profile(
        self, languages: list[str], arrived: dt.date, sex: str | None, other_script: bool
    ) -> LearnerProfile:
        more = self.more
        assessments: list[Assessment] = []
        level = draw_weighted(more, LEVELS)
        if more.random() < ASSESSED_SHARE:
            on = self._day(max(arrived, FIRST_REGISTRATION), REFERENCE_DAY, more)
            if level.rank > 0 and more.random() < 0.2:  # an earlier, lower assessment
                earlier = list(GermanLevel)[level.rank - 1]
                assessments.append(
                    Assessment(earlier, Basis.SELF_ASSESSED, PartialDate(on.year - 1))
                )
            day = PartialDate(on.year, on.month, on.day)
            assessments.append(Assessment(level, draw_weighted(more, BASES), day))
            if more.random() < 0.1:
                skill = more.choice((Skill.HOEREN, Skill.LESEN, Skill.SCHREIBEN, Skill.SPRECHEN))
                assessments.append(Assessment(level, Basis.TESTED, day, skill))
        literacy = draw_weighted(more, LITERACY_OTHER_SCRIPT if other_script else LITERACY_LATIN)
        return LearnerProfile(
            assessments=tuple(assessments),
            literacy=literacy,
            school_years=more.randint(0, 16) if more.random() < 0.6 else None,
            school_qualification=(
                more.choice(tuple(SchoolQualification)) if more.random() < 0.5 else None
            ),
            situation=more.choice(tuple(Situation)) if more.random() < 0.7 else None,
            wished_kinds=frozenset(self._wished_kinds(level)),
            arrangements=frozenset(
                arrangement
                for arrangement, share in ARRANGEMENT_SHARES.items()
                # Childcare is asked for mostly by women.
                if more.random()
                < share * (1.6 if arrangement == Arrangement.CHILDCARE and sex == "f" else 1)
            ),
            languages=tuple(languages),
        )

    def _wished_kinds(self, level: GermanLevel) -> set[EntryKind]:
        more, wishes = self.more, set()
        if level.rank < GermanLevel.B2.rank and more.random() < 0.6:
            wishes.add(more.choice((EntryKind.SPRACHKURS, EntryKind.INTEGRATIONSKURS)))
        if GermanLevel.A2.rank <= level.rank <= GermanLevel.C1.rank and more.random() < 0.25:
            wishes.add(EntryKind.BERUFSSPRACHKURS)
        for kind, share in (
            (EntryKind.BERATUNG, 0.15),
            (EntryKind.WEITERBILDUNG, 0.1 if level.rank >= GermanLevel.B1.rank else 0.02),
            (EntryKind.AUSBILDUNG, 0.08),
            (EntryKind.ANERKENNUNG, 0.05),
        ):
            if more.random() < share:
                wishes.add(kind)
        return wishes

    def _entry_count(self) -> int:
        mean = self.static.entries_per_holder
        if mean is None:
            return int(draw_weighted(self.more, ENTRY_COUNTS))
        return round(self.more.gammavariate(ENTRY_SHAPE, mean / ENTRY_SHAPE)) if mean > 0 else 0

    def _pass(
        self,
        batch: Batch,
        person_id: uuid.UUID,
        registered: dt.date,
        languages: list[str],
        registering_office: uuid.UUID,
    ) -> None:
        rng = self.rng
        if rng.random() < 0.7:
            office = next(o for o in self.static.offices if o[0] == registering_office)
        else:
            office = draw_weighted(rng, self.office_weights)
        office_id, code, _ = office
        issued = self._day(registered, min(REFERENCE_DAY, registered + dt.timedelta(days=30)))
        revoked = rng.random() < 0.02
        point = rng.random()
        generation = 2 if point < 0.005 else 1 if point < 0.045 else 0
        print_languages = ["de"]
        if languages[0] != "de" and languages[0] in NOTICE_LANGUAGES:
            print_languages.append(languages[0])
        pass_id = new_uuid()
        batch.pass_offices.append(code)
        batch.passes.append(
            {
                "id": pass_id,
                "office_id": office_id,
                "person_id": person_id,
                "generation": generation,
                "status": "revoked" if revoked else "active",
                "issued_on": issued,
                "issued_by": rng.choice(CLERKS),
                "print_languages": print_languages,
                "eligibility_check_id": None,
                "override_reason": (
                    "Ankunftsdatum laut Bescheinigung der Ausländerbehörde geprüft"
                    if rng.random() < 0.04
                    else None
                ),
                "revoked_on": self._day(issued, REFERENCE_DAY) if revoked else None,
                "revoke_reason": "Wegzug aus dem Landkreis" if revoked else None,
                "created_at": self._moment(issued),
            }
        )
        if not revoked:
            for _ in range(self._entry_count()):
                self._entry(batch, pass_id, issued, office_id)

    def _entry(
        self, batch: Batch, pass_id: uuid.UUID, issued: dt.date, office_id: uuid.UUID
    ) -> None:
        rng = self.more
        kind = draw_weighted(rng, ENTRY_KINDS)
        start = self._day(issued, REFERENCE_DAY + dt.timedelta(days=60), rng)
        status: EntryStatus | None
        if start > REFERENCE_DAY:
            status = rng.choice((EntryStatus.EMPFOHLEN, EntryStatus.ANGEMELDET))
        else:
            status = draw_weighted(
                rng,
                (
                    (EntryStatus.BEGONNEN, 0.35),
                    (EntryStatus.ABGESCHLOSSEN, 0.4),
                    (EntryStatus.ABGEBROCHEN, 0.05),
                    (EntryStatus.ANGEMELDET, 0.15),
                    (None, 0.05),
                ),
            )
        level = rng.choice(tuple(CefrLevel)[:4]) if kind in LEVELLED_KINDS else None
        end = None
        if status == EntryStatus.ABGESCHLOSSEN:
            end = min(REFERENCE_DAY, start + dt.timedelta(days=rng.randrange(14, 200)))
        result = None
        if kind == EntryKind.PRUEFUNG:
            result = rng.choice(("bestanden", "bestanden (DTZ)", "nicht bestanden"))
            # An exam's level is the level it certifies (the entry form says so): a
            # failed exam has none, or it would raise the documented German level.
            passed = result != "nicht bestanden"
            level = rng.choice((CefrLevel.A2, CefrLevel.B1, CefrLevel.B2)) if passed else None
        title = None if kind == EntryKind.BERATUNG else f"{kind.value.capitalize()} {level or ''}"
        batch.entries.append(
            {
                "id": new_uuid(),
                "pass_id": pass_id,
                "kind": kind.value,
                "status": None if status is None else status.value,
                "offer_id": (
                    rng.choice(self.static.offer_ids)
                    if self.static.offer_ids and rng.random() < 0.2
                    else None
                ),
                "title": title.strip() if title else None,
                "provider": rng.choice(PROVIDERS),
                "start_date": start,
                "end_date": end,
                "level": None if level is None else level.value,
                "result": result,
                "action": "record",
                "refers_to_id": None,
                "office_id": office_id,
                "logged_by": rng.choice(CLERKS),
                "created_at": self._moment(min(start, REFERENCE_DAY), rng),
            }
        )


def content_fingerprint(persons: int = 400) -> str:
    """A digest of what the generator draws (names, dates, search keys, pass offices) for a
    fixed sample, independent of row ids: it changes when the name data, the drawing, or
    the services' search-key derivation change, and not when the code is only reformatted.
    """
    offices = tuple(
        (uuid.UUID(int=number), code, share) for number, (code, *_, share) in enumerate(OFFICES)
    )
    static = Static(offices, (("09174115", 1.0),), ())
    batch = _Drawer(static, _batch_rng(0, 0), _batch_rng(0, 0, "more")).batch(persons)
    fields = (
        "family_names",
        "given_names",
        "family_names_original",
        "given_names_original",
        "family_names_latin",
        "given_names_latin",
        "birth_date",
        "arrival_date",
        "sex",
    )
    digest = hashlib.sha256(f"v{GENERATOR_VERSION}".encode())
    for row in batch.persons:
        digest.update(repr([row[name] for name in fields]).encode())
    digest.update(repr([(row["key"], row["birth_year"]) for row in batch.keys]).encode())
    digest.update(repr(batch.pass_offices).encode())
    digest.update(repr([row["learner_profile"] for row in batch.persons]).encode())
    return digest.hexdigest()[:12]


# --- Building the database ----------------------------------------------------------------


@dataclass
class GenerationReport:
    path: str
    persons: int
    seed: int
    name_keys: int = 0
    passes: int = 0
    holders: int = 0  # persons with an active pass
    profiles: int = 0
    entries: int = 0
    entries_per_holder: float | None = None
    seconds: float = 0.0
    bytes: int = 0
    workers: int = 0
    generator_version: int = GENERATOR_VERSION
    phases: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _validate_static_tables() -> None:
    """Fail early (not after an hour) if a code in the tables is not accepted by the app."""
    for code, *_ in OFFICES:
        validate_office_code(code)
    for origin in ORIGINS:
        for nationalities, _ in origin.nationalities:
            for code in nationalities:
                parse_nationality(code)
        for languages, _ in origin.languages:
            for code in languages:
                if parse_language(code) != code:
                    raise ValueError(f"language {code!r} is stored as {parse_language(code)!r}")


def _setup(
    db: Database, entries_per_holder: float | None = None
) -> tuple[Static, dict[str, uuid.UUID]]:
    code, name, kind, municipality = LOCAL_OFFICE
    init_office(
        ServiceContext(db=db, clerk="benchmark"),
        code=code,
        name=name,
        kind=kind,
        municipality=municipality,
    )
    with db.transaction() as session:
        municipalities = {m.name: m.key for m in session.scalars(select(Municipality))}
        office_ids = {o.code: o.id for o in session.scalars(select(Office))}
        for office_code, office_name, office_kind, place, _ in OFFICES:
            if office_code in office_ids:
                continue
            office = Office(
                id=new_uuid(),
                code=office_code,
                name=office_name,
                kind=office_kind,
                municipality_key=municipalities.get(place or ""),
                created_at=dt.datetime.combine(FIRST_REGISTRATION, dt.time(), dt.UTC),
            )
            session.add(office)
            office_ids[office_code] = office.id
        offer_ids = tuple(session.scalars(select(Offer.id).order_by(Offer.slug)))
    static = Static(
        offices=tuple((office_ids[o[0]], o[0], o[4]) for o in OFFICES),
        municipalities=tuple(
            (key, float(POPULATION.get(name, 3000))) for name, key in sorted(municipalities.items())
        ),
        offer_ids=offer_ids,
        entries_per_holder=entries_per_holder,
    )
    return static, office_ids


PERSON_TABLE = cast(Table, Person.__table__)
NAME_KEY_TABLE = cast(Table, PersonNameKey.__table__)
PASS_TABLE = cast(Table, Pass.__table__)
ENTRY_TABLE = cast(Table, Entry.__table__)
_DEFERRED_TABLES = (PERSON_TABLE, NAME_KEY_TABLE, PASS_TABLE, ENTRY_TABLE)


def _deferrable_indexes() -> list[Index]:
    """Secondary, non-unique indexes: built once after loading instead of row by row."""
    indexes = [i for table in _DEFERRED_TABLES for i in table.indexes if not i.unique]
    return sorted(indexes, key=lambda index: str(index.name))


def _index_sql(connection: Connection) -> dict[str, str]:
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    )
    return {str(name): str(sql) for name, sql in rows}


def _bulk_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA cache_size=-1000000")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _tasks(persons: int, seed: int, batch_size: int) -> list[tuple[int, int, int]]:
    return [
        (seed, index, min(batch_size, persons - start))
        for index, start in enumerate(range(0, persons, batch_size))
    ]


def _batches(static: Static, tasks: list[tuple[int, int, int]], workers: int) -> Iterator[Batch]:
    if workers <= 0:
        _init_worker(static)
        yield from map(make_batch, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(static, True)) as pool:
        yield from pool.imap(make_batch, tasks)


def generate(
    out: Path,
    persons: int,
    seed: int = 1,
    *,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
    entries_per_holder: float | None = None,
) -> GenerationReport:
    """Create ``out`` (must not exist) with ``persons`` generated persons; each active pass
    gets ``entries_per_holder`` entries on average (None: the register's own ~0.75)."""
    say = progress or (lambda _message: None)
    if out.exists():
        raise FileExistsError(f"{out} exists; remove it or choose another --out")
    _validate_static_tables()
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if persons > batch_size else 0
    started = time.perf_counter()
    report = GenerationReport(
        path=str(out),
        persons=persons,
        seed=seed,
        workers=workers,
        entries_per_holder=entries_per_holder,
    )
    db = open_database(to_url(str(out)))
    try:
        static, office_ids = _setup(db, entries_per_holder)
        sequences = dict.fromkeys(office_ids, 1)
        indexes = _deferrable_indexes()
        db.dispose()
        # The app's engine (its pragmas), plus bulk-load settings for this connection only;
        # the file keeps WAL mode.
        engine = make_engine(to_url(str(out)))
        event.listen(engine, "connect", _bulk_pragmas)
        with engine.connect() as connection:
            schema_before = _index_sql(connection)
            connection.rollback()
            with connection.begin():
                for index in indexes:
                    index.drop(connection)
            load_started = time.perf_counter()
            tasks = _tasks(persons, seed, batch_size)
            waited = inserting = 0.0
            mark = time.perf_counter()
            for number, batch in enumerate(_batches(static, tasks, workers), start=1):
                waited += time.perf_counter() - mark
                mark = time.perf_counter()
                for row, code in zip(batch.passes, batch.pass_offices, strict=True):
                    sequence = sequences[code]
                    sequences[code] = sequence + 1
                    row["sequence"] = sequence
                    row["pass_number"] = PassNumber(code, sequence).text
                with connection.begin():
                    connection.execute(insert(PERSON_TABLE), batch.persons)
                    connection.execute(insert(NAME_KEY_TABLE), batch.keys)
                    if batch.passes:
                        connection.execute(insert(PASS_TABLE), batch.passes)
                    if batch.entries:
                        connection.execute(insert(ENTRY_TABLE), batch.entries)
                inserting += time.perf_counter() - mark
                report.name_keys += len(batch.keys)
                report.passes += len(batch.passes)
                report.holders += sum(row["status"] == "active" for row in batch.passes)
                report.profiles += batch.profiles
                report.entries += len(batch.entries)
                done = min(number * batch_size, persons)
                if number % 5 == 0 or done == persons:
                    elapsed = time.perf_counter() - started
                    say(f"  {done:>10,} persons  {report.name_keys:>11,} keys  {elapsed:7.1f} s")
                mark = time.perf_counter()
            report.phases["load"] = time.perf_counter() - load_started
            report.phases["load: waiting for batches"] = waited
            report.phases["load: inserting"] = inserting
            index_started = time.perf_counter()
            with connection.begin():
                for index in indexes:
                    index.create(connection)
                for code, next_sequence in sequences.items():
                    connection.execute(
                        update(Office)
                        .where(Office.code == code)
                        .values(next_sequence=next_sequence)
                    )
            report.phases["indexes"] = time.perf_counter() - index_started
            if _index_sql(connection) != schema_before:
                raise RuntimeError("re-created indexes differ from the schema's own")
            connection.rollback()
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.rollback()
        engine.dispose()
    finally:
        db.dispose()
    report.seconds = time.perf_counter() - started
    report.bytes = out.stat().st_size
    return report


# --- Checking that the result is what the services would have written ----------------


@dataclass
class CheckReport:
    checked: int = 0
    found_with_birth_date: int = 0
    found_by_name_only: int = 0
    passes_checked: int = 0
    passes_found: int = 0
    rows_compared: int = 0
    profiles_compared: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_PERSON_COLUMNS = (
    "id, family_names, given_names, family_names_original, given_names_original, "
    "family_names_latin, given_names_latin, birth_date, birth_year, arrival_date, "
    "moved_from_abroad, nationalities, languages, learner_profile"
)


def sample_persons(path: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` persons picked at random (deterministic in ``seed``), with their pass."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        top = connection.execute("SELECT max(rowid) FROM person").fetchone()[0] or 0
        rowids = random.Random(seed).sample(range(1, top + 1), min(count, top))
        rows = []
        for rowid in rowids:
            row = connection.execute(
                f"SELECT {_PERSON_COLUMNS}, (SELECT pass_number FROM pass "
                "WHERE person_id = person.id AND status = 'active') AS pass_number "
                "FROM person WHERE rowid = ?",
                (rowid,),
            ).fetchone()
            if row is not None:
                rows.append(dict(row))
        return rows
    finally:
        connection.close()


def _register_again(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Register the same inputs through ``register_person`` in a scratch database."""
    from passapp.services.people import PersonInput, register_person

    scratch = open_database("sqlite://")
    ctx = ServiceContext(db=scratch, clerk="benchmark", today=lambda: REFERENCE_DAY)
    code, name, kind, municipality = LOCAL_OFFICE
    init_office(ctx, code=code, name=name, kind=kind, municipality=municipality)
    written: dict[str, dict[str, Any]] = {}
    try:
        for row in rows:
            registration = register_person(
                ctx,
                PersonInput(
                    family_names=row["family_names"],
                    given_names=row["given_names"],
                    family_names_original=row["family_names_original"],
                    given_names_original=row["given_names_original"],
                    birth_date=PartialDate.parse(row["birth_date"]),
                    arrival_date=(
                        PartialDate.parse(row["arrival_date"]) if row["arrival_date"] else None
                    ),
                    moved_from_abroad=bool(row["moved_from_abroad"]),
                    nationalities=tuple(json.loads(row["nationalities"])),
                    languages=tuple(json.loads(row["languages"])),
                    profile=(
                        profile_from_json(json.loads(row["learner_profile"]))
                        if row["learner_profile"]
                        else None
                    ),
                ),
            )
            written[row["id"]] = _stored(scratch, registration.person.id.hex)
    finally:
        scratch.dispose()
    return written


def _stored_from(connection: sqlite3.Connection, person_hex: str) -> dict[str, Any]:
    connection.row_factory = sqlite3.Row
    person = connection.execute(
        "SELECT family_names, given_names, family_names_original, given_names_original, "
        "family_names_latin, given_names_latin, birth_date, birth_year, arrival_date, "
        "nationalities, languages, learner_profile FROM person WHERE id = ?",
        (person_hex,),
    ).fetchone()
    keys = connection.execute(
        "SELECT key, birth_year FROM person_name_key WHERE person_id = ? ORDER BY id",
        (person_hex,),
    ).fetchall()
    return {**dict(person), "keys": [tuple(k) for k in keys]}


def _stored(db: Database, person_hex: str) -> dict[str, Any]:
    raw = db.engine.raw_connection()
    try:
        return _stored_from(raw.driver_connection, person_hex)  # type: ignore[arg-type]
    finally:
        raw.close()


def check_database(path: Path, samples: int = 20, seed: int = 0) -> CheckReport:
    """Check a generated database against the real services.

    * the derived columns and search keys of sampled persons equal what
      ``register_person`` writes for the same input;
    * each sampled person is found by ``services.search.find`` with their own name and
      birth date (and, where they hold one, by their pass number).
    """
    from passapp.services.search import find

    report = CheckReport()
    rows = sample_persons(path, samples, seed)
    expected = _register_again(rows[: min(len(rows), 10)])
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for person_hex, written in expected.items():
            stored = _stored_from(connection, person_hex)
            report.rows_compared += 1
            report.profiles_compared += stored["learner_profile"] is not None
            if stored != written:
                diff = {k: (stored[k], written[k]) for k in written if stored.get(k) != written[k]}
                report.problems.append(f"person {person_hex} differs from the service: {diff}")
    finally:
        connection.close()
    db = open_database(to_url(str(path)))
    ctx = ServiceContext(db=db, clerk="benchmark", today=lambda: REFERENCE_DAY)
    try:
        for row in rows:
            report.checked += 1
            person_id = uuid.UUID(row["id"])
            name = f"{row['family_names']} {row['given_names']}".strip()
            hits = find(ctx, f"{name} {row['birth_date']}").hits
            if any(hit.id == person_id for hit in hits):
                report.found_with_birth_date += 1
            else:
                report.problems.append(f"{name} {row['birth_date']} not found by its own name")
            if any(hit.id == person_id for hit in find(ctx, name).hits):
                report.found_by_name_only += 1
            if row["pass_number"]:
                report.passes_checked += 1
                if any(hit.id == person_id for hit in find(ctx, row["pass_number"]).hits):
                    report.passes_found += 1
                else:
                    report.problems.append(f"pass {row['pass_number']} not found")
    finally:
        db.dispose()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--persons", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="0: no worker processes")
    parser.add_argument("--no-check", action="store_true", help="skip check_database")
    parser.add_argument(
        "--entries-per-holder",
        type=float,
        default=None,
        help="mean entries per active pass (default: the register's own mix, ~0.75)",
    )
    args = parser.parse_args(argv)
    if args.persons < 1:
        parser.error("--persons must be at least 1")

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    say(f"generating {args.persons:,} persons into {args.out} (seed {args.seed})")
    report = generate(
        args.out,
        args.persons,
        args.seed,
        workers=args.workers,
        progress=say,
        entries_per_holder=args.entries_per_holder,
    )
    say(
        f"done in {report.seconds:.1f} s: {report.persons:,} persons, {report.name_keys:,} "
        f"name keys, {report.passes:,} passes ({report.holders:,} holders), "
        f"{report.profiles:,} profiles, {report.entries:,} entries, "
        f"{report.bytes / 1e6:,.1f} MB"
    )
    result: dict[str, Any] = {"generation": report.to_json()}
    if not args.no_check:
        check = check_database(args.out)
        say(
            f"check: {check.rows_compared} rows ({check.profiles_compared} with a learner "
            "profile) equal to register_person's; "
            f"{check.found_with_birth_date}/{check.checked} found by name and birth date, "
            f"{check.found_by_name_only}/{check.checked} by name alone, "
            f"{check.passes_found}/{check.passes_checked} by pass number"
        )
        for problem in check.problems:
            say(f"  PROBLEM: {problem}")
        result["check"] = {**asdict(check), "ok": check.ok}
    print(json.dumps(result, indent=2))
    return 0 if result.get("check", {}).get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "GENERATOR_VERSION",
    "CheckReport",
    "GenerationReport",
    "check_database",
    "content_fingerprint",
    "generate",
    "sample_persons",
]

"""A small demo district to try everything at once (``passapp --demo``).

Made through the same service calls a clerk's actions make, so the demo also shows that
they work together. The people are invented.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from passapp.domain.accounts import Role
from passapp.domain.dates import PartialDate
from passapp.domain.eligibility import Status
from passapp.domain.entries import CefrLevel, EntryKind, EntryStatus
from passapp.models.database import open_database, to_url
from passapp.services.accounts import add_account
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.errors import Refused
from passapp.services.offices import current_office, init_office
from passapp.services.passes import issue_pass
from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput, register_person
from passapp.services.trust import enrol_office, init_district, install_file, write_request

# The demo's accounts, one per office role, all with one published password (it meets the
# policy). The log-in window of the demo shows them; a real installation has none of them.
DEMO_ACCOUNTS: tuple[tuple[str, Role], ...] = (
    ("sachbearbeitung", Role.CLERK),
    ("admin", Role.OFFICE_ADMIN),
    ("pruefung", Role.AUDITOR),
)
DEMO_PASSWORD = "Bildungspass-Demo"

# (family, given, original family, original given, nationality, language, birth, arrival, from abroad)
DEMO_PEOPLE: list[tuple[str, str, str | None, str | None, str, str, str, str | None, bool]] = [
    (
        "Al-Hassan",
        "Mohammed Karim",
        "الحسن",
        "محمد كريم",
        "SYR",
        "ar",
        "1995-00-00",
        "2023-03-14",
        True,
    ),
    ("Schewtschenko", "Olena", "Шевченко", "Олена", "UKR", "uk", "1988-07-12", "2022-03-08", False),
    ("Kovalenko", "Dmytro", "Коваленко", "Дмитро", "UKR", "uk", "2009-12-01", "2024-05-20", True),
    ("Ahmadi", "Zahra", "احمدی", "زهرا", "AFG", "fa", "2001-00-00", "2021-09-02", False),
    ("Haidari", "Ali Reza", None, None, "AFG", "prs", "2008-06-30", "2025-02-11", True),
    ("Tesfaye", "Selam", None, None, "ERI", "ti", "1999-01-00", "2019-06-15", False),
    ("Yılmaz", "Elif", None, None, "TUR", "tr", "1993-04-22", "2018-10-01", False),
    ("Nowak", "Łukasz", None, None, "POL", "pl", "1985-11-03", None, True),
    ("Popescu", "Ioana", None, None, "ROU", "ro", "1997-02-28", "2020-11-25", False),
    ("Okafor", "Chukwuemeka", None, None, "NGA", "en", "1990-09-09", "2024-01-10", True),
    ("Müller", "Anna", None, None, "XXA", "de", "2004-02-29", "2020-02-29", False),
    ("Abdullahi", "Fatuma", None, None, "SOM", "so", "2010-00-00", "2025-08-01", True),
    ("Rahimi", "Farid", "رحیمی", "فرید", "IRN", "fa", "1978-05-05", "2016-04-04", False),
    ("Ivanova", "Yuliia", "Іванова", "Юлія", "UKR", "uk", "2002-10-10", "2023-12-24", True),
    ("Mohammadi", "Sami", None, None, "IRQ", "ku", "1969-00-00", None, False),
]


def create_demo(ctx: ServiceContext, folder: Path, seed: int = 7) -> int:
    """Fill an empty database with the demo office, people, passes and entries.

    The office is enrolled at a demo district (its database in ``folder``) through the
    same request and package files as in the field, so its passes verify.
    """
    if current_office(ctx) is None:
        init_office(
            ctx,
            code="EWDAH",
            name="Einwohnermeldeamt Dachau (Demo)",
            kind="einwohnermeldeamt",
            municipality="Dachau",
        )
        district = ServiceContext(
            db=open_database(to_url(str(folder / "landratsamt-demo.sqlite3"))),
            clerk=ctx.clerk,
            passphrase=ctx.passphrase,
        )
        try:
            init_district(district, name="Landkreis Dachau (Demo)", code="LRADAH")
            write_request(ctx, folder / "anmeldung.json")
            enrol_office(district, folder / "anmeldung.json", folder / "zertifikat.json")
            install_file(ctx, folder / "zertifikat.json")
        finally:
            district.db.dispose()
    rng = random.Random(seed)
    issued = 0
    for (
        family,
        given,
        family_orig,
        given_orig,
        nationality,
        language,
        birth,
        arrival,
        abroad,
    ) in DEMO_PEOPLE:
        registration = register_person(
            ctx,
            PersonInput(
                family_names=family,
                given_names=given,
                family_names_original=family_orig,
                given_names_original=given_orig,
                birth_date=PartialDate.parse(birth),
                arrival_date=PartialDate.parse(arrival) if arrival else None,
                moved_from_abroad=abroad,
                nationalities=(nationality,),
                languages=(language,),
                municipality=rng.choice(
                    ["Dachau", "Karlsfeld", "Markt Indersdorf", "Petershausen"]
                ),
                consent=rng.random() < 0.7,
                consent_notice_version=CONSENT_NOTICE_VERSION,
                consent_language="de",
            ),
        )
        if registration.eligibility.status == Status.NOT_ELIGIBLE:
            continue
        try:
            issued_pass = issue_pass(
                ctx,
                registration.person.id,
                languages=(language,) if language in {"ar", "fa", "uk", "tr", "en", "ru"} else (),
                override_reason="Demo: Angaben mit Dokumenten geprüft",
            )
        except Refused:
            continue
        issued += 1
        _demo_entries(ctx, issued_pass.pass_number, rng)
    return issued


def _demo_entries(ctx: ServiceContext, pass_number: str, rng: random.Random) -> None:
    today = ctx.today()
    start = today - dt.timedelta(days=rng.randint(20, 200))
    add_entry(
        ctx,
        pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=start, title="Erstberatung"),
    )
    if rng.random() < 0.6:
        add_entry(
            ctx,
            pass_number,
            EntryInput(
                kind=EntryKind.INTEGRATIONSKURS,
                start_date=start + dt.timedelta(days=14),
                status=EntryStatus.BEGONNEN,
                level=rng.choice([CefrLevel.A1, CefrLevel.A2, CefrLevel.B1]),
                title="Integrationskurs",
                offer_slug="vhs-dachau-integrationskurs-allgemein",
            ),
        )


def create_demo_accounts(ctx: ServiceContext) -> None:
    """The demo office's accounts (:data:`DEMO_ACCOUNTS`), the admin first; its password
    then encrypts the office's keys like at a real set-up. The context is locked again
    afterwards: the demo, too, signs only after a log-in."""
    admin = add_account(ctx, "admin", Role.OFFICE_ADMIN, DEMO_PASSWORD)
    for name, role in DEMO_ACCOUNTS:
        if name != admin.name:
            add_account(ctx, name, role, DEMO_PASSWORD, admin)
    ctx.passphrase = None

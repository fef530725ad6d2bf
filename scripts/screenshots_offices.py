"""Screenshots of the district's offices screen and its dialogs, an office whose key was
reported compromised, and the catalogue's file import with wrong rows, at 100 % and 150 %.

    .venv/bin/python scripts/screenshots_offices.py [--out docs/screenshots]
    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_offices.py

The demo district 45 days on: EWDAH and JCDAH sent a bundle two days ago, the
Volkshochschule and the Jugendmigrationsdienst never did (silent), and the key of the
Migrationsberatung was reported compromised. ``offices.png``: Verwaltung → Dienststellen
with a silent office chosen; ``offices-enrol.png``: a new office's request, its fingerprint
shown for the phone call; ``offices-enrol-taken.png``: a second database claiming EWDAH;
``offices-compromise.png``: the report with a reason typed and the sentence ticked;
``offices-office-compromised.png``: the reported office's window with its red banner and
the new-key request; ``offices-offers-file.png``: a catalogue file with wrong rows. The
150 % twins end in ``-scale150``.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from screenshots import context, log_in, save, start, wait_for  # isort: skip

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.offer_files import COLUMNS
from passapp.services.offices import init_office
from passapp.services.sync import export_bundles
from passapp.services.trust import enrol_office, install_file, write_request
from passapp.ui.main_window import MainWindow
from passapp.ui.offers_screen import OffersScreen
from passapp.ui.offices_screen import (
    CompromiseDialog,
    EnrolDialog,
    OfficesScreen,
    OfficeTableModel,
)
from passapp.ui.tasks import TaskRunner

SCALED = "PASSAPP_SHOTS_SCALED"
LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=45)
OFFICES = [
    ("JCDAH", "Jobcenter Dachau", "jobcenter", "Dachau"),
    ("VHSDAH", "Volkshochschule Dachau, Sprachkurse", "sprachkurstraeger", "Dachau"),
    ("JMDKF", "Jugendmigrationsdienst Karlsfeld", "jugendmigrationsdienst", "Karlsfeld"),
    ("MBEDAH", "Migrationsberatung für Erwachsene Dachau", "migrationsberatung", "Dachau"),
]


def later(ctx: ServiceContext) -> ServiceContext:
    return dataclasses.replace(ctx, now=lambda: LATER, today=lambda: LATER.date())


def new_office(folder: Path, code: str, name: str, kind: str, place: str) -> ServiceContext:
    office = context(folder / f"{code}.sqlite3", "admin")
    init_office(office, code=code, name=name, kind=kind, municipality=place)
    write_request(office, folder / f"Anmeldeantrag-{code}.json")
    return office


def district_world(folder: Path, ewdah: ServiceContext) -> dict[str, ServiceContext]:
    """The offices enrolled today at the demo district (its keys still plain)."""
    district = context(folder / "landratsamt-demo.sqlite3", "kreis")
    offices = {"EWDAH": ewdah}
    for code, name, kind, place in OFFICES:
        office = new_office(folder, code, name, kind, place)
        enrol_office(district, folder / f"Anmeldeantrag-{code}.json", folder / f"{code}.json")
        install_file(office, folder / f"{code}.json")
        offices[code] = office
    return offices | {"LRADAH": district}


def main() -> None:
    shots = start(__doc__)
    suffix = "-scale150" if os.environ.get(SCALED) else ""
    folder = shots.folder
    offices = district_world(folder, shots.demo_office())
    district = offices.pop("LRADAH")
    admin = log_in(district, Role.DISTRICT_ADMIN)
    mbe = next(o for o in admin.list_offices().offices if o.code == "MBEDAH")
    admin.mark_key_compromised(
        "MBEDAH", mbe.keys[0].key_id, LATER - dt.timedelta(days=3), "Laptop gestohlen"
    )
    admin.export_trust_list(folder / "Vertrauensliste.json")
    install_file(offices["MBEDAH"], folder / "Vertrauensliste.json")
    admin.close()
    # 45 days on: two offices have just sent their bundles.
    district_file = Path(str(district.db.engine.url.database))
    admin = log_in(later(context(district_file, "kreis")), Role.DISTRICT_ADMIN)
    for code in ("EWDAH", "JCDAH"):
        bundle = folder / f"{code}.passapp"
        export_bundles(later(offices[code]), bundle, None)
        admin.import_bundle(bundle)

    admin_tasks = TaskRunner()
    screen = OfficesScreen(admin, admin_tasks)
    screen.show()
    screen.table.sortByColumn(OfficeTableModel.DAYS, Qt.SortOrder.DescendingOrder)
    screen.table.selectRow(0)
    save(screen, shots.out / f"offices{suffix}.png")

    # A new office's request: its fingerprint for the phone call.
    new_office(folder, "EWKF", "Einwohnermeldeamt Karlsfeld", "einwohnermeldeamt", "Karlsfeld")
    path = folder / "Anmeldeantrag-EWKF.json"
    enrol = EnrolDialog(admin, admin_tasks, path, admin.preview_enrolment(path), screen)
    enrol.show()
    save(enrol, shots.out / f"offices-enrol{suffix}.png")
    enrol.reject()
    claim = context(folder / "claim.sqlite3", "admin")
    init_office(claim, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    write_request(claim, folder / "claim.json")
    taken = EnrolDialog(
        admin,
        admin_tasks,
        folder / "claim.json",
        admin.preview_enrolment(folder / "claim.json"),
        screen,
    )
    taken.show()
    save(taken, shots.out / f"offices-enrol-taken{suffix}.png")
    taken.reject()

    vhs = next(o for o in admin.list_offices().offices if o.code == "VHSDAH")
    report = CompromiseDialog(admin, admin_tasks, vhs, screen)
    report.show()
    report.reason.setText("USB-Stick mit Sicherung verloren")
    report.confirm_box.setChecked(True)
    save(report, shots.out / f"offices-compromise{suffix}.png")
    report.reject()
    screen.reject()

    # The catalogue with a file that has wrong rows.
    wrong = folder / "Angebote.csv"
    with wrong.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(COLUMNS)
        row = {
            "Kennung": "abendkurs-b1",
            "Kategorie": "sprachkurs",
            "Titel": "Deutsch B1 am Abend",
            "Anbieter": "VHS Dachau",
            "Adresse": "",
            "Gemeinde": "Dachau",
            "Kontakt": "",
            "Sprachen": "de",
            "Zielgruppe": "",
            "Niveaus": "B1",
            "Beschreibung": "",
            "Aktiv": "ja",
        }
        writer.writerow([row[c] for c in COLUMNS])
        writer.writerow([{**row, "Kennung": "abendkurs-b2", "Niveaus": "B7"}[c] for c in COLUMNS])
        writer.writerow(
            [
                {**row, "Kennung": "kita", "Kategorie": "kinderbetreuung", "Gemeinde": "München"}[c]
                for c in COLUMNS
            ]
        )
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(wrong), ""))  # type: ignore[method-assign]
    offers = OffersScreen(admin, admin_tasks)
    offers.show()
    offers.import_file()
    wait_for(admin_tasks)
    save(offers, shots.out / f"offices-offers-file{suffix}.png")
    offers.reject()
    admin_tasks.shutdown()
    admin.close()

    # The office whose key was reported: its window says so, and the new-key request.
    mbe_admin = log_in(offices["MBEDAH"], Role.OFFICE_ADMIN)
    window = MainWindow(mbe_admin)
    window.show()
    dialog = window.request_new_key()
    save(window, shots.out / f"offices-office-compromised{suffix}.png")
    save(dialog, shots.out / f"offices-newkey{suffix}.png")
    dialog.reject()
    window.tasks.shutdown()
    mbe_admin.close()

    shots.app.quit()
    if not suffix:
        scaled = {**os.environ, SCALED: "1", "QT_SCALE_FACTOR": "1.5"}
        subprocess.run([sys.executable, __file__, "--out", str(shots.out)], check=True, env=scaled)


if __name__ == "__main__":
    main()

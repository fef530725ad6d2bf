"""Screenshots of the offers catalogue screen for the docs, made offscreen from a demo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_offers.py [--out docs/screenshots]

``offers.png``: the district office's catalogue, filtered, one offer selected, with the
editing controls; ``offers-form.png``: that offer in the edit form; ``offers-form-error.png``:
a new offer refused for an unknown language code; ``offers-office.png``: the office's
read-only catalogue after the district's bundle brought the new offer. Every window has its
default size, which fits a 1366×768 screen.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from screenshots import context, log_in, save, start, wait_for

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.offers import OfferInput, list_offers, save_offer, set_offer_active
from passapp.services.sync import export_bundles, import_bundle
from passapp.ui.offers_screen import OffersScreen
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]
NEW_OFFER = OfferInput(
    category="beratung",
    title="Sprechstunde Anerkennung ausländischer Berufsabschlüsse",
    provider="IQ Netzwerk Bayern (Beispiel)",
    address="Beispielstraße 9, 85221 Dachau",
    municipality_key="09174115",
    contact="Tel. 08131 000000 (Beispiel) · iq-beratung@example.org",
    languages=("de", "en", "ar", "uk"),
    target_group="Menschen mit einem im Ausland erworbenen Berufs- oder Studienabschluss",
    description="Jeden ersten Dienstag im Monat; Termin nach Vereinbarung.",
)


def prepare_district(district: ServiceContext) -> None:
    """The district has added an offer and retired one, as in the field."""
    save_offer(district, NEW_OFFER)
    retired = next(o for o in list_offers(district) if "Sprachcafé" in o.title)
    set_offer_active(district, retired.slug, False)


def district_shots(district: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    screen = OffersScreen(log_in(district, Role.DISTRICT_ADMIN), tasks)
    screen.show()
    screen.view.inactive_box.setChecked(True)
    QTest.keyClicks(screen.view.filter_field, "deutsch")
    QTest.keyClick(screen.view.filter_field, Qt.Key.Key_Down)
    QTest.keyClick(screen.view.table, Qt.Key.Key_Down)
    save(screen, out / "offers.png")

    screen.view.edit_button.click()
    assert screen.form is not None
    save(screen.form, out / "offers-form.png")
    screen.form.reject()

    screen.view.new_button.click()
    form = screen.form
    QTest.keyClicks(form.title_field, "Deutsch-Treff am Nachmittag")
    form.category_combo.setCurrentIndex(form.category_combo.findData("sprachkurs"))
    QTest.keyClicks(form.provider_field, "Familienzentrum Karlsfeld (Beispiel)")
    QTest.keyClicks(form.languages_field, "de, xx")
    form.level_boxes["A1"].setChecked(True)
    form.save_button.click()
    wait_for(tasks)
    save(form, out / "offers-form-error.png")
    form.reject()
    screen.close()


def office_shot(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    screen = OffersScreen(log_in(office), tasks)
    screen.show()
    QTest.keyClicks(screen.view.filter_field, "anerkennung")
    save(screen, out / "offers-office.png")
    screen.close()


def main() -> None:
    shots = start(__doc__)
    out, app, folder = shots.out, shots.app, shots.folder
    office = shots.demo_office()
    district = context(folder / "landratsamt-demo.sqlite3", "Herr Maier")
    prepare_district(district)
    tasks = TaskRunner()
    district_shots(district, tasks, out)
    bundle = folder / "an-ewdah.passapp"
    export_bundles(district, bundle, "EWDAH")
    import_bundle(office, bundle)
    office_shot(office, tasks, out)
    tasks.shutdown()
    office.db.dispose()
    district.db.dispose()
    app.quit()


if __name__ == "__main__":
    main()

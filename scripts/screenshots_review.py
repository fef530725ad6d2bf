"""Screenshots of the district admin's review screen, at 100 % and 150 %.

    .venv/bin/python scripts/screenshots_review.py [--out docs/screenshots]
    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_review.py

The demo office's people reach the demo district; the district's own counter registers
one of them again, spelt differently and with the day of birth unknown, and two PCs of
the office correct the same person differently (a conflict). ``review.png``: Mögliche
Doppelte with that pair chosen and compared side by side; ``review-merge.png``: the merge
dialog with the surviving record chosen and a reason typed, not yet ticked;
``review-conflicts.png``: the conflicts tab with one conflict chosen;
``review-conflict-take-other.png``: "Anderen Wert übernehmen …" asking first (issue 12);
``review-conflict-refused.png``: the district refused, in German (the record is the
office's);
``review-dismissed.png``: the pair marked as two people, chosen in "Verworfene Paare"
(issue 12), ready to be checked again. The same at 150 %
scaling (``QT_SCALE_FACTOR``, a second process) with the prefix ``scale150-``.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from screenshots import context, log_in, save, start, wait_for  # isort: skip  (offscreen Qt first)

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.people import person_input, register_person, update_person
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle
from passapp.ui.review_screen import ReviewScreen
from passapp.ui.tasks import TaskRunner

SCALED = "PASSAPP_SHOTS_SCALED"


def main() -> None:
    shots = start(__doc__)
    prefix = "scale150-" if os.environ.get(SCALED) else ""
    office = shots.demo_office()
    folder = shots.folder
    district = context(folder / "landratsamt-demo.sqlite3", "Herr Maier")
    first, second, *_others = consenting(office)
    data = person_input(office, first)
    export_bundles(office, folder / "0.passapp")
    import_bundle(district, folder / "0.passapp")
    # The district's own counter registers the same woman again.
    again = dataclasses.replace(
        data,
        given_names=data.given_names + " Daniel",
        birth_date=dataclasses.replace(data.birth_date, day=None),
        arrival_date=None,
    )
    register_person(district, again)
    conflict_on_two_pcs(office, district, folder, second)

    tasks = TaskRunner()
    admin = log_in(district, Role.DISTRICT_ADMIN)
    screen = ReviewScreen(admin, tasks)
    screen.show()
    wait_for(tasks)
    screen.pair_table.selectRow(0)
    save(screen, shots.out / f"{prefix}review.png")
    dialog = screen.merge()
    assert dialog is not None
    dialog.keep_first.setChecked(True)
    dialog.reason.setText("gleicher Reisepass, im Landratsamt noch einmal erfasst")
    save(dialog, shots.out / f"{prefix}review-merge.png")
    dialog.reject()
    screen.tabs.setCurrentIndex(1)
    screen.conflict_table.selectRow(0)
    save(screen, shots.out / f"{prefix}review-conflicts.png")
    asking = screen.take_other()
    assert asking is not None
    save(asking, shots.out / f"{prefix}review-conflict-take-other.png")
    asking.reject()
    screen.conflict_table.selectRow(0)
    screen._resolve(screen.conflicts.row(0), "other")  # the district may not: refused
    wait_for(tasks)
    save(screen, shots.out / f"{prefix}review-conflict-refused.png")
    chosen = screen.selected_pair()
    assert chosen is not None
    admin.dismiss_duplicate(chosen.first.id, chosen.second.id)
    screen.tabs.setCurrentIndex(0)
    dismissed = screen.show_dismissed()
    dismissed.table.selectRow(0)
    save(dismissed, shots.out / f"{prefix}review-dismissed.png")
    dismissed.reject()
    tasks.shutdown()
    shots.app.quit()
    if not prefix:
        scaled = {**os.environ, SCALED: "1", "QT_SCALE_FACTOR": "1.5"}
        subprocess.run([sys.executable, __file__, "--out", str(shots.out)], check=True, env=scaled)


def consenting(office: ServiceContext) -> list[uuid.UUID]:
    """Demo people who agreed that their identity reaches the district, with a full birth
    date (the demo draws the consent)."""
    found = []
    for name in ("Okafor", "Popescu", "Tesfaye", "Nowak", "Ivanova", "Rahimi", "Haidari"):
        for hit in find(office, name).hits:
            data = person_input(office, hit.id)
            if data.consent and data.birth_date.is_complete:
                found.append(hit.id)
    return found


def conflict_on_two_pcs(
    office: ServiceContext, district: ServiceContext, base: Path, person_id: uuid.UUID
) -> None:
    """A copy of the office database (a second PC) corrects a person the first PC corrects
    differently; the district keeps one value and lists the other."""
    data = person_input(office, person_id)
    office.db.dispose()
    (base / "pc2").mkdir()
    shutil.copy(base / "ewdah.sqlite3", base / "pc2" / "ewdah.sqlite3")
    second = context(base / "pc2" / "ewdah.sqlite3", "Frau Schmid")
    update_person(office, person_id, dataclasses.replace(data, contact="+49 8131 1234"))
    update_person(second, person_id, dataclasses.replace(data, contact="+49 151 9876543"))
    for site, name in ((office, "1"), (second, "2")):
        export_bundles(site, base / f"{name}.passapp")
        import_bundle(district, base / f"{name}.passapp")
    second.db.dispose()


if __name__ == "__main__":
    main()

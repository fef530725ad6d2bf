"""Screenshots of issuing, replacing and printing a pass, made offscreen from a demo office.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_pass.py [--out docs/screenshots]

``pass-issue.png``: issuing to a person whose eligibility is unclear, with the clerk's
written reason; ``pass-preview.png``: the issued pass's PDF as it will be printed;
``pass-refused.png``: a person who already holds a pass, with the service's refusal;
``pass-replace.png``: the confirmation before a replacement card; ``pass-entry-sheet.png``:
the entry record sheet's preview. Every dialog has its default size (fits 1366×768).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from screenshots import log_in, save, start, wait_for  # isort: skip  (sets up offscreen Qt first)

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput, register_person
from passapp.services.search import find
from passapp.ui.pass_dialog import EntrySheetDialog, IssuePassDialog, ReplacePassDialog
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]


def unclear_person(office: ServiceContext) -> uuid.UUID:
    """Born some time in 2010: 16 already, or not yet, depending on the unknown day."""
    registration = register_person(
        office,
        PersonInput(
            family_names="Haddad",
            given_names="Rana",
            birth_date=PartialDate.parse("2010-00-00"),
            arrival_date=PartialDate.parse("2025-03-10"),
            moved_from_abroad=True,
            nationalities=("SYR",),
            languages=("ar",),
            consent=True,
            consent_notice_version=CONSENT_NOTICE_VERSION,
        ),
    )
    return registration.person.id


def holder(office: ServiceContext, name: str) -> tuple[uuid.UUID, str]:
    hit = find(office, name).hits[0]
    assert hit.pass_number is not None
    return hit.id, hit.pass_number


def main() -> None:
    shots = start(__doc__)
    out, app = shots.out, shots.app
    office = shots.demo_office()
    clerk = log_in(office)
    tasks = TaskRunner()

    issue = IssuePassDialog(clerk, tasks, unclear_person(office))
    issue.show()
    issue.form.reason.setText("Geburtsurkunde vorgelegt: geboren am 03.02.2010, also 16 Jahre alt")
    save(issue, out / "pass-issue.png")
    issue.form.issue_button.click()
    wait_for(tasks)
    save(issue, out / "pass-preview.png")
    issue.accept()

    person_id, number = holder(office, "Schewtschenko Olena")
    refused = IssuePassDialog(clerk, tasks, person_id)
    refused.show()
    refused.form.issue_button.click()
    wait_for(tasks)
    save(refused, out / "pass-refused.png")
    refused.reject()

    replace = ReplacePassDialog(clerk, tasks, number)
    replace.show()
    save(replace, out / "pass-replace.png")
    replace.reject()

    sheet = EntrySheetDialog(clerk, tasks, holder(office, "Ahmadi Zahra")[1])
    sheet.show()
    wait_for(tasks)
    save(sheet, out / "pass-entry-sheet.png")
    sheet.accept()

    tasks.shutdown()
    office.db.dispose()
    app.quit()


if __name__ == "__main__":
    main()

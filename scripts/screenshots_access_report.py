"""Screenshots of the DSGVO Art. 15 access report, made offscreen from a demo office.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_access_report.py [--out docs/screenshots]

``access-report.png``: the counter window after Strg+Umschalt+U on a person of the office
(the status bar names the two files); ``access-report-de.png`` and ``access-report-ar.png``:
the first page of the report's German part and of its Arabic part, at 110 dpi.
"""

from __future__ import annotations

from screenshots import log_in, save, start, wait_for  # isort: skip  (sets up offscreen Qt first)

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtWidgets import QApplication, QFileDialog

from passapp.domain.accounts import Role
from passapp.pdf.access_report import render_access_report
from passapp.services.access_report import access_report
from passapp.services.search import find
from passapp.ui.main_window import MainWindow

DPI = 110


def main() -> None:
    shots = start(__doc__)
    office = shots.demo_office()
    target = shots.folder / "Auskunft-Al-Hassan.pdf"
    # The file dialog is the operating system's; here it "chooses" the target.
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(target), ""))  # type: ignore[method-assign]
    window = MainWindow(log_in(office, Role.OFFICE_ADMIN))
    window.show()
    window.search_field.setText("Al-Hassan")
    window.search_field.returnPressed.emit()
    QApplication.processEvents()
    person = find(office, "Al-Hassan").hits[0].id
    window.person_panel.show_person(person)
    window.person_panel.report_button.click()
    wait_for(window.tasks)
    save(window, shots.out / "access-report.png")
    window.tasks.shutdown()
    window.close()

    german_pages = _page_count(render_access_report(access_report(office, person), None))
    document = pdfium.PdfDocument(target.read_bytes())
    for name, index in (("access-report-de.png", 0), ("access-report-ar.png", german_pages)):
        path = shots.out / name
        document[index].render(scale=DPI / 72).to_pil().save(path)
        print(path)
    document.close()
    office.db.dispose()
    shots.app.quit()


def _page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


if __name__ == "__main__":
    main()

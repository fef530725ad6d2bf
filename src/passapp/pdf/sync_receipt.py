"""The receipt of a sync bundle export or import: what went out or came in, on A4.

Handing personal data from one office to another should leave a record the admin can
print or file. The sync screen shows the same :class:`SyncReceipt` it prints, so window
and paper say the same words. It holds no personal data: counts, office codes, file
names and the bundle id.

The builders take the plain ``to_json()`` dictionaries of the sync service's reports
(this package sits below the services and does not import them).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from passapp.pdf import text as tx
from passapp.pdf.common import A4, MM, draw_page, heading, new_canvas
from passapp.pdf.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    LineOp,
    Op,
    TextOp,
    Writer,
    leading,
    place_lines,
    shifted,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * MM
LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
TOP, BOTTOM = PAGE_HEIGHT - MARGIN, 22 * MM
FOOTER_BASELINE = 12 * MM
LABEL_WIDTH = 48 * MM
SIZE = 10.0
SUBHEADING = 11.5

# A value (an office or clerk name from a bundle, a file path) gets at most this many
# lines, the office in the footer this many characters: a row stays on its page and the
# layout time bounded whatever a bundle or an older database holds (issue 9).
VALUE_LINES = 8
FOOTER_OFFICE_CHARS = 90

# Singular and plural of what a change can be about (entity types of the change log).
ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "person": ("Person", "Personen"),
    "eligibility_check": ("Berechtigungsprüfung", "Berechtigungsprüfungen"),
    "pass": ("Pass", "Pässe"),
    "pass_card": ("Passkarte", "Passkarten"),
    "entry": ("Eintrag", "Einträge"),
}


# What an import reports, in the order the receipt lists it.
RESULT_COUNTS = ("applied", "skipped", "quarantined", "conflicts", "pending")


@dataclass(frozen=True, slots=True)
class ReceiptSection:
    heading: str
    rows: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True, slots=True)
class SyncReceipt:
    title: str
    summary: str  # one sentence with every count
    sections: tuple[ReceiptSection, ...]
    notes: tuple[str, ...]  # what the counts mean and what to do, in plain words
    office: str  # "EWDAH – Einwohnermeldeamt Dachau"


# --- words ---------------------------------------------------------------------------------


def number(value: int) -> str:
    """German digit grouping: 12.000."""
    return f"{value:,}".replace(",", ".")


def amount(value: int, singular: str, plural: str) -> str:
    return f"{number(value)} {singular if value == 1 else plural}"


def counts_in_words(counts: Mapping[str, int]) -> str:
    """``{"person": 3, "pass": 1}`` → "3 Personen, 1 Pass" (known kinds in a fixed order)."""
    order = list(ENTITY_LABELS)
    kinds = sorted(counts, key=lambda kind: (order.index(kind) if kind in order else 99, kind))
    parts = [
        amount(counts[kind], *ENTITY_LABELS.get(kind, (kind, kind)))
        for kind in kinds
        if counts[kind]
    ]
    return ", ".join(parts) if parts else "keine"


def german_datetime(moment: dt.datetime) -> str:
    """In the PC's local time, as people at the counter read the clock."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local:%d.%m.%Y}, {local:%H:%M} Uhr"


def _changes_in_words(total: int, counts: Mapping[str, int]) -> str:
    if not total:
        return "keine neuen Änderungen"
    return f"{amount(total, 'Änderung', 'Änderungen')}: {counts_in_words(counts)}"


def _procedure(office: str, clerk: str, made_at: dt.datetime) -> ReceiptSection:
    return ReceiptSection(
        "Vorgang",
        (
            ("Dienststelle", office),
            ("Bearbeitet von", clerk),
            ("Zeitpunkt", german_datetime(made_at)),
        ),
    )


# --- import ----------------------------------------------------------------------------------


def import_receipt(
    header: Mapping[str, Any],
    report: Mapping[str, Any],
    *,
    office: str,
    clerk: str,
    made_at: dt.datetime,
) -> SyncReceipt:
    """``header``: ``describe_bundle()``; ``report``: ``ImportReport.to_json()``."""
    counts = {key: int(report[key]) for key in RESULT_COUNTS}
    summary = (
        f"Paket von {report['sender']} eingespielt: {number(counts['applied'])} übernommen, "
        f"{number(counts['skipped'])} schon vorhanden, {number(counts['quarantined'])} in "
        f"Quarantäne, {number(counts['conflicts'])} Konflikte, {number(counts['pending'])} wartend."
    )
    bundle = ReceiptSection(
        "Paket",
        (
            ("Von", str(header["sender"])),
            ("Für", str(header["recipient"])),
            ("Erstellt am", german_datetime(dt.datetime.fromisoformat(header["created_at"]))),
            ("Inhalt", _changes_in_words(int(header["changes"]), header["counts"])),
            ("Paketnummer", str(header["bundle_id"])),
        ),
    )
    return SyncReceipt(
        title="Datenaustausch: Paket eingespielt",
        summary=summary,
        sections=(_procedure(office, clerk, made_at), bundle, _result(report, counts)),
        notes=_import_notes(report, counts),
        office=office,
    )


def _result(report: Mapping[str, Any], counts: Mapping[str, int]) -> ReceiptSection:
    applied = number(counts["applied"])
    if counts["applied"]:
        applied += f" ({counts_in_words(report.get('by_type') or {})})"
    rows = [
        ("Übernommen", applied),
        ("Schon vorhanden", number(counts["skipped"])),
        ("In Quarantäne", number(counts["quarantined"])),
        ("Konflikte", number(counts["conflicts"])),
        ("Wartend", number(counts["pending"])),
    ]
    if report.get("dropped"):
        rows.append(("Verworfen (unbekannt)", number(int(report["dropped"]))))
    if report.get("erased"):
        rows.append(("Personendaten entfernt", number(int(report["erased"]))))
    if report.get("conflicts_settled"):
        rows.append(("Konflikte erledigt", number(int(report["conflicts_settled"]))))
    if report.get("trust_list") is not None:
        rows.append(("Vertrauensliste", f"Nr. {report['trust_list']} eingespielt"))
    return ReceiptSection("Ergebnis", tuple(rows))


def _import_notes(report: Mapping[str, Any], counts: Mapping[str, int]) -> tuple[str, ...]:
    notes = []
    if counts["skipped"] and not counts["applied"]:
        notes.append(
            "Alles in diesem Paket war schon vorhanden (es wurde wohl schon einmal "
            "eingespielt). Nichts wurde doppelt übernommen."
        )
    if counts["quarantined"]:
        notes.append(
            f"{amount(counts['quarantined'], 'fehlerhafter Datensatz wurde', 'fehlerhafte Datensätze wurden')} "
            "nicht übernommen, sondern in Quarantäne aufbewahrt. Bitte der Stelle melden, "
            f"von der das Paket kam ({report['sender']})."
        )
    if report.get("dropped"):
        notes.append(
            f"{amount(int(report['dropped']), 'Angabe unbekannter Art wurde', 'Angaben unbekannter Art wurden')} "
            "verworfen (aus einer neueren Version oder fehlerhaft) und nicht gespeichert."
        )
    if counts["conflicts"]:
        notes.append(
            f"{amount(counts['conflicts'], 'Änderung widersprach', 'Änderungen widersprachen')} "
            "einer Änderung an einer anderen Stelle. Es gilt der Wert der zuständigen Stelle; "
            "der andere Wert ist aufbewahrt, nichts geht verloren."
        )
    if report.get("conflicts_settled"):
        settled = int(report["conflicts_settled"])
        notes.append(
            f"{amount(settled, 'Konflikt, der hier offen war, wurde', 'Konflikte, die hier offen waren, wurden')} "
            "an einer anderen Stelle entschieden und hier geschlossen."
        )
    if report.get("erased"):
        erased = int(report["erased"])
        notes.append(
            f"Bei {amount(erased, 'Person', 'Personen')} sind Name und Kontaktdaten hier "
            "entfernt (gelöscht nach Art. 17 DSGVO oder Einwilligung widerrufen). Ihre "
            "Einträge bleiben ohne sie für die Statistik."
        )
    if counts["pending"]:
        notes.append(
            f"{amount(counts['pending'], 'Änderung wartet', 'Änderungen warten')} auf Daten, die "
            "noch nicht angekommen sind (etwa ein Eintrag zu einem Pass, den diese Stelle noch "
            "nicht kennt). Sie werden mit einem späteren Paket von selbst übernommen."
        )
    if report.get("wal_cleared") is False:
        notes.append(
            "Gelöschte Personendaten sind noch nicht restlos überschrieben: ein anderes "
            "Programm liest die Datenbank, oder der Speicherplatz reichte nicht. Das geschieht "
            "bei der nächsten Löschung oder dem nächsten Einspielen mit Löschungen."
        )
    if report.get("trust_list") is not None:
        notes.append(
            f"Die Vertrauensliste Nr. {report['trust_list']} gilt ab jetzt: gescannte Pässe "
            "werden mit ihr geprüft."
        )
    return tuple(notes)


# --- export ----------------------------------------------------------------------------------


def export_receipt(
    reports: Sequence[Mapping[str, Any]], *, office: str, clerk: str, made_at: dt.datetime
) -> SyncReceipt:
    """``reports``: ``ExportReport.to_json()`` of every bundle written."""
    total = sum(int(report["changes"]) for report in reports)
    if len(reports) == 1:
        summary = f"Paket an {reports[0]['recipient']} geschrieben: {amount(total, 'Änderung', 'Änderungen')}."
    else:
        summary = (
            f"{number(len(reports))} Pakete geschrieben, zusammen "
            f"{amount(total, 'Änderung', 'Änderungen')}."
        )
    sections = [_procedure(office, clerk, made_at)]
    sections += [
        ReceiptSection(
            f"Paket an {report['recipient']}",
            (
                ("Datei", str(report["file"])),
                ("Inhalt", _changes_in_words(int(report["changes"]), report["counts"])),
                ("Paketnummer", str(report["bundle_id"])),
            ),
        )
        for report in reports
    ]
    notes = [
        "Bitte jede Datei ihrem Empfänger übergeben, zum Beispiel auf einem USB-Stick. "
        "Ein Paket ist verschlüsselt: nur der Empfänger kann es lesen."
    ]
    if any(not int(report["changes"]) for report in reports):
        notes.append(
            "Auch ein Paket ohne neue Änderungen lohnt sich: es bestätigt dem Empfänger, "
            "was hier schon angekommen ist."
        )
    return SyncReceipt(
        title="Datenaustausch: Paket exportiert"
        if len(reports) == 1
        else "Datenaustausch: Pakete exportiert",
        summary=summary,
        sections=tuple(sections),
        notes=tuple(notes),
        office=office,
    )


# --- the PDF ---------------------------------------------------------------------------------


def render_sync_receipt(receipt: SyncReceipt) -> bytes:
    """The receipt as an A4 portrait PDF with the embedded Noto fonts."""
    writer = Writer(LEFT, RIGHT, TOP, BOTTOM)
    writer.new_page()
    heading(writer, receipt.title, None, None, size=16)
    writer.paragraph(receipt.summary, "bold", 11, color=INK)
    for section in receipt.sections:
        _section(writer, section)
    if receipt.notes:
        _subheading(writer, "Hinweise")
        for note in receipt.notes:
            writer.paragraph(note, "regular", SIZE, color=INK, keep_together=True)
            writer.space(1.5 * MM)

    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, title=receipt.title, author=receipt.office)
    for page_number, page in enumerate(writer.pages, start=1):
        draw_page(canvas, page)
        draw_page(canvas, _footer(receipt, page_number, len(writer.pages)))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _subheading(writer: Writer, text: str) -> None:
    writer.space(5 * MM)
    writer.ensure(3 * leading(SUBHEADING, False))  # never alone at the foot of a page
    line = tx.line(text, "bold", SUBHEADING)
    writer.add(*place_lines([line], LEFT, writer.width, writer.y, color=ACCENT))
    writer.space(1 * MM)


def _section(writer: Writer, section: ReceiptSection) -> None:
    _subheading(writer, section.heading)
    for label, value in section.rows:
        ops, height = _row(label, value, writer.width)
        writer.ensure(height)
        writer.add([shifted(op, writer.y) for op in ops], height)


def _row(label: str, value: str, width: float) -> tuple[list[Op], float]:
    """One label/value row laid out from y = 0 down, with a thin rule below."""
    pad = 1.2 * MM
    value_width = width - LABEL_WIDTH
    label_ops, label_height = place_lines(
        tx.wrap(label, "regular", SIZE, LABEL_WIDTH - 3 * MM), LEFT, LABEL_WIDTH, -pad, color=MUTED
    )
    value_lines = tx.wrap(value, "regular", SIZE, value_width, max_lines=VALUE_LINES)
    value_ops, value_height = place_lines(value_lines, LEFT + LABEL_WIDTH, value_width, -pad)
    height = max(label_height, value_height) + 2 * pad
    rule = LineOp(LEFT, -height, LEFT + width, -height, RULE, 0.4)
    return [*label_ops, *value_ops, rule], height


def _footer(receipt: SyncReceipt, page_number: int, pages: int) -> list[Op]:
    office = tx.elide(receipt.office, FOOTER_OFFICE_CHARS)
    left = tx.line(f"Datenaustausch · {office}", "regular", 7.5)
    right = tx.line(f"Seite {page_number} von {pages}", "regular", 7.5)
    return [
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    ]

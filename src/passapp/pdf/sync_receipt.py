"""The receipt of a sync bundle export or import: what went out or came in, on A4.

Handing personal data from one office to another should leave a record the admin can
print or file. The sync screen shows the same :class:`SyncReceipt` it prints, so window
and paper say the same words. It holds no personal data: counts, office codes, file
names and the bundle id.

The builders take the plain ``to_json()`` dictionaries of the sync service's reports
(this package sits below the services and does not import them). The receipt is a record
of the authority and printed and saved in German (the official language); the English UI
shows the same receipt in English (``language="en"``) on the screen.
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
ENTITY_LABELS_EN: dict[str, tuple[str, str]] = {
    "person": ("person", "people"),
    "eligibility_check": ("eligibility check", "eligibility checks"),
    "pass": ("pass", "passes"),
    "pass_card": ("pass card", "pass cards"),
    "entry": ("entry", "entries"),
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
    language: str = "de"  # "en": the English UI's view of it


# --- words ---------------------------------------------------------------------------------


def _pick(language: str, german: str, english: str) -> str:
    return english if language == "en" else german


def number(value: int, language: str = "de") -> str:
    """Digit grouping: 12.000 in German, 12,000 in English."""
    grouped = f"{value:,}"
    return grouped if language == "en" else grouped.replace(",", ".")


def amount(value: int, singular: str, plural: str, language: str = "de") -> str:
    return f"{number(value, language)} {singular if value == 1 else plural}"


def counts_in_words(counts: Mapping[str, int], language: str = "de") -> str:
    """``{"person": 3, "pass": 1}`` → "3 Personen, 1 Pass" (known kinds in a fixed order;
    "3 people, 1 pass" in English)."""
    labels = ENTITY_LABELS_EN if language == "en" else ENTITY_LABELS
    order = list(ENTITY_LABELS)
    kinds = sorted(counts, key=lambda kind: (order.index(kind) if kind in order else 99, kind))
    parts = [
        amount(counts[kind], *labels.get(kind, (kind, kind)), language)
        for kind in kinds
        if counts[kind]
    ]
    return ", ".join(parts) if parts else _pick(language, "keine", "none")


def _moment(moment: dt.datetime, language: str) -> str:
    """In the PC's local time, as people at the counter read the clock; the day is written
    alike in both languages (DESIGN-NOTES, dates)."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local:%d.%m.%Y}, {local:%H:%M}" + ("" if language == "en" else " Uhr")


def _changes_in_words(total: int, counts: Mapping[str, int], language: str) -> str:
    if not total:
        return _pick(language, "keine neuen Änderungen", "no new changes")
    return f"{_changes(total, language)}: {counts_in_words(counts, language)}"


def _changes(total: int, language: str) -> str:
    """The changes counted in words: "3 Änderungen", "1 change"."""
    words = ("change", "changes") if language == "en" else ("Änderung", "Änderungen")
    return amount(total, *words, language)


def _procedure(office: str, clerk: str, made_at: dt.datetime, language: str) -> ReceiptSection:
    return ReceiptSection(
        _pick(language, "Vorgang", "Procedure"),
        (
            (_pick(language, "Dienststelle", "Office"), office),
            (_pick(language, "Bearbeitet von", "Done by"), clerk),
            (_pick(language, "Zeitpunkt", "Time"), _moment(made_at, language)),
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
    language: str = "de",
) -> SyncReceipt:
    """``header``: ``describe_bundle()``; ``report``: ``ImportReport.to_json()``."""
    counts = {key: int(report[key]) for key in RESULT_COUNTS}
    n = {key: number(value, language) for key, value in counts.items()}
    summary = _pick(
        language,
        f"Paket von {report['sender']} eingespielt: {n['applied']} übernommen, "
        f"{n['skipped']} schon vorhanden, {n['quarantined']} in Quarantäne, "
        f"{n['conflicts']} Konflikte, {n['pending']} wartend.",
        f"Bundle from {report['sender']} imported: {n['applied']} applied, "
        f"{n['skipped']} already there, {n['quarantined']} in quarantine, "
        f"{n['conflicts']} conflicts, {n['pending']} waiting.",
    )
    created = _moment(dt.datetime.fromisoformat(header["created_at"]), language)
    bundle = ReceiptSection(
        _pick(language, "Paket", "Bundle"),
        (
            (_pick(language, "Von", "From"), str(header["sender"])),
            (_pick(language, "Für", "For"), str(header["recipient"])),
            (_pick(language, "Erstellt am", "Made on"), created),
            (
                _pick(language, "Inhalt", "Content"),
                _changes_in_words(int(header["changes"]), header["counts"], language),
            ),
            (_pick(language, "Paketnummer", "Bundle id"), str(header["bundle_id"])),
        ),
    )
    return SyncReceipt(
        title=_pick(
            language, "Datenaustausch: Paket eingespielt", "Data exchange: bundle imported"
        ),
        summary=summary,
        sections=(
            _procedure(office, clerk, made_at, language),
            bundle,
            _result(report, counts, language),
        ),
        notes=_import_notes(report, counts, language),
        office=office,
        language=language,
    )


def _result(report: Mapping[str, Any], counts: Mapping[str, int], language: str) -> ReceiptSection:
    def n(value: int) -> str:
        return number(value, language)

    applied = n(counts["applied"])
    if counts["applied"]:
        applied += f" ({counts_in_words(report.get('by_type') or {}, language)})"
    rows = [
        (_pick(language, "Übernommen", "Applied"), applied),
        (_pick(language, "Schon vorhanden", "Already there"), n(counts["skipped"])),
        (_pick(language, "In Quarantäne", "In quarantine"), n(counts["quarantined"])),
        (_pick(language, "Konflikte", "Conflicts"), n(counts["conflicts"])),
        (_pick(language, "Wartend", "Waiting"), n(counts["pending"])),
    ]
    if report.get("dropped"):
        rows.append(
            (
                _pick(language, "Verworfen (unbekannt)", "Dropped (unknown)"),
                n(int(report["dropped"])),
            )
        )
    if report.get("erased"):
        rows.append(
            (
                _pick(language, "Personendaten entfernt", "Identities removed"),
                n(int(report["erased"])),
            )
        )
    if report.get("conflicts_settled"):
        settled = n(int(report["conflicts_settled"]))
        rows.append((_pick(language, "Konflikte erledigt", "Conflicts settled"), settled))
    if report.get("trust_list") is not None:
        number_of_list = report["trust_list"]
        rows.append(
            (
                _pick(language, "Vertrauensliste", "Trust list"),
                _pick(
                    language, f"Nr. {number_of_list} eingespielt", f"No. {number_of_list} installed"
                ),
            )
        )
    return ReceiptSection(_pick(language, "Ergebnis", "Result"), tuple(rows))


def _import_notes(
    report: Mapping[str, Any], counts: Mapping[str, int], language: str
) -> tuple[str, ...]:
    english = language == "en"

    def many(value: int, german: tuple[str, str], english_words: tuple[str, str]) -> str:
        return amount(value, *(english_words if english else german), language)

    notes = []
    if counts["skipped"] and not counts["applied"]:
        notes.append(
            "Everything in this bundle was here already (it was probably imported before). "
            "Nothing was applied twice."
            if english
            else "Alles in diesem Paket war schon vorhanden (es wurde wohl schon einmal "
            "eingespielt). Nichts wurde doppelt übernommen."
        )
    if counts["quarantined"]:
        notes.append(
            f"{many(counts['quarantined'], ('fehlerhafter Datensatz wurde', 'fehlerhafte Datensätze wurden'), ('faulty record was', 'faulty records were'))} "
            + (
                "not applied but kept in quarantine. Please tell the office the bundle "
                f"came from ({report['sender']})."
                if english
                else "nicht übernommen, sondern in Quarantäne aufbewahrt. Bitte der Stelle "
                f"melden, von der das Paket kam ({report['sender']})."
            )
        )
    if report.get("dropped"):
        notes.append(
            f"{many(int(report['dropped']), ('Angabe unbekannter Art wurde', 'Angaben unbekannter Art wurden'), ('item of an unknown kind was', 'items of an unknown kind were'))} "
            + (
                "dropped (from a newer version, or faulty) and not stored."
                if english
                else "verworfen (aus einer neueren Version oder fehlerhaft) und nicht gespeichert."
            )
        )
    if counts["conflicts"]:
        notes.append(
            f"{many(counts['conflicts'], ('Änderung widersprach', 'Änderungen widersprachen'), ('change contradicted', 'changes contradicted'))} "
            + (
                "a change made elsewhere. The value of the office in charge applies; the other "
                "value is kept, nothing is lost."
                if english
                else "einer Änderung an einer anderen Stelle. Es gilt der Wert der zuständigen "
                "Stelle; der andere Wert ist aufbewahrt, nichts geht verloren."
            )
        )
    if report.get("conflicts_settled"):
        notes.append(
            f"{many(int(report['conflicts_settled']), ('Konflikt, der hier offen war, wurde', 'Konflikte, die hier offen waren, wurden'), ('conflict open here was', 'conflicts open here were'))} "
            + (
                "decided elsewhere and closed here."
                if english
                else "an einer anderen Stelle entschieden und hier geschlossen."
            )
        )
    if report.get("erased"):
        people = many(int(report["erased"]), ("Person", "Personen"), ("person", "people"))
        notes.append(
            f"For {people} name and contact are removed here (erased under Art. 17 GDPR or "
            "consent withdrawn). Their entries stay, without them, for the statistics."
            if english
            else f"Bei {people} sind Name und Kontaktdaten hier entfernt (gelöscht nach Art. 17 "
            "DSGVO oder Einwilligung widerrufen). Ihre Einträge bleiben ohne sie für die "
            "Statistik."
        )
    if counts["pending"]:
        notes.append(
            f"{many(counts['pending'], ('Änderung wartet', 'Änderungen warten'), ('change waits', 'changes wait'))} "
            + (
                "for data that has not arrived yet (such as an entry for a pass this office "
                "does not know yet). They are applied by a later bundle on their own."
                if english
                else "auf Daten, die noch nicht angekommen sind (etwa ein Eintrag zu einem Pass, "
                "den diese Stelle noch nicht kennt). Sie werden mit einem späteren Paket von "
                "selbst übernommen."
            )
        )
    if report.get("wal_cleared") is False:
        notes.append(
            "Erased personal data is not yet overwritten everywhere: another program is "
            "reading the database, or there was not enough space. That happens at the next "
            "erasure or the next import with erasures."
            if english
            else "Gelöschte Personendaten sind noch nicht restlos überschrieben: ein anderes "
            "Programm liest die Datenbank, oder der Speicherplatz reichte nicht. Das geschieht "
            "bei der nächsten Löschung oder dem nächsten Einspielen mit Löschungen."
        )
    if report.get("trust_list") is not None:
        notes.append(
            f"Trust list no. {report['trust_list']} applies from now on: scanned passes are "
            "checked against it."
            if english
            else f"Die Vertrauensliste Nr. {report['trust_list']} gilt ab jetzt: gescannte "
            "Pässe werden mit ihr geprüft."
        )
    return tuple(notes)


# --- export ----------------------------------------------------------------------------------


def export_receipt(
    reports: Sequence[Mapping[str, Any]],
    *,
    office: str,
    clerk: str,
    made_at: dt.datetime,
    language: str = "de",
) -> SyncReceipt:
    """``reports``: ``ExportReport.to_json()`` of every bundle written."""
    english = language == "en"
    total = sum(int(report["changes"]) for report in reports)
    changes = _changes(total, language)
    if len(reports) == 1:
        recipient = reports[0]["recipient"]
        summary = (
            f"Bundle for {recipient} written: {changes}."
            if english
            else f"Paket an {recipient} geschrieben: {changes}."
        )
    else:
        bundles = number(len(reports), language)
        summary = (
            f"{bundles} bundles written, {changes} in all."
            if english
            else f"{bundles} Pakete geschrieben, zusammen {changes}."
        )
    sections = [_procedure(office, clerk, made_at, language)]
    sections += [
        ReceiptSection(
            _pick(language, f"Paket an {report['recipient']}", f"Bundle for {report['recipient']}"),
            (
                (_pick(language, "Datei", "File"), str(report["file"])),
                (
                    _pick(language, "Inhalt", "Content"),
                    _changes_in_words(int(report["changes"]), report["counts"], language),
                ),
                (_pick(language, "Paketnummer", "Bundle id"), str(report["bundle_id"])),
            ),
        )
        for report in reports
    ]
    notes = [
        _pick(
            language,
            "Bitte jede Datei ihrem Empfänger übergeben, zum Beispiel auf einem USB-Stick. "
            "Ein Paket ist verschlüsselt: nur der Empfänger kann es lesen.",
            "Please hand each file to its recipient, for instance on a USB stick. A bundle "
            "is encrypted: only its recipient can read it.",
        )
    ]
    if any(not int(report["changes"]) for report in reports):
        notes.append(
            _pick(
                language,
                "Auch ein Paket ohne neue Änderungen lohnt sich: es bestätigt dem Empfänger, "
                "was hier schon angekommen ist.",
                "A bundle without new changes is worth sending too: it tells the recipient "
                "what has arrived here.",
            )
        )
    one = len(reports) == 1
    title = (
        ("Data exchange: bundle exported" if one else "Data exchange: bundles exported")
        if english
        else ("Datenaustausch: Paket exportiert" if one else "Datenaustausch: Pakete exportiert")
    )
    return SyncReceipt(
        title=title,
        summary=summary,
        sections=tuple(sections),
        notes=tuple(notes),
        office=office,
        language=language,
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
        _subheading(writer, _pick(receipt.language, "Hinweise", "Notes"))
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
    left = tx.line(
        f"{_pick(receipt.language, 'Datenaustausch', 'Data exchange')} · {office}", "regular", 7.5
    )
    page = _pick(receipt.language, "Seite {page} von {pages}", "Page {page} of {pages}")
    right = tx.line(page.format(page=page_number, pages=pages), "regular", 7.5)
    return [
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    ]

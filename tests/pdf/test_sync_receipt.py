"""The sync receipt without Qt: the words, and the PDF with embedded fonts."""

from __future__ import annotations

import datetime as dt

from passapp.pdf.sync_receipt import (
    counts_in_words,
    export_receipt,
    import_receipt,
    number,
    render_sync_receipt,
)
from tests.pdf.helpers import page_sizes, page_texts, text_fonts_embedded

MADE_AT = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
HEADER = {
    "bundle_id": "01a214f6-5272-7054-ab84-1707094c3e05",
    "sender": "LRADAH",
    "recipient": "EWDAH",
    "created_at": "2026-11-25T08:00:00+00:00",
    "counts": {"entry": 1, "person": 2},
    "changes": 3,
    "format_version": 1,
}


def report(**counts: object) -> dict[str, object]:
    values: dict[str, object] = {
        "bundle_id": HEADER["bundle_id"],
        "sender": "LRADAH",
        "applied": 0,
        "skipped": 0,
        "quarantined": 0,
        "conflicts": 0,
        "pending": 0,
        "trust_list": None,
        "by_type": {},
    }
    values.update(counts)
    return values


def test_counts_in_german_words() -> None:
    assert counts_in_words({"entry": 1, "person": 2, "pass": 0}) == "2 Personen, 1 Eintrag"
    assert counts_in_words({}) == "keine"
    assert number(1234567) == "1.234.567"


def test_import_receipt_explains_what_needs_attention() -> None:
    receipt = import_receipt(
        HEADER,
        report(
            applied=1, quarantined=1, conflicts=2, pending=1, trust_list=7, by_type={"entry": 1}
        ),
        office="EWDAH – Einwohnermeldeamt Dachau",
        clerk="Frau Huber",
        made_at=MADE_AT,
    )
    assert receipt.summary == (
        "Paket von LRADAH eingespielt: 1 übernommen, 0 schon vorhanden, 1 in Quarantäne, "
        "2 Konflikte, 1 wartend."
    )
    notes = " ".join(receipt.notes)
    assert "1 fehlerhafter Datensatz wurde nicht übernommen" in notes
    assert "2 Änderungen widersprachen" in notes
    assert "1 Änderung wartet" in notes
    assert "Vertrauensliste Nr. 7" in notes


def test_the_same_bundle_twice_says_so() -> None:
    receipt = import_receipt(HEADER, report(skipped=3), office="EWDAH", clerk="x", made_at=MADE_AT)
    assert any("schon vorhanden" in note for note in receipt.notes)


def test_export_receipt_pdf_for_several_offices() -> None:
    reports = [
        {
            "file": f"/media/usb/LRADAH-an-{code}.passapp",
            "recipient": code,
            "bundle_id": f"id-{code}",
            "changes": changes,
            "counts": {"entry": changes} if changes else {},
        }
        for code, changes in (("EWDAH", 4), ("JCDAH", 0))
    ]
    receipt = export_receipt(
        reports, office="LRADAH – Landkreis Dachau", clerk="Herr Maier", made_at=MADE_AT
    )
    assert receipt.summary == "2 Pakete geschrieben, zusammen 4 Änderungen."
    pdf = render_sync_receipt(receipt)
    text = "\n".join(page_texts(pdf))
    assert "Paket an EWDAH" in text
    assert "Paket an JCDAH" in text
    assert "4 Änderungen: 4 Einträge" in text
    assert "keine neuen Änderungen" in text
    assert [(round(w), round(h)) for w, h in page_sizes(pdf)] == [(595, 842)]  # A4
    assert all(text_fonts_embedded(pdf))


def test_the_receipt_names_what_was_dropped_as_unknown() -> None:
    receipt = import_receipt(
        HEADER, report(applied=2, dropped=3), office="EWDAH", clerk="x", made_at=MADE_AT
    )
    rows = dict(receipt.sections[-1].rows)
    assert rows["Verworfen (unbekannt)"] == "3"
    assert any("3 Angaben unbekannter Art wurden verworfen" in note for note in receipt.notes)
    quiet = import_receipt(HEADER, report(applied=2), office="EWDAH", clerk="x", made_at=MADE_AT)
    assert "Verworfen (unbekannt)" not in dict(quiet.sections[-1].rows)


def test_the_receipt_says_when_erased_data_is_not_yet_overwritten() -> None:
    def notes(**fields: object) -> str:
        data = {**report(applied=1), **fields}
        return " ".join(
            import_receipt(HEADER, data, office="EWDAH", clerk="x", made_at=MADE_AT).notes
        )

    assert "noch nicht restlos überschrieben" in notes(erased=1, wal_cleared=False)
    assert "überschrieben" not in notes(erased=1, wal_cleared=True)
    assert "überschrieben" not in notes()  # a report from before the field existed


def test_the_receipt_counts_removed_identities_and_conflicts_decided_elsewhere() -> None:
    receipt = import_receipt(
        HEADER,
        report(applied=3, erased=2, conflicts_settled=1),
        office="EWDAH",
        clerk="x",
        made_at=MADE_AT,
    )
    rows = dict(receipt.sections[-1].rows)
    assert (rows["Personendaten entfernt"], rows["Konflikte erledigt"]) == ("2", "1")
    notes = " ".join(receipt.notes)
    assert "Bei 2 Personen sind Name und Kontaktdaten hier entfernt" in notes
    assert "1 Konflikt, der hier offen war, wurde an einer anderen Stelle entschieden" in notes
    text = "\n".join(page_texts(render_sync_receipt(receipt)))
    assert "Personendaten entfernt" in text
    assert "Konflikte erledigt" in text
    # a bundle with neither, or a report from before the fields existed, says nothing of them
    quiet = import_receipt(HEADER, report(applied=3), office="EWDAH", clerk="x", made_at=MADE_AT)
    assert not {"Personendaten entfernt", "Konflikte erledigt"} & set(dict(quiet.sections[-1].rows))
    assert "entfernt" not in " ".join(quiet.notes)


def test_the_english_receipt_says_the_same_in_english() -> None:
    data = report(applied=1234, quarantined=1, conflicts=2, erased=1, trust_list=7)
    german = import_receipt(HEADER, data, office="EWDAH", clerk="x", made_at=MADE_AT)
    english = import_receipt(
        HEADER, data, office="EWDAH", clerk="x", made_at=MADE_AT, language="en"
    )
    assert english.summary.startswith("Bundle from LRADAH imported: 1,234 applied")
    assert german.summary.startswith("Paket von LRADAH eingespielt: 1.234 übernommen")
    assert [len(s.rows) for s in english.sections] == [len(s.rows) for s in german.sections]
    assert len(english.notes) == len(german.notes) == 4
    assert "1 faulty record was not applied" in " ".join(english.notes)
    text = "\n".join(page_texts(render_sync_receipt(english)))
    assert "Notes" in text
    assert "Page 1 of 1" in text
    assert "Hinweise" not in text
    assert "Seite" not in text


def test_the_english_export_receipt() -> None:
    reports = [
        {"file": "/media/usb/a.passapp", "recipient": "EWDAH", "bundle_id": "a", "changes": 2,
         "counts": {"person": 1, "entry": 1}},
        {"file": "/media/usb/b.passapp", "recipient": "JCDAH", "bundle_id": "b", "changes": 0,
         "counts": {}},
    ]  # fmt: skip
    receipt = export_receipt(reports, office="LRADAH", clerk="x", made_at=MADE_AT, language="en")
    assert receipt.title == "Data exchange: bundles exported"
    assert receipt.summary == "2 bundles written, 2 changes in all."
    assert receipt.sections[1].heading == "Bundle for EWDAH"
    assert dict(receipt.sections[1].rows)["Content"] == "2 changes: 1 person, 1 entry"
    assert dict(receipt.sections[2].rows)["Content"] == "no new changes"
    assert len(receipt.notes) == 2

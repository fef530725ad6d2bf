"""Issue 3 end to end: a real PDF, a real QR decoder, a second office's database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.errors import Refused
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass, record_pass_status, replace_pass, revoke_pass
from passapp.services.search import find
from passapp.services.trust import export_trust_list, install_file
from passapp.services.verification import verify
from tests.conftest import enrol, make_context
from tests.services.helpers import register


@pytest.fixture
def second_office(district_ctx: ServiceContext, tmp_path: Path) -> Iterator[ServiceContext]:
    """A language course provider in Karlsfeld, enrolled at the same district."""
    folder = tmp_path / "vhs"
    folder.mkdir()
    ctx = make_context(folder / "vhs.sqlite3", clerk="vhs")
    init_office(
        ctx,
        code="VHSKA",
        name="Volkshochschule Karlsfeld",
        kind="sprachkurstraeger",
        municipality="Karlsfeld",
    )
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


def refresh_trust_list(district: ServiceContext, *offices: ServiceContext, folder: Path) -> None:
    path = folder / "trust-list.json"
    export_trust_list(district, path)
    for office in offices:
        install_file(office, path)


def decode_qr_from_pdf(pdf: Path) -> str:
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    return str(results[0].text)


def test_printed_qr_verifies_at_another_office(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    second_office: ServiceContext,
    tmp_path: Path,
) -> None:
    # The provider enrolled after the first office: it got a trust list with both keys.
    person = register(office_ctx, "Şahin", "Mehmet Ali", birth="1990-05-00", arrival="2024-01-10")
    issued = issue_pass(office_ctx, person, languages=("tr",), out_pdf=tmp_path / "pass.pdf")
    assert issued.pdf == (tmp_path / "pass.pdf").resolve()

    scanned = decode_qr_from_pdf(issued.pdf)
    assert scanned == issued.qr_digits
    assert len(scanned) == 203
    assert scanned.isdigit()

    holder = ("Şahin", "Mehmet Ali", PartialDate.parse("XX.05.1990"))
    result = verify(second_office, scanned, holder=holder).to_json()
    assert result["valid"] is True
    assert result["pass_number"] == issued.pass_number
    assert result["office"] == "EWDAH"
    assert result["issued_on"] == "2026-11-25"
    assert result["generation"] == 0
    assert result["holder_matches"] is True
    assert result["status"] == "unknown"  # the provider has never seen this pass before

    # The binding hash accepts the printed spelling in other cases and scripts of Latin,
    # and refuses another person or another birth date.
    assert verify(
        second_office, scanned, holder=("SAHIN", "mehmet ali", PartialDate.parse("1990-05-00"))
    ).result.holder_matches
    assert (
        verify(
            second_office, scanned, holder=("Şahin", "Ali Mehmet", holder[2])
        ).result.holder_matches
        is False
    )
    assert (
        verify(
            second_office, scanned, holder=("Şahin", "Mehmet Ali", PartialDate.parse("1990-06-00"))
        ).result.holder_matches
        is False
    )


def test_every_single_digit_change_is_refused(
    office_ctx: ServiceContext, second_office: ServiceContext
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    digits = issued.qr_digits
    assert digits is not None
    assert verify(second_office, digits).result.valid
    for position, original in enumerate(digits):
        for replacement in "0123456789":
            if replacement == original:
                continue
            changed = digits[:position] + replacement + digits[position + 1 :]
            assert not verify(second_office, changed).result.valid, (position, replacement)


def test_entry_from_a_scanned_pass_of_another_office(
    office_ctx: ServiceContext, second_office: ServiceContext
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    assert issued.qr_digits is not None
    course = EntryInput(
        kind=EntryKind.SPRACHKURS, start_date=dt.date(2026, 11, 24), title="Deutsch B1"
    )
    logged = add_entry(second_office, issued.qr_digits + "\r\n", course)
    assert logged.office == "VHSKA"
    # The pass is now known at the provider as a stub keyed by its number, without holder data.
    assert [e.id for e in list_entries(second_office, issued.pass_number).entries] == [logged.id]
    assert find(second_office, issued.pass_number).hits == []
    scanned = find(second_office, issued.qr_digits)
    assert scanned.kind == "qr"
    assert scanned.verification is not None
    assert scanned.verification.result.status == "active"


def test_forged_qr_cannot_create_a_stub(
    office_ctx: ServiceContext, second_office: ServiceContext
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    assert issued.qr_digits is not None
    forged = issued.qr_digits[:-1] + str((int(issued.qr_digits[-1]) + 1) % 10)
    with pytest.raises(Refused):
        add_entry(
            second_office,
            forged,
            EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 24)),
        )


def test_revocation_travels_with_the_trust_list(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    second_office: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    assert issued.qr_digits is not None
    revoke_pass(office_ctx, issued.pass_number, "Pass wurde missbräuchlich weitergegeben")
    # The issuing office knows at once; the other office once the trust list carries it.
    assert verify(office_ctx, issued.qr_digits).result.status == "revoked"
    assert verify(second_office, issued.qr_digits).result.status == "unknown"
    record_pass_status(
        district_ctx, issued.pass_number, revoked=True, generation=None, reason="gemeldet"
    )
    refresh_trust_list(district_ctx, second_office, folder=tmp_path)
    view = verify(second_office, issued.qr_digits)
    assert view.result.valid  # the signature is still genuine …
    assert view.result.status == "revoked"  # … but the pass is withdrawn
    assert not view.accepted


def test_lost_card_is_replaced_and_the_old_card_scans_as_replaced(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    second_office: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    new_card = replace_pass(office_ctx, issued.pass_number, tmp_path / "ersatz.pdf")
    assert new_card.pass_number == issued.pass_number
    assert new_card.generation == 1
    assert decode_qr_from_pdf(tmp_path / "ersatz.pdf") == new_card.qr_digits
    assert issued.qr_digits is not None
    assert new_card.qr_digits is not None
    assert verify(office_ctx, issued.qr_digits).result.status == "replaced"
    assert verify(office_ctx, new_card.qr_digits).result.status == "active"
    record_pass_status(district_ctx, issued.pass_number, revoked=False, generation=1, reason=None)
    refresh_trust_list(district_ctx, second_office, folder=tmp_path)
    assert verify(second_office, issued.qr_digits).result.status == "replaced"
    assert verify(second_office, new_card.qr_digits).result.status == "active"


def test_an_older_trust_list_is_refused(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    export_trust_list(district_ctx, old)
    export_trust_list(district_ctx, new)
    install_file(office_ctx, new)
    with pytest.raises(Refused):
        install_file(office_ctx, old)


def test_failed_issue_leaves_no_pdf(office_ctx: ServiceContext, tmp_path: Path) -> None:
    child = register(office_ctx, "Klein", "Kind", birth="2015-01-01")
    with pytest.raises(Refused):
        issue_pass(office_ctx, child, out_pdf=tmp_path / "never.pdf")
    assert list(tmp_path.glob("*never*")) == []


def test_unenrolled_office_cannot_issue(unenrolled_office_ctx: ServiceContext) -> None:
    with pytest.raises(Refused, match="not enrolled"):
        issue_pass(unenrolled_office_ctx, register(unenrolled_office_ctx))


def test_key_rotation_keeps_old_passes_valid(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    second_office: ServiceContext,
    tmp_path: Path,
) -> None:
    before = issue_pass(office_ctx, register(office_ctx, "Ahmadi", "Zahra"))
    folder = tmp_path / "rotation"
    folder.mkdir()
    enrol(office_ctx, district_ctx, folder, new_key=True)
    after = issue_pass(office_ctx, register(office_ctx, "Rahimi", "Farid"))
    refresh_trust_list(district_ctx, second_office, folder=tmp_path)
    assert before.qr_digits is not None
    assert after.qr_digits is not None
    old, new = (
        verify(second_office, before.qr_digits).result,
        verify(second_office, after.qr_digits).result,
    )
    assert old.valid
    assert new.valid
    assert old.key_id != new.key_id


def test_compromised_key_is_refused_from_its_date(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    second_office: ServiceContext,
    tmp_path: Path,
) -> None:
    from passapp.services.trust import mark_key_compromised

    issued = issue_pass(office_ctx, register(office_ctx))
    assert issued.qr_digits is not None
    key_id = verify(second_office, issued.qr_digits).result.key_id
    assert key_id is not None
    mark_key_compromised(district_ctx, "EWDAH", key_id, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    refresh_trust_list(district_ctx, second_office, folder=tmp_path)
    result = verify(second_office, issued.qr_digits).result
    assert not result.valid
    assert result.reason == "key_compromised"


def test_private_keys_never_leave_the_database(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from passapp.models.entities import SigningKey

    export_trust_list(district_ctx, tmp_path / "trust-list.json")
    exported = b"".join(path.read_bytes() for path in tmp_path.rglob("*.json"))
    assert exported  # request, package and trust list files were written
    assert b"PRIVATE" not in exported
    for ctx in (office_ctx, district_ctx):
        with ctx.db.reading() as session:
            for key in session.scalars(
                select(SigningKey).where(SigningKey.private_pem.is_not(None))
            ):
                assert key.private_pem is not None
                body = b"".join(key.private_pem.splitlines()[1:-1])
                assert body not in exported

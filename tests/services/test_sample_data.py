"""No sample data on a real pass (issue 12, item 5): the district sets the catalogue and the
privacy contact, its bundles carry them, and until both have arrived issuing warns and the
PDF says "Beispieldaten" on every page. Real databases, real bundles, real PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.errors import InputError
from passapp.domain.privacy_contact import PrivacyContact, privacy_contact
from passapp.models.entities import Offer
from passapp.services.context import ServiceContext
from passapp.services.demo import create_demo
from passapp.services.erasure import set_retention_years
from passapp.services.errors import Refused
from passapp.services.offers import OfferInput, save_offer, set_offer_active
from passapp.services.passes import issue_pass
from passapp.services.privacy_contact import get_contact, sample_data, set_contact
from passapp.services.sync import import_bundle
from tests.pdf.helpers import page_texts
from tests.services.helpers import register
from tests.services.test_retention import years_at
from tests.sync.forging import forge
from tests.sync.test_conflicts import to_office
from tests.sync.test_trust_boundaries import quarantine_reasons

CONTACT = privacy_contact(
    "Datenschutzbeauftragte des Landratsamts Dachau",
    "Weiherweg 16, 85221 Dachau",
    "datenschutz@example.org",
    "+49 8131 74-0",
)
MARK = "BEISPIELDATEN"


def real_catalogue(district: ServiceContext) -> None:
    """The district's own offer in, every sample offer out (as an import would do)."""
    save_offer(
        district,
        OfferInput(category="sprachkurs", title="Deutsch B1 am Abend", provider="VHS Dachau"),
    )
    with district.db.reading() as session:
        samples = list(session.scalars(select(Offer.slug).where(Offer.is_sample.is_(True))))
    for slug in samples:
        set_offer_active(district, slug, False)


def issued_text(ctx: ServiceContext) -> tuple[tuple[str, ...], list[str], str | None]:
    issued = issue_pass(ctx, register(ctx))
    assert issued.pdf is not None
    warning = issued.warning
    return issued.sample_data, page_texts(issued.pdf.read_bytes()), warning and warning[1]


def test_an_office_warns_and_marks_every_page_until_the_district_sends_both(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    parts, pages, warning = issued_text(office_ctx)
    assert parts == ("offers", "privacy_contact")
    assert warning is not None
    assert "Beispieldaten" in warning
    assert all(MARK in page for page in pages)
    assert "vor dem Einsatz eintragen" in " ".join(" ".join(pages).split())  # placeholder

    # The catalogue alone is not enough: the contact is still a placeholder.
    real_catalogue(district_ctx)
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "1.passapp")
    assert sample_data(office_ctx) == ("privacy_contact",)

    set_contact(district_ctx, CONTACT)
    set_retention_years(district_ctx, 5)
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "2.passapp")
    assert get_contact(office_ctx) == CONTACT
    parts, pages, warning = issued_text(office_ctx)
    assert (parts, warning) == ((), None)
    text = " ".join(" ".join(pages).split())  # lines joined: the contact wraps
    assert MARK not in text
    assert "Beispieldaten" not in text
    assert "vor dem Einsatz" not in text
    assert "datenschutz@example.org" in text
    assert "Tel. +49 8131 74-0" in text
    assert "Deutsch B1 am Abend" in text
    # The notice states the district's retention period, not the default of three years.
    assert "spätestens 5 Jahre" in text
    assert "spätestens 3 Jahre" not in text


def test_a_catalogue_with_a_sample_offer_left_is_still_sample_data(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    set_contact(district_ctx, CONTACT)
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "1.passapp")
    assert sample_data(office_ctx) == ("offers",)
    _parts, pages, _warning = issued_text(office_ctx)
    assert all(MARK in page for page in pages)


def test_only_the_district_sets_the_contact_and_only_a_clean_one(
    district_ctx: ServiceContext, office_ctx: ServiceContext
) -> None:
    with pytest.raises(Refused):
        set_contact(office_ctx, CONTACT)
    assert get_contact(office_ctx) is None
    refused = {
        "10,000-character address": {"address": "Weiherweg 16 " * 770},
        "overlong name": {"name": "N" * 201},
        "blank name": {"name": "   "},
        "no e-mail nor phone": {"email": None, "phone": None},
        "not an e-mail": {"email": "datenschutz at lra-dah.de"},
        "not a phone": {"phone": "0800-DATEN"},
        "hidden character": {"address": "Weiherweg\u202e 16"},
        "a line break": {"name": "Amt\nfür Datenschutz"},
    }
    base = CONTACT.to_json()
    for case, change in refused.items():
        values = {**base, **change}
        if case == "a line break":  # one line: cleaned into a space, not refused
            assert privacy_contact(**values).name == "Amt für Datenschutz"  # type: ignore[arg-type]
            continue
        with pytest.raises(InputError):
            privacy_contact(**values)  # type: ignore[arg-type]
    assert get_contact(district_ctx) is None


def test_a_contact_forged_by_an_office_is_quarantined(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    set_contact(district_ctx, CONTACT)
    forged = PrivacyContact("Betrüger", "Irgendwo 1", "dsb@betrug.example", None)
    record = {"type": "settings", "retention_years": 1, "privacy_contact": forged.to_json()}
    report = import_bundle(district_ctx, forge(provider, district_ctx, [record], tmp_path / "f"))
    assert report.quarantined == 1
    assert any("only the district" in reason for reason in quarantine_reasons(district_ctx))
    assert get_contact(district_ctx) == CONTACT
    assert years_at(district_ctx) == 3


def test_a_broken_contact_from_the_district_is_quarantined_and_the_rest_applies(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    set_retention_years(district_ctx, 5)
    huge = {**CONTACT.to_json(), "address": "x" * 10_000}
    record = {"type": "settings", "retention_years": 5, "privacy_contact": huge}
    report = import_bundle(office_ctx, forge(district_ctx, office_ctx, [record], tmp_path / "f"))
    assert report.quarantined == 1
    assert any("privacy_contact" in reason for reason in quarantine_reasons(office_ctx))
    assert get_contact(office_ctx) is None
    assert sample_data(office_ctx) == ("offers", "privacy_contact")
    assert years_at(office_ctx) == 5


def test_the_demo_keeps_its_sample_data_and_says_so(ctx: ServiceContext, tmp_path: Path) -> None:
    issued = create_demo(ctx, tmp_path)
    assert issued > 0
    assert sample_data(ctx) == ("offers", "privacy_contact")
    _parts, pages, warning = issued_text(ctx)
    assert warning is not None
    assert all(MARK in page for page in pages)

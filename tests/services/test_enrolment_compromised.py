"""A key the trust list reports compromised is not used at its own office either
(issue 9, item 6): issuing, replacing and exporting are refused and write nothing, until
the office has a new key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.models.entities import ChangeRecord, EligibilityCheck, Pass, PassCard, SigningKey
from passapp.models.sync_entities import BundleReceipt
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass, replace_pass
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import export_trust_list, install_file, mark_key_compromised
from tests.conftest import NOW, enrol
from tests.services.helpers import count, register

COMPROMISED_DE = "Schlüssel ist als kompromittiert gemeldet: neuen Schlüssel beantragen (office request --new-key)"


def own_key_id(office: ServiceContext) -> int:
    with office.db.reading() as session:
        return int(
            session.scalars(
                select(SigningKey.key_id).where(
                    SigningKey.status == "active", SigningKey.private_pem.is_not(None)
                )
            ).one()
        )


def report_compromise(
    district: ServiceContext, office: ServiceContext, folder: Path, after: dt.datetime = NOW
) -> None:
    """The district marks the office's key and the office installs the new trust list."""
    mark_key_compromised(district, "EWDAH", own_key_id(office), after)
    export_trust_list(district, folder / "trust-list.json")
    install_file(office, folder / "trust-list.json")


def written(office: ServiceContext) -> tuple[int, ...]:
    return tuple(
        count(office, model)
        for model in (Pass, PassCard, EligibilityCheck, ChangeRecord, BundleReceipt)
    )


def test_issue_with_a_compromised_key_is_refused(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    person = register(office_ctx)
    report_compromise(district_ctx, office_ctx, tmp_path)
    before = written(office_ctx)
    with pytest.raises(Refused) as refused:
        issue_pass(office_ctx, person, out_pdf=tmp_path / "pass.pdf")
    assert refused.value.message_de.startswith(COMPROMISED_DE)
    assert "office request --new-key" in str(refused.value)
    assert written(office_ctx) == before
    assert not list(tmp_path.glob("*pass.pdf*"))


def test_a_compromise_that_arrives_in_a_district_bundle_is_refused(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    person = register(office_ctx)
    mark_key_compromised(district_ctx, "EWDAH", own_key_id(office_ctx), NOW)
    export_bundles(district_ctx, tmp_path / "lra.passapp", "EWDAH")
    import_bundle(office_ctx, tmp_path / "lra.passapp")
    with pytest.raises(Refused) as refused:
        issue_pass(office_ctx, person)
    assert refused.value.message_de.startswith(COMPROMISED_DE)


def test_a_compromise_dated_later_refuses_already(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Reported is reported: the office stops now, not only from the stated day."""
    person = register(office_ctx)
    report_compromise(district_ctx, office_ctx, tmp_path, after=NOW + dt.timedelta(days=30))
    with pytest.raises(Refused, match="compromised"):
        issue_pass(office_ctx, person)


def test_replace_with_a_compromised_key_is_refused(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    report_compromise(district_ctx, office_ctx, tmp_path)
    before = written(office_ctx)
    with pytest.raises(Refused) as refused:
        replace_pass(office_ctx, issued.pass_number, out_pdf=tmp_path / "replacement.pdf")
    assert refused.value.message_de.startswith(COMPROMISED_DE)
    assert written(office_ctx) == before
    with office_ctx.db.reading() as session:
        assert session.scalars(select(Pass.generation)).one() == 0
    assert not list(tmp_path.glob("*replacement.pdf*"))


def test_export_with_a_compromised_key_is_refused(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    issue_pass(office_ctx, register(office_ctx))
    report_compromise(district_ctx, office_ctx, tmp_path)
    before = written(office_ctx)
    bundle = tmp_path / "ewdah.passapp"
    with pytest.raises(Refused) as refused:
        export_bundles(office_ctx, bundle)
    assert refused.value.message_de.startswith(COMPROMISED_DE)
    assert written(office_ctx) == before
    assert not bundle.exists()


def test_a_new_key_issues_and_exports_again(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    """What the message tells the clerk to do works: request a new key (no flag needed
    at the district, the compromised key is no longer live), install it, go on."""
    issued = issue_pass(office_ctx, register(office_ctx))
    report_compromise(district_ctx, office_ctx, tmp_path)
    folder = tmp_path / "new-key"
    folder.mkdir()
    enrol(office_ctx, district_ctx, folder, new_key=True)
    assert replace_pass(office_ctx, issued.pass_number).generation == 1
    assert issue_pass(office_ctx, register(office_ctx, "Rahimi", "Farid")).pass_number
    assert export_bundles(office_ctx, tmp_path / "ewdah.passapp")[0].changes > 0


def test_another_offices_compromised_key_does_not_stop_this_office(
    office_ctx: ServiceContext,
    provider: ServiceContext,
    district_ctx: ServiceContext,
    tmp_path: Path,
) -> None:
    mark_key_compromised(district_ctx, "VHSKA", own_key_id(provider), NOW)
    export_trust_list(district_ctx, tmp_path / "trust-list.json")
    install_file(office_ctx, tmp_path / "trust-list.json")
    assert issue_pass(office_ctx, register(office_ctx)).pass_number

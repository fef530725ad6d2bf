"""A folder export that fails half-way names the bundles it did write (issue 9, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from passapp.services.context import ServiceContext
from passapp.services.errors import PartialExport
from passapp.services.sync import export_bundles, import_bundle
from tests.conftest import NOW


def test_folder_export_for_every_office(
    district_ctx: ServiceContext, provider: ServiceContext, tmp_path: Path
) -> None:
    reports = export_bundles(district_ctx, tmp_path / "out")
    assert [report.recipient for report in reports] == ["EWDAH", "VHSKA"]
    assert all(report.path.is_file() for report in reports)


def test_folder_export_stopped_half_way_names_what_was_written(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    blocked = out / f"LRADAH-an-VHSKA-{NOW:%Y%m%d-%H%M%S}.passapp"
    blocked.mkdir(parents=True)  # the second bundle's name is taken by a folder
    with pytest.raises(PartialExport) as stopped:
        export_bundles(district_ctx, out)
    written = stopped.value.written
    assert [path.name for path in written] == [f"LRADAH-an-EWDAH-{NOW:%Y%m%d-%H%M%S}.passapp"]
    assert import_bundle(office_ctx, written[0]).sender == "LRADAH"  # complete and valid
    assert "VHSKA" in stopped.value.message_de
    assert written[0].name in stopped.value.message_de
    assert sorted(path.name for path in out.iterdir()) == sorted([written[0].name, blocked.name])

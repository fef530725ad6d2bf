"""``passapp report demand`` (issue 11): the district's admin writes the demand figures as
CSV, XLSX, JSON or PDF; an unknown ending or a PDF without a file is bad input (exit 2); an
office admin and a clerk are refused (exit 1) and no file is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.desk import Gate
from tests.services.test_demand import build_district, file_cells, numbers_in
from tests.support.accounts import acting_as

ACCOUNTS = {
    "kreis": ("Landratsamt Weiherweg 16", Role.DISTRICT_ADMIN),
    "amt": ("Büro im Erdgeschoss 3", Role.OFFICE_ADMIN),
    "meier": ("Schalter-drei im Rathaus", Role.CLERK),
}


@dataclass(frozen=True)
class District:
    db: Path
    folder: Path

    def run(self, account: str, *args: str) -> Result:
        password, _role = ACCOUNTS[account]
        return CliRunner().invoke(
            main, ["--db", str(self.db), "--json", *args], env=acting_as(account, password)
        )


@pytest.fixture
def district(district_ctx: ServiceContext, tmp_path: Path) -> District:
    build_district(district_ctx)
    admin = Gate(district_ctx).add_first_admin("kreis", ACCOUNTS["kreis"][0], Role.DISTRICT_ADMIN)
    for name, (password, role) in ACCOUNTS.items():
        if name != "kreis":
            admin.add_account(name, role, password)
    district_ctx.db.dispose()
    return District(tmp_path / "district.sqlite3", tmp_path)


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json", "pdf"])
def test_the_district_writes_the_figures_without_small_numbers(
    district: District, file_format: str
) -> None:
    out = district.folder / f"bedarf.{file_format}"
    result = district.run("kreis", "report", "demand", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["format"] == file_format
    cells = file_cells(out, file_format)
    numbers = [int(text) for text in numbers_in(cells)]
    assert 13 in numbers
    assert min(numbers) >= 5


def test_filters_on_the_command_line(district: District) -> None:
    result = district.run(
        "kreis", "report", "demand", "--from", "2026-06-01", "--municipality", "Karlsfeld"
    )
    assert result.exit_code == 0, result.output
    tables = {t["key"]: t for t in json.loads(result.stdout)["tables"]}
    assert tables["holders_by_nationality"]["rows"][0] == ["AFG", 6, 6]


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (("--municipality", "Atlantis"), "Gemeinde"),
        (("--from", "2026-13-01"), ""),
    ],
)
def test_bad_options_are_bad_input_and_write_nothing(
    district: District, args: tuple[str, ...], german: str
) -> None:
    out = district.folder / "bedarf.csv"
    result = district.run("kreis", "report", "demand", *args, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert german in json.loads(result.stdout)["error_de"]
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "german"),
    [(("--out", "bedarf.txt"), "Format"), (("--format", "pdf"), "PDF-Bericht braucht eine Datei")],
)
def test_an_unknown_ending_or_a_pdf_without_file_is_bad_input(
    district: District, args: tuple[str, ...], german: str
) -> None:
    result = district.run("kreis", "report", "demand", *args)
    assert result.exit_code == 2, result.output
    assert german in json.loads(result.stdout)["error_de"]
    assert not (district.folder / "bedarf.txt").exists()


@pytest.mark.parametrize("account", ["amt", "meier"])
def test_an_office_admin_and_a_clerk_are_refused(district: District, account: str) -> None:
    out = district.folder / "bedarf.csv"
    result = district.run(account, "report", "demand", "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "Rolle" in json.loads(result.stdout)["error_de"]
    assert not out.exists()

"""``passapp offers list|import|export`` (issue 11): the district's admin keeps the catalogue
in a spreadsheet; a file with one wrong row changes nothing and names the row (exit 2);
other roles are refused (exit 1) and nothing changes."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.desk import Gate
from passapp.services.offer_files import COLUMNS
from tests.support.accounts import acting_as

ACCOUNTS = {
    "kreis": ("Landratsamt Weiherweg 16", Role.DISTRICT_ADMIN),
    "amt": ("Büro im Erdgeschoss 3", Role.OFFICE_ADMIN),
    "meier": ("Schalter-drei im Rathaus", Role.CLERK),
}
ROW = {
    "Kennung": "abendkurs-b1",
    "Kategorie": "sprachkurs",
    "Titel": "Deutsch B1 am Abend",
    "Anbieter": "VHS Dachau",
    "Adresse": "",
    "Gemeinde": "Dachau",
    "Kontakt": "",
    "Sprachen": "de",
    "Zielgruppe": "",
    "Niveaus": "B1",
    "Beschreibung": "",
    "Aktiv": "ja",
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

    def offers(self) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(self.db)) as connection:
            return connection.execute("SELECT * FROM offer ORDER BY slug").fetchall()


@pytest.fixture
def district(district_ctx: ServiceContext, tmp_path: Path) -> District:
    admin = Gate(district_ctx).add_first_admin(
        "kreis", *(ACCOUNTS["kreis"][0],), Role.DISTRICT_ADMIN
    )
    for name, (password, role) in ACCOUNTS.items():
        if name != "kreis":
            admin.add_account(name, role, password)
    district_ctx.db.dispose()
    return District(tmp_path / "district.sqlite3", tmp_path)


def catalogue(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows([row[name] for name in COLUMNS] for row in rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_district_exports_and_imports_the_catalogue_unchanged(
    district: District, suffix: str
) -> None:
    before = district.offers()
    out = district.folder / f"katalog{suffix}"

    exported = district.run("kreis", "offers", "export", "--out", str(out))
    imported = district.run("kreis", "offers", "import", str(out))

    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.output) == {"offers": len(before), "file": str(out)}
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.output)["unchanged"] == len(before)
    assert district.offers() == before


def test_a_new_offer_comes_in_and_is_listed(district: District) -> None:
    path = catalogue(district.folder / "neu.csv", [ROW])
    result = district.run("kreis", "offers", "import", str(path))
    assert json.loads(result.output)["created"] == 1
    listed = district.run("meier", "offers", "list", "b1 am abend")
    assert [o["slug"] for o in json.loads(listed.output)["offers"]] == ["abendkurs-b1"]


def test_one_wrong_row_changes_nothing_and_names_the_row(district: District) -> None:
    before = district.offers()
    rows = [ROW, {**ROW, "Kennung": "zwei", "Niveaus": "B7"}]
    path = catalogue(district.folder / "falsch.csv", rows)

    result = district.run("kreis", "offers", "import", str(path))

    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert [(p["row"], p["column"]) for p in payload["problems"]] == [(3, "Niveaus")]
    assert "Zeile 3, Spalte „Niveaus“" in payload["error_de"]
    assert "Zeile 3" in result.stderr
    assert district.offers() == before


def test_deactivate_missing_on_the_command_line(district: District) -> None:
    path = catalogue(district.folder / "einer.csv", [ROW])
    result = district.run("kreis", "offers", "import", str(path), "--deactivate-missing")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["deactivated"] > 10
    listed = json.loads(district.run("kreis", "offers", "list").output)["offers"]
    assert [o["slug"] for o in listed] == ["abendkurs-b1"]


def test_an_export_to_another_format_is_bad_input(district: District) -> None:
    result = district.run("kreis", "offers", "export", "--out", str(district.folder / "k.ods"))
    assert result.exit_code == 2
    assert ".csv" in json.loads(result.stdout)["error_de"]
    assert not (district.folder / "k.ods").exists()


@pytest.mark.parametrize("account", ["meier", "amt"])
def test_a_clerk_and_an_office_admin_may_not_import(district: District, account: str) -> None:
    before = district.offers()
    path = catalogue(district.folder / "neu.csv", [ROW])
    result = district.run(account, "offers", "import", str(path))
    assert result.exit_code == 1
    assert "Rolle" in json.loads(result.stdout)["error_de"]
    assert district.offers() == before


def test_a_clerk_may_export_the_public_catalogue(district: District) -> None:
    out = district.folder / "fuer-den-schalter.xlsx"
    result = district.run("meier", "offers", "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_the_listing_shows_and_finds_the_titles_per_language(district: District) -> None:
    row = {**ROW, "title_en": "German B1 in the evening", "title_uk": "Німецька B1 увечері"}
    path = district.folder / "titles.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow([*COLUMNS, "title_en", "title_uk"])
        writer.writerow([row[name] for name in [*COLUMNS, "title_en", "title_uk"]])
    assert district.run("kreis", "offers", "import", str(path)).exit_code == 0

    password, _role = ACCOUNTS["meier"]
    listed = CliRunner().invoke(
        main,
        ["--db", str(district.db), "offers", "list", "B1 evening"],
        env=acting_as("meier", password),
    )
    assert listed.exit_code == 0, listed.output
    [line] = listed.output.splitlines()
    assert line.startswith("abendkurs-b1")
    assert line.endswith(
        "Deutsch B1 am Abend (VHS Dachau) | en: German B1 in the evening | uk: Німецька B1 увечері"
    )
    found = json.loads(district.run("meier", "offers", "list", "увечері").output)["offers"]
    assert [o["titles"] for o in found] == [
        {"en": "German B1 in the evening", "uk": "Німецька B1 увечері"}
    ]

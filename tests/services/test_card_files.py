"""A pass is committed only together with its card's PDF (issue 9, item 7)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent, Pass, PassCard
from passapp.services.cards import card_output
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass, replace_pass
from tests.services.helpers import count, register


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def test_issue_writes_the_card_where_asked(office_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "karten" / "pass.pdf"
    issued = issue_pass(office_ctx, register(office_ctx), out_pdf=out)
    assert issued.pdf == out.resolve()
    assert out.read_bytes().startswith(b"%PDF")
    assert files_in(out.parent) == {"pass.pdf"}  # no staged copy beside it


@pytest.mark.parametrize("bad_out", ["", "folder", "note.txt/pass.pdf", "/dev/null"])
def test_issue_refused_when_the_card_cannot_be_written_and_retry_succeeds(
    office_ctx: ServiceContext, tmp_path: Path, bad_out: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "note.txt").write_text("Notiz")
    before = files_in(tmp_path)
    person = register(office_ctx)
    with pytest.raises((InputError, Refused)):
        issue_pass(office_ctx, person, out_pdf=Path(bad_out))
    assert count(office_ctx, Pass) == 0
    assert count(office_ctx, PassCard) == 0
    assert files_in(tmp_path) == before
    assert files_in(tmp_path / "folder") == set()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    retried = issue_pass(office_ctx, person, out_pdf=tmp_path / "pass.pdf")
    assert retried.pdf is not None
    assert retried.pdf.is_file()
    assert count(office_ctx, Pass) == 1


def test_replace_that_cannot_write_keeps_the_old_card_current(
    office_ctx: ServiceContext, tmp_path: Path
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx), out_pdf=tmp_path / "pass.pdf")
    (tmp_path / "note.txt").write_text("Notiz")
    with pytest.raises(Refused, match="nothing was saved"):
        replace_pass(office_ctx, issued.pass_number, tmp_path / "note.txt" / "ersatz.pdf")
    with office_ctx.db.reading() as session:
        record = session.scalars(select(Pass)).one()
        assert (record.status, record.generation) == ("active", 0)
        assert (
            session.scalars(select(AuditEvent).where(AuditEvent.action == "pass.replace")).all()
            == []
        )
    assert count(office_ctx, PassCard) == 1
    replaced = replace_pass(office_ctx, issued.pass_number, tmp_path / "ersatz.pdf")
    assert replaced.generation == 1
    assert (tmp_path / "ersatz.pdf").is_file()


def test_a_card_written_before_a_failed_commit_is_removed(tmp_path: Path) -> None:
    def issue_whose_commit_fails() -> None:
        with card_output() as card_file:
            card_file.write(tmp_path / "pass.pdf", b"%PDF-1.7 personal data")
            raise RuntimeError("the commit failed")

    with pytest.raises(RuntimeError):
        issue_whose_commit_fails()
    assert files_in(tmp_path) == set()

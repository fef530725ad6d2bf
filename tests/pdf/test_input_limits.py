"""The PDF safety net for overlong text (issue 9): text at its field's limit is printed in
full, longer stored text (an older database, an older office's bundle) is cut with "…",
so that the drawn text, and with it the layout time, stays bounded.

The assertions are on what is drawn (the text of the layout operations and of the PDF),
not on time: before the fix a title of 2,000 characters without a space took 13 s to lay
out (the word was broken by trying every shorter prefix), 10,000 characters minutes.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import EntryLine, EntrySheet, OfferLine, render_entry_sheet, render_pass
from passapp.pdf import text as tx
from passapp.pdf.entry_sheet import _row
from passapp.pdf.layout import TextOp
from passapp.pdf.sync_receipt import export_receipt, render_sync_receipt
from tests.pdf.helpers import PASS_NUMBER, page_texts, pass_print, sample_offers

TITLE_LIMIT = TEXT_FIELDS["entry.title"].max_length
NAME_LIMIT = TEXT_FIELDS["person.family_names"].max_length


def drawn(lines: list[tx.Line]) -> str:
    return "".join(run.text for line in lines for run in line.runs)


def drawn_ops(ops: list[object]) -> list[str]:
    return ["".join(run.text for run in op.line.runs) for op in ops if isinstance(op, TextOp)]


def entry(title: str, result: str | None = "bestanden") -> EntryLine:
    return EntryLine(
        date=dt.date(2026, 1, 10),
        kind_label="Sprachkurs",
        title=title,
        provider="Volkshochschule Dachau",
        level="A2",
        result=result,
        office="Einwohnermeldeamt Dachau",
        status_label="Abgeschlossen",
        note=None,
    )


def sheet(entries: list[EntryLine]) -> EntrySheet:
    return EntrySheet(
        pass_number=PASS_NUMBER,
        family_names="Al-Hassan",
        given_names="Mohammed",
        birth_date=PartialDate(1990, None, None),
        printed_on=dt.date(2026, 11, 25),
        office_name="Migrationsberatung Dachau",
        language="ar",
        entries=entries,
    )


# --- wrapping -----------------------------------------------------------------------


def test_a_word_longer_than_a_line_is_broken_into_lines_that_fit() -> None:
    word = "Weiterbildungsmaßnahme" * 20  # 440 characters, no space
    lines = tx.wrap(word, "bold", 8, 100)
    assert drawn(lines) == word
    assert all(line.width <= 100 + 0.01 for line in lines)
    assert len(lines) > 10


@pytest.mark.parametrize("text", ["x" * 100_000, "Deutsch " * 12_500], ids=["word", "words"])
def test_any_text_is_drawn_with_at_most_the_safety_limit(text: str) -> None:
    lines = tx.wrap(text, "regular", 8, 120)
    assert len(drawn(lines).replace(" ", "")) <= tx.MAX_DRAWN_CHARS
    assert drawn(lines).endswith(tx.ELLIPSIS)
    assert len(drawn([tx.line(text, "regular", 8)])) == tx.MAX_DRAWN_CHARS


def test_wrap_with_a_line_limit_ends_its_last_line_with_an_ellipsis_that_fits() -> None:
    lines = tx.wrap("Sprachkurs " * 50, "regular", 9, 150, max_lines=3)
    assert len(lines) == 3
    assert drawn(lines[-1:]).endswith(tx.ELLIPSIS)
    assert all(line.width <= 150 + 0.01 for line in lines)
    assert len(tx.wrap("kurz", "regular", 9, 150, max_lines=3)) == 1


def test_elide_keeps_text_within_its_limit_as_it_is() -> None:
    assert tx.elide("Deutsch B1", 10) == "Deutsch B1"
    assert tx.elide("Deutsch B1 Abendkurs", 10) == "Deutsch B…"
    assert tx.elide("Deutsch   Abendkurs", 10) == "Deutsch…"  # no space before the cut
    assert len(tx.elide("x" * 500, 200)) == 200


# --- the entry sheet ----------------------------------------------------------------


def test_an_entry_sheet_title_at_the_limit_is_printed_in_full() -> None:
    title = "T" * TITLE_LIMIT  # one word: broken across lines, nothing lost
    texts = drawn_ops(_row(entry(title))[0])
    assert "".join(text for text in texts if set(text) == {"T"}) == title


@pytest.mark.parametrize("length", [TITLE_LIMIT + 1, 10_000, 1_000_000])
def test_a_stored_title_over_the_limit_is_cut_with_an_ellipsis(length: int) -> None:
    texts = drawn_ops(_row(entry("T" * length, result="E" * length))[0])
    title = "".join(text for text in texts if set(text) <= {"T", tx.ELLIPSIS})
    result = "".join(text for text in texts if set(text) <= {"E", tx.ELLIPSIS})
    assert title == "T" * (TITLE_LIMIT - 1) + tx.ELLIPSIS
    assert result == "E" * (TEXT_FIELDS["entry.result"].max_length - 1) + tx.ELLIPSIS


def test_an_entry_sheet_with_titles_at_and_over_the_limit_renders_each_row_on_one_page() -> None:
    at_limit = "Deutsch " * (TITLE_LIMIT // 8)
    over = "W" * 10_000
    pdf = render_entry_sheet(sheet([entry(at_limit), entry(over, result=over)]))
    text = "".join(page_texts(pdf)).replace("\r", "").replace("\n", "")
    assert at_limit.strip().replace(" ", "") in text.replace(" ", "")  # in full
    assert "W" * 50 in text
    assert "..." in text  # the cut ("…" after NFKC)
    assert text.count("W") < 2 * TITLE_LIMIT + TEXT_FIELDS["office.name"].max_length


# --- the pass -----------------------------------------------------------------------


def test_names_at_the_limit_are_printed_in_full_on_the_pass() -> None:
    family = ("Abdelrahman " * 12)[: NAME_LIMIT - 1] + "x"
    given = ("Mohamed " * 16)[: NAME_LIMIT - 1] + "y"
    pdf = render_pass(pass_print("ar", family_names=family, given_names=given))
    text = "".join(page_texts(pdf)).replace("\r\n", " ").replace("\n", " ")
    assert family.replace(" ", "") in text.replace(" ", "")
    assert given.replace(" ", "") in text.replace(" ", "")


def test_overlong_stored_texts_on_the_pass_are_cut() -> None:
    offers, _sample = sample_offers()
    long_offer = OfferLine("sprachkurs", "T" * 10_000, "P" * 10_000, "A" * 10_000, "C" * 10_000)
    pdf = render_pass(
        pass_print(
            "ar",
            family_names="F" * 10_000,
            office_name="O" * 10_000,
            offers=[long_offer, *offers],
        )
    )
    text = "".join(page_texts(pdf))
    assert 50 < longest_run("F", text) <= NAME_LIMIT
    assert 50 < longest_run("O", text) <= TEXT_FIELDS["office.name"].max_length
    assert 50 < longest_run("T", text) <= TEXT_FIELDS["offer.title"].max_length
    assert 50 < longest_run("C", text) <= TEXT_FIELDS["offer.contact"].max_length


def longest_run(char: str, text: str) -> int:
    """The most copies of ``char`` in a row in ``text``, line breaks left out."""
    joined = text.replace("\r", "").replace("\n", "")
    return max((len(run) for run in re.findall(f"{re.escape(char)}+", joined)), default=0)


# --- the sync receipt ---------------------------------------------------------------


def test_a_sync_receipt_with_overlong_names_from_a_bundle_stays_bounded() -> None:
    report = {
        "bundle_id": "01a214f6-5272-7054-ab84-1707094c3e05",
        "recipient": "LRADAH",
        "changes": 3,
        "counts": {"entry": 3},
        "file": "/daten/" + "p" * 10_000 + ".passapp",
    }
    receipt = export_receipt(
        [report],
        office="EWDAH – " + "O" * 10_000,
        clerk="k" * 10_000,
        made_at=dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC),
    )
    text = "".join(page_texts(render_sync_receipt(receipt)))
    assert 0 < text.count("k") <= 1000
    assert 0 < text.count("O") <= 1000
    assert 0 < text.count("p") <= 1000

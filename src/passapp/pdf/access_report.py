"""The DSGVO Art. 15 access report: A4 portrait, the whole report in German, then again in
the person's language (right to left where that language is), with page numbers.

The data is a plain copy of what the office holds (:class:`AccessReport`); the texts come
from the ``access_report`` section of ``resources/print/<lang>.json``. Stored values are
printed as stored, each elided to its field's input limit.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from passapp.domain.dates import PartialDate
from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import text as tx
from passapp.pdf.common import A4, MM, draw_page, german_date, new_canvas
from passapp.pdf.fonts import Style
from passapp.pdf.layout import ACCENT, INK, MUTED, Color, LineOp, Op, TextOp, Writer, place_lines

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * MM
LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
TOP, BOTTOM = PAGE_HEIGHT - MARGIN, 20 * MM
FOOTER_BASELINE = 10 * MM
SIZE = 9.0
SMALL = 8.0


@dataclass(frozen=True, slots=True)
class PersonData:
    id: str
    family_names: str
    given_names: str
    family_names_original: str | None
    given_names_original: str | None
    family_names_latin: str
    given_names_latin: str
    birth_date: PartialDate
    sex: str | None
    nationalities: tuple[str, ...]
    languages: tuple[str, ...]
    arrival_date: PartialDate | None
    moved_from_abroad: bool
    municipality: str | None
    contact: str | None
    consent: bool
    consent_notice_version: str | None
    consent_language: str | None
    consent_recorded_at: dt.datetime | None
    registered_at: dt.datetime
    updated_at: dt.datetime
    # The learner profile in its JSON form (domain/profile.py); codes, printed as codes.
    learner_profile: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    office_code: str
    office_name: str
    registered_at: dt.datetime
    clerk: str


@dataclass(frozen=True, slots=True)
class Recipient:
    """``kind``: ``district_identity``, ``district_anonymous`` or ``entry_office``."""

    kind: str
    name: str
    code: str | None
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckData:
    checked_on: dt.date
    status: str
    reasons: tuple[str, ...]
    rule_version: str
    office_code: str
    checked_by: str


@dataclass(frozen=True, slots=True)
class CardData:
    generation: int
    issued_on: dt.date
    issued_by: str


@dataclass(frozen=True, slots=True)
class PassData:
    pass_number: str
    office_code: str
    status: str
    issued_on: dt.date
    issued_by: str
    print_languages: tuple[str, ...]
    revoked_on: dt.date | None
    revoke_reason: str | None
    override_reason: str | None
    cards: tuple[CardData, ...]


@dataclass(frozen=True, slots=True)
class EntryData:
    pass_number: str
    kind: str
    action: str
    status: str | None
    start_date: dt.date
    end_date: dt.date | None
    title: str | None
    provider: str | None
    level: str | None
    result: str | None
    office_code: str
    logged_by: str
    logged_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AuditData:
    occurred_at: dt.datetime
    office_code: str | None
    actor: str
    action: str
    object_type: str


@dataclass(frozen=True, slots=True)
class AccessReport:
    """Everything this office holds on one person, and what Art. 15 asks to say about it."""

    made_at: dt.datetime
    made_by: str
    office_code: str
    office_name: str
    district_name: str | None
    person: PersonData
    source: Source
    recipients: tuple[Recipient, ...]
    retention_years: int
    retention_is_proposal: bool
    checks: tuple[CheckData, ...]
    passes: tuple[PassData, ...]
    entries: tuple[EntryData, ...]
    audit_events: tuple[AuditData, ...]


@dataclass(frozen=True, slots=True)
class ReportTexts:
    code: str
    rtl: bool
    texts: Mapping[str, str]
    words: Mapping[str, str]  # statuses, actions, yes/no: stored code -> printed word

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def word(self, code: str | None) -> str:
        return "" if code is None else self.words.get(code, code)


@functools.cache
def report_texts(code: str) -> ReportTexts | None:
    """The access report's texts in ``code``, or None where that language has none yet."""
    node = resources.files("passapp.resources").joinpath("print").joinpath(f"{code}.json")
    if not node.is_file():
        return None
    data = json.loads(node.read_text("utf-8"))
    section = data.get("access_report")
    if section is None:
        return None
    return ReportTexts(
        code=code,
        rtl=data["direction"] == "rtl",
        texts=dict(section["texts"]),
        words=dict(section["words"]),
    )


def render_access_report(report: AccessReport, language: str | None) -> bytes:
    """The report as A4 PDF bytes: German, then ``language`` (if it has texts) on new pages."""
    german = report_texts("de")
    assert german is not None, "the German access report texts ship with the program"
    parts = [german]
    second = report_texts(language) if language and language != "de" else None
    if second is not None:
        parts.append(second)
    writer = Writer(LEFT, RIGHT, TOP, BOTTOM)
    for texts in parts:
        writer.new_page()
        _part(writer, report, texts)
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, A4, title=german["title"], author=_cut(report.office_name, "office.name")
    )
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        draw_page(canvas, page)
        draw_page(canvas, _footer(report, german, number, total))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _footer(report: AccessReport, de: ReportTexts, number: int, total: int) -> list[Op]:
    office = _cut(report.office_name, "office.name")
    left = tx.fit(
        f"{office} · {de['footer']} · {german_date(report.made_at.date())}",
        "regular",
        7,
        (RIGHT - LEFT) * 0.75,
        5,
    )
    right = tx.line(de["page"].format(n=number, total=total), "regular", 7)
    return [
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    ]


def _part(writer: Writer, report: AccessReport, t: ReportTexts) -> None:
    office = _ltr(t, _cut(report.office_name, "office.name"))
    _heading(writer, t, t["title"], 15)
    _para(writer, t, t["intro"].format(office=office))
    _para(writer, t, _made(report, t), color=MUTED, size=SMALL)
    _para(writer, t, t["scope"].format(office=office), style="bold")
    _section(writer, t, "s_purposes", [t["purposes"]])
    _section(writer, t, "s_categories", [t["categories"]])
    _section(writer, t, "s_source", [_source(report, t), t["source_entries"]])
    _section(writer, t, "s_recipients", [*_recipients(report, t), t["no_third_country"]])
    _section(writer, t, "s_storage", _storage(report, t))
    _section(writer, t, "s_rights", [t["rights"], t["no_automated"]])
    _section(writer, t, "s_person", _person_lines(report.person, t))
    _section(writer, t, "s_checks", [_check_line(c, t) for c in report.checks] or [t["none"]])
    _section(writer, t, "s_passes", [_pass_line(p, t) for p in report.passes] or [t["none"]])
    entries = [_entry_line(e, t) for e in report.entries] or [t["none"]]
    _section(writer, t, "s_entries", [*entries, t["counselling_note"]])
    events = [_audit_line(e, t) for e in report.audit_events] or [t["none"]]
    _section(writer, t, "s_audit", events)


def _made(report: AccessReport, t: ReportTexts) -> str:
    return t["made"].format(
        date=_ltr(t, german_date(report.made_at.date())),
        clerk=_ltr(t, _cut(report.made_by, "clerk")),
        office=_ltr(t, f"{_cut(report.office_name, 'office.name')} ({report.office_code})"),
    )


def _source(report: AccessReport, t: ReportTexts) -> str:
    source = report.source
    return t["source"].format(
        office=_ltr(t, f"{_cut(source.office_name, 'office.name')} ({source.office_code})"),
        date=_ltr(t, german_date(source.registered_at.date())),
        clerk=_ltr(t, _cut(source.clerk, "clerk")),
    )


def _recipients(report: AccessReport, t: ReportTexts) -> list[str]:
    if not report.recipients:
        return [t["recipient_none"]]
    consent_day = report.person.consent_recorded_at
    lines = []
    for recipient in report.recipients:
        name = _cut(recipient.name, "office.name")
        if recipient.code and recipient.code != recipient.name:
            name = f"{name} ({recipient.code})"
        lines.append(
            t[f"recipient_{recipient.kind}"].format(
                name=_ltr(t, name),
                date=_ltr(t, german_date(consent_day.date()) if consent_day else "?"),
            )
        )
    return lines


def _storage(report: AccessReport, t: ReportTexts) -> list[str]:
    lines = [t["storage"].format(years=report.retention_years)]
    if report.retention_is_proposal:
        lines.append(t["storage_proposal"])
    return lines


def _person_lines(person: PersonData, t: ReportTexts) -> list[str]:
    originals = " ".join(
        _cut(part, f"person.{name}")
        for name, part in (
            ("family_names_original", person.family_names_original),
            ("given_names_original", person.given_names_original),
        )
        if part
    )
    fields: list[tuple[str, str]] = [
        ("family_names", _cut(person.family_names, "person.family_names")),
        ("given_names", _cut(person.given_names, "person.given_names")),
        ("names_original", originals),
        ("names_latin", f"{person.family_names_latin}, {person.given_names_latin}"),
        ("birth_date", person.birth_date.german()),
        ("sex", t.word(f"sex_{person.sex}") if person.sex else ""),
        ("nationalities", ", ".join(person.nationalities)),
        ("languages", ", ".join(person.languages)),
        ("arrival", person.arrival_date.german() if person.arrival_date else ""),
        ("moved_from_abroad", t.word("yes" if person.moved_from_abroad else "no")),
        ("learner_profile", profile_codes(person.learner_profile)),
        ("municipality", person.municipality or ""),
        ("contact", _cut(person.contact or "", "person.contact")),
        ("consent", _consent(person, t)),
        ("registered", german_date(person.registered_at.date())),
        ("changed", german_date(person.updated_at.date())),
        ("person_id", person.id),
    ]
    translated = {"sex", "moved_from_abroad", "consent"}
    return [
        f"{t[key]}: {(value if key in translated else _ltr(t, value)) or '–'}"
        for key, value in fields
    ]


def profile_codes(profile: dict[str, Any] | None) -> str:
    """The profile as its codes in one line: what the JSON copy holds, readable on paper."""
    if not profile:
        return ""
    parts = [
        f"{a['skill']} {a['level']} {a['basis']} {a['on']}" for a in profile.get("assessments", [])
    ]
    for key, value in profile.items():
        if key == "assessments" or value in (None, [], {}):
            continue
        if isinstance(value, dict):
            value = " ".join(str(v) for v in value.values() if v)
        elif isinstance(value, list):
            value = " ".join(str(v) for v in value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _consent(person: PersonData, t: ReportTexts) -> str:
    if not person.consent:
        return t.word("no")
    day = person.consent_recorded_at
    return t["consent_yes"].format(
        version=_ltr(t, person.consent_notice_version or "?"),
        language=_ltr(t, f"({person.consent_language or '?'})"),
        date=_ltr(t, german_date(day.date()) if day else "?"),
    )


def _check_line(check: CheckData, t: ReportTexts) -> str:
    values = [", ".join(check.reasons), check.rule_version, check.office_code, check.checked_by]
    return _joined(
        [_ltr(t, german_date(check.checked_on)), t.word(check.status)]
        + [_ltr(t, _cut(value, "clerk")) for value in values]
    )


def _pass_line(record: PassData, t: ReportTexts) -> str:
    cards = "; ".join(
        t["card"].format(n=card.generation + 1, date=_ltr(t, german_date(card.issued_on)))
        for card in record.cards
    )
    line = t["pass_line"].format(
        number=_ltr(t, record.pass_number),
        status=t.word(record.status),
        date=_ltr(t, german_date(record.issued_on)),
        clerk=_ltr(t, _cut(record.issued_by, "clerk")),
        office=_ltr(t, f"({record.office_code})"),
    )
    parts = [line, cards]
    if record.revoked_on:
        parts.append(f"{t.word('revoked')} {_ltr(t, german_date(record.revoked_on))}")
    parts.append(_ltr(t, _cut(record.revoke_reason or "", "pass.revoke_reason")))
    parts.append(_ltr(t, _cut(record.override_reason or "", "pass.override_reason")))
    return _joined(parts)


def _entry_line(entry: EntryData, t: ReportTexts) -> str:
    days = german_date(entry.start_date)
    if entry.end_date:
        days += f"–{german_date(entry.end_date)}"
    stored = [
        _cut(entry.title or "", "entry.title"),
        _cut(entry.provider or "", "entry.provider"),
        entry.level or "",
        _cut(entry.result or "", "entry.result"),
        f"{entry.office_code}, {_cut(entry.logged_by, 'clerk')}",
    ]
    return _joined(
        [
            _ltr(t, days),
            _ltr(t, entry.pass_number),
            t.word(entry.kind),
            t.word(entry.action) if entry.action != "record" else "",
            t.word(entry.status),
            *(_ltr(t, value) for value in stored),
        ]
    )


def _audit_line(event: AuditData, t: ReportTexts) -> str:
    when = event.occurred_at.astimezone(dt.UTC).strftime("%d.%m.%Y %H:%M UTC")
    stored = [when, event.office_code or "", _cut(event.actor, "clerk")]
    return _joined([_ltr(t, stored[0]), t.word(event.action), *(_ltr(t, v) for v in stored[1:])])


def _ltr(t: ReportTexts, value: str) -> str:
    """A stored value kept in its own left-to-right order inside a right-to-left line:
    without the embedding, the bidi algorithm would reorder "0176 1234567" or
    "Dachau (09174115)" around the Arabic text. The controls are not drawn (fonts.py)."""
    return f"\u202a{value}\u202c" if t.rtl and value else value


def _joined(parts: list[str]) -> str:
    return " · ".join(part for part in parts if part)


def _cut(text: str, field: str) -> str:
    limit = TEXT_FIELDS[field].max_length if field in TEXT_FIELDS else tx.MAX_DRAWN_CHARS
    return tx.elide(text, limit)


def _heading(writer: Writer, t: ReportTexts, text: str, size: float) -> None:
    lines = tx.wrap(text, "bold", size, writer.width, t.rtl)
    writer.ensure(sum(line.size * 1.6 for line in lines) + 12 * MM)
    ops, height = place_lines(lines, writer.left, writer.width, writer.y, rtl=t.rtl, color=ACCENT)
    writer.add(ops, height)
    writer.space(1 * MM)
    writer.add([LineOp(writer.left, writer.y, writer.right, writer.y, ACCENT, 0.6)], 2.5 * MM)


def _section(writer: Writer, t: ReportTexts, key: str, lines: list[str]) -> None:
    writer.space(2.5 * MM)
    _heading(writer, t, t[key], 11)
    for line in lines:
        _para(writer, t, line)


def _para(
    writer: Writer,
    t: ReportTexts,
    text: str,
    *,
    style: Style = "regular",
    size: float = SIZE,
    color: Color = INK,
) -> None:
    writer.paragraph(text, style, size, rtl=t.rtl, color=color, align="right" if t.rtl else "left")
    writer.space(1.2 * MM)

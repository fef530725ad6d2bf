"""The demand figures' words in the English UI.

The service names its tables and fixed labels in German (``services.demand``): the files
and the PDF the district hands on are German. The English UI gives each table's key an
English title here and each fixed label (column heads, "unbekannt", "Summe") an English
word; entry kinds come from the reference data's English labels. Data (municipality and
provider names, years, levels, country codes) is shown as it is. A table or label this
module does not know yet keeps the service's German (``test_english_ui`` names it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from passapp.domain.suppression import SuppressedTable
from passapp.pdf.demand_charts import ChartLanguage
from passapp.services.demand import DemandFilters, DemandTable
from passapp.services.demand_files import NOTE_DE
from passapp.services.reference import entry_kind_labels
from passapp.ui import i18n

TITLES_EN = {
    "holders_by_municipality_age": "Pass holders by municipality and age",
    "holders_by_arrival_year": "Pass holders by year of arrival",
    "holders_by_nationality": (
        "Pass holders by nationality (the 8 most frequent; the rest and unknown as “other”)"
    ),
    "entries_by_kind_month": "Entries by kind and month of start",
    "entries_by_provider": "Entries by provider",
    "completion_by_kind": "Completion: entries with a result, by kind",
    "holders_and_offers": (
        "Pass holders per municipality and the active offers there "
        "(offers without a municipality not counted)"
    ),
    "language_course_after_issue": (
        "Pass holders (pass at least 6 months old) with and without a language course "
        "within 6 months of issue, by municipality"
    ),
    "literacy_by_municipality": "Pass holders by reading and writing (learner profile), by municipality",
    "needs_childcare": "Pass holders who need courses with childcare (learner profile), by municipality",
    "needs_evening": "Pass holders who need evening courses (learner profile), by municipality",
    "needs_part_time": "Pass holders who need part-time courses (learner profile), by municipality",
    "level_by_course_wish": (
        "Pass holders by highest documented German level (placement in the learner profile "
        "or passed exam) and wish for a German course (language, integration or job-related "
        "language course; courses broken off do not count)"
    ),
}
LABELS_EN = {
    "Gemeinde": "Municipality",
    "Ankunftsjahr": "Year of arrival",
    "Staatsangehörigkeit": "Nationality",
    "Art": "Kind",
    "Anbieter": "Provider",
    "Gemeinde (Angebote)": "Municipality (offers)",
    "Deutschniveau": "German level",
    "Passinhaber": "Pass holders",
    "Einträge": "Entries",
    "Summe": "Total",
    "unbekannt": "unknown",
    "andere": "other",
    "(keine)": "(none)",
    "ohne": "without",
    "ja": "yes",
    "nein oder unbekannt": "no or unknown",
    "mit Ergebnis": "with a result",
    "ohne Ergebnis": "without a result",
    "mit Sprachkurs binnen 6 Monaten": "with a language course within 6 months",
    "lateinische Schrift": "Latin script",
    "andere Schrift (Alphabetisierung in Latein)": "other script (literacy in Latin script)",
    "nicht alphabetisiert": "not literate",
    "wünscht Deutschkurs, ohne Kurseintrag ab der nächsten Stufe": (
        "wishes a German course, no course entry at the next level or higher"
    ),
    "wünscht Deutschkurs, mit Kurseintrag ab der nächsten Stufe": (
        "wishes a German course, with a course entry at the next level or higher"
    ),
    "kein Deutschkurs gewünscht oder kein Lernprofil": (
        "no German course wished or no learner profile"
    ),
}
NOTE_EN = (
    "Small numbers are kept back: a number under 5 (0 too) shows as “<5”. So that it cannot "
    "be worked out, not even from totals several tables show, further numbers are kept back "
    "as “•” (secondary suppression, for all tables of the report together). Do not set "
    "reports with different filters (period, municipality, date) against each other."
)
# "Dachau (3 Angebote)": a municipality with its count of offers (holders_and_offers).
_WITH_OFFERS = re.compile(r"^(?P<name>.*) \((?P<count>\d+) Angebote\)$")


def english() -> bool:
    return i18n.current_language() == "en"


def table_title(table: DemandTable) -> str:
    return TITLES_EN.get(table.key, table.title) if english() else table.title


def label(text: str) -> str:
    """A row or column label in the UI's language (data stays as it is)."""
    if not english():
        return text
    if text in LABELS_EN:
        return LABELS_EN[text]
    kinds = entry_kind_labels()
    if text in kinds:
        return kinds[text].label_en
    by_german = {kind.label_de: kind.label_en for kind in kinds.values()}
    if text in by_german:
        return by_german[text]
    found = _WITH_OFFERS.match(text)
    if found:
        return f"{label(found['name'])} ({found['count']} offers)"
    return text


def filters_text(filters: DemandFilters) -> str:
    """Which holders were counted ("alle Passinhaber" / "all pass holders")."""
    if not english():
        return filters.describe_de()
    parts = []
    if filters.issued_from:
        parts.append(f"issued from {filters.issued_from.isoformat()}")
    if filters.issued_to:
        parts.append(f"issued up to {filters.issued_to.isoformat()}")
    if filters.municipality:
        parts.append(f"municipality {filters.municipality}")
    return ", ".join(parts) or "all pass holders"


def suppression_note() -> str:
    return NOTE_EN if english() else NOTE_DE


@dataclass(frozen=True, slots=True)
class ChartWords:
    """A table as its chart reads it (``demand_charts.ChartTable``), in the UI's words: the
    cells are the table's own, so the chart shows what the table beside it shows."""

    key: str
    title: str
    row_label: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    table: SuppressedTable


def chart_table(table: DemandTable) -> ChartWords:
    return ChartWords(
        key=table.key,
        title=table_title(table),
        row_label=label(table.row_label),
        row_labels=tuple(label(text) for text in table.row_labels),
        column_labels=tuple(label(text) for text in table.column_labels),
        table=table.table,
    )


def chart_language() -> ChartLanguage:
    return "en" if english() else "de"

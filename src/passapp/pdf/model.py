"""Plain data the PDF renderers take: no database, no ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from passapp.domain.dates import PartialDate
from passapp.pdf.translations import RETENTION_YEARS


@dataclass(frozen=True, slots=True)
class OfferLine:
    """One offer of the catalogue as printed in the pass's guide."""

    category: str  # an entry-kind slug (resources/entry_kinds.json)
    title: str
    provider: str
    address: str | None
    contact: str | None
    # The title in print languages, (language code, text) pairs: a tuple, as the offers
    # pages are cached by their lines.
    titles: tuple[tuple[str, str], ...] = ()

    def title_in(self, language: str | None) -> str | None:
        """The title in ``language``, or ``None`` if the district gave none."""
        return dict(self.titles).get(language or "")


@dataclass(frozen=True, slots=True)
class PassPrint:
    """Everything printed in one Bildungs- und Beratungspass."""

    pass_number: str
    generation: int
    family_names: str
    given_names: str
    family_names_original: str | None
    given_names_original: str | None
    birth_date: PartialDate
    issued_on: dt.date
    office_name: str
    office_code: str
    language: str | None  # the second language printed beside German, or None
    qr_digits: str
    offers: list[OfferLine] = field(hash=False)
    offers_are_sample: bool
    district_name: str = "Landkreis Dachau"
    # The district's data protection contact as printed; None: not set yet, the notice
    # prints the placeholder and every page says "Beispieldaten".
    privacy_contact: str | None = None
    # The district's retention period as the notice states it (DSGVO Art. 13(2)(a)).
    retention_years: int = RETENTION_YEARS

    @property
    def shows_sample_data(self) -> bool:
        return self.offers_are_sample or self.privacy_contact is None


@dataclass(frozen=True, slots=True)
class EntryLine:
    """One entry of the holder's record as printed on the entry sheet."""

    date: dt.date
    kind_label: str
    title: str | None
    provider: str | None
    level: str | None
    result: str | None
    office: str
    status_label: str | None
    note: str | None  # e.g. "storniert", "korrigiert"
    # The entry's offer's title in the sheet's second language, where the district gave one:
    # printed under the German title, as the pass prints it.
    title_translation: str | None = None


@dataclass(frozen=True, slots=True)
class EntrySheet:
    """The holder's entries so far, printed on A4 on request."""

    pass_number: str
    family_names: str
    given_names: str
    birth_date: PartialDate
    printed_on: dt.date
    office_name: str
    language: str | None
    entries: list[EntryLine] = field(hash=False)

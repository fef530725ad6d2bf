"""PDF rendering: the printed pass and the entry sheet (reportlab; no Qt, no database).

Callers pass plain dataclasses (:class:`PassPrint`, :class:`EntrySheet`) and get PDF
bytes back. Fonts are registered and translations read once per process.
"""

from passapp.pdf.entry_sheet import render_entry_sheet
from passapp.pdf.fonts import missing_characters
from passapp.pdf.model import EntryLine, EntrySheet, OfferLine, PassPrint
from passapp.pdf.passbook import render_pass
from passapp.pdf.qr import QrPayloadError
from passapp.pdf.translations import SUPPORTED_LANGUAGES, UnsupportedLanguageError

__all__ = [
    "SUPPORTED_LANGUAGES",
    "EntryLine",
    "EntrySheet",
    "OfferLine",
    "PassPrint",
    "QrPayloadError",
    "UnsupportedLanguageError",
    "missing_characters",
    "render_entry_sheet",
    "render_pass",
]

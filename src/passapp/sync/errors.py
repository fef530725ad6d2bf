"""Why a bundle file is refused: a stable reason code plus an English and a German message.

The reason code is what callers branch on (exit code, which dialog, the receipt row); the
messages are for people. Everything named in a message (office codes, key ids, versions)
has been checked to be a plain code first, so a crafted file cannot put text of its own
in front of the clerk.
"""

from __future__ import annotations

from typing import Final

from passapp.domain.errors import InputError

__all__ = ["REASONS", "BundleError"]

# reason -> (English, German) default message
REASONS: Final[dict[str, tuple[str, str]]] = {
    "not_a_bundle": (
        "this file is not a passapp sync bundle",
        "Diese Datei ist kein passapp-Synchronisationspaket.",
    ),
    "unknown_version": (
        "the bundle has a format version this passapp cannot read; please update passapp",
        "Das Paket hat ein Format, das diese passapp-Version nicht lesen kann; bitte passapp aktualisieren.",
    ),
    "truncated": (
        "the bundle file is incomplete (cut off, for example by an interrupted copy)",
        "Die Paketdatei ist unvollständig (abgeschnitten, z. B. durch einen abgebrochenen Kopiervorgang).",
    ),
    "tampered": (
        "the bundle was altered or is damaged",
        "Das Paket wurde verändert oder ist beschädigt.",
    ),
    "unknown_sender": (
        "the bundle is signed by an office key that is not trusted here",
        "Das Paket ist mit dem Schlüssel einer Dienststelle signiert, dem hier nicht vertraut wird.",
    ),
    "bad_signature": (
        "the signature of the bundle does not match the sending office's key",
        "Die Signatur des Pakets passt nicht zum Schlüssel der absendenden Dienststelle.",
    ),
    "wrong_recipient": (
        "the bundle is meant for another office",
        "Das Paket ist für eine andere Dienststelle bestimmt.",
    ),
    "too_large": (
        "the bundle is larger than allowed",
        "Das Paket ist größer als erlaubt.",
    ),
}


class BundleError(InputError):
    """A bundle file that is refused as a whole; ``reason`` is one of :data:`REASONS`."""

    def __init__(
        self, reason: str, message_en: str | None = None, message_de: str | None = None
    ) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown bundle error reason {reason!r}")
        default_en, default_de = REASONS[reason]
        super().__init__(message_en or default_en, message_de or default_de)
        self.reason = reason

    def __reduce__(self) -> tuple[type[BundleError], tuple[str, str, str]]:
        # Exceptions pickle as cls(*args); ours takes the reason first.
        return (BundleError, (self.reason, str(self), self.message_de))

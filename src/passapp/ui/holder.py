"""Whose pass a dialog acts on: every dialog that writes to a pass names its holder and
the pass number (issue 9), so the clerk sees it is the person at the counter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from passapp.domain.errors import InputError
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.verification import looks_like_qr
from passapp.ui.elide import NAME_CHARS, TITLE_CHARS, elided

# The holder line stands out: it is what the clerk checks before writing to the pass.
HOLDER_STYLE = "font-weight: bold;"


@dataclass(frozen=True)
class PassHolder:
    """The pass number (None where it cannot be read) and the holder's name as this
    office stores it (None for another office's pass: the name stays there)."""

    pass_number: str | None
    name: str | None

    def line(self) -> str:
        """ "Inhaber:in: Okafor, Chinedu · Pass EWDAH-000001-58", the name shortened."""
        number = self.pass_number or QCoreApplication.translate(
            "holder", "gescannter Pass (QR-Code)"
        )
        if self.name is None:
            return QCoreApplication.translate(
                "holder", "Pass {number} · Inhaber:in hier nicht gespeichert"
            ).format(number=number)
        return QCoreApplication.translate("holder", "Inhaber:in: {name} · Pass {number}").format(
            name=elided(self.name, NAME_CHARS), number=number
        )

    def title(self, action: str) -> str:
        """A window title: "Neuer Eintrag – Okafor, Chinedu"."""
        if self.name is None:
            return action if self.pass_number is None else f"{action} – {self.pass_number}"
        return f"{action} – {elided(self.name, TITLE_CHARS)}"


def name_of(family_names: str, given_names: str) -> str:
    # A single-name person has no given names: no placeholder, no dangling comma.
    return ", ".join(part for part in (family_names, given_names) if part)


def pass_holder(desk: Desk, pass_reference: str) -> PassHolder:
    """Look the holder up by pass number or scanned QR text (a quick read)."""
    try:
        result = desk.find(pass_reference)
    except (ServiceError, InputError):
        return PassHolder(None, None)
    number: str | None = pass_reference.strip()
    if result.verification is not None:
        # A QR's number is only believed once its signature is.
        verified = result.verification.result
        number = verified.pass_number if verified.valid else None
    elif looks_like_qr(pass_reference):
        number = None
    hit = next((h for h in result.hits if number and h.pass_number == number), None)
    return PassHolder(number, name_of(hit.family_names, hit.given_names) if hit else None)

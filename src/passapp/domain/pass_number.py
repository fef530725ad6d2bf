"""Pass numbers ``<OFFICE>-<SEQ>-<CC>`` (DESIGN §5, contract).

* OFFICE: 2–6 characters of ``0-9`` and ``A-X`` without ``I`` and ``O`` (given by the
  district). I and O are left out because they are misread as 1 and 0; Y and Z are
  outside the alphabet because a scanner typing on a German keyboard swaps them.
* SEQ: the office's running number, 6 digits.
* CC: two check digits, ISO 7064 MOD 97-10 over OFFICE and SEQ as in the IBAN (letters
  count A=10 … X=33). They catch every single wrong character and every swap of two
  neighbouring characters, which is what happens when a number is typed from a card.

A pass number is a lookup key, not a proof: the signed QR is the proof.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NewType

from passapp.domain.errors import InputError

OFFICE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
SEQUENCE_DIGITS = 6
MAX_SEQUENCE = 10**SEQUENCE_DIGITS - 1

PassNumberText = NewType("PassNumberText", str)

_OFFICE_CODE = re.compile(f"^[{OFFICE_ALPHABET}]{{2,6}}$")
# Separators a person or a scanner on a German layout may produce for "-".
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/ß?.]+")


class InvalidPassNumberError(InputError):
    """Names the part of a pass number that is wrong."""


def _char_value(char: str) -> str:
    return char if char.isdigit() else str(ord(char) - ord("A") + 10)


def _mod97(text: str) -> int:
    return int("".join(_char_value(c) for c in text)) % 97


def check_digits(office: str, sequence: int) -> str:
    """The two ISO 7064 MOD 97-10 check digits for office code and sequence."""
    return f"{98 - _mod97(f'{office}{sequence:0{SEQUENCE_DIGITS}d}00'):02d}"


def validate_office_code(code: str) -> str:
    """Return the office code upper-cased, or raise saying what is wrong with it."""
    value = code.strip().upper()
    if not 2 <= len(value) <= 6:
        raise InvalidPassNumberError(
            f"office code {code!r} must have 2 to 6 characters",
            f"Die Dienststellenkennung „{code}“ muss 2 bis 6 Zeichen haben.",
        )
    for char in value:
        if char not in OFFICE_ALPHABET:
            hint_en, hint_de = _char_hint(char)
            raise InvalidPassNumberError(
                f"office code {code!r} contains {char!r}, which is not allowed{hint_en}",
                f"Die Dienststellenkennung „{code}“ enthält „{char}“, das ist nicht erlaubt{hint_de}.",
            )
    return value


def _char_hint(char: str) -> tuple[str, str]:
    if char == "I":
        return " (did you mean 1?)", " (gemeint ist wohl 1)"
    if char == "O":
        return " (did you mean 0?)", " (gemeint ist wohl 0)"
    return "", ""


@dataclass(frozen=True, order=True, slots=True)
class PassNumber:
    office: str
    sequence: int

    def __post_init__(self) -> None:
        validate_office_code(self.office)
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise InvalidPassNumberError(
                f"sequence {self.sequence} is outside 1–{MAX_SEQUENCE}",
                f"Die laufende Nummer {self.sequence} liegt außerhalb von 1 bis {MAX_SEQUENCE}.",
            )

    @property
    def check(self) -> str:
        return check_digits(self.office, self.sequence)

    @property
    def text(self) -> PassNumberText:
        return PassNumberText(f"{self.office}-{self.sequence:0{SEQUENCE_DIGITS}d}-{self.check}")

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> PassNumber:
        """Read a typed or scanned pass number and verify its check digits.

        Lenient about what people and scanners do (case, spaces, a missing or
        mis-typed hyphen such as ``ß`` from a German keyboard); strict about the content,
        and the error names the part that is wrong.
        """
        office, sequence_text, check = _split(text)
        office = validate_office_code(office)
        sequence = int(sequence_text)
        number = cls(office, sequence)
        if check != number.check:
            raise InvalidPassNumberError(
                f"pass number {text.strip()!r}: check digits {check} do not match "
                "(a character is mistyped or two are swapped)",
                f"Passnummer „{text.strip()}“: Die Prüfziffern {check} passen nicht – "
                "ein Zeichen ist vertippt oder zwei sind vertauscht.",
            )
        return number


def parse_without_check(text: str) -> PassNumber:
    """Office code and sequence typed without the check digits (``DAH-000123``)."""
    parts = [p.upper() for p in _SEPARATORS.split(text.strip()) if p]
    if len(parts) != 2 or not parts[1].isdigit() or len(parts[1]) != SEQUENCE_DIGITS:
        raise InvalidPassNumberError(
            f"{text!r} is not of the form OFFICE-NNNNNN",
            f"„{text}“ hat nicht die Form KENNUNG-NNNNNN.",
        )
    return PassNumber(validate_office_code(parts[0]), int(parts[1]))


def _split(text: str) -> tuple[str, str, str]:
    # Split before upper-casing: "ß" (a "-" typed on a German layout) would become "SS".
    parts = [p.upper() for p in _SEPARATORS.split(text.strip()) if p]
    if len(parts) == 1:
        # Typed without separators: the last 8 characters are sequence and check.
        compact = parts[0]
        parts = [compact[:-8], compact[-8:-2], compact[-2:]] if len(compact) > 8 else parts
    if len(parts) != 3:
        raise InvalidPassNumberError(
            f"{text!r} is not a pass number: expected OFFICE-NNNNNN-PP, e.g. DAH1-000123-45",
            f"„{text}“ ist keine Passnummer: erwartet KENNUNG-NNNNNN-PP, z. B. DAH1-000123-45.",
        )
    office, sequence, check = parts
    if not sequence.isdigit() or len(sequence) != SEQUENCE_DIGITS:
        raise InvalidPassNumberError(
            f"{text!r}: the middle part must be exactly {SEQUENCE_DIGITS} digits, got {sequence!r}",
            f"„{text}“: Der mittlere Teil muss aus genau {SEQUENCE_DIGITS} Ziffern bestehen.",
        )
    if not check.isdigit() or len(check) != 2:
        raise InvalidPassNumberError(
            f"{text!r}: the last part must be the two check digits, got {check!r}",
            f"„{text}“: Der letzte Teil müssen die zwei Prüfziffern sein.",
        )
    return office, sequence, check


def looks_like_pass_number(text: str) -> bool:
    """Cheap test used by search to decide how to read the query."""
    cleaned = [p.upper() for p in _SEPARATORS.split(text.strip()) if p]
    return (
        len(cleaned) in (2, 3)
        and bool(_OFFICE_CODE.match(cleaned[0]))
        and cleaned[1].isdigit()
        and len(cleaned[1]) == SEQUENCE_DIGITS
    )

"""Nationality (ISO 3166-1 alpha-3) and language (ISO 639) codes, checked against pycountry."""

from __future__ import annotations

import pycountry

from passapp.domain.errors import InputError

# ICAO 9303 codes used in German documents for people without a nationality or whose
# nationality is not settled; they are not ISO 3166 countries.
SPECIAL_NATIONALITIES = {
    "XXA": "staatenlos",
    "XXB": "Flüchtling (GFK)",
    "XXC": "Flüchtling (andere)",
    "XXX": "ungeklärt",
}
# The same in the English UI (ICAO Doc 9303 says "stateless person", "refugee").
SPECIAL_NATIONALITIES_EN = {
    "XXA": "stateless",
    "XXB": "refugee (Geneva Convention)",
    "XXC": "refugee (other)",
    "XXX": "unspecified",
}


def parse_nationality(text: str) -> str:
    code = text.strip().upper()
    if code in SPECIAL_NATIONALITIES or (
        len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None
    ):
        return code
    raise InputError(
        f"unknown nationality {text!r}: use an ISO 3166 alpha-3 code such as SYR, UKR, AFG, or XXA (stateless)",
        f"Unbekannte Staatsangehörigkeit „{text}“: bitte einen Ländercode wie SYR, UKR, AFG oder XXA (staatenlos).",
    )


def parse_language(text: str) -> str:
    """ISO 639-1 (``ar``) where one exists, else ISO 639-3 (``prs`` for Dari)."""
    code = text.strip().lower()
    language = None
    if len(code) == 2:
        language = pycountry.languages.get(alpha_2=code)
    elif len(code) == 3:
        language = pycountry.languages.get(alpha_3=code)
    if language is None:
        raise InputError(
            f"unknown language {text!r}: use an ISO 639 code such as ar, uk, fa, prs, ti",
            f"Unbekannte Sprache „{text}“: bitte einen Sprachcode wie ar, uk, fa, prs, ti.",
        )
    return str(getattr(language, "alpha_2", None) or language.alpha_3)

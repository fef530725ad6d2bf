"""Possible duplicate persons (issue 11, item 5): whether two records may be one person.

Pure rules, no I/O. The district finds candidate pairs through the name search keys
(:mod:`passapp.domain.name_index`); this module decides whether a pair is worth an admin's
look, how likely it is (a score 0–100) and why (the reasons, shown beside the score).

* **Birth dates** must be *compatible*: there is a day both could be. An unknown day or
  month is compatible with every day of the known rest, never guessed as the 1st; a known
  part that differs rules the pair out.
* **Names** are compared part by part on the Latin search forms: family with family and
  given with given, or crossed (names entered the wrong way round); each part must match
  (the lower of the two counts). Within a part the fewer names must all be found in the
  other ("Omar" in "Omar Khaled": a second given name left out at one counter). A token
  matches exactly, phonetically (Kölner Phonetik, the same first letter and similar
  spellings: Mohammed / Mohamed, Schewtschenko / Shevchenko), or by its edit distance;
  particles such as "Al"
  do not count on their own.
* **Sex and nationality** add a little when they agree; a known, different sex lowers the
  score (a typo at one counter should not hide a duplicate for ever).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from rapidfuzz.distance import Levenshtein

from passapp.domain.dates import PartialDate
from passapp.domain.names import original_form, phonetic_key

# Both name parts at least this alike, or the pair is not listed.
MIN_NAME_SCORE: Final = 80.0
PHONETIC_SCORE: Final = 90.0
# Kölner Phonetik alone is coarse (Mohammed and Mahmud share a code): a phonetic match
# also needs the same first letter and spellings at least this alike.
PHONETIC_MIN_SIMILARITY: Final = 65.0
# Name particles that say little alone ("Al Hassan" and "Hassan" share "Hassan").
PARTICLES: Final = frozenset(
    {"AL", "EL", "ABU", "BIN", "BEN", "IBN", "DE", "DA", "DI", "DOS", "DAS", "DEL", "VAN", "VON"}
)
SEX_DIFFERENT_PENALTY: Final = 15


class Reason(StrEnum):
    """Why a pair is listed (codes for JSON; German words in :data:`REASON_DE`)."""

    NAME_SAME = "name-same"
    NAME_PHONETIC = "name-phonetic"
    NAME_SIMILAR = "name-similar"
    NAME_SWAPPED = "name-swapped"
    NAME_PART_MISSING = "name-part-missing"
    ORIGINAL_SAME = "original-script-same"
    BIRTH_SAME = "birth-same"
    BIRTH_DAY_UNKNOWN = "birth-day-unknown"
    BIRTH_MONTH_UNKNOWN = "birth-month-unknown"
    SEX_SAME = "sex-same"
    SEX_DIFFERENT = "sex-different"
    NATIONALITY_SAME = "nationality-same"


REASON_DE: Final[dict[Reason, str]] = {
    Reason.NAME_SAME: "Name gleich",
    Reason.NAME_PHONETIC: "Name gleich (phonetisch)",
    Reason.NAME_SIMILAR: "Name ähnlich",
    Reason.NAME_SWAPPED: "Vor- und Familienname vertauscht",
    Reason.NAME_PART_MISSING: "weiterer Name bei einem Eintrag",
    Reason.ORIGINAL_SAME: "Name in Originalschrift gleich",
    Reason.BIRTH_SAME: "Geburtsdatum gleich",
    Reason.BIRTH_DAY_UNKNOWN: "Geburtsmonat gleich, Tag unbekannt",
    Reason.BIRTH_MONTH_UNKNOWN: "Geburtsjahr gleich, Tag und Monat unbekannt",
    Reason.SEX_SAME: "Geschlecht gleich",
    Reason.SEX_DIFFERENT: "Geschlecht verschieden",
    Reason.NATIONALITY_SAME: "Staatsangehörigkeit gleich",
}

# How much each kind of birth date agreement is worth (score part, 0–100).
_BIRTH_SCORE: Final = {
    Reason.BIRTH_SAME: 100,
    Reason.BIRTH_DAY_UNKNOWN: 85,
    Reason.BIRTH_MONTH_UNKNOWN: 70,
}


@dataclass(frozen=True, slots=True)
class Identity:
    """What the rule compares of one record."""

    family: tuple[str, ...]  # Latin search-form tokens
    given: tuple[str, ...]
    birth_date: PartialDate
    sex: str | None = None
    nationalities: frozenset[str] = frozenset()
    original: str | None = None  # the names in the original script, as written


@dataclass(frozen=True, slots=True)
class Likeness:
    score: int
    reasons: tuple[Reason, ...]


def birth_dates_compatible(first: PartialDate, second: PartialDate) -> bool:
    """Whether some day could be both dates (unknown parts fit any day of the rest)."""
    return first.earliest() <= second.latest() and second.earliest() <= first.latest()


def birth_agreement(first: PartialDate, second: PartialDate) -> Reason | None:
    """How two birth dates agree, or ``None`` when they cannot be the same day."""
    if not birth_dates_compatible(first, second):
        return None
    if first.month is None or second.month is None:
        return Reason.BIRTH_MONTH_UNKNOWN
    if first.day is None or second.day is None:
        return Reason.BIRTH_DAY_UNKNOWN
    return Reason.BIRTH_SAME


# --- names ---------------------------------------------------------------------------------

_EXACT, _PHONETIC, _SIMILAR = 0, 1, 2  # how a token matched, best first


@dataclass(frozen=True, slots=True)
class _PartMatch:
    score: float
    kind: int
    missing: bool  # one side has names the other lacks


def _token_match(token: str, other: str) -> tuple[float, int]:
    if token == other:
        return 100.0, _EXACT
    distance = 100.0 * Levenshtein.normalized_similarity(token, other)
    code = phonetic_key(token)
    alike = distance >= PHONETIC_MIN_SIMILARITY and token[0] == other[0]
    if alike and code and code == phonetic_key(other):
        return max(distance, PHONETIC_SCORE), _PHONETIC
    return distance, _SIMILAR


def _significant(tokens: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(t for t in tokens if t not in PARTICLES and len(t) > 1)
    return kept or tokens


def _part_match(first: tuple[str, ...], second: tuple[str, ...]) -> _PartMatch:
    if not first or not second:
        return _PartMatch(100.0 if first == second else 0.0, _SIMILAR, first != second)
    if "".join(first) == "".join(second):  # "Al-Hassan" and "Alhassan"
        return _PartMatch(100.0, _EXACT, False)
    fewer, more = sorted((_significant(first), _significant(second)), key=len)
    if len(fewer) < len(more):
        return _into(fewer, more, missing=True)
    # As many names on both sides: each side into the other, the weaker way counts (the
    # rule must not depend on which record is named first).
    return min(_into(fewer, more), _into(more, fewer), key=lambda m: (m.score, -m.kind))


def _into(fewer: tuple[str, ...], more: tuple[str, ...], *, missing: bool = False) -> _PartMatch:
    """Each of ``fewer`` at its best place in ``more``: the mean score, the worst kind."""
    matches = [
        max((_token_match(token, other) for other in more), key=lambda m: (m[0], -m[1]))
        for token in fewer
    ]
    score = sum(score for score, _kind in matches) / len(matches)
    return _PartMatch(score, max(kind for _score, kind in matches), missing)


def _name_match(first: Identity, second: Identity) -> tuple[float, list[Reason]]:
    straight = (_part_match(first.family, second.family), _part_match(first.given, second.given))
    crossed = (_part_match(first.family, second.given), _part_match(first.given, second.family))
    swapped = min(p.score for p in crossed) > min(p.score for p in straight)
    parts = crossed if swapped else straight
    score = min(p.score for p in parts)
    kind = max(p.kind for p in parts)
    reasons = [(Reason.NAME_SAME, Reason.NAME_PHONETIC, Reason.NAME_SIMILAR)[kind]]
    if swapped:
        reasons.append(Reason.NAME_SWAPPED)
    if any(p.missing for p in parts):
        reasons.append(Reason.NAME_PART_MISSING)
    if (
        first.original
        and second.original
        and original_form(first.original) == original_form(second.original)
    ):
        reasons.append(Reason.ORIGINAL_SAME)
        score = max(score, PHONETIC_SCORE)  # the same document spelling, transcribed apart
    return score, reasons


# --- the pair ----------------------------------------------------------------------------


def likeness(first: Identity, second: Identity) -> Likeness | None:
    """Score and reasons for a pair, or ``None`` when it is no possible duplicate."""
    birth = birth_agreement(first.birth_date, second.birth_date)
    if birth is None:
        return None
    name_score, reasons = _name_match(first, second)
    if name_score < MIN_NAME_SCORE:
        return None
    reasons.append(birth)
    sex_part, sex_reason = _sex(first.sex, second.sex)
    nationality_part = _nationality(first.nationalities, second.nationalities)
    if sex_reason is not None:
        reasons.append(sex_reason)
    if nationality_part == 100:
        reasons.append(Reason.NATIONALITY_SAME)
    score = 0.6 * name_score + 0.3 * _BIRTH_SCORE[birth] + 0.05 * (sex_part + nationality_part)
    if sex_reason is Reason.SEX_DIFFERENT:
        score -= SEX_DIFFERENT_PENALTY
    return Likeness(round(score), tuple(reasons))


def _sex(first: str | None, second: str | None) -> tuple[int, Reason | None]:
    if not first or not second:
        return 50, None
    return (100, Reason.SEX_SAME) if first == second else (0, Reason.SEX_DIFFERENT)


def _nationality(first: frozenset[str], second: frozenset[str]) -> int:
    if not first or not second:
        return 50
    return 100 if first & second else 0

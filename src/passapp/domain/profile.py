"""The learner profile of a person (issue 11, item 1): pure value types and rules.

Everything is optional and chosen from fixed lists: no free text, so the profile holds no
identity and may travel in the anonymous form of a person (demand figures need it). The
profile has one JSON form (:meth:`LearnerProfile.to_json` / :func:`profile_from_json`),
the same in the database, in bundles and in the command line's output.

"Highest documented German level": the highest CEFR level among the overall assessments
and the passed exams; at the same level the stronger basis wins (certificate over tested
over self-assessed; a passed exam counts as a certificate), then the later date. A higher
self-assessed level outranks a lower certificate: the profile documents what the person
says too, and the basis is shown with the level so a planner can tell them apart.
Per-skill assessments are shown but do not make the overall level: "speaks B1" is not B1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.errors import InputError

MAX_SCHOOL_YEARS = 25
MAX_ASSESSMENTS = 20
MAX_LANGUAGES = 12

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class InvalidProfileError(InputError):
    """A profile value outside the lists."""


class GermanLevel(StrEnum):
    """CEFR levels with A0 (no German yet) below A1; the order is the declaration order."""

    A0 = "A0"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"

    @property
    def rank(self) -> int:
        return list(GermanLevel).index(self)


class Skill(StrEnum):
    OVERALL = "overall"
    HOEREN = "hoeren"
    LESEN = "lesen"
    SCHREIBEN = "schreiben"
    SPRECHEN = "sprechen"


class Basis(StrEnum):
    """How a level is known; the order is the strength (certificate strongest)."""

    SELF_ASSESSED = "self-assessed"
    TESTED = "tested"
    CERTIFICATE = "certificate"

    @property
    def rank(self) -> int:
        return list(Basis).index(self)


class Literacy(StrEnum):
    LATIN = "latin"
    OTHER_SCRIPT = "other-script"
    NONE = "none"


class SchoolQualification(StrEnum):
    NONE = "none"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower-secondary"
    UPPER_SECONDARY = "upper-secondary"
    UNIVERSITY_ENTRANCE = "university-entrance"


class TrainingKind(StrEnum):
    VOCATIONAL = "vocational"
    DEGREE = "degree"


class Recognition(StrEnum):
    NOT_SOUGHT = "not-sought"
    SOUGHT = "sought"
    DONE = "done"


class Situation(StrEnum):
    SCHOOL = "school"
    COURSE = "course"
    TRAINING = "training"
    WORK = "work"
    LOOKING = "looking"
    CARING = "caring"


class Arrangement(StrEnum):
    """How a wished course must be held for the person to come."""

    PART_TIME = "teilzeit"
    EVENING = "abendkurs"
    CHILDCARE = "kinderbetreuung"


@dataclass(frozen=True, slots=True)
class Assessment:
    level: GermanLevel
    basis: Basis
    on: PartialDate
    skill: Skill = Skill.OVERALL


@dataclass(frozen=True, slots=True)
class Training:
    kind: TrainingKind
    country: str | None = None  # ISO 3166-1 alpha-2/alpha-3, checked by the service
    recognition: Recognition = Recognition.NOT_SOUGHT


@dataclass(frozen=True, slots=True)
class LearnerProfile:
    assessments: tuple[Assessment, ...] = ()
    literacy: Literacy | None = None
    school_years: int | None = None
    school_qualification: SchoolQualification | None = None
    training: Training | None = None
    situation: Situation | None = None
    wished_kinds: frozenset[EntryKind] = field(default_factory=frozenset)
    arrangements: frozenset[Arrangement] = field(default_factory=frozenset)
    languages: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.school_years is not None and not 0 <= self.school_years <= MAX_SCHOOL_YEARS:
            raise InvalidProfileError(
                f"years of school must be 0–{MAX_SCHOOL_YEARS}, not {self.school_years}",
                f"Schuljahre müssen zwischen 0 und {MAX_SCHOOL_YEARS} liegen, "
                f"nicht {self.school_years}.",
            )
        if len(self.assessments) > MAX_ASSESSMENTS:
            raise InvalidProfileError(
                f"at most {MAX_ASSESSMENTS} level assessments",
                f"Höchstens {MAX_ASSESSMENTS} Einstufungen.",
            )
        if len(self.languages) > MAX_LANGUAGES:
            raise InvalidProfileError(
                f"at most {MAX_LANGUAGES} languages", f"Höchstens {MAX_LANGUAGES} Sprachen."
            )

    def is_empty(self) -> bool:
        return self == LearnerProfile()

    def to_json(self) -> dict[str, Any]:
        return {
            "assessments": [
                {"level": a.level, "basis": a.basis, "on": a.on.iso(), "skill": a.skill}
                for a in self.assessments
            ],
            "literacy": self.literacy,
            "school_years": self.school_years,
            "school_qualification": self.school_qualification,
            "training": None
            if self.training is None
            else {
                "kind": self.training.kind,
                "country": self.training.country,
                "recognition": self.training.recognition,
            },
            "situation": self.situation,
            "wished_kinds": sorted(self.wished_kinds),
            "arrangements": sorted(self.arrangements),
            "languages": list(self.languages),
        }

    def anonymous(self) -> LearnerProfile:
        """The profile without the days of its dates (a day with the rest narrows a person
        down like an arrival date would); kept for statistics where identity may not go."""
        coarse = tuple(
            Assessment(a.level, a.basis, PartialDate(a.on.year), a.skill) for a in self.assessments
        )
        return LearnerProfile(
            assessments=coarse,
            literacy=self.literacy,
            school_years=self.school_years,
            school_qualification=self.school_qualification,
            training=self.training,
            situation=self.situation,
            wished_kinds=self.wished_kinds,
            arrangements=self.arrangements,
            languages=self.languages,
        )


@dataclass(frozen=True, slots=True)
class DocumentedLevel:
    level: GermanLevel
    basis: Basis
    on: PartialDate
    from_exam: bool = False


def _key(documented: DocumentedLevel) -> tuple[int, int, PartialDate]:
    return (documented.level.rank, documented.basis.rank, documented.on)


def highest_documented_level(
    assessments: Iterable[Assessment], passed_exams: Iterable[tuple[GermanLevel, PartialDate]]
) -> DocumentedLevel | None:
    """The rule of the module docstring; ``None`` when nothing overall is documented."""
    candidates = [
        DocumentedLevel(a.level, a.basis, a.on) for a in assessments if a.skill == Skill.OVERALL
    ]
    candidates += [
        DocumentedLevel(level, Basis.CERTIFICATE, on, from_exam=True) for level, on in passed_exams
    ]
    return max(candidates, key=_key, default=None)


def united(kept: LearnerProfile, other: LearnerProfile) -> LearnerProfile:
    """Two records of one person merged (the district's merge): ``kept`` keeps every value
    it has, a field it lacks is taken from ``other``, and the assessments of both are kept
    (each once; beyond :data:`MAX_ASSESSMENTS` the strongest stay, so the highest
    documented level is the same as over all of them)."""
    assessments = tuple(dict.fromkeys((*kept.assessments, *other.assessments)))
    if len(assessments) > MAX_ASSESSMENTS:
        strongest = sorted(
            assessments, key=lambda a: (a.skill == Skill.OVERALL, a.level.rank, a.basis.rank, a.on)
        )[-MAX_ASSESSMENTS:]
        assessments = tuple(a for a in assessments if a in strongest)
    return LearnerProfile(
        assessments=assessments,
        literacy=kept.literacy or other.literacy,
        school_years=kept.school_years if kept.school_years is not None else other.school_years,
        school_qualification=kept.school_qualification or other.school_qualification,
        training=kept.training or other.training,
        situation=kept.situation or other.situation,
        wished_kinds=kept.wished_kinds or other.wished_kinds,
        arrangements=kept.arrangements or other.arrangements,
        languages=kept.languages or other.languages,
    )


# --- parsing: one place that turns text (CLI, JSON, bundles) into values -----------------


def _choice(kind: type[_E], text: Any, name_en: str, name_de: str) -> _E:
    try:
        return kind(str(text).strip().lower() if kind is not GermanLevel else str(text).upper())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidProfileError(
            f"unknown {name_en} {text!r}; allowed: {allowed}",
            f"Unbekannte Angabe für {name_de}: „{text}“; erlaubt: {allowed}.",
        ) from None


def parse_level(text: Any) -> GermanLevel:
    return _choice(GermanLevel, str(text).strip(), "German level", "Deutschniveau")


def parse_basis(text: Any) -> Basis:
    return _choice(Basis, text, "basis", "Grundlage")


def parse_skill(text: Any) -> Skill:
    return _choice(Skill, text, "skill", "Fertigkeit")


def parse_literacy(text: Any) -> Literacy:
    return _choice(Literacy, text, "literacy", "Alphabetisierung")


def parse_qualification(text: Any) -> SchoolQualification:
    return _choice(SchoolQualification, text, "school qualification", "Schulabschluss")


def parse_training_kind(text: Any) -> TrainingKind:
    return _choice(TrainingKind, text, "training", "Ausbildung/Studium")


def parse_recognition(text: Any) -> Recognition:
    return _choice(Recognition, text, "recognition", "Anerkennung")


def parse_situation(text: Any) -> Situation:
    return _choice(Situation, text, "situation", "aktuelle Situation")


def parse_school_years(text: Any) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise InvalidProfileError(
            f"years of school must be a whole number, not {text!r}",
            f"Schuljahre müssen eine ganze Zahl sein, nicht „{text}“.",
        ) from None


def parse_wish(text: Any) -> EntryKind | Arrangement:
    """A wish is a course kind of the entry catalogue or a way a course must be held."""
    value = str(text).strip().lower()
    if value in {a.value for a in Arrangement}:
        return Arrangement(value)
    try:
        return EntryKind(value)
    except ValueError:
        allowed = ", ".join([*(k.value for k in EntryKind), *(a.value for a in Arrangement)])
        raise InvalidProfileError(
            f"unknown wish {text!r}; allowed: {allowed}",
            f"Unbekannter Wunsch „{text}“; erlaubt: {allowed}.",
        ) from None


def _optional(value: Any, parse: Callable[[Any], _T]) -> _T | None:
    return None if value is None else parse(value)


def _assessment(data: Mapping[str, Any]) -> Assessment:
    return Assessment(
        level=parse_level(data.get("level")),
        basis=parse_basis(data.get("basis")),
        on=PartialDate.parse(str(data.get("on"))),
        skill=parse_skill(data.get("skill", Skill.OVERALL)),
    )


def _training(data: Mapping[str, Any] | None) -> Training | None:
    if data is None:
        return None
    return Training(
        kind=parse_training_kind(data.get("kind")),
        country=data.get("country"),
        recognition=parse_recognition(data.get("recognition", Recognition.NOT_SOUGHT)),
    )


def profile_from_json(data: Mapping[str, Any] | None) -> LearnerProfile:
    """The profile from its JSON form; every value is checked (bundles are input too)."""
    if not data:
        return LearnerProfile()
    if not isinstance(data, Mapping):
        raise InvalidProfileError("a profile must be an object", "Ein Profil muss ein Objekt sein.")
    wishes = [parse_wish(w) for w in data.get("wished_kinds") or ()]
    wishes += [parse_wish(w) for w in data.get("arrangements") or ()]
    return LearnerProfile(
        assessments=tuple(_assessment(a) for a in data.get("assessments") or ()),
        literacy=_optional(data.get("literacy"), parse_literacy),
        school_years=_optional(data.get("school_years"), parse_school_years),
        school_qualification=_optional(data.get("school_qualification"), parse_qualification),
        training=_training(data.get("training")),
        situation=_optional(data.get("situation"), parse_situation),
        wished_kinds=frozenset(w for w in wishes if isinstance(w, EntryKind)),
        arrangements=frozenset(w for w in wishes if isinstance(w, Arrangement)),
        languages=tuple(str(code) for code in data.get("languages") or ()),
    )

"""Kinds of issuing offices (DESIGN §1)."""

from __future__ import annotations

from enum import StrEnum


class OfficeKind(StrEnum):
    AUSLAENDERBEHOERDE = "auslaenderbehoerde"
    EINWOHNERMELDEAMT = "einwohnermeldeamt"
    JOBCENTER = "jobcenter"
    ARBEITSAGENTUR = "arbeitsagentur"
    SPRACHKURSTRAEGER = "sprachkurstraeger"
    FLUECHTLINGS_INTEGRATIONSBERATUNG = "fluechtlings_integrationsberatung"
    MIGRATIONSBERATUNG = "migrationsberatung"
    JUGENDMIGRATIONSDIENST = "jugendmigrationsdienst"
    BERUFSSCHULE = "berufsschule"
    LANDRATSAMT = "landratsamt"

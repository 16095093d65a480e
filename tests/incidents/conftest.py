"""Fixtures for incident intake: a report builder and the three demo reports."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ceasefire.domain.casualties import CasualtyClaim, ClaimantKind, Qualifier
from ceasefire.domain.coding import IncidentType
from ceasefire.domain.intake import ConfidentialField, Confidentiality, SourceScale
from ceasefire.incidents.reports import Report, SourceRef


def report(**changes) -> Report:
    """A cross-border attack as Pakistan's liaison officer would report it."""
    base = Report(
        incident_type=IncidentType.CROSS_BORDER_FIRE,
        date_start=date(2025, 10, 11),
        place="Angoor Adda",
        responsible_party="AFG",
        affected_party="PAK",
        actors=("Afghan Taliban forces", "Fitna al-Khawarij"),
        claims=(
            CasualtyClaim(
                "ISPR",
                "soldiers",
                23,
                claimant_kind=ClaimantKind.PARTY,
                injured=29,
            ),
            CasualtyClaim(
                "Zabihullah Mujahid",
                "soldiers",
                58,
                claimant_kind=ClaimantKind.PARTY,
            ),
        ),
        sources=(
            SourceRef(url="https://example.org/ispr", outlet="ISPR", scale=SourceScale.PARTY),
        ),
        clauses=("1",),
        narrative="Posts at Angoor Adda came under fire from across the border overnight.",
        confidentiality=Confidentiality.PARTIES,
        confidential=frozenset({ConfidentialField.SOURCES}),
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def make_report():
    return report


@pytest.fixture
def vague_claims():
    return (CasualtyClaim("residents", "civilians", 24, killed_qualifier=Qualifier.VAGUE),)

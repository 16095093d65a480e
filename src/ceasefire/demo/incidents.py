"""Demo reports and the actor registry, entered only through the intake services.

The two party reports follow public reporting of October 2025 (the 11–12 October border
clashes, with ISPR's and the Taliban spokesman's conflicting death tolls side by side; the 17
October strikes in Paktika); later reports are labelled illustrative in their own text.
"""

from __future__ import annotations

from datetime import date

from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements.models import Agreement
from ceasefire.domain.actors import ActorKind
from ceasefire.domain.casualties import CasualtyClaim, ClaimantKind, Qualifier
from ceasefire.domain.coding import DatePrecision, IncidentType
from ceasefire.domain.intake import ConfidentialField, Confidentiality, SourceScale, TriageStatus
from ceasefire.incidents import services
from ceasefire.incidents.models import Actor
from ceasefire.incidents.reports import Report, SourceRef

ACTORS = [
    (
        "PAK-FORCES",
        "Military Forces of Pakistan",
        ActorKind.STATE_FORCES,
        "PAK",
        ["Pakistan Army", "Pakistani forces", "Pakistani security forces"],
    ),
    (
        "AFG-FORCES",
        "Military Forces of Afghanistan (Taliban authorities)",
        ActorKind.STATE_FORCES,
        "AFG",
        ["Afghan Taliban forces", "Taliban forces", "Islamic Emirate forces"],
    ),
    (
        "TTP",
        "Tehrik-i-Taliban Pakistan",
        ActorKind.REBEL_GROUP,
        None,
        ["TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban", "Fitna al-Khawarij"],
    ),
    (
        "HGB",
        "Hafiz Gul Bahadur group",
        ActorKind.REBEL_GROUP,
        None,
        ["Gul Bahadur group"],
    ),
    (
        "ISKP",
        "Islamic State Khorasan Province",
        ActorKind.REBEL_GROUP,
        None,
        ["IS-K", "ISIS-K", "Daesh Khorasan"],
    ),
]


def _reports() -> dict[str, Report]:
    return {
        "border_clashes": Report(
            incident_type=IncidentType.CROSS_BORDER_FIRE,
            date_start=date(2025, 10, 11),
            date_end=date(2025, 10, 12),
            place="Angoor Adda",
            responsible_party="AFG",
            affected_party="PAK",
            origin_country="Afghanistan",
            actors=("Afghan Taliban forces", "Fitna al-Khawarij"),
            claims=(
                CasualtyClaim("ISPR", "soldiers", 23, injured=29, claimant_kind=ClaimantKind.PARTY),
                CasualtyClaim(
                    "Zabihullah Mujahid (Taliban spokesman)",
                    "soldiers",
                    58,
                    claimant_kind=ClaimantKind.PARTY,
                ),
            ),
            sources=(SourceRef(outlet="ISPR press release", scale=SourceScale.PARTY),),
            narrative="Attacks on Pakistani border posts overnight along several sectors, "
            "including Angoor Adda, launched from Afghan territory.",
            confidentiality=Confidentiality.PARTIES,
            confidential=frozenset({ConfidentialField.SOURCES}),
        ),
        "paktika_strikes": Report(
            incident_type=IncidentType.AIR_DRONE_STRIKE,
            date_start=date(2025, 10, 17),
            place="Paktika",
            responsible_party="PAK",
            affected_party="AFG",
            actors=("Pakistani forces",),
            claims=(
                CasualtyClaim(
                    "Afghan officials",
                    "civilians",
                    10,
                    killed_qualifier=Qualifier.AT_LEAST,
                    claimant_kind=ClaimantKind.PARTY,
                ),
            ),
            sources=(SourceRef(outlet="Afghan Ministry of Defence", scale=SourceScale.PARTY),),
            narrative="Air strikes on residential areas of Paktika province during the 48-hour "
            "truce, according to the Afghan authorities.",
            confidentiality=Confidentiality.PARTIES,
        ),
        "chaman_fire": Report(
            incident_type=IncidentType.CROSS_BORDER_FIRE,
            date_start=date(2025, 10, 26),
            date_precision=DatePrecision.DAY,
            place="near the Chaman crossing",
            country="Pakistan-Afghanistan border",
            lat=30.92,
            lon=66.45,
            narrative="Illustrative report: heavy gunfire heard across the border for about an "
            "hour after midnight; no casualties seen.",
            confidentiality=Confidentiality.PARTIES,
            reporter_contact="demo contact left by a member of the public",
        ),
        "khost_drone": Report(
            incident_type=IncidentType.AIRSPACE_VIOLATION,
            date_start=date(2025, 10, 28),
            place="Khost",
            responsible_party="PAK",
            affected_party="AFG",
            clauses=("5",),
            narrative="Illustrative report: a drone seen over Khost province; the Afghan liaison "
            "office alleges an airspace violation under clause 5.",
            confidentiality=Confidentiality.PARTIES,
        ),
    }


def load_incidents(people: dict[str, User]) -> None:
    """Register the demo actors and reports, and triage one of them; idempotent."""
    if Actor.objects.exists():
        return
    for code, name, kind, party, aliases in ACTORS:
        services.register_actor(
            actor=people["analyst"],
            code=code,
            name=name,
            kind=kind,
            organisation=Organisation.objects.get(code=party) if party else None,
            aliases=aliases,
        )
    doha = Agreement.objects.order_by("-signed_on").first()
    assert doha is not None  # noqa: S101  # load_doha ran first
    reports = _reports()
    clashes = services.report_incident(
        actor=people["liaison.pakistan"], agreement=doha, report=reports["border_clashes"]
    )
    services.report_incident(
        actor=people["liaison.afghanistan"], agreement=doha, report=reports["paktika_strikes"]
    )
    services.report_publicly(agreement=doha, report=reports["chaman_fire"])
    services.report_incident(
        actor=people["liaison.afghanistan"], agreement=doha, report=reports["khost_drone"]
    )
    services.triage_incident(
        actor=people["monitor"],
        incident=clashes,
        decision=TriageStatus.OUT_OF_REMIT,
        note="Before the Doha ceasefire took effect on 19 October; kept as background.",
    )

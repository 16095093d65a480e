"""The October 2025 Pakistan–Afghanistan case as demo data, entered only through services.

Agreement events and talks rounds follow public reporting (the two source articles and the
Turkish foreign ministry's joint statement); clause wording paraphrases public statements and
is labelled illustrative in the text itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ceasefire.accounts import services as accounts
from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements import services as agreements
from ceasefire.agreements.models import Agreement
from ceasefire.demo.cases import load_case
from ceasefire.demo.incidents import load_incidents
from ceasefire.demo.news import load_news
from ceasefire.domain.agreements import AgreementForm, EventKind, MediatorRole, TalksOutcome
from ceasefire.domain.policy import OrganisationKind, Role
from ceasefire.domain.texts import parse_clauses

DEMO_PASSWORD = "Doha-Istanbul-2025"  # noqa: S105  # published demo logins, listed in the README
DOHA = "Doha ceasefire between Pakistan and Afghanistan"
TRUCE = "48-hour truce of 15 October 2025"

ORGANISATIONS = [
    ("PAK", "Islamic Republic of Pakistan", OrganisationKind.PARTY),
    ("AFG", "Afghanistan (Taliban authorities in Kabul)", OrganisationKind.PARTY),
    ("QAT", "State of Qatar", OrganisationKind.MEDIATOR),
    ("TUR", "Republic of Türkiye", OrganisationKind.MEDIATOR),
]


@dataclass(frozen=True, slots=True)
class DemoUser:
    """One demo login."""

    username: str
    full_name: str
    organisation: str
    role: Role


USERS = [
    DemoUser("mediator.qatar", "Qatari mediator (demo)", "QAT", Role.MEDIATOR),
    DemoUser("mediator.turkiye", "Turkish mediator (demo)", "TUR", Role.MEDIATOR),
    DemoUser("liaison.pakistan", "Pakistani liaison officer (demo)", "PAK", Role.LIAISON_OFFICER),
    DemoUser("liaison.afghanistan", "Afghan liaison officer (demo)", "AFG", Role.LIAISON_OFFICER),
    DemoUser("monitor", "Mechanism monitor (demo)", "SEC", Role.MONITOR),
    DemoUser("analyst", "Mechanism analyst (demo)", "SEC", Role.ANALYST),
]
ADMIN = DemoUser("admin", "Administrator", "SEC", Role.ADMINISTRATOR)

DOHA_V1 = """\
## 1 Immediate ceasefire
Illustrative paraphrase of the Doha understanding of 19 October 2025.
- ALL prohibition: Cease hostilities immediately; no hostile act against the other side
  indicator: No verified armed attack, strike or exchange of fire attributable to either side
## 2 No support to attacks on the other
- ALL prohibition: Give no support, shelter or facilitation to groups carrying out attacks against the other side
  indicator: No verified use of one side's territory to launch attacks on the other
## 3 Follow-up meetings
- ALL procedural: Meet again to set out the mechanisms to strengthen peace and stability
  due: 2025-10-25
"""

DOHA_V2 = (
    DOHA_V1
    + """\
## 4 Afghan soil not used for attacks on Pakistan
Illustrative paraphrase of Pakistan's conditions as reported after the Istanbul talks.
- AFG positive_action: Prevent the use of Afghan territory to launch attacks against Pakistan and take verifiable steps against militant groups
  indicator: Hideouts dismantled, documented with location and date
  indicator: Logistics and financing networks disrupted
  indicator: Militant leaders arrested or prosecuted
  every: 30
## 5 Sovereignty and airspace
Illustrative paraphrase of Afghanistan's demands; proposed, not yet accepted by Pakistan.
- PAK prohibition: No strikes on Afghan territory and respect of Afghan airspace
  indicator: No verified air or drone strike on Afghan territory
## 6 Monitoring, verification and penalty
Illustrative paraphrase of the Istanbul joint statement of 30 October 2025.
- ALL procedural: Establish a monitoring and verification mechanism that maintains the peace and imposes a penalty on the violating party
  indicator: Modalities of the mechanism agreed
  due: 2025-11-06
- ALL procedural: Report steps taken through the agreed monitoring mechanism
  every: 7
"""
)


def _organisation(admin: User, code: str, name: str, kind: OrganisationKind) -> Organisation:
    found = Organisation.objects.filter(code=code).first()
    return found or accounts.register_organisation(actor=admin, code=code, name=name, kind=kind)


def _user(admin: User, spec: DemoUser) -> User:
    found = User.objects.filter(username=spec.username).first()
    return found or accounts.register_user(
        actor=admin,
        username=spec.username,
        full_name=spec.full_name,
        email="",
        organisation=Organisation.objects.get(code=spec.organisation),
        role=spec.role,
        password=DEMO_PASSWORD,
    )


def load_people() -> dict[str, User]:
    """Create the demo organisations and one login per role (skipping what exists)."""
    admin = User.objects.filter(
        username=ADMIN.username
    ).first() or accounts.bootstrap_administrator(username=ADMIN.username, password=DEMO_PASSWORD)
    for code, name, kind in ORGANISATIONS:
        _organisation(admin, code, name, kind)
    return {"admin": admin} | {spec.username: _user(admin, spec) for spec in USERS}


def _org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def load_truce(people: dict[str, User]) -> None:
    """The 48-hour truce of 15 October that collapsed two days later."""
    if Agreement.objects.filter(title=TRUCE).exists():
        return
    mediator = people["mediator.qatar"]
    truce = agreements.register_agreement(
        actor=mediator,
        details=agreements.AgreementDetails(
            title=TRUCE,
            venue="Announced in Islamabad and Kabul",
            form=AgreementForm.JOINT_STATEMENT,
            signed_on=date(2025, 10, 15),
            effective_from=date(2025, 10, 15),
            effective_until=date(2025, 10, 17),
            summary="Temporary ceasefire declared by both sides after the October border clashes.",
        ),
        parties=[_org("PAK"), _org("AFG")],
        mediators=[(_org("QAT"), MediatorRole.MEDIATOR)],
        text="",
        clauses=parse_clauses(
            "## 1 Temporary ceasefire\n- ALL prohibition: Cease fire for 48 hours\n"
        ),
    )
    agreements.record_agreement_event(
        actor=mediator,
        agreement=truce,
        kind=EventKind.CEASEFIRE_DECLARED,
        occurred_on=date(2025, 10, 15),
        description="Both sides declare an initial 48-hour ceasefire after clashes that left soldiers and civilians dead.",
    )
    agreements.record_agreement_event(
        actor=mediator,
        agreement=truce,
        kind=EventKind.CEASEFIRE_COLLAPSED,
        occurred_on=date(2025, 10, 17),
        description="The initial 48-hour ceasefire collapsed two days later (news report, 26 Oct 2025).",
    )


def load_doha(people: dict[str, User]) -> None:
    """The Doha ceasefire, its Istanbul amendment, talks rounds and timeline."""
    if Agreement.objects.filter(title=DOHA).exists():
        return
    qatar, turkiye = people["mediator.qatar"], people["mediator.turkiye"]
    doha = agreements.register_agreement(
        actor=qatar,
        details=agreements.AgreementDetails(
            title=DOHA,
            venue="Doha",
            form=AgreementForm.SIGNED_TEXT,
            signed_on=date(2025, 10, 19),
            effective_from=date(2025, 10, 19),
            effective_until=None,
            summary="Immediate ceasefire agreed by the defence ministers in Doha, with mediation by "
            "Qatar and Türkiye; mechanisms to be set out at follow-up talks in Istanbul.",
        ),
        parties=[_org("PAK"), _org("AFG")],
        mediators=[(_org("QAT"), MediatorRole.HOST), (_org("TUR"), MediatorRole.MEDIATOR)],
        text="Illustrative register text: the parties agreed an immediate ceasefire and follow-up "
        "meetings to ensure lasting peace and stability.",
        clauses=parse_clauses(DOHA_V1),
    )
    doha_round = agreements.record_talks_round(
        actor=qatar,
        agreement=doha,
        name="Doha round",
        venue="Doha",
        host=_org("QAT"),
        starts_on=date(2025, 10, 18),
        ends_on=date(2025, 10, 19),
        outcome=TalksOutcome.AGREEMENT,
        summary="Delegation-level talks led by the defence ministers; immediate ceasefire agreed.",
        next_meeting_on=date(2025, 10, 25),
    )
    agreements.record_agreement_event(
        actor=qatar,
        agreement=doha,
        kind=EventKind.CEASEFIRE_DECLARED,
        occurred_on=date(2025, 10, 19),
        description="Immediate ceasefire agreed in Doha.",
        talks_round=doha_round,
    )
    istanbul = agreements.record_talks_round(
        actor=turkiye,
        agreement=doha,
        name="Istanbul round I",
        venue="Istanbul",
        host=_org("TUR"),
        starts_on=date(2025, 10, 25),
        ends_on=date(2025, 10, 30),
        outcome=TalksOutcome.JOINT_STATEMENT,
        summary="Talks to finalise the monitoring framework; joint statement issued by Türkiye's "
        "foreign ministry.",
        next_meeting_on=date(2025, 11, 6),
    )
    agreements.amend_agreement(
        actor=turkiye,
        agreement=doha,
        based_on_version=1,
        adopted_on=date(2025, 10, 30),
        text=doha.versions.get(number=1).text,
        change_note="Istanbul joint statement: ceasefire continues; monitoring and verification "
        "mechanism with a penalty on the violating party; conditions of both sides",
        clauses=parse_clauses(DOHA_V2),
    )
    for kind, description in [
        (
            EventKind.CEASEFIRE_EXTENDED,
            "The parties agreed to continue the ceasefire (Istanbul joint statement).",
        ),
        (
            EventKind.MECHANISM_AGREED,
            "A monitoring and verification mechanism that will ensure maintenance of "
            "peace and impose a penalty on the violating party; modalities on 6 November.",
        ),
    ]:
        agreements.record_agreement_event(
            actor=turkiye,
            agreement=doha,
            kind=kind,
            occurred_on=date(2025, 10, 30),
            description=description,
            talks_round=istanbul,
        )
    agreements.record_agreement_event(
        actor=people["liaison.pakistan"],
        agreement=doha,
        kind=EventKind.STATEMENT_OF_BREACH,
        occurred_on=date(2025, 10, 26),
        description="Illustrative: Pakistan's liaison office reports an alleged violation and recalls that "
        "without verifiable proof of steps taken it will consider the ceasefire breached.",
    )
    agreements.record_agreement_event(
        actor=people["liaison.afghanistan"],
        agreement=doha,
        kind=EventKind.STATEMENT_OF_BREACH,
        occurred_on=date(2025, 10, 28),
        description="Illustrative: Afghanistan's liaison office alleges a drone strike on Afghan territory "
        "and an airspace violation.",
    )
    agreements.record_talks_round(
        actor=turkiye,
        agreement=doha,
        name="Istanbul round II",
        venue="Istanbul",
        host=_org("TUR"),
        starts_on=date(2025, 11, 6),
        ends_on=date(2025, 11, 7),
        outcome=TalksOutcome.FAILED,
        summary="Meeting to work out how the mechanism will operate ended without agreement; the "
        "ceasefire remains in place.",
        next_meeting_on=None,
    )


def load() -> dict[str, User]:
    """Load the whole scenario; running it again changes nothing."""
    people = load_people()
    load_truce(people)
    load_doha(people)
    load_incidents(people)
    load_case(people)
    load_news(people, Agreement.objects.get(title=DOHA))
    return people

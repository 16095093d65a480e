"""Every service in the platform appends exactly one log entry of its own kind.

The table below must name every `@service`; a new service without a row fails the first test.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from ceasefire.accounts import services as accounts
from ceasefire.accounts.models import Organisation, User
from ceasefire.agreements import services as agreements
from ceasefire.demo.scenario import DEMO_PASSWORD
from ceasefire.domain.agreements import AgreementForm, EventKind, MediatorRole, TalksOutcome
from ceasefire.domain.coding import parse_grade
from ceasefire.domain.evidence import Derivation
from ceasefire.domain.policy import OrganisationKind, Role
from ceasefire.domain.texts import parse_clauses
from ceasefire.evidence import services as evidence
from ceasefire.evidence.models import EvidenceItem
from ceasefire.evidence.uploads import staged_bytes
from ceasefire.ledger import discipline
from ceasefire.ledger.models import LogEntry

PASSWORD = "a-long-unusual-passphrase-42"
CLAUSES = parse_clauses("## 1 Ceasefire\n- ALL prohibition: No attacks\n")


def _org(code):
    return Organisation.objects.get(code=code)


def _png(colour):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def _item():
    return EvidenceItem.objects.get(description="prepared")


def _submit(p, colour="red", **kwargs):
    with staged_bytes(_png(colour), "photo.png") as file:
        return evidence.submit_evidence(actor=p["liaison.pakistan"], file=file, **kwargs)


def _collect(p):
    with staged_bytes(_png("blue"), "capture.png") as file:
        return evidence.collect_evidence(
            actor=p["monitor"],
            file=file,
            collected_at=datetime(2025, 10, 20, tzinfo=UTC),
            method="field photograph",
        )


CALLS = {
    "ceasefire.accounts.services.register_organisation": (
        "organisation.registered",
        lambda p, d: accounts.register_organisation(
            actor=p["admin"], code="IND", name="India", kind=OrganisationKind.PARTY
        ),
    ),
    "ceasefire.accounts.services.register_user": (
        "user.registered",
        lambda p, d: accounts.register_user(
            actor=p["admin"],
            username="user1",
            full_name="",
            email="",
            organisation=_org("SEC"),
            role=Role.MONITOR,
            password=PASSWORD,
        ),
    ),
    "ceasefire.accounts.services.bootstrap_administrator": (
        "user.registered",
        lambda p, d: (
            User.objects.filter(role="administrator").update(role="analyst"),
            accounts.bootstrap_administrator(username="root2", password=PASSWORD),
        ),
    ),
    "ceasefire.accounts.services.change_role": (
        "user.role_changed",
        lambda p, d: accounts.change_role(actor=p["admin"], user=p["analyst"], role=Role.MONITOR),
    ),
    "ceasefire.accounts.services.deactivate_user": (
        "user.deactivated",
        lambda p, d: accounts.deactivate_user(actor=p["admin"], user=p["analyst"]),
    ),
    "ceasefire.accounts.services.reset_password": (
        "user.password_reset",
        lambda p, d: accounts.reset_password(
            actor=p["admin"], user=p["analyst"], new_password=PASSWORD
        ),
    ),
    "ceasefire.accounts.services.issue_api_token": (
        "api_token.issued",
        lambda p, d: accounts.issue_api_token(actor=p["monitor"], name="t"),
    ),
    "ceasefire.accounts.services.revoke_api_token": (
        "api_token.revoked",
        lambda p, d: accounts.revoke_api_token(
            actor=p["admin"], token=p["monitor"].api_tokens.first()
        ),
    ),
    "ceasefire.agreements.services.register_agreement": (
        "agreement.registered",
        lambda p, d: agreements.register_agreement(
            actor=p["mediator.qatar"],
            details=agreements.AgreementDetails(
                "T", "V", AgreementForm.VERBAL_UNDERSTANDING, None, None, None
            ),
            parties=[_org("PAK"), _org("AFG")],
            mediators=[(_org("QAT"), MediatorRole.GUARANTOR)],
            text="",
            clauses=CLAUSES,
        ),
    ),
    "ceasefire.agreements.services.amend_agreement": (
        "agreement.amended",
        lambda p, d: agreements.amend_agreement(
            actor=p["mediator.qatar"],
            agreement=d,
            based_on_version=2,
            text="",
            change_note="n",
            clauses=CLAUSES,
        ),
    ),
    "ceasefire.agreements.services.record_talks_round": (
        "talks_round.recorded",
        lambda p, d: agreements.record_talks_round(
            actor=p["mediator.qatar"],
            agreement=d,
            name="R",
            venue="V",
            host=None,
            starts_on=date(2025, 12, 1),
            ends_on=None,
            outcome=TalksOutcome.PLANNED,
            summary="",
            next_meeting_on=None,
        ),
    ),
    "ceasefire.agreements.services.record_agreement_event": (
        "agreement_event.recorded",
        lambda p, d: agreements.record_agreement_event(
            actor=p["monitor"],
            agreement=d,
            kind=EventKind.OTHER,
            occurred_on=date(2025, 12, 1),
            description="d",
        ),
    ),
    "ceasefire.evidence.services.submit_evidence": (
        "evidence.submitted",
        lambda p, d: _submit(p, "green", subjects=[f"agreement:{d.pk}"]),
    ),
    "ceasefire.evidence.services.collect_evidence": (
        "evidence.collected",
        lambda p, d: _collect(p),
    ),
    "ceasefire.evidence.services.transfer_custody": (
        "evidence.transferred",
        lambda p, d: evidence.transfer_custody(
            actor=p["monitor"], item=_item(), to=p["mediator.qatar"], purpose="analysis"
        ),
    ),
    "ceasefire.evidence.services.access_evidence": (
        "evidence.accessed",
        lambda p, d: evidence.access_evidence(actor=p["monitor"], item=_item()),
    ),
    "ceasefire.evidence.services.copy_evidence": (
        "evidence.copied",
        lambda p, d: evidence.copy_evidence(
            actor=p["monitor"], item=_item(), recipient="Court", purpose="case file"
        ),
    ),
    "ceasefire.evidence.services.derive_working_copy": (
        "evidence.derived",
        lambda p, d: evidence.derive_working_copy(
            actor=p["monitor"], source=_item(), derivation=Derivation.THUMBNAIL, public=True
        ),
    ),
    "ceasefire.evidence.services.attach_evidence": (
        "evidence.attached",
        lambda p, d: evidence.attach_evidence(
            actor=p["monitor"], item=_item(), subject=f"agreement:{d.pk}"
        ),
    ),
    "ceasefire.evidence.services.grade_evidence": (
        "evidence.graded",
        lambda p, d: evidence.grade_evidence(
            actor=p["monitor"], item=_item(), grade=parse_grade("B2")
        ),
    ),
}


def test_the_table_names_every_service():
    platform_services = {name for name in discipline.SERVICES if name.startswith("ceasefire.")}
    assert platform_services == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_service_appends_exactly_one_entry(doha, people, name):
    kind, call = CALLS[name]
    accounts.issue_api_token(actor=people["monitor"], name="prepared")
    _submit(people, description="prepared")
    before = LogEntry.objects.count()
    call(people, doha)
    entries = list(LogEntry.objects.filter(index__gte=before))
    assert [entry.kind for entry in entries] == [kind]
    assert DEMO_PASSWORD not in bytes(entries[0].leaf).decode()

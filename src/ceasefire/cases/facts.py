"""Facts about a case that its steps and its pages both need: the agreement's verification
rules, the parties a case concerns, who filed it, the current finding and whom it addresses.
Reads only.
"""

from __future__ import annotations

from datetime import timedelta

from ceasefire.accounts.models import User
from ceasefire.agreements.models import Agreement
from ceasefire.agreements.selectors import scope_of
from ceasefire.cases.models import Affiliation, Case, Finding, VerificationRules
from ceasefire.domain import cases as rules
from ceasefire.domain.errors import NotFound


def rules_of(agreement: Agreement) -> tuple[rules.Quorum, timedelta]:
    """Return an agreement's sign-off quorum and reply window (defaults: all its mediators,
    72 hours)."""
    configured = VerificationRules.objects.filter(agreement=agreement).first()
    if configured is None:
        eligible = frozenset(scope_of(agreement).mediators)
        return rules.Quorum(len(eligible), eligible), rules.DEFAULT_REPLY_WINDOW
    eligible = frozenset(configured.signoff.values_list("code", flat=True))
    return (
        rules.Quorum(configured.quorum_required, eligible),
        timedelta(hours=configured.reply_window_hours),
    )


def case_parties(case: Case) -> frozenset[str]:
    """The parties a case concerns: responsible, affected, and every filing party."""
    codes = {
        case.responsible_party.code if case.responsible_party else None,
        case.affected_party.code if case.affected_party else None,
        *case.incidents.values_list("filing_party__code", flat=True),
    }
    return frozenset(code for code in codes if code)


def filers(case: Case) -> set[int]:
    """Accounts that filed the allegation: the reporters of the case's reports, or, for an
    obstruction case, whoever recorded the obstruction. Opening a case on someone else's
    report is an administrative act, not filing (mechanism.md §6 rule 2)."""
    reporters = set(case.incidents.exclude(reported_by=None).values_list("reported_by", flat=True))
    if case.kind == "obstruction":
        reporters.add(case.opened_by_id)
    return reporters


def current_finding(case: Case) -> Finding:
    """Return the case's newest finding version.

    Raises:
        NotFound: no finding has been drafted.
    """
    finding = case.findings.order_by("-version").first()
    if finding is None:
        raise NotFound("no finding has been drafted on this case")
    return finding


def addressed_parties(case: Case, finding: Finding) -> frozenset[str]:
    """The parties a draft finding is sent to for reply: the one it holds responsible, or, when
    responsibility is undetermined, every party the case concerns (every party to the
    agreement if the reports name none), so that nobody it may affect is left unheard."""
    if finding.responsible_party is not None:
        return frozenset({finding.responsible_party.code})
    parties = scope_of(case.agreement).parties
    return (case_parties(case) & parties) or frozenset(parties)


def interests_of(user: User, case: Case, finding: Finding) -> rules.Interests:
    """What ties `user` to a case, for the conflict-of-interest rule."""
    return rules.Interests(
        organisation=user.organisation.code if user.organisation else None,
        affiliations=frozenset(
            Affiliation.objects.filter(user=user).values_list("party__code", flat=True)
        ),
        filed=user.pk in filers(case),
        drafted=user.pk == finding.drafted_by_id,
    )

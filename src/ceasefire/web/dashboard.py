"""The home page's figures for whoever is looking: what waits for them, and where it is.

Each tile counts only what the viewer may see (through the apps' own selectors) and links to
the page where they act on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ceasefire.accounts.models import User
from ceasefire.cases.notifications import unread
from ceasefire.cases.selectors import cases_visible_to
from ceasefire.domain.cases import TERMINAL, CaseState
from ceasefire.domain.intake import TriageStatus
from ceasefire.domain.policy import Action, Actor, Role, can
from ceasefire.incidents.selectors import incidents_visible_to
from ceasefire.newsdesk.models import Candidate


@dataclass(frozen=True, slots=True)
class Tile:
    """One figure on the home page."""

    label: str
    count: int
    url: str


def tiles(viewer: Actor, user: User | None) -> list[Tile]:
    """Return the figures that matter to `viewer`, most urgent first."""
    incidents = incidents_visible_to(viewer)
    found: list[Tile] = []
    if can(viewer, Action.VIEW_TRIAGE_QUEUE):
        waiting = incidents.filter(
            triage_status__in=[TriageStatus.RECEIVED, TriageStatus.NEEDS_INFORMATION]
        ).count()
        found.append(Tile("reports waiting for triage", waiting, reverse("incidents:triage-queue")))
    if can(viewer, Action.INGEST_NEWS):
        news = Candidate.objects.filter(state="new", background=False).count()
        found.append(Tile("news candidates to review", news, reverse("newsdesk:desk")))
    if user is not None:
        cases = cases_visible_to(viewer)
        if viewer.role is Role.LIAISON_OFFICER:
            replies = cases.filter(state=CaseState.AWAITING_REPLY.value).count()
            found.append(
                Tile(
                    "findings open for reply by your party",
                    replies,
                    reverse("cases:case-list") + "?state=awaiting_reply",
                )
            )
        open_cases = cases.exclude(state__in=[s.value for s in TERMINAL]).count()
        found.append(Tile("open cases", open_cases, reverse("cases:case-list")))
        found.append(Tile("unread notifications", unread(user), reverse("cases:inbox")))
    found.append(
        Tile(
            "reports in remit you may see",
            incidents.filter(triage_status=TriageStatus.IN_REMIT).count(),
            reverse("incidents:incident-list") + "?triage_status=in_remit",
        )
    )
    return found

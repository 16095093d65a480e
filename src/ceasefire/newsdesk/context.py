"""Template context: how many news candidates wait for the news desk's monitors."""

from __future__ import annotations

from django.http import HttpRequest

from ceasefire.accounts.actors import actor_of
from ceasefire.domain.policy import Action, can
from ceasefire.newsdesk.models import Candidate


def waiting(request: HttpRequest) -> dict[str, object]:
    """Expose the count of foreground candidates waiting (for staff who read the news)."""
    if not can(actor_of(getattr(request, "user", None)), Action.INGEST_NEWS):
        return {"news_waiting": 0}
    return {"news_waiting": Candidate.objects.filter(state="new", background=False).count()}

"""Template context shared by every page: who is looking and what they may do."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from ceasefire.accounts.actors import actor_of
from ceasefire.domain.policy import Action, can


def platform(request: HttpRequest) -> dict[str, object]:
    """Expose the viewer's role and the log origin to every template."""
    actor = actor_of(getattr(request, "user", None))
    return {
        "viewer": actor,
        "viewer_role": actor.role.value.replace("_", " "),
        "may_manage_accounts": can(actor, Action.MANAGE_ACCOUNTS),
        "may_register_agreement": can(actor, Action.REGISTER_AGREEMENT),
        "may_read_news": can(actor, Action.INGEST_NEWS),
        "log_origin": settings.LOG_ORIGIN,
    }

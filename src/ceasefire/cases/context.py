"""Template context: how many notifications the signed-in person has not read."""

from __future__ import annotations

from django.http import HttpRequest

from ceasefire.accounts.models import User
from ceasefire.cases.notifications import unread


def inbox(request: HttpRequest) -> dict[str, object]:
    """Expose the unread-notification count for the navigation bar."""
    user = getattr(request, "user", None)
    return {"unread_notifications": unread(user) if isinstance(user, User) else 0}

"""Turn whoever is asking (a user or an anonymous visitor) into a domain `Actor`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from ceasefire.accounts.models import User
from ceasefire.domain.policy import PUBLIC, Actor


def actor_of(user: User | AnonymousUser | None) -> Actor:
    """Return the domain actor for a request's user; anonymous visitors are the public."""
    if isinstance(user, User) and user.is_authenticated:
        return user.as_actor()
    return PUBLIC


def user_or_none(user: User | AnonymousUser | None) -> User | None:
    """Return the user if signed in, else None (the public has no account)."""
    return user if isinstance(user, User) and user.is_authenticated else None

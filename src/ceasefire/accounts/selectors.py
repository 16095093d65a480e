"""Reads on organisations, accounts and tokens, each filtered for the viewer."""

from __future__ import annotations

from django.db.models import QuerySet

from ceasefire.accounts.models import ApiToken, Organisation, User
from ceasefire.domain.errors import NotFound
from ceasefire.domain.policy import Action, Actor, can


def list_organisations() -> QuerySet[Organisation]:
    """Return every organisation: who the parties and mediators are is public."""
    return Organisation.objects.all()


def get_organisation(code: str) -> Organisation:
    """Return the organisation with `code`.

    Raises:
        NotFound: no such organisation.
    """
    try:
        return Organisation.objects.get(code=code)
    except Organisation.DoesNotExist:
        raise NotFound(f"no organisation with code {code!r}") from None


def users_visible_to(viewer: Actor) -> QuerySet[User]:
    """Return the accounts the viewer may see: all for administrators, none otherwise."""
    if not can(viewer, Action.VIEW_ACCOUNTS):
        return User.objects.none()
    return User.objects.select_related("organisation")


def get_user(user_id: int, *, viewer: Actor) -> User:
    """Return one account if the viewer may see it.

    Raises:
        NotFound: no such account, or not visible to the viewer.
    """
    try:
        return users_visible_to(viewer).get(pk=user_id)
    except User.DoesNotExist:
        raise NotFound(f"no user {user_id}") from None


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """Return a user's own API tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def get_own_token(token_id: int, *, user: User) -> ApiToken:
    """Return one of the user's own tokens.

    Raises:
        NotFound: no such token for this user.
    """
    try:
        return tokens_of(user).get(pk=token_id)
    except ApiToken.DoesNotExist:
        raise NotFound(f"no token {token_id}") from None

"""API token authentication: `Authorization: Bearer cf_…` (or `Token cf_…`)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from ceasefire.accounts.models import ApiToken, User
from ceasefire.accounts.services import hash_token
from ceasefire.domain.errors import NotPermitted

SCHEMES = {b"bearer", b"token"}


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Look a token up by its hash; revoked tokens and closed accounts are refused."""

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() not in SCHEMES:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "the Authorization header must be 'Bearer <token>'"
            )
        secret = header[1].decode("ascii", errors="replace")
        token = (
            ApiToken.objects.select_related("user", "user__organisation")
            .filter(key_hash=hash_token(secret), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                "the API token is unknown, revoked or its account is closed"
            )
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


def request_user(request: Request) -> User | AnonymousUser:
    """Return the request's user with the precise type the services expect."""
    user = request.user
    return user if isinstance(user, User) else AnonymousUser()


def acting_user(request: Request) -> User:
    """Return the signed-in user who is asking to write.

    Raises:
        NotPermitted: the request carries no session and no valid token.
    """
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise NotPermitted("sign in or send an API token to do this")
    return user

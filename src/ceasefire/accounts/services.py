"""Writes on organisations, accounts, roles, passwords and API tokens: one log entry each.

Secrets never reach the log: a password reset or a token issue is recorded as a fact with the
account it concerns, never the secret itself.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone

from ceasefire.accounts.models import ApiToken, Organisation, User
from ceasefire.domain.errors import Conflict, InvalidInput, NotPermitted
from ceasefire.domain.events import Event
from ceasefire.domain.policy import Action, OrganisationKind, Role, require, role_fits_organisation
from ceasefire.ledger.discipline import service
from ceasefire.ledger.services import record

TOKEN_PREFIX = "cf_"  # noqa: S105  # a public marker that makes leaked tokens findable, not a secret
_CODE = re.compile(r"[A-Z]{2,8}")
_USERNAME = re.compile(r"[a-z0-9_.@+-]{3,150}")


def hash_token(secret: str) -> str:
    """Return the stored form of an API token secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _check_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), details={"field": "password"}) from None


def _check_role(role: Role, organisation: Organisation) -> None:
    if role is Role.PUBLIC or not role_fits_organisation(role, OrganisationKind(organisation.kind)):
        raise InvalidInput(
            f"a {role.value.replace('_', ' ')} cannot belong to a {organisation.kind} organisation",
            details={"field": "role"},
        )


@service
def register_organisation(
    *, actor: User, code: str, name: str, kind: OrganisationKind
) -> Organisation:
    """Register a party, mediator or secretariat organisation."""
    require(actor.as_actor(), Action.MANAGE_ACCOUNTS)
    if not _CODE.fullmatch(code):
        raise InvalidInput(
            "the code must be 2–8 capital letters, e.g. PAK", details={"field": "code"}
        )
    if not name.strip():
        raise InvalidInput("the name is required", details={"field": "name"})
    if Organisation.objects.filter(code=code).exists():
        raise Conflict(f"an organisation with code {code} exists", details={"field": "code"})
    organisation = Organisation.objects.create(
        code=code, name=name.strip(), kind=kind.value, created_at=timezone.now()
    )
    record(
        actor=actor,
        event=Event(
            "organisation.registered",
            f"organisation:{organisation.pk}",
            {"code": code, "name": organisation.name, "kind": kind.value},
        ),
    )
    return organisation


def _new_user(
    *,
    username: str,
    full_name: str,
    email: str,
    organisation: Organisation,
    role: Role,
    password: str,
) -> User:
    if not _USERNAME.fullmatch(username):
        raise InvalidInput(
            "the username must be 3–150 lower-case letters, digits or . _ @ + -",
            details={"field": "username"},
        )
    if User.objects.filter(username=username).exists():
        raise Conflict(f"the username {username} is taken", details={"field": "username"})
    _check_role(role, organisation)
    user = User(
        username=username,
        full_name=full_name.strip(),
        email=email.strip(),
        organisation=organisation,
        role=role.value,
    )
    _check_password(password, user)
    user.set_password(password)
    user.save()
    return user


def _registered(actor: User | None, user: User) -> None:
    record(
        actor=actor,
        event=Event(
            "user.registered",
            f"user:{user.pk}",
            {
                "username": user.username,
                "organisation": user.organisation.code if user.organisation else None,
                "role": user.role,
            },
        ),
    )


@service
def register_user(
    *,
    actor: User,
    username: str,
    full_name: str,
    email: str,
    organisation: Organisation,
    role: Role,
    password: str,
) -> User:
    """Create an account in an organisation with one role."""
    require(actor.as_actor(), Action.MANAGE_ACCOUNTS)
    user = _new_user(
        username=username,
        full_name=full_name,
        email=email,
        organisation=organisation,
        role=role,
        password=password,
    )
    _registered(actor, user)
    return user


@service
def bootstrap_administrator(
    *,
    username: str,
    password: str,
    organisation_code: str = "SEC",
    organisation_name: str = "Mechanism secretariat",
) -> User:
    """Create the first administrator (and the secretariat) on an empty platform."""
    if User.objects.filter(role=Role.ADMINISTRATOR.value).exists():
        raise NotPermitted("an administrator exists already; ask them for an account")
    organisation, _ = Organisation.objects.get_or_create(
        code=organisation_code,
        defaults={
            "name": organisation_name,
            "kind": OrganisationKind.SECRETARIAT.value,
            "created_at": timezone.now(),
        },
    )
    user = _new_user(
        username=username,
        full_name="Administrator",
        email="",
        organisation=organisation,
        role=Role.ADMINISTRATOR,
        password=password,
    )
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    _registered(None, user)
    return user


@service
def change_role(*, actor: User, user: User, role: Role) -> User:
    """Give a user another role that fits their organisation."""
    require(actor.as_actor(), Action.MANAGE_ACCOUNTS)
    if user.pk == actor.pk:
        raise NotPermitted("administrators cannot change their own role")
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.organisation is None:
        raise InvalidInput("the user has no organisation", details={"field": "role"})
    _check_role(role, locked.organisation)
    previous, locked.role = locked.role, role.value
    locked.save(update_fields=["role"])
    record(
        actor=actor,
        event=Event("user.role_changed", f"user:{locked.pk}", {"from": previous, "to": role.value}),
    )
    return locked


@service
def deactivate_user(*, actor: User, user: User) -> User:
    """Close an account: it can no longer sign in or use its API tokens."""
    require(actor.as_actor(), Action.MANAGE_ACCOUNTS)
    if user.pk == actor.pk:
        raise NotPermitted("administrators cannot deactivate themselves")
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.is_active:
        raise Conflict("the account is already inactive")
    locked.is_active = False
    locked.save(update_fields=["is_active"])
    record(actor=actor, event=Event("user.deactivated", f"user:{locked.pk}", {}))
    return locked


@service
def reset_password(*, actor: User, user: User, new_password: str) -> User:
    """Set a new password for a user who lost theirs (the administrator hands it over)."""
    require(actor.as_actor(), Action.MANAGE_ACCOUNTS)
    locked = User.objects.select_for_update().get(pk=user.pk)
    _check_password(new_password, locked)
    locked.set_password(new_password)
    locked.save(update_fields=["password"])
    record(actor=actor, event=Event("user.password_reset", f"user:{locked.pk}", {}))
    return locked


@service
def issue_api_token(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Issue an API token for the actor; the secret is returned once and never stored."""
    require(actor.as_actor(), Action.MANAGE_OWN_TOKENS)
    if not name.strip() or len(name) > 100:
        raise InvalidInput(
            "give the token a name of at most 100 characters", details={"field": "name"}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=name.strip(),
        prefix=secret[:10],
        key_hash=hash_token(secret),
        created_at=timezone.now(),
    )
    record(
        actor=actor,
        event=Event(
            "api_token.issued",
            f"api_token:{token.pk}",
            {"name": token.name, "prefix": token.prefix},
        ),
    )
    return token, secret


@service
def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke one of the actor's own tokens (administrators may revoke anyone's)."""
    require(actor.as_actor(), Action.MANAGE_OWN_TOKENS)
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.user_id != actor.pk and actor.role != Role.ADMINISTRATOR.value:
        raise NotPermitted("you may only revoke your own tokens")
    if locked.revoked_at is not None:
        raise Conflict("the token is already revoked")
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    record(actor=actor, event=Event("api_token.revoked", f"api_token:{locked.pk}", {}))
    return locked

"""Organisations, users with one role each, and hashed API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from ceasefire.domain.policy import Actor, OrganisationKind, Role

STAFF_ROLES = [
    (role.value, role.value.replace("_", " ")) for role in Role if role is not Role.PUBLIC
]


class Organisation(models.Model):
    """A party to agreements (e.g. PAK), a mediator or guarantor (QAT), or the secretariat."""

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in OrganisationKind])
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class User(AbstractUser):
    """A person with an account: one organisation and one role in the mechanism."""

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    role = models.CharField(max_length=24, choices=STAFF_ROLES, default=Role.ANALYST.value)
    full_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def as_actor(self) -> Actor:
        """Return the domain view of this person for permission checks."""
        if not self.is_active:
            return Actor(role=Role.PUBLIC)
        code = self.organisation.code if self.organisation_id and self.organisation else None
        return Actor(role=Role(self.role), organisation=code)


class ApiToken(models.Model):
    """A bearer token for the REST API; only its SHA-256 is stored, never the secret."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

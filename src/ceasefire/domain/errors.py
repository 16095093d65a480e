"""Domain errors: the one hierarchy every rule raises and every shell maps to a response.

Must not import Django or anything outside the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A request that the rules of the mechanism refuse; `code` is stable for API clients."""

    code = "domain_error"
    http_status = 422

    def __init__(self, message: str, *, details: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, object] = dict(details or {})


class NotPermitted(DomainError):
    """The actor's role or organisation does not allow the action."""

    code = "not_permitted"
    http_status = 403


class NotFound(DomainError):
    """The record does not exist or is not visible to the viewer (indistinguishable on purpose)."""

    code = "not_found"
    http_status = 404


class InvalidInput(DomainError):
    """The request is well-formed but its content breaks a domain rule."""

    code = "invalid_input"
    http_status = 400


class InvalidTransition(DomainError):
    """A lifecycle change that the transition table does not allow."""

    code = "invalid_transition"
    http_status = 409


class StaleVersion(DomainError):
    """The write was based on a version that someone else has since replaced."""

    code = "stale_version"
    http_status = 409


class Conflict(DomainError):
    """The write would duplicate or contradict an existing record."""

    code = "conflict"
    http_status = 409


class RateLimited(DomainError):
    """Too many requests from one client in the current window; nothing was recorded."""

    code = "rate_limited"
    http_status = 429

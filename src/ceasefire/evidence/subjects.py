"""The records evidence can be attached to, by the prefix log events use (`agreement:3`).

Each app that holds attachable records registers one resolver for its prefix: given an id and
a viewer, it tells whether that record exists and the viewer may see it. The agreement
register is registered here; other apps (incidents, findings, replies, dossiers) register their
own prefix from their `AppConfig.ready()` with `register("incident", visible)`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from ceasefire.domain.errors import InvalidInput, NotFound
from ceasefire.domain.evidence import Subject, parse_subject
from ceasefire.domain.policy import Actor

Visible = Callable[[int, Actor], bool]

_resolvers: dict[str, Visible] = {}


def register(prefix: str, visible: Visible) -> None:
    """Make records named `<prefix>:<id>` attachable; `visible(id, viewer)` answers for them."""
    _resolvers[prefix] = visible


def registered() -> MappingProxyType[str, Visible]:
    """Return the registered prefixes and their resolvers."""
    return MappingProxyType(_resolvers)


def check_subject(text: str, *, viewer: Actor) -> Subject:
    """Parse a subject name and check that the record exists and the viewer may see it.

    Raises:
        InvalidInput: malformed, or no app registered that kind of record.
        NotFound: no such record, or not visible to the viewer.
    """
    subject = parse_subject(text)
    visible = _resolvers.get(subject.prefix)
    if visible is None:
        kinds = ", ".join(sorted(_resolvers)) or "none"
        raise InvalidInput(
            f"evidence cannot be attached to {subject.prefix} records (known: {kinds})",
            details={"field": "subject"},
        )
    if not visible(subject.id, viewer):
        raise NotFound(f"no {subject.prefix} {subject.id}", details={"field": "subject"})
    return subject


def _agreement_visible(agreement_id: int, viewer: Actor) -> bool:
    from ceasefire.agreements.selectors import agreements_visible_to

    return agreements_visible_to(viewer).filter(pk=agreement_id).exists()


def register_agreements() -> None:
    """Register the agreement register's records (`agreement:<id>`)."""
    register("agreement", _agreement_visible)

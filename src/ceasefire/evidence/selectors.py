"""Reads on the evidence locker, always for a viewer.

Mediators and monitors see every item with its capture metadata; a liaison officer sees the
items their own organisation handed in (without metadata or the stored bytes); everyone else,
the public included, sees only working copies made public.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ceasefire.accounts.models import User
from ceasefire.domain.errors import NotFound
from ceasefire.domain.policy import Action, Actor, Role, can
from ceasefire.evidence.models import CustodyEvent, EvidenceGrade, EvidenceItem


def items_visible_to(viewer: Actor) -> QuerySet[EvidenceItem]:
    """Return the items the viewer may see."""
    items = EvidenceItem.objects.select_related("submitted_by", "organisation", "derived_from")
    if can(viewer, Action.VIEW_EVIDENCE):
        return items
    if viewer.role is Role.LIAISON_OFFICER and viewer.organisation is not None:
        return items.filter(Q(public=True) | Q(organisation__code=viewer.organisation))
    return items.filter(public=True)


def list_items(*, viewer: Actor, subject: str = "") -> QuerySet[EvidenceItem]:
    """Return the visible items, newest first, optionally only those attached to `subject`."""
    items = items_visible_to(viewer).prefetch_related("attachments")
    if subject:
        items = items.filter(attachments__subject=subject.strip())
    return items.distinct()


def get_item(item_id: int, *, viewer: Actor) -> EvidenceItem:
    """Return one item.

    Raises:
        NotFound: no such item, or not visible to the viewer.
    """
    try:
        return items_visible_to(viewer).get(pk=item_id)
    except (EvidenceItem.DoesNotExist, ValueError):
        raise NotFound(f"no evidence item {item_id}") from None


def may_open_stored_bytes(viewer: Actor, item: EvidenceItem) -> bool:
    """Tell whether the viewer may download the item's bytes (public copies: anyone)."""
    return can(viewer, Action.VIEW_EVIDENCE) or item.public


def metadata_for(viewer: Actor, item: EvidenceItem) -> dict[str, object]:
    """Return the capture metadata the viewer may see (mediators and monitors only)."""
    return dict(item.metadata) if can(viewer, Action.VIEW_EVIDENCE) else {}


def custody_of(item: EvidenceItem) -> QuerySet[CustodyEvent]:
    """Return the item's custody steps, oldest first."""
    return item.custody.select_related("actor", "custodian", "related_item").order_by(
        "log_index", "id"
    )


def current_custodian(item: EvidenceItem) -> User:
    """Return who holds the item now: the custodian after its latest custody step."""
    last = item.custody.select_related("custodian").order_by("-log_index", "-id").first()
    return last.custodian if last is not None else item.submitted_by


def grades_of(item: EvidenceItem) -> QuerySet[EvidenceGrade]:
    """Return every grade given to the item, oldest first (the grade history)."""
    return item.grades.select_related("graded_by").order_by("graded_at", "id")


def working_copies(item: EvidenceItem, *, viewer: Actor) -> QuerySet[EvidenceItem]:
    """Return the visible working copies made from the item."""
    return items_visible_to(viewer).filter(derived_from=item).order_by("id")


def same_bytes(item: EvidenceItem, *, viewer: Actor) -> QuerySet[EvidenceItem]:
    """Return other visible items with exactly the same bytes (independent submissions)."""
    return items_visible_to(viewer).filter(sha256=item.sha256).exclude(pk=item.pk)


def custodians() -> QuerySet[User]:
    """Return the people who may hold evidence: active mediators and monitors."""
    roles = [role.value for role in Role if can(Actor(role=role), Action.VIEW_EVIDENCE)]
    return User.objects.filter(is_active=True, role__in=roles).order_by("username")


def get_custodian(user_id: int) -> User:
    """Return a person who may hold evidence.

    Raises:
        NotFound: no such active mediator or monitor.
    """
    found = custodians().filter(pk=user_id).first()
    if found is None:
        raise NotFound(f"no mediator or monitor {user_id}", details={"field": "to"})
    return found

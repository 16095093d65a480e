"""In-app notifications and e-mail for the workflow's deadlines and requests.

A notification is not a decision: it is derived from one (a tasking, a reply request, an
approval needed), so it is written inside the deciding service's transaction but never enters
the log. E-mail goes through Django's configured mail backend once the transaction commits,
so a refused write sends nothing. One notification per person and key: reruns of the deadline
sweep do not repeat themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.cases.models import Case, Notification


def _mail(user: User, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)


def _mailer(user: User, message: str, link: str) -> Callable[[], None]:
    def send() -> None:
        _mail(user, f"[ceasefire] {message[:80]}", f"{message}\n\n{link}\n")

    return send


def notify(users: Iterable[User], *, case: Case | None, kind: str, message: str, key: str) -> int:
    """Notify each active user once per `key`; return how many were newly notified."""
    link = reverse("cases:case-detail", args=[case.pk]) if case is not None else ""
    sent = 0
    for user in {u.pk: u for u in users if u.is_active}.values():
        try:
            with transaction.atomic():
                Notification.objects.create(
                    user=user,
                    case=case,
                    kind=kind,
                    message=message[:500],
                    key=key[:120],
                    created_at=timezone.now(),
                )
        except IntegrityError:
            continue
        sent += 1
        if user.email:
            transaction.on_commit(_mailer(user, message, f"{settings.SITE_URL}{link}"))
    return sent


def liaison_officers(party_codes: Iterable[str]) -> list[User]:
    """Return the active liaison officers of the given parties."""
    return list(
        User.objects.filter(
            role="liaison_officer", organisation__code__in=list(party_codes), is_active=True
        )
    )


def mediators(organisation_codes: Iterable[str]) -> list[User]:
    """Return the active mediators of the given organisations."""
    return list(
        User.objects.filter(
            role="mediator", organisation__code__in=list(organisation_codes), is_active=True
        )
    )


def unread(user: User) -> int:
    """Return how many notifications the user has not read."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user: User) -> None:
    """Mark every notification of the user as read (opening the inbox reads them)."""
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())

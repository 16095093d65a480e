"""Guards of the public report form: a honeypot field and a rate limit per client.

The public may report anonymously, so the form must not become a way to flood the record.
A bot that fills the hidden `website` field is refused; a client (keyed by an HMAC of its
address, so no address is stored) may file `PUBLIC_REPORTS_PER_WINDOW` reports per
`PUBLIC_REPORT_WINDOW_SECONDS`. The count lives in the shared database cache, so every
server worker sees the same count.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from ceasefire.domain.errors import InvalidInput, RateLimited

HONEYPOT = "website"


def admit(*, client: str, honeypot: str) -> None:
    """Let one public submission through, or refuse it before anything is written.

    Raises:
        InvalidInput: the honeypot field was filled (a bot).
        RateLimited: the client has filed too many reports in the window.
    """
    if honeypot.strip():
        raise InvalidInput(
            "this submission looks automated; nothing was recorded", details={"field": "honeypot"}
        )
    digest = hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()
    key = f"public-report:{digest[:40]}"
    window = settings.PUBLIC_REPORT_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    if cache.incr(key) > settings.PUBLIC_REPORTS_PER_WINDOW:
        minutes = max(1, window // 60)
        raise RateLimited(
            f"too many reports from this connection; try again within {minutes} minutes",
            details={"limit": settings.PUBLIC_REPORTS_PER_WINDOW, "window_seconds": window},
        )

"""One correlation id per HTTP request or command run, so a reader can group log entries."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("ceasefire_correlation", default=None)


def current_correlation() -> str:
    """Return the correlation id of the running request or command, making one if none."""
    value = _current.get()
    if value is None:
        value = str(uuid.uuid4())
        _current.set(value)
    return value


@contextmanager
def correlation_scope(value: str | None = None) -> Iterator[str]:
    """Give the code inside the block its own correlation id."""
    token = _current.set(value or str(uuid.uuid4()))
    try:
        yield _current.get() or ""
    finally:
        _current.reset(token)

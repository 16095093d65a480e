"""The `@service` decorator: one transaction and exactly one log entry per write.

A service that records nothing, or records twice, is a bug that would leave a write out of the
log or split one decision in two; the decorator refuses both and rolls the write back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from django.db import transaction

P = ParamSpec("P")
R = TypeVar("R")

_records: ContextVar[list[int] | None] = ContextVar("ceasefire_records", default=None)
SERVICES: list[str] = []  # qualified names of every decorated service, for the architecture test


class LogDisciplineError(RuntimeError):
    """A service returned without exactly one log entry, or recorded outside a service."""


def service(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` in one transaction and require exactly one `record()` inside it."""
    return _disciplined(function, batch=False)


def batch_service(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` in one transaction and require at least one log entry inside it.

    For writes that apply one action to many records at once (a bulk import, a bulk triage):
    each record still gets exactly one entry of its own, so each has its own receipt, and
    the whole batch lands or none of it does (docs/decisions/0006-batches-in-the-log.md).
    """
    return _disciplined(function, batch=True)


def _disciplined(function: Callable[P, R], *, batch: bool) -> Callable[P, R]:
    SERVICES.append(f"{function.__module__}.{function.__qualname__}")

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _records.get() is not None:
            raise LogDisciplineError(f"{function.__qualname__} was called inside another service")
        counter: list[int] = []
        token = _records.set(counter)
        try:
            with transaction.atomic():
                result = function(*args, **kwargs)
                if len(counter) != 1 and not (batch and counter):
                    wanted = "at least 1" if batch else "not 1"
                    raise LogDisciplineError(
                        f"{function.__qualname__} recorded {len(counter)} log entries, {wanted}"
                    )
            return result
        finally:
            _records.reset(token)

    return wrapper


def count_record(index: int) -> None:
    """Note one log entry for the running service; refuse writes outside any service."""
    counter = _records.get()
    if counter is None:
        raise LogDisciplineError("record() was called outside a @service")
    counter.append(index)

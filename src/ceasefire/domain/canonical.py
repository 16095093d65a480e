"""Canonical JSON: the byte encoding of every log leaf (an RFC 8785-compatible subset).

Two parties re-encoding the same record must get the same bytes, so the subset is strict:
object keys are ASCII `[a-z0-9_]` and sorted, no whitespace, UTF-8, integers only and within
±(2^53 − 1) so every JSON reader agrees on them, no floats (decimals and times travel as
strings), no lone surrogates. Must not import anything outside the standard library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from ceasefire.domain.errors import InvalidInput

MAX_SAFE_INTEGER = 2**53 - 1
_KEY = re.compile(r"[a-z0-9_]+")

JsonValue = None | bool | int | str | Sequence["JsonValue"] | Mapping[str, "JsonValue"]


def _check(value: object, path: str) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise InvalidInput(f"{path}: integer {value} is outside ±(2^53 − 1)")
        return
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise InvalidInput(f"{path}: text contains a lone surrogate") from error
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not _KEY.fullmatch(key):
                raise InvalidInput(f"{path}: key {key!r} is not ASCII [a-z0-9_]")
            _check(item, f"{path}.{key}")
        return
    if isinstance(value, list | tuple):
        for position, item in enumerate(value):
            _check(item, f"{path}[{position}]")
        return
    raise InvalidInput(f"{path}: {type(value).__name__} is not allowed in canonical JSON")


def canonical_bytes(value: object) -> bytes:
    """Encode `value` as canonical JSON bytes.

    Raises:
        InvalidInput: the value holds a float, a non-ASCII key, a big integer or a surrogate.
    """
    _check(value, "$")
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")

"""Template filters for domain values."""

import base64
from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def words(value: object) -> str:
    """Show an enum value such as `in_force` as `in force`."""
    return str(value).replace("_", " ")


@register.filter
def hexdigest(value: object) -> str:
    """Show stored hash bytes as lower-case hex."""
    return bytes(value).hex() if isinstance(value, bytes | memoryview | bytearray) else str(value)


@register.filter
def b64(value: object) -> str:
    """Show stored hash bytes as standard base64, as checkpoints print roots."""
    raw = bytes(value) if isinstance(value, bytes | memoryview | bytearray) else b""
    return base64.b64encode(raw).decode()


@register.filter
def get_item(mapping: Mapping[Any, Any], key: object) -> object:
    """Look `key` up in a mapping from a template (None when absent)."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def percent(value: float | None) -> str:
    """Show a share such as 0.786 as `79 %`, and no share (nothing to count) as a dash."""
    return "—" if value is None else f"{round(value * 100)} %"

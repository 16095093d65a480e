"""Canonical JSON and the leaf encoding of events."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.domain.canonical import MAX_SAFE_INTEGER, canonical_bytes
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.events import KINDS, MAX_LEAF_BYTES, Event, encode_leaf, format_time

AT = datetime(2025, 10, 26, 9, 14, 3, 512000, tzinfo=UTC)


def test_canonical_bytes_sort_keys_and_drop_whitespace():
    assert (
        canonical_bytes({"b": 1, "a": [True, None, "ü"]}) == '{"a":[true,null,"ü"],"b":1}'.encode()
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"x": 1.5}, "float is not allowed"),
        ({"X": 1}, "is not ASCII"),
        ({"x": MAX_SAFE_INTEGER + 1}, "outside"),
        ({"x": "\ud800"}, "lone surrogate"),
        ({1: 1}, "is not ASCII"),
        ({"x": object()}, "object is not allowed"),
    ],
)
def test_canonical_bytes_refuses(value, message):
    with pytest.raises(InvalidInput, match=message):
        canonical_bytes(value)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    | st.text(alphabet=st.characters(exclude_categories=("Cs",))),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.from_regex(r"[a-z0-9_]{1,8}", fullmatch=True), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_canonical_bytes_are_stable_json(value):
    encoded = canonical_bytes(value)
    assert canonical_bytes(json.loads(encoded)) == encoded


def test_leaf_has_every_field_and_utc_microseconds():
    leaf = encode_leaf(
        Event("agreement.amended", "agreement:1", {"version": 2}),
        actor="user:3",
        at=AT.astimezone(timezone(timedelta(hours=5))),
        correlation="c",
        origin="o",
    )
    assert json.loads(leaf) == {
        "v": 1,
        "kind": "agreement.amended",
        "origin": "o",
        "actor": "user:3",
        "at": "2025-10-26T09:14:03.512000Z",
        "correlation": "c",
        "subject": "agreement:1",
        "payload": {"version": 2},
    }


def test_unknown_kinds_and_naive_times_are_refused():
    with pytest.raises(InvalidInput, match="unknown event kind"):
        Event("agreement.deleted", "agreement:1")
    with pytest.raises(InvalidInput, match="timezone-aware"):
        format_time(datetime(2025, 1, 1))  # noqa: DTZ001  # the point of the test


def test_oversized_leaves_are_refused():
    event = Event("agreement.amended", "agreement:1", {"note": "x" * MAX_LEAF_BYTES})
    with pytest.raises(InvalidInput, match="limit is 65535"):
        encode_leaf(event, actor="a", at=AT, correlation="c", origin="o")


def test_every_kind_is_dotted_past_tense_catalogue():
    assert all("." in kind for kind in KINDS)

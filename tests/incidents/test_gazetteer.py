"""The shipped gazetteer: the region's crossings and districts, searchable offline."""

from __future__ import annotations

import pytest

from ceasefire import gazetteer
from ceasefire.domain.errors import NotFound


@pytest.mark.parametrize(
    "name",
    ["Torkham", "Chaman", "Spin Boldak", "Angoor Adda", "Kharlachi", "Ghulam Khan", "Kurram"],
)
def test_the_border_crossings_and_districts_are_there_with_coordinates(name):
    place = gazetteer.search(name)[0]
    assert place.name == name
    assert 24 < place.lat < 38 and 60 < place.lon < 75


def test_search_ranks_exact_then_prefix_then_within_and_folds_spelling():
    assert gazetteer.search("spin-boldak")[0].name == "Spin Boldak"
    assert all(
        "khan" in gazetteer.fold(p.name + " " + " ".join(p.aliases))
        for p in gazetteer.search("khan")
    )
    assert gazetteer.search("  ") == []
    assert len(gazetteer.search("a", limit=500)) == gazetteer.MAX_RESULTS


def test_get_and_match():
    torkham = gazetteer.search("Torkham")[0]
    assert gazetteer.get_place(torkham.id) == torkham
    assert gazetteer.match("TORKHAM") == torkham
    assert gazetteer.match("no such place anywhere") is None
    with pytest.raises(NotFound):
        gazetteer.get_place("nowhere")

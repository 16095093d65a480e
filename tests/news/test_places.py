"""The shipped gazetteer and place matching."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from ceasefire.news.places import by_name, find_places, related

BRIEF_PLACES = (
    "Torkham Chaman|Spin Boldak|Angoor Adda|Kharlachi|Ghulam Khan|Bajaur|Kurram|Orakzai|Khyber|"
    "North Waziristan|South Waziristan|Mir Ali|Miranshah|Wana|Bannu|Lakki Marwat|D.I. Khan|Quetta|"
    "Peshawar|Kabul|Kandahar|Khost|Paktika|Kunar|Nangarhar|Helmand|Bahramcha|Leepa"
).replace("Torkham Chaman", "Torkham|Chaman")


def _sites(text: str) -> list[str]:
    return [f.place.name for f in find_places(text, 0, len(text)) if f.role == "site"]


def test_gazetteer_records_are_complete() -> None:
    raw = resources.files("ceasefire.news").joinpath("gazetteer.json").read_text("utf-8")
    places = json.loads(raw)["places"]
    assert len(places) > 400
    ids = [p["id"] for p in places]
    assert len(ids) == len(set(ids))
    for p in places:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["name"]
        assert p["coord_approx"] is True
        assert p["admin_level"] in (0, 1, 2, 3)
        assert 1 <= p["where_prec"] <= 7
        assert p["kind"] == "region" or p["country"], p["name"]


@pytest.mark.parametrize("name", BRIEF_PLACES.split("|"))
def test_brief_places_are_in_the_gazetteer(name: str) -> None:
    rec = by_name(name)
    assert rec is not None, name
    assert rec["country"] in ("Pakistan", "Afghanistan", "Pakistan-Afghanistan border")


def test_aliases_and_spelling_variants() -> None:
    assert by_name("D.I. Khan")["name"] == "Dera Ismail Khan"  # type: ignore[index]
    assert by_name("Nakoula")["name"] == "Naqoura"  # type: ignore[index]
    assert by_name("Miran Shah")["name"] == "Miranshah"  # type: ignore[index]
    assert by_name("Convencion")["name"] == "Convención"  # type: ignore[index]
    assert _sites("Two people were killed in Kandahar’s Spin Boldak district.") == [
        "Kandahar",
        "Spin Boldak",
    ]
    assert _sites("DERA ISMAIL KHAN: a blast") == ["Dera Ismail Khan"]


def test_ordinary_words_need_a_locative_context() -> None:
    assert _sites("Tire marks were found.") == []
    assert _sites("the third was killed in Nakoula, in southern Tire region") == ["Naqoura", "Tyre"]
    assert _sites("A tank was hit. Tank district was calm.") == ["Tank"]


def test_capitals_used_for_governments_are_not_places() -> None:
    assert _sites("Islamabad blames Kabul for the attacks.") == []
    assert _sites("relations between Islamabad and Kabul remain tense") == []
    assert _sites("A blast hit a market in Kabul.") == ["Kabul"]


def test_origin_and_destination_are_not_sites() -> None:
    found = find_places(
        "killing 11 fighters, nine of them from Helmand’s Musa Qala district; bodies were "
        "taken to Lashkar Gah.",
        0,
        200,
    )
    roles = {f.place.name: f.role for f in found}
    assert roles == {"Helmand": "origin", "Musa Qala": "origin", "Lashkar Gah": "destination"}


def test_unresolved_places_from_context() -> None:
    text = (
        "In Nowshera's Hakeemabad area, a raid took place near Qureshi Mor and the town of "
        "Al Hafir."
    )
    found = {f.place.name: f.place.place_id for f in find_places(text, 0, len(text))}
    assert found["Nowshera"] is not None
    assert (
        found["Hakeemabad"] is None and found["Qureshi Mor"] is None and found["Al Hafir"] is None
    )


def test_hierarchy() -> None:
    dik, kp = by_name("Dera Ismail Khan"), by_name("Khyber Pakhtunkhwa")
    spin, bahram = by_name("Spin Boldak"), by_name("Bahramcha")
    assert None not in (dik, kp, spin, bahram)

    def match(name: str):
        return find_places(name, 0, len(name))[0].place

    assert related(match("Dera Ismail Khan"), match("Khyber Pakhtunkhwa"))
    assert not related(match("Spin Boldak"), match("Bahramcha"))
    assert related(match("Quetta"), match("Pakistan"))

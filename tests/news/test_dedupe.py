"""Merging within one article and grouping across articles, each source's claims kept."""

from __future__ import annotations

from ceasefire.news.dedupe import group_events, group_incidents
from ceasefire.news.extract import extract_article


def _incidents(aid: str, text: str, pub: str | None = "2026-02-07"):
    return [(aid, i) for i in extract_article({"id": aid, "text": text, "pub_date": pub}).incidents]


def test_one_article_one_event_is_one_incident() -> None:
    text = (
        "Pakistani forces kill five suspected terrorists after attack on police training centre\n"
        "Pakistani security forces killed five suspected militants after attackers targeted a "
        "police training centre in Dera Ismail Khan on Friday, officials said. At least three "
        "police officers were killed and six others injured. The death toll among police "
        "personnel had risen to seven. "
        "In another development, police arrested two suspects in Peshawar."
    )
    incs = [i for _, i in _incidents("a", text, "2025-10-11")]
    main = [i for i in incs if i.incident_type == "militant_attack"]
    assert len(main) == 1
    assert (main[0].date, main[0].fatalities_min, main[0].fatalities_qualifier) == (
        "2025-10-10",
        12,
        "exact",
    )
    assert any(i.incident_type == "arrest_or_prosecution" for i in incs)


def test_two_articles_about_one_bombing_are_one_group_with_both_claims() -> None:
    a = _incidents(
        "thenews",
        "ISLAMABAD: A suicide bomber struck an imambargah in Islamabad on Friday, "
        "killing at least 32 people.",
    )
    b = _incidents(
        "other",
        "At least 36 people were killed when a suicide bomber struck an imambargah in "
        "Islamabad on Friday.",
    )
    groups = group_incidents(a + b)
    big = [g for g in groups if len(g.members) == 2]
    assert len(big) == 1
    g = big[0]
    assert g.sources == ("thenews", "other")
    assert {c.killed for c in g.claims} == {32, 36}
    assert all(c.source.startswith(("thenews:", "other:")) for c in g.claims)
    assert (g.fatalities.minimum, g.fatalities.maximum, g.fatalities.qualifier) == (
        32,
        36,
        "conflicting_claims",
    )


def test_different_places_or_days_stay_apart() -> None:
    a = _incidents("a", "A suicide bomber killed 4 people in Quetta on Friday.")
    b = _incidents("b", "A suicide bomber killed 4 people in Peshawar on Friday.")
    c = _incidents("c", "A suicide bomber killed 4 people in Quetta on Thursday.")
    assert len(group_incidents(a + b + c)) == 3


def test_events_grouped_by_kind_date_and_parties() -> None:
    def events(aid: str, text: str):
        return [
            (aid, e)
            for e in extract_article(
                {"id": aid, "text": text, "pub_date": "2025-10-20"}
            ).agreement_events
        ]

    a = events("a", "Pakistan and Afghanistan agreed to an immediate ceasefire in Doha on Sunday.")
    b = events("b", "Afghanistan and Pakistan agreed to a ceasefire on Sunday after talks in Doha.")
    grouped = group_events(a + b)
    truce = [g for g in grouped if g[0].kind == "ceasefire_declared"]
    assert len(truce) == 1 and truce[0][1] == ("a", "b")


def _sources(groups) -> list[list[str | None]]:
    return [[m.article_id for m in g.members] for g in groups]


def test_a_town_and_its_province_from_two_articles_are_one_group() -> None:
    a = _incidents("a", "Pakistani drones struck Spin Boldak on Friday, killing 12 people.")
    b = _incidents("b", "At least 15 people were killed in a Pakistani air strike in Kandahar.")
    assert _sources(group_incidents(a + b)) == [["a", "b"]]


def test_undated_reports_do_not_chain_two_towns_into_one_event() -> None:
    bannu = _incidents("bannu", "A suicide bomber killed 4 policemen in Bannu on Friday.")
    province = _incidents("kp", "A suicide bomber killed 4 policemen in Khyber Pakhtunkhwa.")
    dik = _incidents("dik", "A suicide bomber killed 6 policemen in Dera Ismail Khan.")
    assert _sources(group_incidents(bannu + province + dik)) == [["bannu", "kp"], ["dik"]]


def test_reports_naming_only_a_country_group_only_on_the_same_known_day() -> None:
    a = _incidents("a", "Pakistani forces struck targets in Afghanistan on Friday, killing 10.")
    b = _incidents("b", "Pakistani air strikes in Afghanistan killed 10 people on Friday.")
    undated = _incidents("c", "Pakistani air strikes in Afghanistan killed 10 people.")
    assert _sources(group_incidents(a + b + undated)) == [["a", "b"], ["c"]]


def test_undated_agreement_events_stay_apart() -> None:
    def events(aid: str, text: str):
        return [
            (aid, e)
            for e in extract_article({"id": aid, "text": text, "pub_date": None}).agreement_events
        ]

    a = events("a", "Pakistan and Afghanistan held talks in Istanbul.")
    b = events("b", "Pakistan and Afghanistan held talks in Doha.")
    assert [e.date for _, e in a + b] == [None, None]
    assert [sources for _, sources in group_events(a + b)] == [("a",), ("b",)]

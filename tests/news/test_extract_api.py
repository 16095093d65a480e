"""The Python API: frozen results, JSON shape, rules on small texts, no Django."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from ceasefire.news.extract import ArticleCandidates, extract_article, to_json

LABELS = {
    "incident_type": {
        "airstrike_or_shelling", "armed_clash", "cross_border_fire", "militant_attack",
        "arrest_or_prosecution", "hideout_dismantled", "other",
    },
    "fatalities_qualifier": {
        "exact", "at_least", "over", "approximately", "vague", "unknown", "conflicting_claims",
    },
}  # fmt: skip


INCIDENT_KEYS = (
    "date",
    "date_end",
    "date_precision",
    "place_names",
    "matched_places",
    "country",
    "actors",
    "normalised_actors",
    "fatalities_min",
    "fatalities_max",
    "casualty_claims",
    "injured",
    "attribution",
    "is_background",
    "is_aggregate",
    "quote",
    "quote_start",
    "quote_end",
    "extra_quotes",
)


def test_results_are_frozen_dataclasses() -> None:
    result = extract_article(
        {"id": "f", "text": "A blast killed 3 in Quetta on Friday.", "pub_date": "2025-10-25"}
    )
    assert isinstance(result, ArticleCandidates)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.id = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.incidents[0].date = None  # type: ignore[misc]


def test_json_has_the_gold_schema(dev_articles: list[dict[str, object]]) -> None:
    for article in dev_articles:
        out = to_json(extract_article(article))
        assert out["id"] == article["id"]
        for inc in out["incidents"]:
            assert inc["incident_type"] in LABELS["incident_type"]
            assert inc["fatalities_qualifier"] in LABELS["fatalities_qualifier"]
            assert set(INCIDENT_KEYS) <= set(inc)


def test_labels_and_gold_fields_in_the_input_are_ignored(
    dev_articles: list[dict[str, object]],
) -> None:
    for article in dev_articles[:8]:
        clean = {k: article[k] for k in ("id", "title", "text", "pub_date", "url")}
        noisy = {
            **article,
            "incidents": [{"date": "1999-01-01"}],
            "topic": "x",
            "pub_date_basis": "y",
        }
        assert to_json(extract_article(clean)) == to_json(extract_article(noisy))


@pytest.mark.parametrize(
    ("text", "itype"),
    [
        ("Pakistani drone strikes killed 8 militants in Khost on Friday.", "airstrike_or_shelling"),
        ("A suicide bomber killed 5 people at a market in Bannu on Friday.", "militant_attack"),
        ("Police arrested four suspects in Peshawar on Friday.", "arrest_or_prosecution"),
        (
            "Security forces and militants exchanged fire in Kurram on Friday, killing two.",
            "armed_clash",
        ),
        ("A landmine wounded four soldiers near Chaman on Friday.", "other"),
        (
            "Security forces dismantled a terrorist hideout in Orakzai on Friday.",
            "hideout_dismantled",
        ),
        (
            "Afghan and Pakistani forces exchanged fire across the border at Torkham on Friday.",
            "cross_border_fire",
        ),
    ],
)
def test_incident_types(text: str, itype: str) -> None:
    incs = extract_article({"id": "t", "text": text, "pub_date": "2025-10-25"}).incidents
    assert [i.incident_type for i in incs] == [itype]
    assert incs[0].date == "2025-10-24" and not incs[0].is_background


AGREEMENT_CASES = [
    ("Pakistan and Afghanistan agreed to an immediate ceasefire in Doha on Sunday.",
     "ceasefire_declared", "occurred"),
    ("The two sides agreed on Sunday to extend the ceasefire.", "ceasefire_extended", "occurred"),
    ("Officials said on Sunday the truce had collapsed.", "ceasefire_collapsed", "occurred"),
    ("Kabul accused Islamabad on Sunday of violating the ceasefire.",
     "statement_of_breach", "occurred"),
    ("Delegations will hold talks in Istanbul on Saturday.", "talks_round", "planned"),
    ("Talks in Istanbul on Saturday failed to produce an agreement.", "talks_round", "failed"),
    ("The UN on Sunday urged both sides to exercise restraint and cease hostilities.",
     "other", "occurred"),
    ("Both sides agreed on Sunday to set up a joint monitoring mechanism.",
     "mechanism_agreed", "occurred"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "status"), AGREEMENT_CASES)
def test_agreement_kinds(text: str, kind: str, status: str) -> None:
    events = extract_article({"id": "k", "text": text, "pub_date": "2025-10-20"}).agreement_events
    assert [(e.kind, e.status) for e in events][:1] == [(kind, status)]


def test_obligations() -> None:
    text = (
        "UNAMA urged both sides to immediately cease all cross-border hostilities. "
        "Islamabad expects Afghanistan to take decisive action against militants. "
        "Both sides agreed not to initiate any aggressive action against each other."
    )
    obs = extract_article({"id": "o", "text": text, "pub_date": "2025-10-20"}).obligations
    assert [o.status for o in obs] == ["called_for", "demanded", "agreed"]
    assert obs[1].party == "Afghanistan"


def _parties(text: str) -> list[str | None]:
    obs = extract_article({"id": "o", "text": text, "pub_date": "2025-10-20"}).obligations
    return [o.party for o in obs]


def test_both_sides_are_named_as_the_articles_two_parties() -> None:
    text = (
        "Pakistan and Afghanistan clashed at Chaman. Pakistan closed the crossing and "
        "Afghanistan protested. Both sides agreed to hold meetings in the coming days."
    )
    assert _parties(text) == ["Pakistan; Afghanistan"]
    mediated = (
        "Pakistan and Afghanistan met in Doha. The talks were mediated by Qatar, and Qatar "
        "said Qatar would host more. Both sides agreed to hold meetings in the coming days."
    )
    assert _parties(mediated) == ["both sides"]  # a mediator is among the names told most


def test_a_party_is_a_name_not_a_pronoun() -> None:
    assert _parties("We are not asking for the moon; we are asking them to keep their word.") == [
        None
    ]
    text = "Islamabad demanded that the Taliban authorities regain control over fighters."
    assert _parties(text) == ["the Taliban authorities"]
    text = "Pakistan demanded that Afghanistan’s soil not be used for attacks on Pakistan."
    assert _parties(text) == ["Afghanistan"]


def test_the_speaker_of_an_obligation_reads_as_a_note() -> None:
    text = "The official said Afghanistan must take verifiable steps against militants."
    obs = extract_article({"id": "o", "text": text, "pub_date": "2025-10-20"}).obligations
    assert [(o.party, o.status, o.notes) for o in obs] == [
        ("Afghanistan", "demanded", "stated by the official")
    ]


def test_package_does_not_import_django() -> None:
    code = (
        "import sys, ceasefire.news.extract, ceasefire.news.cli, ceasefire.news.dedupe;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework')];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _one(text: str, pub: str | None = "2025-11-02", url: str | None = None):
    return extract_article({"id": "x", "text": text, "pub_date": pub, "url": url})


def test_press_release_idioms_count_as_deaths() -> None:
    text = (
        "Security forces conducted an intelligence-based operation in the Datta Khel area of "
        "North Waziristan on Saturday. After an intense exchange of fire, eight khwarij were "
        "sent to hell. Two soldiers embraced shahadat."
    )
    (inc,) = _one(text).incidents
    assert (inc.incident_type, inc.fatalities_min, inc.date) == ("armed_clash", 10, "2025-11-01")
    assert inc.place_names == ("Datta Khel", "North Waziristan")


def test_two_events_in_one_sentence_are_split() -> None:
    text = (
        "Israeli strikes killed at least 29 people across Gaza on Sunday, health officials said, "
        "after Israel accused Hamas of attacking its troops in Rafah, killing two soldiers."
    )
    incs = _one(text, "2025-10-20").incidents
    assert [(i.place_names, i.fatalities_min) for i in incs] == [(("Gaza",), 29), (("Rafah",), 2)]


def test_account_of_earlier_events_is_background() -> None:
    text = (
        "Two weeks ago, the Taliban launched a border offensive.\n"
        "Vowing a strong response, Islamabad then carried out strikes on hideouts in Khost.\n"
        "On Saturday, militants attacked a checkpoint in Bannu, killing three policemen."
    )
    incs = _one(text).incidents
    assert [(i.place_names, i.is_background) for i in incs if i.place_names] == [
        (("Khost",), True),
        (("Bannu",), False),
    ]


def test_compliance_statement_is_not_a_new_truce() -> None:
    text = "The ceasefire has by and large held, the spokesman said on Saturday."
    assert _one(text).agreement_events == ()


def test_talks_breaking_down_and_a_broken_truce() -> None:
    events = _one(
        "Talks in Istanbul broke down without agreement on Friday. "
        "The army accused the RSF of breaking the truce on Saturday."
    ).agreement_events
    assert [(e.kind, e.status, e.date) for e in events] == [
        ("talks_round", "failed", "2025-10-31"),
        ("statement_of_breach", "occurred", "2025-11-01"),
    ]


def test_url_date_anchors_weekdays_without_a_publication_date() -> None:
    text = "A suicide bomber killed four people in Quetta on Friday."
    (inc,) = _one(text, None, "https://example.org/news/2026/01/24/quetta-blast").incidents
    assert inc.date == "2026-01-23"
    (undated,) = _one(text, None, "https://example.org/news/quetta-blast").incidents
    assert (undated.date, undated.date_precision) == (None, "day")

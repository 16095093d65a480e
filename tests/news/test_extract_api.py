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


def test_package_does_not_import_django() -> None:
    code = (
        "import sys, ceasefire.news.extract, ceasefire.news.cli, ceasefire.news.dedupe;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework')];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

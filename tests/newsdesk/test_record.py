"""The reader's record: the monitors' decisions on its candidates, tallied by kind and field."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from ceasefire.agreements.services import record_agreement_event
from ceasefire.domain.agreements import EventKind
from ceasefire.domain.errors import NotPermitted
from ceasefire.incidents.parsing import report_from_mapping
from ceasefire.incidents.services import report_incident
from ceasefire.newsdesk import proposals, reader, services
from ceasefire.newsdesk.models import Article
from ceasefire.newsdesk.record import Decision, event_fields_kept, report_fields_kept, tally

TALKS = (
    "Pakistan and Afghanistan agreed to extend the ceasefire in Istanbul on Thursday. "
    "Pakistan accused Kabul of violating the ceasefire on Wednesday. "
    "Last year, militants killed 40 people in Bannu."
)


def _read(people, doha, title, text, url):
    return services.read_article(
        actor=people["monitor"],
        agreement=doha,
        article=services.ArticleIn(
            text=text, title=title, url=url, outlet="Wire", published_on=date(2025, 10, 25)
        ),
    )


def _accept(people, candidate, **changes):
    article = candidate.article
    proposed = proposals.incident_report(
        candidate.data, url=article.url, outlet=article.outlet, published_on=article.published_on
    )
    return services.accept_incident(
        actor=people["monitor"],
        candidate=candidate,
        report=report_from_mapping({**proposed, **changes}),
    )


@pytest.fixture
def decided(people, doha):
    """Five articles decided on by a monitor, as the record's tests expect them."""
    monitor = people["monitor"]
    torkham = _read(
        people,
        doha,
        "Clash at Torkham",
        "Pakistani and Afghan forces exchanged fire at the Torkham crossing on Friday, killing "
        "three soldiers, the military's media wing ISPR said.",
        "https://example.org/torkham",
    )
    _accept(  # the monitor corrects the day: the wire's "Friday" was the day of the statement
        people,
        torkham.candidates.get(kind="incident"),
        date_start="2025-10-23",
        date_end="2025-10-23",
    )
    spin = _read(
        people,
        doha,
        "Drones over Spin Boldak",
        "Pakistani drones struck Spin Boldak on Sunday, killing 12 people, Taliban officials said.",
        "https://example.org/spin-boldak",
    )
    made = _accept(people, spin.candidates.get(kind="incident"))
    wire = _read(
        people,
        doha,
        "Strike in Kandahar",
        "At least 15 people were killed in a Pakistani air strike in Spin Boldak on Sunday, "
        "hospital staff told AFP.",
        "https://example.org/kandahar",
    )
    services.add_to_report(
        actor=monitor, candidate=wire.candidates.get(kind="incident"), incident=made
    )
    chaman = _read(
        people,
        doha,
        "Chaman",
        "Forces exchanged fire near Chaman on Friday, killing two soldiers.",
        "https://example.org/chaman",
    )
    services.dismiss_candidate(
        actor=monitor, candidate=chaman.candidates.get(kind="incident"), note="a drill, not a clash"
    )
    by_hand = report_incident(  # the event the article really told, which the reader missed
        actor=monitor,
        agreement=doha,
        report=report_from_mapping(
            {
                "incident_type": "other",
                "date_start": "2025-10-24",
                "place": "Chaman",
                "country": "Pakistan",
                "sources": [{"url": "https://example.org/chaman", "outlet": "Wire"}],
            }
        ),
    )
    talks = _read(people, doha, "Talks", TALKS, "https://example.org/talks")
    extended = talks.candidates.get(kind="agreement_event", data__kind="ceasefire_extended")
    services.accept_event(  # the monitor reads it as the declaration
        actor=monitor,
        candidate=extended,
        kind=EventKind.CEASEFIRE_DECLARED,
        occurred_on=date(2025, 10, 23),
        description=extended.quote,
    )
    breach = talks.candidates.get(kind="agreement_event", data__kind="statement_of_breach")
    services.accept_event(
        actor=monitor,
        candidate=breach,
        kind=EventKind.STATEMENT_OF_BREACH,
        occurred_on=date(2025, 10, 22),
        description=breach.quote,
    )
    _accept(people, talks.candidates.get(kind="incident"))  # read as history, filed all the same
    missed_fact = record_agreement_event(
        actor=monitor,
        agreement=doha,
        kind=EventKind.TALKS_ROUND_HELD,
        occurred_on=date(2025, 10, 23),
        description="The Istanbul round, told in the same article.",
        source_url="https://example.org/talks",
    )
    return {"missed_report": by_hand, "missed_fact": missed_fact}


def _kinds(found):
    return {k.kind: k for k in found.kinds}


def test_the_record_counts_proposals_decisions_misses_and_kept_fields(people, doha, decided):
    found = reader.reader_record(people["analyst"].as_actor(), agreement_id=doha.pk)
    assert found.articles == 5
    incidents = _kinds(found)["incident"]
    assert (incidents.proposed, incidents.accepted, incidents.dismissed, incidents.waiting) == (
        4,
        3,
        1,
        0,
    )
    assert incidents.precision == 0.75
    assert (incidents.found, incidents.found_as_background, incidents.missed) == (3, 1, 1)
    assert incidents.missed_records == (decided["missed_report"].pk,)
    assert incidents.recall == 0.6
    fields = {f.field: (f.kept, f.compared) for f in incidents.fields}
    # the article added to a report made from another one is not compared
    assert fields == {"day": (1, 2), "place": (2, 2), "type": (2, 2), "deaths": (2, 2)}
    events = _kinds(found)["agreement_event"]
    assert (events.proposed, events.accepted, events.dismissed, events.found) == (2, 2, 0, 2)
    assert events.missed_records == (decided["missed_fact"].pk,)
    assert {f.field: (f.kept, f.compared) for f in events.fields} == {
        "kind": (1, 2),
        "day": (2, 2),
    }
    positions = _kinds(found)["position"]
    assert (positions.proposed, positions.waiting, positions.fields) == (1, 1, ())
    assert [c.note for c in found.dismissals] == ["a drill, not a clash"]


def test_another_agreement_has_a_record_of_its_own(people, doha, decided):
    from ceasefire.agreements.models import Agreement
    from ceasefire.demo import scenario

    scenario.load_truce(people)
    truce = Agreement.objects.get(title=scenario.TRUCE)
    empty = reader.reader_record(people["monitor"].as_actor(), agreement_id=truce.pk)
    assert empty.articles == 0 and all(k.precision is None for k in empty.kinds)
    everything = reader.reader_record(people["monitor"].as_actor())
    assert _kinds(everything)["incident"].accepted == 3


def test_only_the_desk_reads_the_record(people, doha):
    with pytest.raises(NotPermitted):
        reader.reader_record(people["liaison.pakistan"].as_actor())


def test_the_record_on_the_page_in_the_api_and_on_the_command_line(
    client, api, people, doha, decided
):
    from django.core.management import CommandError, call_command

    client.force_login(people["monitor"])
    assert 'href="/news/record/">The reader' in client.get("/news/").content.decode()
    page = client.get(f"/news/record/?agreement={doha.pk}").content.decode()
    assert '<tr id="record-incident"><th>Incident</th><td>4</td><td>3</td><td>1</td>' in page
    assert "<th>day</th><td>1</td><td>2</td><td>50 %</td>" in page
    position = page[page.index('<tr id="record-position">') :].split("</tr>")[0]
    assert position.endswith("<td>0</td><td>0</td><td>—</td><td>—</td>")  # no misses told
    assert f'href="/incidents/{decided["missed_report"].pk}/"' in page
    assert "a drill, not a clash" in page
    assert f'<option value="{reader.version()}">{reader.version()} (5 articles)' in page
    by_reader = client.get(f"/news/record/?reader={reader.version()}").content.decode()
    assert f'<option value="{reader.version()}" selected>' in by_reader
    chaman = Article.objects.get(title="Chaman")
    article = client.get(f"/news/articles/{chaman.pk}/").content.decode()
    assert f"reader <code>{reader.version()}</code>" in article
    client.force_login(people["liaison.pakistan"])
    assert client.get("/news/record/").status_code == 403

    api.as_user(people["monitor"])
    body = api.get(f"/api/v1/news/record/?agreement={doha.pk}").json()
    incidents = next(k for k in body["kinds"] if k["kind"] == "incident")
    assert (incidents["precision"], incidents["recall"]) == (0.75, 0.6)
    assert body["dismissals"][0]["note"] == "a drill, not a clash"
    bad = api.get("/api/v1/news/record/?agreement=x")
    assert bad.status_code == 400 and bad.json()["error"]["details"]["field"] == "agreement"
    api.as_user(people["liaison.afghanistan"])
    assert api.get("/api/v1/news/record/").status_code == 403

    out = io.StringIO()
    call_command("news_record", "--as", "analyst", "--agreement", str(doha.pk), stdout=out)
    printed = out.getvalue()
    assert "incident: 4 proposed as new, 3 accepted, 1 dismissed, 0 waiting" in printed
    assert "  day: kept 1 of 2 (50 %)" in printed
    out = io.StringIO()
    call_command("news_record", "--as", "analyst", "--json", stdout=out)
    assert json.loads(out.getvalue())["kinds"][0]["missed"] == 1
    with pytest.raises(CommandError, match="may not ingest news"):
        call_command("news_record", "--as", "liaison.pakistan")


def test_tallies_count_each_record_once_per_article():
    decisions = [
        Decision(background=False, state="accepted", source="a", record=1, kept={"day": True}),
        Decision(background=True, state="accepted", source="a", record=1),
        Decision(background=True, state="accepted", source="b", record=2),
        Decision(background=False, state="dismissed", source="b"),
        Decision(background=False, state="new", source="c"),
        Decision(background=True, state="new", source="c"),
    ]
    found = tally("incident", decisions, {("a", 1), ("b", 2), ("b", 3), ("c", 3)}, ("day",))
    assert (found.proposed, found.accepted, found.dismissed, found.waiting) == (3, 1, 1, 1)
    assert (found.found, found.found_as_background, found.missed) == (1, 1, 2)
    assert found.missed_records == (3,)
    assert (found.precision, found.recall) == (0.5, 0.25)
    assert found.fields[0].share == 1.0
    nothing = tally("incident", [], set(), ("day",))
    assert (nothing.precision, nothing.recall, nothing.fields[0].share) == (None, None, None)


@pytest.mark.parametrize(
    ("proposed", "coded", "kept"),
    [
        ({"place_id": "pk:chaman"}, {"place_id": "pk:chaman", "place": "Chaman town"}, True),
        ({"place_id": "pk:chaman"}, {"place_id": "", "place": "Chaman"}, False),
        ({"place": " Torkham "}, {"place": "torkham"}, True),
        ({"place": "", "country": "Pakistan"}, {"place": "", "country": "Pakistan"}, True),
        ({"place": "", "country": "Pakistan"}, {"place": "", "country": "Afghanistan"}, False),
    ],
)
def test_a_place_is_kept_by_gazetteer_id_else_by_name_else_by_country(proposed, coded, kept):
    fields = report_fields_kept(proposed, coded, proposed_deaths=None, coded_deaths=0)
    assert fields["place"] is kept and "deaths" not in fields


def test_an_event_keeps_its_kind_and_day():
    proposed = {"kind": "talks_round_held", "occurred_on": "2025-10-25"}
    assert event_fields_kept(proposed, kind="talks_round_held", occurred_on="2025-10-24") == {
        "kind": True,
        "day": False,
    }


def test_the_record_takes_few_queries(people, doha, decided, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        found = reader.reader_record(people["monitor"].as_actor())
        found.as_json()
    assert found.articles == 5


def test_each_article_names_the_reader_that_read_it_and_the_record_splits_by_it(
    api, people, doha, decided
):
    from ceasefire.ledger.models import LogEntry

    version = reader.version()
    assert len(version) == 12 and int(version, 16) >= 0
    assert set(Article.objects.values_list("reader", flat=True)) == {version}
    leaf = json.loads(bytes(LogEntry.objects.filter(kind="news_article.read").first().leaf))
    assert leaf["payload"]["reader"] == version
    Article.objects.filter(title="Chaman").update(reader="0123456789ab")  # read by an older one
    viewer = people["monitor"].as_actor()
    everything = reader.reader_record(viewer)
    assert dict(everything.readers) == {version: 4, "0123456789ab": 1}
    older = reader.reader_record(viewer, reader="0123456789ab")
    assert older.articles == 1 and _kinds(older)["incident"].dismissed == 1
    newer = _kinds(reader.reader_record(viewer, reader=version))["incident"]
    assert (newer.accepted, newer.dismissed) == (3, 0)
    api.as_user(people["monitor"])
    body = api.get("/api/v1/news/record/?reader=0123456789ab").json()
    assert body["articles"] == 1 and {"reader": version, "articles": 4} in body["readers"]
    assert api.get("/api/v1/news/record/?reader=").json()["articles"] == 5
    article = api.get("/api/v1/news/articles/").json()[0]
    assert article["reader"] in {version, "0123456789ab"}


def test_the_fingerprint_follows_the_extractor_files(tmp_path, monkeypatch):
    import importlib.resources

    rules = tmp_path / "news"
    rules.mkdir()
    (rules / "rules.py").write_text("A = 1\n")
    (rules / "notes.txt").write_text("not part of the reader\n")
    monkeypatch.setattr(importlib.resources, "files", lambda package: rules)
    reader.version.cache_clear()
    try:
        first = reader.version()
        (rules / "notes.txt").write_text("changed\n")
        reader.version.cache_clear()
        assert reader.version() == first
        (rules / "rules.py").write_text("A = 2\n")
        reader.version.cache_clear()
        assert reader.version() != first
    finally:
        reader.version.cache_clear()


def _incident_record(people, **filters):
    found = reader.reader_record(people["monitor"].as_actor(), **filters)
    return _kinds(found)["incident"]


def test_a_duplicate_report_stands_for_its_original(people, doha, decided):
    from ceasefire.domain.intake import TriageStatus
    from ceasefire.incidents.models import Incident
    from ceasefire.incidents.services import triage_incident

    spin = Incident.objects.get(sources__url="https://example.org/spin-boldak")
    again = report_incident(  # filed by hand from the same article, then found to repeat it
        actor=people["monitor"],
        agreement=doha,
        report=report_from_mapping(
            {
                "incident_type": "air_drone_strike",
                "date_start": "2025-10-19",
                "place": "Spin Boldak",
                "sources": [{"url": "https://example.org/spin-boldak"}],
            }
        ),
    )
    assert _incident_record(people).missed == 2
    triage_incident(
        actor=people["monitor"],
        incident=again,
        decision=TriageStatus.DUPLICATE,
        note="the report made from the article",
        duplicate_of=spin,
    )
    found = _incident_record(people)
    assert (found.found, found.missed) == (3, 1)


def test_fields_are_judged_as_accepted_not_as_revised_later(people, doha, decided):
    from ceasefire.incidents.models import Incident
    from ceasefire.incidents.parsing import mapping_from_incident
    from ceasefire.incidents.services import revise_incident

    before = {f.field: (f.kept, f.compared) for f in _incident_record(people).fields}
    spin = Incident.objects.get(sources__url="https://example.org/spin-boldak")
    coding = mapping_from_incident(spin)
    revise_incident(
        actor=people["monitor"],
        incident=spin,
        report=report_from_mapping({**coding, "incident_type": "armed_clash"}),
        reason="the investigation found a ground attack",
    )
    after = {f.field: (f.kept, f.compared) for f in _incident_record(people).fields}
    assert after == before == {"day": (1, 2), "place": (2, 2), "type": (2, 2), "deaths": (2, 2)}


def test_an_article_added_to_a_report_filed_by_hand_is_not_judged_on_its_fields(
    people, doha, decided
):
    text = "Two soldiers were killed near Chaman on Friday, officials said."
    chaman = _read(people, doha, "Chaman again", text, "https://example.org/chaman-2")
    services.add_to_report(
        actor=people["monitor"],
        candidate=chaman.candidates.get(kind="incident"),
        incident=decided["missed_report"],
    )
    found = _incident_record(people)
    assert (found.accepted, found.found) == (4, 4)
    assert {f.field: f.compared for f in found.fields} == {
        "day": 2,
        "place": 2,
        "type": 2,
        "deaths": 2,
    }


def test_articles_without_an_address_count_for_decisions_not_for_misses(people, doha):
    pasted = services.read_article(
        actor=people["monitor"],
        agreement=doha,
        article=services.ArticleIn(
            text="Forces exchanged fire near Chaman on Friday, killing two soldiers.",
            published_on=date(2025, 10, 25),
        ),
    )
    _accept(people, pasted.candidates.get(kind="incident"))
    found = _incident_record(people)
    assert (found.accepted, found.precision) == (1, 1.0)
    assert (found.found, found.missed, found.recall) == (0, 0, None)
    assert [f.compared for f in found.fields] == [1, 1, 1, 1]


def test_a_position_on_the_timeline_is_no_missed_event_and_misses_no_position(people, doha):
    talks = _read(people, doha, "Talks", TALKS, "https://example.org/talks")
    position = talks.candidates.get(kind="position")
    services.accept_event(
        actor=people["monitor"],
        candidate=position,
        kind=EventKind.OTHER,
        occurred_on=date(2025, 10, 25),
        description=position.quote,
    )
    kinds = _kinds(reader.reader_record(people["monitor"].as_actor()))
    assert (kinds["agreement_event"].missed, kinds["agreement_event"].missed_records) == (0, ())
    assert (kinds["position"].accepted, kinds["position"].missed) == (1, None)
    assert kinds["position"].recall is None


def test_the_latest_dismissal_comes_first(people, doha, decided):
    talks = Article.objects.get(title="Talks")
    services.dismiss_candidate(
        actor=people["monitor"],
        candidate=talks.candidates.get(kind="position"),
        note="a summary of the agreement, not a new position",
    )
    notes = [c.note for c in reader.reader_record(people["monitor"].as_actor()).dismissals]
    assert notes == ["a summary of the agreement, not a new position", "a drill, not a clash"]


def test_nobody_signed_out_reads_the_record(client, api, people):
    assert client.get("/news/record/").status_code == 302
    assert api.get("/api/v1/news/record/").status_code in {401, 403}


def test_the_schema_describes_the_record_the_api_gives(client, api, people, doha, decided):
    import yaml

    schemas = yaml.safe_load(client.get("/api/schema/").content)["components"]["schemas"]
    api.as_user(people["monitor"])
    body = api.get("/api/v1/news/record/").json()
    assert set(body) == set(schemas["NewsReaderRecord"]["properties"])
    assert set(body["kinds"][0]) == set(schemas["NewsReaderKind"]["properties"])
    assert set(body["kinds"][0]["fields"][0]) == set(schemas["NewsReaderField"]["properties"])
    assert set(body["dismissals"][0]) == set(schemas["NewsReaderDismissal"]["properties"])

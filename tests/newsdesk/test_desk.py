"""The news desk: reading articles, candidates with exact quotes, accepting and dismissing."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ceasefire.agreements.models import Agreement, AgreementEvent
from ceasefire.domain.agreements import EventKind
from ceasefire.domain.errors import Conflict, InvalidInput, NotPermitted
from ceasefire.incidents.models import Incident
from ceasefire.incidents.parsing import report_from_mapping
from ceasefire.ledger.models import LogEntry
from ceasefire.newsdesk import proposals, selectors, services
from ceasefire.newsdesk.models import Article, Candidate


def _read(people, doha, title, text, **extra):
    return services.read_article(
        actor=people["monitor"],
        agreement=doha,
        article=services.ArticleIn(text=text, title=title, **extra),
    )


def test_the_source_articles_give_candidates_whose_quotes_are_exact(people, doha, seeds):
    for title, text in seeds:
        article = _read(people, doha, title, text, published_on=date(2025, 10, 30))
        candidates = list(article.candidates.all())
        assert candidates, title
        for candidate in candidates:
            assert text[candidate.quote_start : candidate.quote_end] == candidate.quote
        kinds = {c.data.get("kind") for c in candidates if c.kind == "agreement_event"}
        assert kinds & {"talks_round", "ceasefire_extended", "mechanism_agreed"}
    entries = LogEntry.objects.filter(kind="news_article.read")
    assert entries.count() == 2
    assert "Khawaja" not in b"".join(bytes(e.leaf) for e in entries).decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no text"),
        ("   \n ", "no text"),
        ("abc\x00def", "binary data"),
        ("x" * 200_001, "at most 200,000 characters"),
    ],
)
def test_garbage_gets_a_clear_refusal_and_leaves_nothing(people, doha, unchanged, text, message):
    with unchanged(), pytest.raises(InvalidInput, match=message):
        _read(people, doha, "junk", text)


def test_five_megabytes_of_text_are_refused_without_reading_them(api, people, doha, unchanged):
    api.as_user(people["monitor"])
    with unchanged():
        response = api.post(
            "/api/v1/news/articles/", {"agreement": doha.pk, "text": "a" * 5_000_000}, format="json"
        )
    assert response.status_code == 400
    assert "at most 200,000 characters" in response.json()["error"]["message"]
    with unchanged():
        huge = api.post(
            "/api/v1/news/articles/", {"agreement": doha.pk, "text": "a" * 9_000_000}, format="json"
        )
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"


def test_another_language_is_read_and_says_so(people, doha):
    article = _read(people, doha, "خبر", "پاکستان او افغانستان د اوربند په اړه خبرې وکړې. " * 20)
    assert article.candidates.count() == 0
    assert any("does not look like English" in w for w in article.warnings)


def test_the_same_text_is_read_once(people, doha, seeds, unchanged):
    title, text = seeds[0]
    _read(people, doha, title, text)
    with unchanged(), pytest.raises(Conflict, match="already read"):
        _read(people, doha, title, text)


def test_only_staff_read_the_news(people, doha, unchanged):
    with unchanged(), pytest.raises(NotPermitted):
        services.read_article(
            actor=people["liaison.pakistan"], agreement=doha, article=services.ArticleIn(text="x")
        )


def _event_candidate(people, doha, seeds):
    title, text = seeds[1]
    article = _read(people, doha, title, text, url="https://example.org/istanbul")
    return article.candidates.filter(kind="agreement_event").first()


def test_a_monitor_turns_a_candidate_into_a_timeline_fact(people, doha, seeds):
    candidate = _event_candidate(people, doha, seeds)
    event = services.accept_event(
        actor=people["monitor"],
        candidate=candidate,
        kind=EventKind.CEASEFIRE_EXTENDED,
        occurred_on=date(2025, 10, 30),
        description=candidate.quote,
    )
    candidate.refresh_from_db()
    assert (candidate.state, candidate.agreement_event) == ("accepted", event)
    assert event.source_url == "https://example.org/istanbul"
    leaf = json.loads(bytes(LogEntry.objects.order_by("-index").first().leaf))
    assert leaf["payload"]["candidate"] == candidate.subject
    with pytest.raises(Conflict, match="already accepted"):
        services.dismiss_candidate(actor=people["monitor"], candidate=candidate, note="x")


def test_a_monitor_turns_a_candidate_into_a_report_from_the_news(people, doha):
    text = (
        "Pakistani and Afghan forces exchanged fire at the Torkham crossing on Friday, killing "
        "three soldiers, the military's media wing ISPR said."
    )
    article = _read(
        people,
        doha,
        "Clash at Torkham",
        text,
        published_on=date(2025, 10, 25),
        url="https://example.org/torkham",
        outlet="Dawn",
    )
    candidate = article.candidates.get(kind="incident")
    proposal = proposals.incident_report(
        candidate.data, url=article.url, outlet=article.outlet, published_on=article.published_on
    )
    assert proposal["place"] and proposal["sources"][0]["url"] == "https://example.org/torkham"
    incident = services.accept_incident(
        actor=people["monitor"], candidate=candidate, report=report_from_mapping(proposal)
    )
    assert incident.channel == "news" and incident.triage_status == "received"
    assert incident.sources.get().outlet == "Dawn"
    candidate.refresh_from_db()
    assert candidate.incident == incident


def test_dismissal_needs_a_reason(people, doha, seeds, unchanged):
    candidate = _event_candidate(people, doha, seeds)
    with unchanged(), pytest.raises(InvalidInput, match="say why"):
        services.dismiss_candidate(actor=people["monitor"], candidate=candidate, note=" ")
    services.dismiss_candidate(actor=people["analyst"], candidate=candidate, note="background")
    assert Candidate.objects.get(pk=candidate.pk).state == "dismissed"


def test_the_desk_pages(client, people, doha, seeds):
    client.force_login(people["monitor"])
    title, text = seeds[1]
    response = client.post(
        "/news/", {"source": "paste", "agreement": doha.pk, "title": title, "text": text}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "<mark" in page and "Review and accept" in page
    candidate = Candidate.objects.filter(kind="agreement_event").first()
    form = client.get(f"/news/candidates/{candidate.pk}/accept/").content.decode()
    assert "Add to the timeline" in form
    accepted = client.post(
        f"/news/candidates/{candidate.pk}/accept/",
        {"kind": "mechanism_agreed", "occurred_on": "2025-10-30", "description": candidate.quote},
    )
    assert accepted.status_code == 302
    assert AgreementEvent.objects.filter(
        kind="mechanism_agreed", occurred_on=date(2025, 10, 30)
    ).exists()
    other = Candidate.objects.filter(state="new").first()
    assert (
        client.post(f"/news/candidates/{other.pk}/dismiss/", {"note": "context"}).status_code == 302
    )
    junk = client.post(
        "/news/",
        {
            "source": "file",
            "agreement": doha.pk,
            "file": SimpleUploadedFile("x.txt", b"\xff\xfe\x00\x01"),
        },
    )
    assert junk.status_code == 400 and "not UTF-8" in junk.content.decode()
    client.force_login(people["liaison.pakistan"])
    assert client.get("/news/").status_code == 403


def test_a_feed_becomes_one_article_per_item(api, people, doha, settings, tmp_path):
    settings.NEWS_ALLOW_FILE_URLS = True
    feed = tmp_path / "feed.xml"
    feed.write_text(
        """<?xml version="1.0"?><rss><channel>
        <item><title>Clash at Chaman</title><link>https://example.org/1</link>
        <pubDate>Sat, 25 Oct 2025 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;Forces exchanged fire near Chaman on Friday night,
        officials said.&lt;/p&gt;</description></item>
        <item><title>Talks</title><link>https://example.org/2</link>
        <description>Talks in Istanbul continued on Saturday.</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    api.as_user(people["monitor"])
    response = api.post(
        "/api/v1/news/fetch/", {"agreement": doha.pk, "url": feed.as_uri()}, format="json"
    )
    assert response.status_code == 201, response.content
    assert [a["title"] for a in response.json()] == ["Clash at Chaman", "Talks"]
    assert response.json()[0]["published_on"] == "2025-10-25"
    settings.NEWS_ALLOW_FILE_URLS = False
    refused = api.post(
        "/api/v1/news/fetch/", {"agreement": doha.pk, "url": feed.as_uri()}, format="json"
    )
    assert refused.status_code == 400 and "http" in refused.json()["error"]["message"]


def test_the_api_accepts_and_dismisses(api, people, doha):
    api.as_user(people["monitor"])
    text = (
        "Afghan forces shelled posts in Kurram on Saturday, killing two soldiers, officials said."
    )
    body = api.post(
        "/api/v1/news/articles/",
        {"agreement": doha.pk, "text": text, "title": "Kurram", "published_on": "2025-10-26"},
        format="json",
    ).json()
    incident_candidate = next(c for c in body["candidates"] if c["kind"] == "incident")
    accepted = api.post(
        f"/api/v1/news/candidates/{incident_candidate['id']}/accept/", {}, format="json"
    )
    assert accepted.status_code == 200, accepted.content
    incident = Incident.objects.get(pk=accepted.json()["incident"])
    assert incident.channel == "news"
    listing = api.get("/api/v1/news/candidates/?state=accepted").json()
    assert [c["id"] for c in listing] == [incident_candidate["id"]]
    again = api.post(
        f"/api/v1/news/candidates/{incident_candidate['id']}/dismiss/", {"note": "x"}, format="json"
    )
    assert again.status_code == 409


def test_only_the_desk_reads_candidates_and_fetches(api, people, doha, unchanged):
    api.as_user(people["liaison.afghanistan"])
    for state in ("new", "dismissed", "accepted"):
        assert api.get(f"/api/v1/news/candidates/?state={state}").status_code == 403
    with unchanged():
        refused = api.post(
            "/api/v1/news/fetch/",
            {"agreement": doha.pk, "url": "http://127.0.0.1:9/x"},
            format="json",
        )
    assert refused.status_code == 403
    api.as_user(people["monitor"])
    assert api.get("/api/v1/news/candidates/?state=lost").status_code == 400
    for address in ("http://127.0.0.1:9/x", "http://10.0.0.1/", "http://[::1]/", "ftp://x.org/"):
        with unchanged():
            response = api.post(
                "/api/v1/news/fetch/", {"agreement": doha.pk, "url": address}, format="json"
            )
        assert response.status_code == 400, address
        assert "Errno" not in response.json()["error"]["message"]


def _condition(people, doha, seeds):
    title, text = seeds[1]
    article = _read(people, doha, title, text, published_on=date(2025, 10, 31))
    return next(
        c
        for c in article.candidates.filter(kind="position")
        if c.data["status"] == "conditional_warning"
    )


def test_a_condition_a_party_sets_is_proposed_for_the_timeline(people, doha, seeds):
    candidate = _condition(people, doha, seeds)
    _, text = seeds[1]
    assert text[candidate.quote_start : candidate.quote_end] == candidate.quote
    assert "verifiable proof of steps taken" in candidate.quote
    assert not candidate.background
    proposal = proposals.position_proposal(candidate.data, published_on=date(2025, 10, 31))
    assert proposal["kind"] == "other" and proposal["occurred_on"] == "2025-10-31"
    assert proposal["description"].startswith("Condition set for Afghanistan (reported): ")
    assert candidate.quote in proposal["description"]
    event = services.accept_event(
        actor=people["monitor"],
        candidate=candidate,
        kind=EventKind(proposal["kind"]),
        occurred_on=date.fromisoformat(proposal["occurred_on"]),
        description=proposal["description"],
    )
    candidate.refresh_from_db()
    assert (candidate.state, candidate.agreement_event) == ("accepted", event)
    assert event.kind == "other" and event.agreement == doha and event.declared_by is None
    leaf = json.loads(bytes(LogEntry.objects.order_by("-index").first().leaf))
    assert leaf["kind"] == "agreement_event.recorded"
    assert leaf["payload"]["candidate"] == candidate.subject


def test_a_condition_is_neither_a_report_nor_a_change_of_status(people, doha, seeds, unchanged):
    candidate = _condition(people, doha, seeds)
    report = report_from_mapping(
        proposals.incident_report(
            {"incident_type": "other"}, url="", outlet="", published_on=date(2025, 10, 31)
        )
    )
    with unchanged(), pytest.raises(InvalidInput, match="another kind: stated position"):
        services.accept_incident(actor=people["monitor"], candidate=candidate, report=report)
    with unchanged(), pytest.raises(InvalidInput, match="as kind 'other'"):
        services.accept_event(
            actor=people["monitor"],
            candidate=candidate,
            kind=EventKind.CEASEFIRE_COLLAPSED,
            occurred_on=date(2025, 10, 31),
            description=candidate.quote,
        )
    assert Candidate.objects.get(pk=candidate.pk).state == "new"


@pytest.mark.parametrize(
    ("status", "party", "reads"),
    [
        ("demanded", "Afghanistan", "Demand on Afghanistan (reported): act."),
        ("conditional_warning", "Afghanistan", "Condition set for Afghanistan (reported): act."),
        ("pledged", "Pakistan", "Pledge by Pakistan (reported): act."),
        ("proposed", "Qatar", "Proposal by Qatar (reported): act."),
        ("called_for", None, "Call on a party not named (reported): act."),
        ("unheard_of", "Pakistan", "Position on Pakistan (reported): act."),
    ],
)
def test_a_stated_position_reads_as_who_must_do_what(status, party, reads):
    data = {"status": status, "party": party, "obligation": "act.", "quote": "Q"}
    proposal = proposals.position_proposal(data, published_on=None)
    assert proposal["description"] == reads + " \u201cQ\u201d"
    assert (proposal["kind"], proposal["occurred_on"]) == ("other", None)


def test_conditions_on_the_article_page_and_in_the_api(client, api, people, doha, seeds):
    candidate = _condition(people, doha, seeds)
    client.force_login(people["monitor"])
    page = client.get(f"/news/articles/{candidate.article_id}/").content.decode()
    section = page[page.index(f'id="candidate-{candidate.pk}"') :]
    section = section[: section.index("</div>")]  # this candidate's card only
    assert "Stated position · conditional warning" in section
    assert "Afghanistan: provide verifiable proof of steps taken" in section
    clause = reverse("agreements:agreement-detail", args=[doha.pk]) + "#clause-4"
    assert f'Names commitment <a href="{clause}">clause 4</a> of the agreement' in section
    form = client.get(f"/news/candidates/{candidate.pk}/accept/").content.decode()
    assert "Condition set for Afghanistan (reported)" in form and "Add to the timeline" in form
    assert "other (a party&#x27;s stated position)" in form and "ceasefire_collapsed" not in form
    refused = client.post(
        f"/news/candidates/{candidate.pk}/accept/",
        {"kind": "ceasefire_collapsed", "occurred_on": "2025-10-31", "description": "x"},
    )
    assert refused.status_code == 400
    assert Candidate.objects.get(pk=candidate.pk).state == "new"
    api.as_user(people["monitor"])
    listed = next(c for c in api.get("/api/v1/news/candidates/").json() if c["id"] == candidate.pk)
    assert listed["kind"] == "position" and listed["extracted"]["party"] == "Afghanistan"
    only = api.get(f"/api/v1/news/candidates/?kind=position&agreement={doha.pk}").json()
    assert candidate.pk in [c["id"] for c in only] and {c["kind"] for c in only} == {"position"}
    assert api.get("/api/v1/news/candidates/?agreement=999999").json() == []
    for bad in ("kind=report", "agreement=doha"):
        refused = api.get(f"/api/v1/news/candidates/?{bad}")
        assert refused.status_code == 400, bad
        assert refused.json()["error"]["details"]["field"] == bad.split("=")[0]
    assert [c["clause"] for c in listed["commitments_named"]] == ["4"]
    assert {"verifiable", "steps"} <= set(listed["commitments_named"][0]["shared_words"])
    accepted = api.post(
        f"/api/v1/news/candidates/{candidate.pk}/accept/", listed["proposal"], format="json"
    )
    assert accepted.status_code == 200, accepted.content
    event = AgreementEvent.objects.get(pk=accepted.json()["agreement_event"])
    assert event.kind == "other" and event.occurred_on == date(2025, 10, 31)
    assert event.description == listed["proposal"]["description"]


def test_candidates_from_two_articles_about_one_event_are_shown_together(client, people, doha):
    def read(title, text):
        return _read(people, doha, title, text, published_on=date(2025, 10, 20))

    first = read(
        "Drones over Spin Boldak",
        "Pakistani drones struck Spin Boldak on Sunday, killing 12 people, Taliban officials "
        "said. Pakistan and Afghanistan agreed to an immediate ceasefire in Doha on Sunday.",
    )
    second = read(
        "Strike in Kandahar",
        "At least 15 people were killed in a Pakistani air strike in Kandahar province, "
        "officials said. Afghanistan and Pakistan agreed to a ceasefire on Sunday after "
        "talks in Doha.",
    )
    elsewhere = read(
        "Strike in Khost", "A Pakistani air strike killed three people in Khost on Sunday."
    )
    strike_a = first.candidates.get(kind="incident")
    strike_b = second.candidates.get(kind="incident")
    truce_a = first.candidates.get(kind="agreement_event", data__kind="ceasefire_declared")
    truce_b = second.candidates.get(kind="agreement_event", data__kind="ceasefire_declared")
    assert strike_b.data["date"] is None  # no day, and a province, not the town: still one event
    related = selectors.same_event(list(Candidate.objects.all()))
    assert related[strike_a.pk] == [strike_b] and related[strike_b.pk] == [strike_a]
    assert related[truce_a.pk] == [truce_b]
    assert elsewhere.candidates.get(kind="incident").pk not in related
    client.force_login(people["monitor"])
    page = client.get(f"/news/articles/{first.pk}/").content.decode()
    card = page[page.index(f'id="candidate-{strike_a.pk}"') :]
    link = f'href="/news/articles/{second.pk}/#candidate-{strike_b.pk}"'
    assert f"May be the same event as <a {link}>candidate {strike_b.pk} in “Strike in" in card
    # an article read for another agreement is never offered as the same event
    from ceasefire.demo import scenario

    scenario.load_truce(people)
    truce = Agreement.objects.get(title=scenario.TRUCE)
    other = services.read_article(
        actor=people["monitor"],
        agreement=truce,
        article=services.ArticleIn(
            title="Spin Boldak again",
            text="Pakistani drones struck Spin Boldak on Sunday, killing 14 people.",
            published_on=date(2025, 10, 20),
        ),
    )
    page = client.get(f"/news/articles/{first.pk}/").content.decode()
    assert f"/news/articles/{other.pk}/" not in page and link in page


def test_the_demo_desk_shows_two_reports_of_one_incident(client, people):
    from ceasefire.demo import scenario

    scenario.load()
    waiting = list(Candidate.objects.filter(state="new"))
    drones = [c for c in waiting if c.kind == "incident" and not c.background]
    assert [c.data["place_names"] for c in drones] == [["Khost"], ["Khost"]]
    assert {c.article.outlet for c in drones} == {"Demo Wire (illustrative)"}
    assert selectors.same_event(waiting)[drones[0].pk] == [drones[1]]
    kinds = {(c.kind, c.data.get("kind") or c.data.get("status")) for c in waiting}
    assert {("agreement_event", "statement_of_breach"), ("position", "demanded")} <= kinds
    assert all("illustrative" in c.article.text.lower() for c in waiting)
    client.force_login(people["monitor"])
    desk = client.get("/news/").content.decode()
    assert "Drone seen over Khost" in desk and "Afghan officials report drone incursion" in desk


def test_the_command_line_reads_a_file_or_a_feed_and_then_only_what_is_new(
    people, doha, settings, tmp_path
):
    from django.core.management import CommandError, call_command

    articles = tmp_path / "wire.jsonl"
    articles.write_text(
        json.dumps(
            {
                "title": "Clash at Chaman",
                "text": "Forces exchanged fire near Chaman on Friday, killing two soldiers.",
                "pub_date": "2025-10-25",
            }
        )
        + "\n",
        encoding="utf-8",
    )

    def run(*arguments):
        out = io.StringIO()
        call_command("read_news", "--agreement", str(doha.pk), *arguments, stdout=out)
        return out.getvalue()

    first = run("--as", "monitor", "--file", str(articles))
    article = Article.objects.get(title="Clash at Chaman")
    assert f"article {article.pk}: Clash at Chaman:" in first and "1 article(s) read" in first
    assert article.origin == "file" and article.ingested_by == people["monitor"]
    assert article.candidates.filter(kind="incident").exists()
    entries = LogEntry.objects.count()
    again = run("--as", "monitor", "--file", str(articles))
    assert again.startswith("nothing new to read") and LogEntry.objects.count() == entries

    settings.NEWS_ALLOW_FILE_URLS = True
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss><channel><item><title>Talks</title>"
        "<link>https://example.org/talks</link><description>Pakistan and Afghanistan agreed "
        "to extend the ceasefire in Istanbul on Thursday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    assert "1 article(s) read" in run("--as", "analyst", "--url", feed.as_uri())
    assert Article.objects.get(title="Talks").origin == "url"
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"title": "Nothing", "text": "   "}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing new to read: article 1: "):
        run("--as", "monitor", "--file", str(empty))  # refused, not merely read before
    with pytest.raises(CommandError, match="no active user"):
        run("--as", "nobody", "--file", str(articles))
    with pytest.raises(CommandError, match="cannot read"):
        run("--as", "monitor", "--file", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError):
        run("--as", "liaison.pakistan", "--file", str(articles))
    assert LogEntry.objects.count() == entries + 1


def test_the_candidate_list_takes_few_queries(
    api, people, doha, seeds, django_assert_max_num_queries
):
    for title, text in seeds:
        _read(people, doha, title, text, published_on=date(2025, 10, 30))
    api.as_user(people["monitor"])
    with django_assert_max_num_queries(12):
        listed = api.get("/api/v1/news/candidates/").json()
    assert len(listed) > 10 and any(c["commitments_named"] for c in listed)


def _two_reports_of_one_strike(people, doha):
    first = _read(
        people,
        doha,
        "Drones over Spin Boldak",
        "Pakistani drones struck Spin Boldak on Sunday, killing 12 people, Taliban officials said.",
        published_on=date(2025, 10, 20),
        url="https://example.org/spin-boldak",
        outlet="Kabul Daily",
    )
    second = _read(
        people,
        doha,
        "Strike in Kandahar",
        "At least 15 people were killed in a Pakistani air strike in Spin Boldak on Sunday, "
        "hospital staff told AFP.",
        published_on=date(2025, 10, 20),
        url="https://example.org/kandahar",
        outlet="Wire",
    )
    a, b = (x.candidates.get(kind="incident") for x in (first, second))
    report = report_from_mapping(
        proposals.incident_report(a.data, url=first.url, outlet=first.outlet, published_on=None)
    )
    incident = services.accept_incident(actor=people["monitor"], candidate=a, report=report)
    return incident, b


def test_a_second_article_is_added_to_the_report_of_the_same_event(people, doha, unchanged):
    incident, candidate = _two_reports_of_one_strike(people, doha)
    assert selectors.reports_told_elsewhere(candidate, viewer=people["monitor"].as_actor()) == [
        incident.pk
    ]
    revised = services.add_to_report(
        actor=people["monitor"], candidate=candidate, incident=incident
    )
    assert revised.pk == incident.pk and revised.version == incident.version + 1
    assert [s.url for s in revised.sources.order_by("id")] == [
        "https://example.org/spin-boldak",
        "https://example.org/kandahar",
    ]
    assert sorted(c.killed for c in revised.claims.all()) == [12, 15]
    assert candidate.article.title in revised.revisions.get(number=revised.version).reason
    candidate.refresh_from_db()
    assert (candidate.state, candidate.incident_id) == ("accepted", incident.pk)
    leaf = json.loads(bytes(LogEntry.objects.order_by("-index").first().leaf))
    assert (leaf["kind"], leaf["payload"]["candidate"]) == ("incident.revised", candidate.subject)
    with unchanged(), pytest.raises(Conflict, match="already accepted"):
        services.add_to_report(actor=people["monitor"], candidate=candidate, incident=incident)


def test_adding_nothing_new_or_to_another_agreement_is_refused(people, doha, unchanged):
    from ceasefire.demo import scenario

    incident, candidate = _two_reports_of_one_strike(people, doha)
    services.add_to_report(actor=people["monitor"], candidate=candidate, incident=incident)
    again = _read(
        people,
        doha,
        "Strike in Kandahar (copy)",
        "At least 15 people were killed in a Pakistani air strike in Spin Boldak on Sunday, "
        "hospital staff told AFP. (Updated.)",
        published_on=date(2025, 10, 20),
        url="https://example.org/kandahar",
        outlet="Wire",
    ).candidates.get(kind="incident")
    with unchanged(), pytest.raises(InvalidInput, match="already has this article"):
        services.add_to_report(actor=people["monitor"], candidate=again, incident=incident)
    scenario.load_truce(people)
    truce = Agreement.objects.get(title=scenario.TRUCE)
    elsewhere = services.read_article(
        actor=people["monitor"],
        agreement=truce,
        article=services.ArticleIn(text="Pakistani drones struck Spin Boldak on Sunday."),
    ).candidates.get(kind="incident")
    with unchanged(), pytest.raises(InvalidInput, match="another agreement"):
        services.add_to_report(actor=people["monitor"], candidate=elsewhere, incident=incident)
    with unchanged(), pytest.raises(NotPermitted):
        services.add_to_report(actor=people["analyst"], candidate=again, incident=incident)


def test_adding_to_a_report_from_the_page_and_the_api(client, api, people, doha):
    incident, candidate = _two_reports_of_one_strike(people, doha)
    client.force_login(people["monitor"])
    form = client.get(f"/news/candidates/{candidate.pk}/accept/").content.decode()
    assert "Or add this article to an existing report" in form
    assert f'Already reported from another article: <a href="/incidents/{incident.pk}/">' in form
    refused = client.post(f"/news/candidates/{candidate.pk}/add-to-report/", {"incident": 999999})
    assert refused.status_code == 302 and refused["Location"].endswith("/accept/")
    done = client.post(f"/news/candidates/{candidate.pk}/add-to-report/", {"incident": incident.pk})
    assert done["Location"] == f"/incidents/{incident.pk}/"
    assert Candidate.objects.get(pk=candidate.pk).incident_id == incident.pk
    third = _read(
        people,
        doha,
        "Third telling",
        "A Pakistani drone strike in Spin Boldak on Sunday killed 13 people, residents said.",
        published_on=date(2025, 10, 20),
        url="https://example.org/third",
    ).candidates.get(kind="incident")
    api.as_user(people["monitor"])
    response = api.post(
        f"/api/v1/news/candidates/{third.pk}/add-to-report/",
        {"incident": incident.pk},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["incident"] == incident.pk
    assert incident.sources.count() == 3


def test_every_article_and_candidate_can_be_listed_page_by_page(api, people, doha, unchanged):
    for n in range(3):
        _read(people, doha, f"Clash {n}", f"Forces exchanged fire near Chaman on day {n}.")
    api.as_user(people["monitor"])
    first = api.get("/api/v1/news/articles/?limit=2")
    assert first["X-Total-Count"] == "3"
    assert [a["title"] for a in first.json()] == ["Clash 2", "Clash 1"]
    rest = api.get("/api/v1/news/articles/?limit=2&offset=2").json()
    assert [a["title"] for a in rest] == ["Clash 0"]
    candidates = api.get("/api/v1/news/candidates/?kind=incident&offset=1")
    assert candidates["X-Total-Count"] == "3" and len(candidates.json()) == 2
    for query, field in (("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset")):
        with unchanged():
            refused = api.get(f"/api/v1/news/articles/?{query}")
        assert refused.status_code == 400, query
        assert refused.json()["error"]["details"]["field"] == field
    assert api.get("/api/v1/news/candidates/?limit=500").status_code == 200


def test_the_desk_pages_through_its_articles(client, people, doha):
    for n in range(101):
        Article.objects.create(
            agreement=doha,
            sha256=f"{n:064x}",
            title=f"Wire {n}",
            text="x",
            origin="pasted",
            ingested_by=people["monitor"],
            ingested_at=f"2025-10-{1 + n % 28:02d}T{n % 24:02d}:00:00Z",
        )
    client.force_login(people["monitor"])
    first = client.get("/news/").content.decode()
    assert first.count('href="/news/articles/') == 100 and "page 1 of 2" in first
    older = client.get("/news/?page=2").content.decode()
    assert older.count('href="/news/articles/') == 1 and "Newer articles" in older

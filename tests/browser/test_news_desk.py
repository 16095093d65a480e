"""Tried as a new user would: the monitor pastes the two source articles of the Doha/Istanbul
case into the news desk and turns the proposed candidates into a report and timeline facts,
Pakistan's condition for the truce among them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.agreements.models import AgreementEvent
from ceasefire.demo import scenario
from ceasefire.incidents.models import Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))


@pytest.fixture
def demo(transactional_db):
    return scenario.load()


def _paste(page, live_server, path):
    title, _, text = path.read_text(encoding="utf-8").partition("\n")
    page.goto(f"{live_server.url}/news/")
    form = page.locator("#paste-form")
    form.locator("#id_title").fill(title.strip())
    form.locator("#id_text").fill(text.strip())
    form.get_by_role("button", name="Read the article").click()
    assert "Read 1 article(s)" in page.locator(".messages").inner_text()


def test_pasted_articles_become_timeline_facts_and_a_report(demo, page, live_server, signed_in):
    events_before = AgreementEvent.objects.count()
    signed_in("monitor")
    page.get_by_role("link", name="News desk").click()

    # The Istanbul article: its extension of the truce and the mechanism go on the timeline.
    _paste(page, live_server, SEEDS[1])
    article = page.url
    assert page.locator("#article-text mark").count() >= 2
    for kind, wording in (
        ("ceasefire_extended", "extend a ceasefire"),
        ("mechanism_agreed", "monitoring and verification system"),
    ):
        card = page.locator(".candidate.state-new", has_text=wording).first
        card.get_by_role("link", name="Review and accept").click()
        page.select_option("#id_kind", kind)
        page.fill("#id_occurred_on", "2025-10-30")
        page.get_by_role("button", name="Add to the timeline").click()
        assert "Added to the agreement's timeline" in page.locator(".messages").inner_text()
        page.goto(article)
    # Pakistan's condition for the truce is proposed as a dated position on the timeline.
    condition = page.locator(".candidate.state-new", has_text="conditional warning").filter(
        has_text="verifiable proof of steps taken"
    )
    condition.get_by_role("link", name="Review and accept").click()
    assert "Condition set for Afghanistan" in page.input_value("#id_description")
    page.fill("#id_occurred_on", "2025-10-31")
    page.get_by_role("button", name="Add to the timeline").click()
    assert "Condition set for Afghanistan" in page.locator("main").inner_text()
    page.goto(article)
    assert AgreementEvent.objects.count() == events_before + 3

    # The Doha article: the Pakistani strikes it recalls become a report, once a monitor dates it.
    _paste(page, live_server, SEEDS[0])
    page.get_by_role("link", name="show them").click()
    strike = page.locator(".candidate", has_text="unprovoked border offensive").first
    strike.get_by_role("link", name="Review and accept").click()
    assert "unprovoked border offensive" in page.locator("blockquote").inner_text()
    page.fill("#id_date_start", "2025-10-11")
    page.fill("#id_place", "Angoor Adda")
    page.select_option("#id_incident_type", "cross_border_fire")
    page.get_by_role("button", name="Create the report").click()
    assert page.locator("h1").inner_text().startswith("Report #")
    incident = Incident.objects.filter(channel="news").get()
    assert incident.place_name == "Angoor Adda" and incident.sources.exists()

    # The new report waits in the triage queue, marked as coming from the news.
    page.goto(f"{live_server.url}/incidents/queue/")
    assert "news" in page.locator("table.queue").inner_text()

    # The reader's record: the monitor's decisions judge the reader's proposals (the report
    # came from a candidate the reader had set aside as background, so it is no proposal).
    page.goto(f"{live_server.url}/news/")
    page.get_by_role("link", name="The reader's record").click()
    page.select_option("#record-agreement", str(incident.agreement_id))
    page.get_by_role("button", name="Show").click()
    events = page.locator("#record-agreement_event td")
    assert events.nth(1).inner_text() == "2"  # accepted
    assert page.locator("#record-incident td").nth(1).inner_text() == "0"
    kind = page.locator("#fields-agreement_event tr", has_text="kind").locator("td")
    assert kind.nth(1).inner_text() == "2"  # both events' kinds compared with the proposal
    assert page.locator("#record-position td").nth(1).inner_text() == "1"

"""Tried as a new user would, in Debian's Chromium: every channel reaches the monitor.

Why this test exists: a report that a party or the public files must reach the monitor. Each
channel is a different page and a different permission (a liaison officer files for their own
party, the public files without an account behind a honeypot), and the monitor sees the result
on two more pages (the triage queue, and a map whose outlines and markers come from static
files and the map API). Only a browser exercises all of that together: the forms as rendered,
the static files as the live server serves them, and the map's JavaScript. So the Pakistani and
the Afghan liaison officers and a member of the public each report once, and the monitor must
find every report, with its place and channel, in the queue and as a marker on the map, then
decide two of them at once.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ceasefire.demo import scenario
from ceasefire.incidents.models import Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agreement(transactional_db):
    """The demo people and the Doha agreement, without the demo's own reports."""
    people = scenario.load_people()
    scenario.load_doha(people)
    return people


@pytest.fixture
def problems(page):
    """Collect script errors and failed static or API requests while the page is used."""
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(f"script error: {error}"))

    def check(response):
        if response.status >= 400 and ("/static/" in response.url or "/api/" in response.url):
            found.append(f"{response.status} {response.url}")

    page.on("response", check)
    return found


def _fill(page, fields):
    """Fill the report form: `fields` maps a form field name to the value to enter or choose."""
    for name, value in fields.items():
        field = page.locator(f"#id_{name}")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def _report_as_party(page, signed_in, username, fields):
    """A liaison officer signs in, files a report, and lands on its detail page."""
    signed_in(username)
    page.get_by_role("link", name="Incidents").first.click()
    page.get_by_role("link", name="Report an incident").click()
    _fill(page, fields)
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("h1")).to_contain_text("Report #")
    expect(page.locator(".messages")).to_contain_text("was received for triage")
    expect(page.locator("dl.coding")).to_contain_text(fields["place"])


def _report_as_public(page, live_server, fields, *, website=""):
    """Someone without an account files through the public form (`website` is the honeypot)."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/incidents/")
    page.get_by_role("link", name="Report as a member of the public").click()
    _fill(page, fields)
    if website:
        page.locator("#id_website").fill(website)
    page.get_by_role("button", name="Send the report").click()


def _queue_row(page, place):
    """The triage queue's row of the report filed at `place`."""
    row = page.locator("table.queue tbody tr").filter(has_text=place)
    expect(row).to_have_count(1)
    return row


PAKISTAN_REPORT = {
    "incident_type": "cross_border_fire",
    "date_start": "2025-10-24",
    "place": "Angoor Adda",
    "responsible_party": "AFG",
    "affected_party": "PAK",
    "claims": "ISPR | party | soldiers | 23 |",
    "clauses": "1",
    "narrative": "Border posts at Angoor Adda fired on from across the border.",
}
AFGHAN_REPORT = {
    "incident_type": "air_drone_strike",
    "date_start": "2025-10-25",
    "place": "Paktika",
    "responsible_party": "PAK",
    "affected_party": "AFG",
    "claims": "Afghan officials | party | civilians | at least 4 |",
    "narrative": "A drone struck a house in Paktika.",
}
PUBLIC_REPORT = {
    "incident_type": "armed_clash",
    "date_start": "2025-10-26",
    "place": "Torkham",
    "narrative": "Gunfire near the crossing at dawn.",
}


def test_both_parties_and_the_public_report_and_the_monitor_finds_all_three(
    agreement, page, live_server, problems, signed_in
):
    # (1) Pakistan alleges a cross-border attack; (2) Afghanistan alleges a strike on its soil.
    _report_as_party(page, signed_in, "liaison.pakistan", PAKISTAN_REPORT)
    expect(page.locator("table.claims")).to_contain_text("ISPR")
    _report_as_party(page, signed_in, "liaison.afghanistan", AFGHAN_REPORT)

    # (3) A member of the public reports anonymously.
    _report_as_public(page, live_server, PUBLIC_REPORT)
    expect(page.locator("h1")).to_contain_text("Thank you")
    assert Incident.objects.filter(channel="public", reported_by=None).count() == 1

    # (4) The monitor finds all three in the triage queue, each with its channel and parties.
    signed_in("monitor")
    page.get_by_role("link", name="Incidents").first.click()
    page.get_by_role("link", name="Triage queue").click()
    expect(page.locator("table.queue tbody tr")).to_have_count(3)
    pakistan = _queue_row(page, "Angoor Adda")
    expect(pakistan).to_contain_text("liaison · PAK")
    expect(pakistan).to_contain_text("AFG → PAK")
    afghanistan = _queue_row(page, "Paktika")
    expect(afghanistan).to_contain_text("liaison · AFG")
    expect(afghanistan).to_contain_text("PAK → AFG")
    expect(_queue_row(page, "Torkham")).to_contain_text("public")

    # ... and on the map: one marker per report, over country outlines from the static atlas.
    page.get_by_role("link", name="Map").first.click()
    page.wait_for_selector('#map-count[data-count="3"]')
    assert page.locator("#map-count").inner_text() == "3 report(s) on the map"
    expect(page.locator("#map path.incident-marker")).to_have_count(3)
    outlines = page.locator("#map .leaflet-overlay-pane path:not(.incident-marker)")
    expect(outlines.nth(2)).to_be_attached()

    # (5) Two reports are taken in remit at once; only the public one still waits.
    page.get_by_role("link", name="Triage queue").click()
    for place in ("Angoor Adda", "Paktika"):
        _queue_row(page, place).locator("input[name=selected]").check()
    page.select_option("#id_decision", "in_remit")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".messages")).to_contain_text("Triaged 2 report(s)")
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    expect(_queue_row(page, "Torkham")).to_contain_text("public")

    assert problems == []


def test_a_bot_filling_the_hidden_field_of_the_public_form_records_nothing(
    agreement, page, live_server, signed_in
):
    _report_as_public(page, live_server, PUBLIC_REPORT, website="https://spam.example")
    expect(page.locator(".form-errors")).to_contain_text("looks automated")
    expect(page.locator("h1")).not_to_contain_text("Thank you")
    assert Incident.objects.count() == 0

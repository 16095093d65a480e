"""Tried as a new user would: both parties and a member of the public report incidents, and
the monitor finds all three in the triage queue and on the map (Debian's Chromium)."""

from __future__ import annotations

import pytest

from ceasefire.demo import scenario
from ceasefire.incidents.models import Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agreement(transactional_db):
    """The demo people and the Doha agreement, without the demo's own reports."""
    people = scenario.load_people()
    scenario.load_doha(people)
    return people


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(scenario.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def _fill_report(page, *, kind, day, place, claims=""):
    page.select_option("#id_incident_type", kind)
    page.fill("#id_date_start", day)
    page.fill("#id_place", place)
    if claims:
        page.fill("#id_claims", claims)


def test_both_parties_and_the_public_report_and_the_monitor_sees_all_three(
    agreement, page, live_server
):
    # A Pakistani liaison officer reports a cross-border attack.
    _sign_in(page, live_server, "liaison.pakistan")
    page.get_by_role("link", name="Incidents").first.click()
    page.get_by_role("link", name="Report an incident").click()
    _fill_report(
        page,
        kind="cross_border_fire",
        day="2025-10-24",
        place="Angoor Adda",
        claims="ISPR | party | soldiers | 3 | 5",
    )
    page.select_option("#id_responsible_party", "AFG")
    page.select_option("#id_affected_party", "PAK")
    page.fill("#id_narrative", "Posts at Angoor Adda fired on from across the border.")
    page.get_by_role("button", name="Send the report").click()
    assert page.locator("h1").inner_text().startswith("Report #")
    assert "was received for triage" in page.locator(".messages").inner_text()
    _sign_out(page)

    # An Afghan liaison officer reports a strike on Afghan soil.
    _sign_in(page, live_server, "liaison.afghanistan")
    page.goto(f"{live_server.url}/incidents/new/")
    _fill_report(
        page,
        kind="air_drone_strike",
        day="2025-10-25",
        place="Paktika",
        claims="Afghan officials | party | civilians | at least 4 |",
    )
    page.select_option("#id_responsible_party", "PAK")
    page.select_option("#id_affected_party", "AFG")
    page.get_by_role("button", name="Send the report").click()
    assert "Paktika" in page.locator("dl.coding").inner_text()
    _sign_out(page)

    # A member of the public reports anonymously, without an account.
    page.goto(f"{live_server.url}/incidents/")
    page.get_by_role("link", name="Report as a member of the public").click()
    _fill_report(page, kind="shelling_artillery", day="2025-10-26", place="Torkham")
    page.fill("#id_narrative", "Shells landed near the crossing at dawn.")
    page.get_by_role("button", name="Send the report").click()
    assert "Thank you" in page.locator("h1").inner_text()
    assert Incident.objects.filter(channel="public", reported_by=None).count() == 1

    # The monitor finds all three in the triage queue and on the map.
    _sign_in(page, live_server, "monitor")
    page.get_by_role("link", name="Incidents").first.click()
    page.get_by_role("link", name="Triage queue").click()
    queue = page.locator("table.queue tbody")
    assert queue.locator("tr").count() == 3
    text = queue.inner_text()
    for expected in (
        "Angoor Adda",
        "liaison · PAK",
        "Paktika",
        "liaison · AFG",
        "Torkham",
        "public",
    ):
        assert expected in text
    page.get_by_role("link", name="Map").first.click()
    page.wait_for_selector('#map-count[data-count="3"]')
    assert page.locator("path.incident-marker").count() == 3
    assert page.locator("#map path.leaflet-interactive").count() >= 3

    # Bulk action: two reports are taken in remit at once; one is left in the queue.
    page.goto(f"{live_server.url}/incidents/queue/")
    boxes = page.locator("input[name=selected]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.select_option("#id_decision", "in_remit")
    page.get_by_role("button", name="Apply").click()
    assert "Triaged 2 report(s)" in page.locator(".messages").inner_text()
    assert page.locator("table.queue tbody tr").count() == 1

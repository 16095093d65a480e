"""Tried as a new user would, with the demo roles: an allegation becomes an adopted finding.

Pakistan's liaison officer files; the monitor triages it in remit; the Qatari mediator opens a
case, accepts it and tasks the monitor; the monitor stores a site report in the evidence
locker and drafts a finding citing it; the mediator sends it to Afghanistan, whose liaison
officer replies; both guarantors concur; the finding is adopted. Every step is a page and a
button, and each leaves one log entry on the case's history.
"""

from __future__ import annotations

import re

import pytest

from ceasefire.cases.models import Case
from ceasefire.demo import scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agreement(transactional_db):
    people = scenario.load_people()
    scenario.load_doha(people)
    return people


def _step(page, action):
    return page.locator(f"#step-{action}")


def test_an_allegation_becomes_an_adopted_finding(
    agreement, page, live_server, tmp_path, signed_in
):
    # The allegation.
    signed_in("liaison.pakistan")
    page.goto(f"{live_server.url}/incidents/new/")
    page.select_option("#id_incident_type", "cross_border_fire")
    page.fill("#id_date_start", "2025-10-24")
    page.fill("#id_place", "Angoor Adda")
    page.select_option("#id_responsible_party", "AFG")
    page.select_option("#id_affected_party", "PAK")
    page.fill("#id_clauses", "1")
    page.get_by_role("button", name="Send the report").click()
    report = re.search(r"Report #(\d+)", page.locator("h1").inner_text())[1]

    # Triage in remit.
    signed_in("monitor")
    page.goto(f"{live_server.url}/incidents/{report}/")
    page.select_option("#triage-form select[name=decision]", "in_remit")
    page.get_by_role("button", name="Record the decision").click()
    assert "in remit" in page.locator(".messages").inner_text()

    # The mediator opens the case, accepts it and tasks the monitor.
    signed_in("mediator.qatar")
    page.get_by_role("link", name="Cases", exact=True).click()
    page.fill("#id_title", "Fire on Angoor Adda posts")
    page.fill("#id_incidents", report)
    page.get_by_role("button", name="Open the case").click()
    case_url = page.url
    _step(page, "triage").get_by_role("button").click()
    investigation = _step(page, "open_investigation")
    investigation.get_by_label("Mechanism monitor (demo)").check()
    investigation.locator("input[name=due_on]").fill("2099-01-01")
    investigation.get_by_role("button").click()
    assert "under investigation" in page.locator(".badge").first.inner_text()

    # The monitor stores evidence and drafts the finding.
    signed_in("monitor")
    page.get_by_role("link", name="Evidence").click()
    page.goto(f"{live_server.url}/evidence/new/")
    report_file = tmp_path / "site-report.pdf"
    report_file.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.set_input_files("#id_file", str(report_file))
    page.fill("#id_description", "Site report, Angoor Adda")
    page.get_by_role("button").filter(has_text=re.compile("Store|Submit|Record|Save")).first.click()
    item = re.search(r"evidence item (\d+)", page.locator(".messages").inner_text())[1]
    page.goto(case_url)
    draft = _step(page, "draft_finding")
    draft.locator("select[name=outcome]").select_option("violation_verified")
    draft.locator("input[name=clauses]").fill("1")
    draft.locator("select[name=responsible_party]").select_option("AFG")
    draft.locator("select[name=severity]").select_option("serious")
    draft.locator("select[name=confidence]").select_option("high")
    draft.locator("textarea[name=reasoning]").fill("Impact sites and two witnesses.")
    draft.locator("input[name=evidence]").fill(f"evidence:{item}")
    draft.get_by_role("button").click()
    assert page.locator("#finding-v1").is_visible()

    # Sent to the accused party, who replies.
    signed_in("mediator.qatar")
    page.goto(case_url)
    _step(page, "request_reply").get_by_role("button").click()
    _step(page, "approve").get_by_role("button").click()
    # Adopting now is refused: the window is open and Afghanistan has not replied.
    _step(page, "adopt").get_by_role("button").click()
    assert "reply window is open" in _step(page, "adopt").inner_text()

    signed_in("liaison.afghanistan")
    page.get_by_role("link", name=re.compile("Inbox")).click()
    page.get_by_role("link", name=re.compile("addressed to you")).click()
    _step(page, "reply").locator("textarea[name=text]").fill("Our posts did not fire.")
    _step(page, "reply").get_by_role("button").click()
    assert "Reply of AFG" in page.locator("#finding-v1").inner_text()

    # Both guarantors concur; the finding is adopted.
    signed_in("mediator.turkiye")
    page.goto(case_url)
    _step(page, "approve").get_by_role("button").click()
    _step(page, "adopt").get_by_role("button").click()
    assert "adopted" in page.locator("#finding-v1").inner_text()
    case = Case.objects.get()
    assert case.state == "adopted"
    history = page.locator("table.history").inner_text()
    for kind in (
        "case.opened",
        "case.triaged",
        "case.investigation_opened",
        "finding.drafted",
        "finding.reply_requested",
        "finding.replied",
        "finding.approved",
        "finding.adopted",
    ):
        assert kind in history

"""The incident pages: every channel's form, the queue with bulk actions, detail, map, import."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ceasefire.domain.intake import ConfidentialField, Confidentiality, TriageStatus
from ceasefire.incidents import services
from ceasefire.incidents.models import Incident
from ceasefire.incidents.reports import SourceRef
from ceasefire.ledger.models import LogEntry

FORM = {
    "incident_type": "cross_border_fire",
    "date_start": "2025-10-11",
    "date_precision": "day",
    "place": "Angoor Adda",
    "responsible_party": "AFG",
    "affected_party": "PAK",
    "actors": "Afghan Taliban forces",
    "claims": "ISPR | party | soldiers | 23 | 29\nZabihullah Mujahid | party | soldiers | 58 |",
    "sources": "https://example.org/a | Dawn | 2025-10-12 | national",
    "clauses": "1",
    "narrative": "Posts came under fire.",
    "confidentiality": "parties",
}


def test_a_liaison_officer_reports_through_the_form(client, doha, people):
    client.force_login(people["liaison.pakistan"])
    assert client.get("/incidents/new/").status_code == 200
    response = client.post("/incidents/new/", {"agreement": doha.pk, **FORM})
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = Incident.objects.get()
    assert incident.filing_party.code == "PAK"
    assert list(incident.claims.values_list("killed", flat=True)) == [23, 58]
    page = client.get(response["Location"]).content.decode()
    assert "low <strong>23</strong>" in page and "high <strong>58</strong>" in page
    assert "claims conflict" in page and "incident.reported" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"claims": "ISPR | soldiers | 23"}, "claimant|kind|victim group|killed|injured"),
        ({"clauses": "99"}, "no clause 99"),
        ({"responsible_party": "PAK"}, "both responsible and affected"),
        ({"date_start": "2099-01-01"}, "cannot start after"),
        ({"place": "", "country": ""}, "name the place"),
    ],
)
def test_a_refused_form_says_why_and_records_nothing(
    client, doha, people, unchanged, changes, message
):
    client.force_login(people["liaison.pakistan"])
    with unchanged():
        response = client.post("/incidents/new/", {"agreement": doha.pk, **FORM, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_roles_without_the_right_cannot_open_the_report_form(client, people):
    client.force_login(people["analyst"])
    assert client.get("/incidents/new/").status_code == 403
    client.logout()
    assert client.get("/incidents/new/").status_code == 302


def test_the_public_form_is_anonymous_and_guarded(client, doha, settings, unchanged):
    page = client.get("/incidents/report/").content.decode()
    assert 'name="website"' in page and "never by either party" in page
    body = {"agreement": doha.pk, **FORM, "reporter_contact": "me@example.org"}
    with unchanged():
        bot = client.post("/incidents/report/", {**body, "website": "spam"})
    assert bot.status_code == 400 and "automated" in bot.content.decode()
    response = client.post("/incidents/report/", body)
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert Incident.objects.get().channel == "public"
    settings.PUBLIC_REPORTS_PER_WINDOW = 1
    with unchanged():
        flood = client.post("/incidents/report/", body)
    assert flood.status_code == 429 and "too many reports" in flood.content.decode()


def _filed(people, doha, make_report, n=1, **changes):
    return [
        services.report_incident(
            actor=people["liaison.pakistan"], agreement=doha, report=make_report(**changes)
        )
        for _ in range(n)
    ]


def test_the_queue_suggests_duplicates_and_applies_bulk_decisions(
    client, doha, people, make_report
):
    first, second, third = _filed(people, doha, make_report, 3)
    client.force_login(people["monitor"])
    page = client.get("/incidents/queue/").content.decode()
    assert f'href="/incidents/{second.pk}/" title="dates overlap, 0.0 km apart, same type' in page
    response = client.post(
        "/incidents/queue/",
        {"selected": [second.pk, third.pk], "decision": "duplicate", "duplicate_of": first.pk},
    )
    assert response.status_code == 302
    assert set(Incident.objects.filter(duplicate_of=first).values_list("pk", flat=True)) == {
        second.pk,
        third.pk,
    }
    refused = client.post("/incidents/queue/", {"selected": [], "decision": "in_remit"})
    assert refused.status_code == 400 and "select at least one" in refused.content.decode()
    client.force_login(people["liaison.afghanistan"])
    assert client.get("/incidents/queue/").status_code == 403


def test_triage_from_the_detail_page_checks_the_version(client, doha, people, make_report):
    (incident,) = _filed(people, doha, make_report)
    client.force_login(people["mediator.qatar"])
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert "Record the decision" in page
    url = f"/incidents/{incident.pk}/triage/"
    assert client.post(url, {"decision": "in_remit", "version": 1}).status_code == 302
    stale = client.post(url, {"decision": "out_of_remit", "note": "x", "version": 1})
    assert stale.status_code == 400 and "reload it and decide again" in stale.content.decode()
    assert Incident.objects.get().triage_status == TriageStatus.IN_REMIT


def test_the_other_party_page_hides_reporter_and_confidential_parts(
    client, doha, people, make_report
):
    (incident,) = _filed(
        people,
        doha,
        make_report,
        narrative="canary-narrative",
        sources=(SourceRef(url="https://canary.example.org/x"),),
        confidential=frozenset({ConfidentialField.NARRATIVE, ConfidentialField.SOURCES}),
        confidentiality=Confidentiality.PARTIES,
    )
    client.force_login(people["liaison.afghanistan"])
    for url in (f"/incidents/{incident.pk}/", "/incidents/", "/incidents/map/"):
        page = client.get(url).content.decode()
        assert "canary" not in page and "liaison.pakistan" not in page
    assert "Withheld from you" in client.get(f"/incidents/{incident.pk}/").content.decode()
    client.force_login(people["monitor"])
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert "canary-narrative" in page and "liaison.pakistan" in page


def test_list_filters_and_the_map_page(client, doha, people, make_report):
    _filed(people, doha, make_report)
    _filed(people, doha, make_report, claims=(), place="Torkham")
    client.force_login(people["monitor"])
    listing = client.get("/incidents/?party=AFG").content.decode()
    assert "Angoor Adda" in listing and "Torkham" in listing
    assert "no figure" in client.get("/incidents/?place=torkham").content.decode()
    assert "no figure" not in client.get("/incidents/?place=angoor").content.decode()
    assert "No report matches" in client.get("/incidents/?date_from=2026-01-01").content.decode()
    assert client.get("/incidents/?sort=nonsense").status_code == 400
    page = client.get("/incidents/map/?party=AFG").content.decode()
    assert "vendor/leaflet/leaflet.js" in page and "countries-50m.json" in page
    assert "/api/v1/incidents/map/?party=AFG" in page


def test_import_page_lists_bad_rows_and_imports_good_files(client, doha, people, unchanged):
    client.force_login(people["monitor"])
    bad = b"incident_type,date_start,place\narmed_clash,2025-10-12,Kurram\nnope,2025-10-12,Kurram\n"
    with unchanged():
        response = client.post(
            "/incidents/import/",
            {"agreement": doha.pk, "file": SimpleUploadedFile("x.csv", bad)},
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "1 of 2 rows are invalid" in page and "incident_type" in page
    before = LogEntry.objects.count()
    good = SimpleUploadedFile("x.csv", bad)
    response = client.post(
        "/incidents/import/", {"agreement": doha.pk, "file": good, "skip_invalid": "on"}
    )
    assert response.status_code == 302
    assert LogEntry.objects.count() == before + 1
    client.force_login(people["liaison.pakistan"])
    assert client.get("/incidents/import/").status_code == 403


def test_the_actor_registry_page(client, people, db):
    client.force_login(people["analyst"])
    response = client.post(
        "/incidents/actors/",
        {
            "code": "TTP",
            "name": "Tehrik-i-Taliban Pakistan",
            "kind": "rebel_group",
            "aliases": "TTP",
        },
    )
    assert response.status_code == 302
    client.post("/incidents/actors/TTP/aliases/", {"alias": "Fitna al-Khawarij"})
    page = client.get("/incidents/actors/").content.decode()
    assert "Fitna al-Khawarij" in page and "rebel group" in page
    duplicate = client.post("/incidents/actors/", {"code": "TTP", "name": "x", "kind": "civilians"})
    assert duplicate.status_code == 400 and "already registered" in duplicate.content.decode()
    client.logout()
    assert "Register an actor" not in client.get("/incidents/actors/").content.decode()

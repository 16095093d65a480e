"""Recoding a report: the new coding replaces the old, which stays with the reason."""

from __future__ import annotations

import json

import pytest

from ceasefire.domain.casualties import CasualtyClaim, ClaimantKind
from ceasefire.domain.coding import IncidentType
from ceasefire.domain.errors import InvalidInput, NotPermitted, StaleVersion
from ceasefire.domain.intake import TriageStatus
from ceasefire.incidents import services
from ceasefire.incidents.models import Incident
from ceasefire.ledger.models import LogEntry


@pytest.fixture
def filed(doha, people, make_report):
    incident = services.report_incident(
        actor=people["liaison.pakistan"], agreement=doha, report=make_report()
    )
    services.triage_incident(
        actor=people["monitor"], incident=incident, decision=TriageStatus.IN_REMIT
    )
    return Incident.objects.get(pk=incident.pk)


def test_a_revision_recodes_and_keeps_what_it_replaced(filed, people, make_report):
    monitor_claim = CasualtyClaim(
        "mechanism monitor", "soldiers", 31, claimant_kind=ClaimantKind.MONITOR
    )
    new = make_report(
        incident_type=IncidentType.ARMED_CLASH,
        place="Kurram",
        claims=(*make_report().claims, monitor_claim),
    )
    revised = services.revise_incident(
        actor=people["monitor"], incident=filed, report=new, reason="site visit", version=2
    )
    assert (revised.incident_type, revised.place_name, revised.version) == (
        "armed_clash",
        "Kurram",
        3,
    )
    assert revised.fatalities_best == 31  # the monitor is the most neutral claimant
    assert revised.filing_party.code == "PAK" and revised.channel == "liaison"
    assert revised.triage_status == "in_remit"
    (revision,) = revised.revisions.all()
    assert revision.reason == "site visit" and revision.number == 3
    assert revision.replaced["place"] == "Angoor Adda"
    assert [c["killed"] for c in revision.replaced["claims"]] == [23, 58]
    assert revised.content_sha256 != filed.content_sha256
    entry = LogEntry.objects.order_by("-index").first()
    leaf = json.loads(bytes(entry.leaf))
    assert (leaf["kind"], leaf["payload"]["version"]) == ("incident.revised", 3)
    assert "site visit" not in bytes(entry.leaf).decode()


def test_revision_refusals_leave_nothing(filed, people, make_report, unchanged):
    with unchanged():
        with pytest.raises(InvalidInput, match="say why"):
            services.revise_incident(
                actor=people["monitor"], incident=filed, report=make_report(), reason=" "
            )
        with pytest.raises(StaleVersion):
            services.revise_incident(
                actor=people["monitor"], incident=filed, report=make_report(), reason="x", version=1
            )
        with pytest.raises(InvalidInput, match="not a party"):
            services.revise_incident(
                actor=people["monitor"],
                incident=filed,
                report=make_report(responsible_party="IND"),
                reason="x",
            )
        for username in ("liaison.pakistan", "mediator.qatar", "analyst"):
            with pytest.raises(NotPermitted):
                services.revise_incident(
                    actor=people[username], incident=filed, report=make_report(), reason="x"
                )


def test_revising_through_the_api_and_the_page(client, api, filed, people):
    api.as_user(people["monitor"])
    body = api.get(f"/api/v1/incidents/{filed.pk}/").json()
    response = api.post(
        f"/api/v1/incidents/{filed.pk}/revise/",
        {
            "incident_type": "shelling_artillery",
            "date_start": "2025-10-11",
            "place": "Torkham",
            "reason": "recoded after the ISPR statement",
            "version": body["version"],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["incident_type"] == "shelling_artillery"
    client.force_login(people["monitor"])
    form = client.get(f"/incidents/{filed.pk}/revise/").content.decode()
    assert "Torkham" in form and "Save the new version" in form
    page = client.get(f"/incidents/{filed.pk}/").content.decode()
    assert "recoded after the ISPR statement" in page
    client.force_login(people["liaison.afghanistan"])
    assert "recoded after" not in client.get(f"/incidents/{filed.pk}/").content.decode()
    assert client.get(f"/incidents/{filed.pk}/revise/").status_code == 403


def test_the_revise_form_round_trips_the_stored_coding(client, filed, people):
    client.force_login(people["monitor"])
    form = client.get(f"/incidents/{filed.pk}/revise/").content.decode()
    assert "ISPR | party | soldiers | 23 | 29" in form
    response = client.post(
        f"/incidents/{filed.pk}/revise/",
        {
            "agreement": filed.agreement_id,
            "incident_type": "cross_border_fire",
            "date_start": "2025-10-11",
            "date_precision": "day",
            "place": "Angoor Adda",
            "responsible_party": "AFG",
            "affected_party": "PAK",
            "claims": "ISPR | party | soldiers | at least 23 | 29",
            "confidentiality": "parties",
            "reason": "ISPR later said at least 23",
            "version": 2,
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    claim = Incident.objects.get(pk=filed.pk).claims.get()
    assert (claim.killed, claim.killed_qualifier) == (23, "at_least")

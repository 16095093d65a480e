"""The other party never sees who reported, how to reach them, or what was marked confidential.

Canary strings are planted in every confidential part of reports filed by each channel; then
every read path (list, detail, map, queue) is fetched as every viewer, and the canaries that
viewer may not see must appear nowhere in the bytes returned.
"""

from __future__ import annotations

import itertools

import pytest

from ceasefire.domain.intake import (
    Channel,
    ConfidentialField,
    Confidentiality,
    TriageStatus,
    audience_of,
    may_see,
)
from ceasefire.domain.policy import PUBLIC
from ceasefire.incidents import selectors, services
from ceasefire.incidents.models import Incident
from ceasefire.incidents.reports import SourceRef

CONTACT = "canary-contact-0300-5550199"
NAME = "Canary Reporter Name"
NARRATIVE = "canary-narrative-confidential"
SOURCE = "https://canary-source.example.org/secret"


@pytest.fixture
def reports(doha, people, make_report):
    """A Pakistani liaison report with sources and narrative marked confidential, and a public
    report with a contact, both triaged in remit and shared with the parties."""
    marked = frozenset({ConfidentialField.NARRATIVE, ConfidentialField.SOURCES})
    liaison = services.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=make_report(
            narrative=NARRATIVE,
            sources=(SourceRef(url=SOURCE, outlet="canary outlet"),),
            confidential=marked,
            confidentiality=Confidentiality.PUBLIC,
        ),
    )
    public = services.report_publicly(
        agreement=doha,
        report=make_report(
            reporter_name=NAME,
            reporter_contact=CONTACT,
            confidentiality=Confidentiality.PUBLIC,
            confidential=frozenset({ConfidentialField.NARRATIVE}),
            narrative=NARRATIVE,
        ),
    )
    services.triage_incidents(
        actor=people["monitor"], incidents=[liaison, public], decision=TriageStatus.IN_REMIT
    )
    return {"liaison": liaison, "public": public}


def _everything(api, incidents):
    bodies = [
        api.get("/api/v1/incidents/").content,
        api.get("/api/v1/incidents/map/").content,
        api.get("/api/v1/incidents/queue/").content,
    ]
    for incident in incidents:
        bodies.append(api.get(f"/api/v1/incidents/{incident.pk}/").content)
    return b"\n".join(bodies).decode()


def test_the_other_party_sees_neither_reporter_nor_confidential_fields(people, api, reports):
    api.as_user(people["liaison.afghanistan"])
    seen = _everything(api, reports.values())
    assert str(reports["liaison"].pk) in seen  # it does see the reports themselves
    for canary in [CONTACT, NAME, NARRATIVE, SOURCE, "canary outlet", "liaison.pakistan"]:
        assert canary not in seen


def test_the_public_sees_neither_and_no_point_location(api, reports):
    seen = _everything(api, reports.values())
    for canary in [CONTACT, NAME, NARRATIVE, SOURCE, "liaison.pakistan"]:
        assert canary not in seen
    detail = api.get(f"/api/v1/incidents/{reports['liaison'].pk}/").json()
    assert detail["where_prec"] >= 3 and detail["reporter"] is None
    assert detail["withheld"] == ["narrative", "sources"]


def test_the_filing_party_sees_its_own_report_but_not_a_public_contact(people, api, reports):
    api.as_user(people["liaison.pakistan"])
    own = api.get(f"/api/v1/incidents/{reports['liaison'].pk}/").json()
    assert own["narrative"] == NARRATIVE and own["reporter"]["account"] == "liaison.pakistan"
    seen = _everything(api, [reports["public"]])
    assert CONTACT not in seen and NAME not in seen


@pytest.mark.parametrize("username", ["monitor", "analyst", "mediator.qatar"])
def test_the_mechanism_sees_everything(people, api, reports, username):
    api.as_user(people[username])
    public = api.get(f"/api/v1/incidents/{reports['public'].pk}/").json()
    assert public["reporter"] == {"account": "", "name": NAME, "contact": CONTACT}
    assert public["narrative"] == NARRATIVE and public["withheld"] == []


def test_a_mechanism_only_report_is_invisible_to_the_other_party(doha, people, api, make_report):
    hidden = services.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=make_report(confidentiality=Confidentiality.MECHANISM),
    )
    api.as_user(people["liaison.afghanistan"])
    assert api.get(f"/api/v1/incidents/{hidden.pk}/").status_code == 404
    assert api.get("/api/v1/incidents/").json() == []
    assert api.get("/api/v1/incidents/map/").json()["features"] == []


def test_the_sql_filter_agrees_with_the_domain_rule_for_every_viewer(doha, people, make_report):
    """Every report × every viewer: visible in SQL exactly when `may_see` says so."""
    for confidentiality, decision in itertools.product(
        Confidentiality, [None, TriageStatus.IN_REMIT, TriageStatus.OUT_OF_REMIT]
    ):
        for filer in ["liaison.pakistan", "liaison.afghanistan", "monitor", None]:
            report = make_report(confidentiality=confidentiality)
            if filer is None:
                incident = services.report_publicly(agreement=doha, report=report)
            else:
                incident = services.report_incident(
                    actor=people[filer], agreement=doha, report=report
                )
            if decision is not None:
                services.triage_incident(
                    actor=people["monitor"], incident=incident, decision=decision, note="n"
                )
    viewers = [user.as_actor() for user in people.values()] + [PUBLIC]
    for viewer in viewers:
        visible = set(selectors.incidents_visible_to(viewer).values_list("pk", flat=True))
        for incident in selectors.incidents_visible_to(people["monitor"].as_actor()):
            audience = audience_of(
                viewer,
                filing_party=incident.filing_party.code if incident.filing_party else None,
                agreement=selectors.scope_of_prefetched(incident),
            )
            expected = may_see(
                audience,
                Confidentiality(incident.confidentiality),
                in_remit=incident.triage_status == TriageStatus.IN_REMIT,
            )
            assert (incident.pk in visible) == expected, (viewer, incident.pk)
    assert Incident.objects.filter(channel=Channel.PUBLIC).count() == 9

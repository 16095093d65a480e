"""The workflow from the outside: the API, the pages, who sees what, and offline receipts."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from ceasefire.cases import services
from ceasefire.ledger import keyring
from ceasefire.ledger.models import LogEntry
from ceasefire.ledger.publishing import publish_checkpoint


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert body["code"] == code
    return body


def _step(api, case_id, action, **body):
    return api.post(f"/api/v1/cases/{case_id}/{action}/", body, format="json")


def test_the_whole_path_through_the_api(api, people, allegation, driver):
    item = driver.item
    api.as_user(people["monitor"])
    # The driver opened a case on the allegation already: a second one is refused.
    twice = api.post(
        "/api/v1/cases/", {"title": "API case", "incidents": [allegation.pk]}, format="json"
    )
    assert "already in case" in _error(twice, 400, "invalid_input")["message"]
    case_id = driver.case.pk
    assert api.get(f"/api/v1/cases/{case_id}/").json()["state"] == "received"
    api.as_user(people["mediator.qatar"])
    body = _step(api, case_id, "triage", priority="urgent", version=1).json()
    assert body["state"] == "triaged" and body["version"] == 2
    _error(_step(api, case_id, "triage", priority="urgent", version=2), 409, "invalid_transition")
    _error(_step(api, case_id, "adopt", version=1), 409, "stale_version")
    error = _error(_step(api, case_id, "open_investigation", version=2), 400, "invalid_input")
    assert error["details"]["field"] in {"monitors", "due_on"}
    _error(_step(api, case_id, "levitate", version=2), 404, "not_found")
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    body = _step(
        api,
        case_id,
        "open_investigation",
        monitors=[people["monitor2"].pk],
        due_on=due,
        version=2,
    ).json()
    assert body["state"] == "under_investigation"
    api.as_user(people["monitor2"])
    body = _step(
        api,
        case_id,
        "draft_finding",
        outcome="violation_verified",
        clauses="1",
        responsible_party="AFG",
        severity="serious",
        confidence="high",
        reasoning="Witnesses and the impact site.",
        evidence=item.subject,
        version=3,
    ).json()
    assert body["findings"][0]["evidence"] == [item.subject]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        api.as_user(people["mediator.qatar"])
        assert _step(api, case_id, "request_reply", version=4).json()["state"] == "awaiting_reply"
        for name in ("mediator.qatar", "mediator.turkiye"):
            api.as_user(people[name])
            _step(api, case_id, "approve", position="concur", finding_version=1)
        error = _error(_step(api, case_id, "adopt", version=5), 409, "invalid_transition")
        assert "reply window is open" in error["message"]
        api.as_user(people["liaison.afghanistan"])
        seen = api.get(f"/api/v1/cases/{case_id}/").json()
        assert seen["findings"][0]["approvals"] == [] and "history" not in seen
        assert _step(api, case_id, "reply", text="Not our posts.").status_code == 200
        clock.shift(timedelta(minutes=5))
        api.as_user(people["mediator.turkiye"])
        body = _step(api, case_id, "adopt", version=5).json()
    assert body["state"] == "adopted" and body["standing"]["concurring"] == ["QAT", "TUR"]
    assert [h["kind"] for h in body["history"]][-1] == "finding.adopted"


def test_parties_see_the_finding_only_once_sent_for_reply(api, people, driver):
    case = driver.to("finding_drafted")
    for name in ("liaison.afghanistan", "liaison.pakistan"):
        api.as_user(people[name])
        body = api.get(f"/api/v1/cases/{case.pk}/").json()
        assert body["findings"] == []
    services.request_reply(actor=people["mediator.qatar"], case=case)
    api.as_user(people["liaison.afghanistan"])
    assert len(api.get(f"/api/v1/cases/{case.pk}/").json()["findings"]) == 1
    api.logout()
    _error(api.get(f"/api/v1/cases/{case.pk}/"), 403, "not_permitted")


def test_every_step_has_a_receipt_that_verifies_offline(
    people, driver, settings, tmp_path, client, offline
):
    settings.KEY_DIR = tmp_path / "keys"
    settings.LOG_KEY_FILE = settings.KEY_DIR / "log.key"
    settings.WITNESSES_FILE = settings.KEY_DIR / "witnesses.txt"
    keyring.initialise(demo_witnesses=True)
    with time_machine.travel(timezone.now() + timedelta(days=5)):
        case = driver.to("awaiting_reply")
    with time_machine.travel(timezone.now() + timedelta(days=9)):
        for name in ("mediator.qatar", "mediator.turkiye"):
            services.approve_finding(actor=people[name], case=case, concurs=True)
        services.adopt_finding(actor=people["mediator.qatar"], case=case)
    publish_checkpoint()
    (tmp_path / "policy.txt").write_bytes(client.get("/log/policy").content)
    entries = list(LogEntry.objects.filter(subject=case.subject).order_by("index"))
    assert len(entries) == 8
    for entry in entries:
        (tmp_path / "r").write_bytes(client.get(f"/log/proof/{entry.index}").content)
        (tmp_path / "l").write_bytes(client.get(f"/log/entries/{entry.index}/leaf").content)
        ok = offline(
            "verify", "receipt", "r", "--leaf", "l", "--policy", "policy.txt", cwd=tmp_path
        )
        assert ok.returncode == 0, (entry.kind, ok.stderr)


def test_the_case_page_offers_each_role_its_steps(client, people, driver):
    case = driver.to("awaiting_reply")
    client.force_login(people["mediator.qatar"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="step-approve"' in page and 'id="step-adopt"' in page and "History" in page
    refused = client.post(f"/cases/{case.pk}/adopt/", {"version": case.version})
    assert refused.status_code == 409 and "reply window is open" in refused.content.decode()
    client.force_login(people["liaison.afghanistan"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="step-reply"' in page and 'id="step-adopt"' not in page and "History" not in page
    response = client.post(f"/cases/{case.pk}/reply/", {"text": "We deny it."})
    assert response.status_code == 302
    assert "We deny it." in client.get(f"/cases/{case.pk}/").content.decode()
    client.force_login(people["monitor2"])
    inbox = client.get("/cases/inbox/").content.decode()
    assert f"case {case.pk}" in inbox


@pytest.mark.parametrize("username", ["analyst", "monitor", "mediator.turkiye"])
def test_case_list_and_rules_pages(client, people, driver, doha, username):
    client.force_login(people[username])
    assert "Fire at Angoor Adda" in client.get("/cases/").content.decode()
    page = client.get(f"/cases/rules/{doha.pk}/").content.decode()
    assert "72 hours" in page


def test_mediators_set_rules_and_declare_affiliations_on_pages(client, people, doha):
    client.force_login(people["mediator.qatar"])
    response = client.post(
        f"/cases/rules/{doha.pk}/",
        {
            "reply_window_hours": 48,
            "quorum_required": 1,
            "signoff": ["QAT", "TUR"],
            "grave": "deaths",
        },
    )
    assert response.status_code == 302
    assert "48 hours" in client.get(f"/cases/rules/{doha.pk}/").content.decode()
    bad = client.post(
        f"/cases/rules/{doha.pk}/",
        {"reply_window_hours": 48, "quorum_required": 3, "signoff": ["QAT", "TUR"]},
    )
    assert bad.status_code == 400 and "between 1 and all" in bad.content.decode()
    assert client.post("/cases/affiliations/", {"party": "PAK", "note": "x"}).status_code == 302
    assert "PAK" in client.get("/cases/affiliations/").content.decode()


def test_opening_a_case_and_listing_through_the_api(api, people, doha, allegation):
    api.as_user(people["monitor"])
    opened = api.post(
        "/api/v1/cases/", {"title": "Angoor Adda fire", "incidents": [allegation.pk]}, format="json"
    )
    assert opened.status_code == 201, opened.content
    assert opened.json()["incidents"] == [allegation.pk]
    assert [c["id"] for c in api.get("/api/v1/cases/?state=received").json()] == [
        opened.json()["id"]
    ]
    assert api.get("/api/v1/cases/?state=closed").json() == []
    api.as_user(people["liaison.afghanistan"])
    assert len(api.get("/api/v1/cases/").json()) == 1  # it names Afghanistan as responsible
    assert api.get("/api/v1/notifications/").status_code == 200
    rules = api.get(f"/api/v1/agreements/{doha.pk}/verification-rules/").json()
    assert rules == {
        "reply_window_hours": 72,
        "quorum_required": 2,
        "signoff": ["QAT", "TUR"],
        "severity_definitions": {},
    }
    _error(
        api.put(
            f"/api/v1/agreements/{doha.pk}/verification-rules/",
            {"reply_window_hours": 24, "quorum_required": 1, "signoff": ["QAT"]},
            format="json",
        ),
        403,
        "not_permitted",
    )
    api.as_user(people["mediator.qatar"])
    assert api.post("/api/v1/affiliations/", {"party": "AFG"}, format="json").status_code == 201
    updated = api.put(
        f"/api/v1/agreements/{doha.pk}/verification-rules/",
        {"reply_window_hours": 24, "quorum_required": 1, "signoff": ["QAT"]},
        format="json",
    )
    assert updated.json()["signoff"] == ["QAT"]


def test_access_is_requested_and_answered_through_the_api_and_the_page(api, client, people, driver):
    case = driver.to("under_investigation")
    api.as_user(people["monitor2"])
    body = _step(api, case.pk, "request_access", party="AFG", what="The posts opposite Angoor Adda")
    assert body.status_code == 200, body.content
    request_id = case.access_requests.get().pk
    api.as_user(people["liaison.pakistan"])
    refused = api.post(
        f"/api/v1/access-requests/{request_id}/answer/", {"answer": "granted"}, format="json"
    )
    _error(refused, 403, "not_permitted")
    client.force_login(people["liaison.afghanistan"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "The posts opposite Angoor Adda" in page and f'id="answer-{request_id}"' in page
    answered = client.post(
        f"/cases/access/{request_id}/answer/", {"answer": "denied", "note": "Security."}
    )
    assert answered.status_code == 302
    obstruction = case.access_requests.get().obstruction_case
    assert obstruction is not None and obstruction.kind == "obstruction"
    api.as_user(people["liaison.afghanistan"])
    again = api.post(
        f"/api/v1/access-requests/{request_id}/answer/", {"answer": "granted"}, format="json"
    )
    assert "already answered" in _error(again, 400, "invalid_input")["message"]


def test_a_case_is_opened_from_the_report_page(client, people, allegation):
    client.force_login(people["mediator.qatar"])
    page = client.get(f"/incidents/{allegation.pk}/").content.decode()
    assert 'id="open-case"' in page and "Cross border fire at Angoor Adda" in page
    response = client.post("/cases/", {"title": "From the report", "incidents": str(allegation.pk)})
    assert response.status_code == 302
    assert "From the report" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("monitor", ["reports waiting for triage", "news candidates to review", "open cases"]),
        ("liaison.afghanistan", ["findings open for reply by your party", "open cases"]),
        (None, ["reports in remit you may see"]),
    ],
)
def test_the_home_page_shows_what_waits_for_each_viewer(client, people, driver, username, expected):
    driver.to("awaiting_reply")
    if username:
        client.force_login(people[username])
    page = client.get("/").content.decode()
    for label in expected:
        assert label in page
    if username == "liaison.afghanistan":
        assert "<strong>1</strong> findings open for reply by your party" in page
    if username is None:
        assert "reports waiting for triage" not in page and "Report an incident" in page

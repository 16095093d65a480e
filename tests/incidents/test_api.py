"""The incident API: each channel, triage, import, the map, places, actors, and one error shape."""

from __future__ import annotations

import json

import pytest

from ceasefire.incidents.models import Incident
from ceasefire.ledger.models import LogEntry

REPORT = {
    "incident_type": "cross_border_fire",
    "date_start": "2025-10-11",
    "place": "Angoor Adda",
    "responsible_party": "AFG",
    "affected_party": "PAK",
    "actors": ["Afghan Taliban forces"],
    "claims": [
        {"claimant": "ISPR", "claimant_kind": "party", "victim_group": "soldiers", "killed": 23},
        {
            "claimant": "Zabihullah Mujahid",
            "claimant_kind": "party",
            "victim_group": "soldiers",
            "killed": 58,
        },
    ],
    "sources": [{"url": "https://example.org/a", "outlet": "ISPR", "scale": "party"}],
    "clauses": ["1"],
    "narrative": "Posts came under fire.",
}


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


def _file(people, api, doha, **changes):
    api.as_user(people["liaison.pakistan"])
    response = api.post(
        "/api/v1/incidents/", {"agreement": doha.pk, **REPORT, **changes}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_a_liaison_officer_reports_and_gets_the_coded_incident(doha, people, api):
    body = _file(people, api, doha)
    assert body["filing_party"] == "PAK" and body["channel"] == "liaison"
    assert body["acled_event_type"] == "Battles" and body["ucdp_type_of_violence"] == 1
    assert body["fatalities"] == {
        "low": 23,
        "best": 23,
        "high": 58,
        "vague": False,
        "conflicting": True,
        "claimants": 2,
    }
    assert [c["killed"] for c in body["claims"]] == [23, 58]
    assert body["where_prec"] == 1 and body["place_name"] == "Angoor Adda"
    detail = api.get(f"/api/v1/incidents/{body['id']}/").json()
    assert [h["kind"] for h in detail["history"]] == ["incident.reported"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"incident_type": "picnic"}, "incident_type"),
        ({"date_start": "11/10/2025"}, "date_start"),
        ({"lat": "north"}, "lat"),
        ({"claims": [{"claimant": "x", "victim_group": "y", "killed": -1}]}, "claims"),
        ({"claims": "many"}, "claims"),
        ({"confidential_fields": ["secret sauce"]}, "confidential_fields"),
        ({"colour": "red"}, "colour"),
        ({"responsible_party": "IND"}, "responsible_party"),
        ({"where_prec": 9}, "where_prec"),
    ],
)
def test_bad_reports_get_a_clear_error_and_leave_nothing(
    doha, people, api, unchanged, changes, field
):
    api.as_user(people["liaison.pakistan"])
    with unchanged():
        response = api.post(
            "/api/v1/incidents/", {"agreement": doha.pk, **REPORT, **changes}, format="json"
        )
    error = _error(response, 400, "invalid_input")
    assert error["details"]["field"] == field
    assert error["message"]


def test_a_report_needs_an_agreement_and_a_signed_in_reporter(doha, people, api, unchanged):
    with unchanged():
        _error(api.post("/api/v1/incidents/", REPORT, format="json"), 403, "not_permitted")
        api.as_user(people["analyst"])
        _error(
            api.post("/api/v1/incidents/", {"agreement": doha.pk, **REPORT}, format="json"),
            403,
            "not_permitted",
        )
        api.as_user(people["monitor"])
        error = _error(api.post("/api/v1/incidents/", REPORT, format="json"), 400, "invalid_input")
        assert error["details"]["field"] == "agreement"


def test_the_public_reports_without_an_account(doha, api, settings):
    response = api.post(
        "/api/v1/public/incidents/",
        {"agreement": doha.pk, **REPORT, "reporter_contact": "me@example.org"},
        format="json",
    )
    assert response.status_code == 201, response.content
    incident = Incident.objects.get(pk=response.json()["id"])
    assert incident.channel == "public" and incident.reported_by is None
    # Until triaged in remit, a public report is not public.
    _error(api.get(f"/api/v1/incidents/{incident.pk}/"), 404, "not_found")


def test_the_public_form_refuses_bots_and_floods(doha, api, settings, unchanged):
    settings.PUBLIC_REPORTS_PER_WINDOW = 2
    body = {"agreement": doha.pk, **REPORT}
    with unchanged():
        error = _error(
            api.post(
                "/api/v1/public/incidents/", {**body, "website": "http://spam"}, format="json"
            ),
            400,
            "invalid_input",
        )
    assert "automated" in error["message"]
    for _ in range(2):
        assert api.post("/api/v1/public/incidents/", body, format="json").status_code == 201
    with unchanged():
        error = _error(
            api.post("/api/v1/public/incidents/", body, format="json"), 429, "rate_limited"
        )
    assert "too many reports" in error["message"]


def test_triage_single_and_bulk_through_the_api(doha, people, api):
    first = _file(people, api, doha)["id"]
    second = _file(people, api, doha)["id"]
    third = _file(people, api, doha)["id"]
    api.as_user(people["monitor"])
    queue = api.get("/api/v1/incidents/queue/").json()
    assert {i["id"] for i in queue} == {first, second, third}
    detail = api.get(f"/api/v1/incidents/{second}/").json()
    assert {s["id"] for s in detail["suggested_duplicates"]} == {str(first), str(third)}
    response = api.post(
        f"/api/v1/incidents/{second}/triage/",
        {"decision": "duplicate", "duplicate_of": first, "version": 1},
        format="json",
    )
    assert response.json()["duplicate_of"] == first and response.json()["version"] == 2
    _error(
        api.post(
            f"/api/v1/incidents/{second}/triage/",
            {"decision": "in_remit", "version": 1},
            format="json",
        ),
        409,
        "stale_version",
    )
    response = api.post(
        "/api/v1/incidents/triage/",
        {"incidents": [first, third], "decision": "in_remit"},
        format="json",
    )
    assert response.json() == {"triaged": 2}
    assert api.get("/api/v1/incidents/queue/").json() == []
    statuses = api.get("/api/v1/incidents/?triage_status=in_remit").json()
    assert {i["id"] for i in statuses} == {first, third}
    _error(
        api.post(
            "/api/v1/incidents/triage/", {"incidents": [999], "decision": "in_remit"}, format="json"
        ),
        400,
        "invalid_input",
    )
    api.as_user(people["liaison.afghanistan"])
    _error(api.get("/api/v1/incidents/queue/"), 403, "not_permitted")


def test_list_filters_are_checked(doha, people, api):
    _file(people, api, doha)
    api.as_user(people["monitor"])
    assert (
        len(
            api.get(
                "/api/v1/incidents/?party=AFG&incident_type=cross_border_fire&date_from=2025-10-01&date_to=2025-10-31&place=angoor"
            ).json()
        )
        == 1
    )
    assert api.get("/api/v1/incidents/?date_from=2025-10-12").json() == []
    for query, field in [
        ("sort=colour", "sort"),
        ("incident_type=x", "incident_type"),
        ("date_from=x", "date_from"),
        ("agreement=x", "agreement"),
    ]:
        assert (
            _error(api.get(f"/api/v1/incidents/?{query}"), 400, "invalid_input")["details"]["field"]
            == field
        )


CSV_HEADER = (
    "incident_type,date_start,place,responsible_party,affected_party,claims,clauses,"
    "source_url,source_outlet\n"
)


def _import(api, doha, content, name="incidents.csv", **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, content)
    return api.post(
        "/api/v1/incidents/import/",
        {"agreement": doha.pk, "file": upload, **extra},
        format="multipart",
    )


def test_a_csv_import_lands_one_entry_per_incident(doha, people, api):
    api.as_user(people["monitor"])
    content = (
        CSV_HEADER
        + "armed_clash,2025-10-12,Kurram,AFG,PAK,"
        + "ISPR|party|soldiers|at least 3|;Taliban|party|soldiers|about 10|2,"
        + "1,https://example.org/x,Dawn\n"
        + "shelling_artillery,2025-10-13,Spin Boldak,PAK,AFG,,,,\n"
    ).encode()
    before = LogEntry.objects.count()
    response = _import(api, doha, content)
    assert response.status_code == 201, response.content
    assert response.json()["imported"] == 2
    assert LogEntry.objects.count() == before + 2
    kurram = Incident.objects.get(place_name="Kurram")
    assert list(kurram.claims.values_list("killed", "killed_qualifier")) == [
        (3, "at_least"),
        (10, "approximately"),
    ]
    assert (kurram.fatalities_low, kurram.fatalities_best, kurram.fatalities_high) == (3, 3, None)


def test_a_malformed_file_imports_nothing_and_names_each_row(doha, people, api, unchanged):
    api.as_user(people["monitor"])
    content = (
        CSV_HEADER
        + "armed_clash,2025-10-12,Kurram,AFG,PAK,,,,\n"
        + "armed_clash,12 Oct,Kurram,AFG,PAK,,,,\n"
        + "drone,2025-10-12,Kurram,AFG,PAK,,,,\n"
        + "armed_clash,2025-10-12,Kurram,AFG,PAK,ISPR|soldiers|3,,,\n"
    ).encode()
    with unchanged():
        response = _import(api, doha, content)
    error = _error(response, 400, "invalid_input")
    assert error["message"] == "3 of 4 rows are invalid; nothing was imported"
    assert [(r["row"], r["field"]) for r in error["details"]["rows"]] == [
        (2, "date_start"),
        (3, "incident_type"),
        (4, "claims"),
    ]
    response = _import(api, doha, content, skip_invalid="true")
    assert response.json()["imported"] == 1 and response.json()["skipped"] == 3


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\xff\xfe\x00garbage", "x.csv", "not UTF-8"),
        (b"date_start,place\n", "x.csv", "lacks incident_type"),
        (b"incident_type,date_start,place,colour\n", "x.csv", "unknown column colour"),
        (b"{not json", "x.json", "not JSON"),
        (b'{"a": 1}', "x.json", "list of report objects"),
        (b"[]", "x.json", "no rows"),
        (b"x", "x.xlsx", ".csv or .json"),
    ],
)
def test_unreadable_files_are_refused_whole(doha, people, api, unchanged, content, name, message):
    api.as_user(people["monitor"])
    with unchanged():
        error = _error(_import(api, doha, content, name), 400, "invalid_input")
    assert message in error["message"]


def test_a_json_import_uses_the_api_shape(doha, people, api):
    api.as_user(people["monitor"])
    content = json.dumps([REPORT, {**REPORT, "place": "Torkham"}]).encode()
    assert _import(api, doha, content, "batch.json").json()["imported"] == 2


def test_the_map_is_geojson_of_visible_reports(doha, people, api):
    _file(people, api, doha)
    collection = api.get("/api/v1/incidents/map/").json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["place"] == "Angoor Adda"


def test_places_are_searched_offline(api, db):
    names = [p["name"] for p in api.get("/api/v1/places/?q=spin boldak").json()]
    assert names[0] == "Spin Boldak"
    for crossing in ["Torkham", "Chaman", "Angoor Adda", "Kharlachi", "Ghulam Khan"]:
        found = api.get(f"/api/v1/places/?q={crossing}").json()
        assert found and found[0]["lat"] and found[0]["name"] == crossing
    assert api.get("/api/v1/places/?q=").json() == []


def test_the_actor_registry_through_the_api(people, api, db):
    api.as_user(people["analyst"])
    response = api.post(
        "/api/v1/actors/",
        {
            "code": "TTP",
            "name": "Tehrik-i-Taliban Pakistan",
            "kind": "rebel_group",
            "aliases": ["TTP"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    response = api.post(
        "/api/v1/actors/TTP/aliases/", {"alias": "Fitna al-Khawarij"}, format="json"
    )
    assert response.json()["aliases"] == ["Fitna al-Khawarij", "TTP", "Tehrik-i-Taliban Pakistan"]
    assert response.json()["inter"] == 2
    _error(
        api.post("/api/v1/actors/TTP/aliases/", {"alias": "fitna al khawarij"}, format="json"),
        409,
        "conflict",
    )
    _error(
        api.post("/api/v1/actors/NOPE/aliases/", {"alias": "x"}, format="json"), 404, "not_found"
    )
    api.as_user(people["liaison.pakistan"])
    _error(
        api.post(
            "/api/v1/actors/", {"code": "ABC", "name": "x", "kind": "civilians"}, format="json"
        ),
        403,
        "not_permitted",
    )

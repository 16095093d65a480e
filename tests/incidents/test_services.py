"""Incident intake services: each channel, the casualty rules, refusals, import and triage."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ceasefire.domain.actors import ActorKind
from ceasefire.domain.casualties import CasualtyClaim
from ceasefire.domain.coding import DatePrecision, IncidentType, WherePrecision
from ceasefire.domain.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotPermitted,
    StaleVersion,
)
from ceasefire.domain.intake import Channel, TriageStatus
from ceasefire.incidents import services
from ceasefire.incidents.models import Incident
from ceasefire.ledger.models import LogEntry


def _leaf(entry):
    return json.loads(bytes(entry.leaf))


def _last():
    return LogEntry.objects.order_by("-index").first()


def test_a_liaison_officer_files_for_their_own_party(doha, people, make_report):
    incident = services.report_incident(
        actor=people["liaison.pakistan"], agreement=doha, report=make_report()
    )
    assert incident.channel == Channel.LIAISON
    assert incident.filing_party.code == "PAK"
    assert incident.responsible_party.code == "AFG"
    assert incident.place_matched and incident.place_id == "pakistan-afg:angoor-adda"
    assert incident.lat is not None and incident.where_precision == WherePrecision.EXACT
    assert [c.number for c in incident.clauses.all()] == ["1"]
    entry = _last()
    leaf = _leaf(entry)
    assert (entry.kind, entry.subject) == ("incident.reported", f"incident:{incident.pk}")
    assert leaf["payload"] == {
        "agreement": doha.pk,
        "channel": "liaison",
        "content_sha256": incident.content_sha256,
    }
    assert "Angoor" not in bytes(entry.leaf).decode()


def test_either_party_may_allege_against_the_other(doha, people, make_report):
    incident = services.report_incident(
        actor=people["liaison.afghanistan"],
        agreement=doha,
        report=make_report(
            incident_type=IncidentType.AIR_DRONE_STRIKE,
            place="Paktika",
            responsible_party="PAK",
            affected_party="AFG",
            claims=(),
        ),
    )
    assert incident.filing_party.code == "AFG"
    assert incident.country == "Afghanistan"


def test_two_claimants_are_kept_side_by_side_and_the_estimate_follows_the_rules(
    doha, people, make_report
):
    incident = services.report_incident(
        actor=people["monitor"], agreement=doha, report=make_report()
    )
    claims = list(incident.claims.values_list("claimant", "killed"))
    assert claims == [("ISPR", 23), ("Zabihullah Mujahid", 58)]
    assert (incident.fatalities_low, incident.fatalities_best, incident.fatalities_high) == (
        23,
        23,
        58,
    )
    assert incident.fatalities_conflicting and not incident.fatalities_vague
    assert incident.injured_best == 29
    assert incident.channel == Channel.MONITOR and incident.filing_party is None


def test_a_vague_figure_is_flagged_not_imputed(doha, people, make_report, vague_claims):
    incident = services.report_incident(
        actor=people["monitor"], agreement=doha, report=make_report(claims=vague_claims)
    )
    assert (incident.fatalities_low, incident.fatalities_best, incident.fatalities_high) == (
        24,
        24,
        None,
    )
    assert incident.fatalities_vague


def test_the_public_reports_anonymously(doha, make_report):
    incident = services.report_publicly(
        agreement=doha,
        report=make_report(reporter_contact="+92 300 0000000", responsible_party=None),
    )
    assert incident.channel == Channel.PUBLIC
    assert incident.reported_by is None and incident.filing_party is None
    entry = _last()
    assert entry.actor == "system"
    assert "+92" not in bytes(entry.leaf).decode()


def test_an_unknown_place_is_accepted_with_low_precision(doha, people, make_report):
    incident = services.report_incident(
        actor=people["monitor"],
        agreement=doha,
        report=make_report(place="Ghar Kalay hamlet", country="Pakistan"),
    )
    assert not incident.place_matched
    assert incident.where_precision == WherePrecision.REGION
    assert incident.lat is None


ONE_DAY = date(2025, 10, 11)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_start": date(2099, 1, 1)}, "cannot start after"),
        ({"date_end": date(2025, 10, 1)}, "end date is before"),
        ({"date_end": date(2025, 10, 30), "date_precision": DatePrecision.DAY}, "at most 7"),
        ({"responsible_party": "IND"}, "not a party"),
        ({"affected_party": "AFG"}, "both responsible and affected"),
        ({"clauses": ("99",)}, "no clause 99"),
        ({"place_id": "nowhere:nothing"}, "no place"),
        ({"place": "", "country": ""}, "name the place"),
        ({"lat": 91.0, "lon": 70.0}, "latitude"),
        ({"lat": 33.0}, "both coordinates"),
        ({"country": "Afghanistan"}, "not Afghanistan"),
        ({"narrative": "x" * 20_001}, "narrative is at most"),
        ({"actors": ("",)}, "actor needs a name"),
        ({"reporter_name": "A. Khan"}, "known by their account"),
        (
            {
                "claims": (
                    CasualtyClaim("ISPR", "soldiers", 1),
                    CasualtyClaim("ISPR", "soldiers", 2),
                )
            },
            "one claim per victim group",
        ),
    ],
)
def test_refused_reports_leave_no_record_and_no_entry(
    doha, people, make_report, unchanged, changes, message
):
    with unchanged(), pytest.raises(InvalidInput, match=message):
        services.report_incident(
            actor=people["liaison.pakistan"], agreement=doha, report=make_report(**changes)
        )


@pytest.mark.parametrize("username", ["mediator.qatar", "analyst", "admin"])
def test_only_liaison_officers_and_monitors_report(doha, people, make_report, unchanged, username):
    with unchanged(), pytest.raises(NotPermitted):
        services.report_incident(actor=people[username], agreement=doha, report=make_report())


def _reported(people, doha, make_report, **changes):
    return services.report_incident(
        actor=people["liaison.pakistan"], agreement=doha, report=make_report(**changes)
    )


def test_triage_moves_through_the_table_and_bumps_the_version(doha, people, make_report):
    incident = _reported(people, doha, make_report)
    monitor = people["monitor"]
    services.triage_incident(
        actor=monitor, incident=incident, decision=TriageStatus.NEEDS_INFORMATION, note="grid ref?"
    )
    done = services.triage_incident(
        actor=people["mediator.turkiye"],
        incident=incident,
        decision=TriageStatus.IN_REMIT,
        version=2,
    )
    assert (done.triage_status, done.version, done.triaged_by) == (
        "in_remit",
        3,
        people["mediator.turkiye"],
    )
    leaf = _leaf(_last())
    assert leaf["kind"] == "incident.triaged"
    assert leaf["payload"]["decision"] == "in_remit" and leaf["payload"]["version"] == 3


def test_triage_refusals_leave_nothing(doha, people, make_report, unchanged):
    incident = _reported(people, doha, make_report)
    monitor = people["monitor"]
    with unchanged():
        with pytest.raises(InvalidInput, match="say why"):
            services.triage_incident(
                actor=monitor, incident=incident, decision=TriageStatus.OUT_OF_REMIT
            )
        with pytest.raises(InvalidTransition):
            services.triage_incident(
                actor=monitor, incident=incident, decision=TriageStatus.RECEIVED
            )
        with pytest.raises(InvalidInput, match="duplicate itself"):
            services.triage_incident(
                actor=monitor,
                incident=incident,
                decision=TriageStatus.DUPLICATE,
                duplicate_of=incident,
            )
        with pytest.raises(StaleVersion):
            services.triage_incident(
                actor=monitor, incident=incident, decision=TriageStatus.IN_REMIT, version=7
            )
        with pytest.raises(NotPermitted):
            services.triage_incident(
                actor=people["liaison.afghanistan"],
                incident=incident,
                decision=TriageStatus.IN_REMIT,
            )


def test_a_duplicate_stays_and_links_to_the_original(doha, people, make_report):
    first = _reported(people, doha, make_report)
    second = _reported(people, doha, make_report)
    third = _reported(people, doha, make_report)
    monitor = people["monitor"]
    services.triage_incident(
        actor=monitor, incident=second, decision=TriageStatus.DUPLICATE, duplicate_of=first
    )
    services.triage_incident(
        actor=monitor, incident=third, decision=TriageStatus.DUPLICATE, duplicate_of=second
    )
    assert Incident.objects.get(pk=third.pk).duplicate_of_id == first.pk
    assert Incident.objects.count() == 3


def test_bulk_triage_is_all_or_nothing_with_one_entry_each(doha, people, make_report, unchanged):
    reports = [_reported(people, doha, make_report) for _ in range(3)]
    monitor = people["monitor"]
    services.triage_incident(actor=monitor, incident=reports[0], decision=TriageStatus.IN_REMIT)
    with unchanged(), pytest.raises(InvalidTransition, match=f"report #{reports[0].pk}"):
        services.triage_incidents(actor=monitor, incidents=reports, decision=TriageStatus.IN_REMIT)
    before = LogEntry.objects.count()
    services.triage_incidents(
        actor=monitor, incidents=reports[1:], decision=TriageStatus.OUT_OF_REMIT, note="internal"
    )
    entries = LogEntry.objects.filter(index__gte=before).order_by("index")
    assert [e.subject for e in entries] == [f"incident:{r.pk}" for r in reports[1:]]
    assert set(Incident.objects.values_list("triage_status", flat=True)) == {
        "in_remit",
        "out_of_remit",
    }


def test_import_refuses_a_file_with_bad_rows_and_names_them(doha, people, make_report, unchanged):
    rows = [make_report(), make_report(responsible_party="IND"), InvalidInput("bad date")]
    with unchanged(), pytest.raises(services.RowErrors) as refused:
        services.import_incidents(
            actor=people["monitor"], agreement=doha, rows=rows, content=b"file"
        )
    assert refused.value.details["rows"] == [
        {"row": 2, "field": "responsible_party", "error": "IND is not a party to this agreement"},
        {"row": 3, "field": None, "error": "bad date"},
    ]
    assert "2 of 3 rows" in refused.value.message


def test_import_may_skip_bad_rows_when_asked(doha, people, make_report):
    rows = [make_report(), make_report(responsible_party="IND"), make_report(place="Torkham")]
    before = LogEntry.objects.count()
    imported = services.import_incidents(
        actor=people["monitor"], agreement=doha, rows=rows, content=b"file", skip_invalid=True
    )
    assert len(imported) == 2
    assert {i.channel for i in imported} == {"import"}
    assert LogEntry.objects.count() == before + 2
    assert _leaf(_last())["payload"]["batch_sha256"] == imported[0].batch_sha256


def test_import_of_nothing_is_refused(doha, people, unchanged):
    with unchanged(), pytest.raises(services.RowErrors, match="no rows"):
        services.import_incidents(actor=people["monitor"], agreement=doha, rows=[], content=b"")


def test_the_actor_registry_resolves_aliases_as_written(doha, people, make_report):
    services.register_actor(
        actor=people["analyst"],
        code="TTP",
        name="Tehrik-i-Taliban Pakistan",
        kind=ActorKind.REBEL_GROUP,
        aliases=["TTP", "Pakistani Taliban"],
    )
    ttp = services.add_actor_alias(
        actor=people["monitor"],
        target=services.models.Actor.objects.get(code="TTP"),
        alias="Fitna al-Khawarij",
    ).actor
    incident = _reported(people, doha, make_report, actors=("fitna al khawarij", "Someone else"))
    mentions = list(incident.actors.values_list("as_written", "actor_id"))
    assert mentions == [("fitna al khawarij", ttp.pk), ("Someone else", None)]


def test_the_registry_refuses_clashing_codes_and_aliases(people, unchanged):
    services.register_actor(
        actor=people["analyst"], code="TTP", name="TTP", kind=ActorKind.REBEL_GROUP
    )
    with unchanged():
        with pytest.raises(Conflict, match="already registered"):
            services.register_actor(
                actor=people["analyst"], code="TTP", name="X", kind=ActorKind.REBEL_GROUP
            )
        with pytest.raises(Conflict, match="already an alias"):
            services.register_actor(
                actor=people["analyst"],
                code="TTP2",
                name="ttp",
                kind=ActorKind.REBEL_GROUP,
            )
        with pytest.raises(InvalidInput, match="actor code"):
            services.register_actor(
                actor=people["analyst"], code="t", name="x", kind=ActorKind.REBEL_GROUP
            )
        with pytest.raises(NotPermitted):
            services.register_actor(
                actor=people["liaison.pakistan"], code="ABC", name="x", kind=ActorKind.CIVILIANS
            )

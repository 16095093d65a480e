"""Exports honour filters and disclosure, and never hand a spreadsheet a formula."""

from __future__ import annotations

import csv
import io

from ceasefire.domain.intake import ConfidentialField
from ceasefire.incidents import services


def _rows(response):
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="incidents.csv"'
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_export_has_standard_columns_and_honours_filters(
    client, api, doha, people, make_report
):
    services.report_incident(actor=people["liaison.pakistan"], agreement=doha, report=make_report())
    services.report_incident(
        actor=people["liaison.afghanistan"],
        agreement=doha,
        report=make_report(place="Paktika", responsible_party="PAK", affected_party="AFG"),
    )
    client.force_login(people["monitor"])
    (row,) = _rows(client.get("/incidents/export.csv?party=PAK&place=angoor"))
    assert row["acled_event_type"] == "Battles" and row["where_prec"] == "1"
    assert (row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]) == (
        "23",
        "23",
        "58",
    )
    assert row["fatalities_conflicting"] == "True" and row["claimants"] == "2"
    api.as_user(people["monitor"])
    assert len(_rows(api.get("/api/v1/incidents/export/"))) == 2


def test_the_other_party_export_withholds_what_the_filer_marked(client, doha, people, make_report):
    services.report_incident(
        actor=people["liaison.pakistan"],
        agreement=doha,
        report=make_report(
            confidential=frozenset({ConfidentialField.CASUALTIES, ConfidentialField.ACTORS})
        ),
    )
    client.force_login(people["liaison.afghanistan"])
    (row,) = _rows(client.get("/incidents/export.csv"))
    assert row["fatalities_best"] == "" and row["actors"] == ""
    assert row["withheld"] == "actors; casualties"
    assert "ISPR" not in client.get("/incidents/export.csv").content.decode()


def test_cells_that_look_like_formulas_are_defused(client, doha, people, make_report):
    services.report_incident(
        actor=people["monitor"],
        agreement=doha,
        report=make_report(place='=HYPERLINK("http://x")', actors=("@SUM(1)",)),
    )
    client.force_login(people["monitor"])
    (row,) = _rows(client.get("/incidents/export.csv"))
    assert row["place_as_written"].startswith("'=") and row["actors"].startswith("'@")

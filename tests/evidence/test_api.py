"""The evidence API is the contract: round trips, hostile inputs, permissions, public copies."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from PIL import Image

from ceasefire.evidence.models import EvidenceItem
from ceasefire.ledger import keyring
from ceasefire.ledger.models import LogEntry
from ceasefire.ledger.publishing import publish_checkpoint, receipt_for
from ceasefire.ledger.selectors import witnessed_checkpoint_covering
from ceasefire.tlog import receipt

from . import samples
from .conftest import files_under, multipart

LIST = "/api/v1/evidence/"


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


def _payload(index):
    return json.loads(bytes(LogEntry.objects.get(index=index).leaf))["payload"]


def _bytes(response):
    return b"".join(response.streaming_content)


def test_upload_then_download_gives_identical_bytes_and_the_logged_and_receipted_hash(
    api, upload, people, doha, keyed, client
):
    data = samples.jpeg(gps=True)
    sha256 = hashlib.sha256(data).hexdigest()
    made = upload(people["liaison.pakistan"], data, subjects=f"agreement:{doha.pk}")
    assert made.status_code == 201, made.content
    item = made.json()
    assert item["sha256"] == sha256
    assert item["media_type"] == "image/jpeg"
    assert item["subjects"] == [f"agreement:{doha.pk}"]
    index = int(made["Ceasefire-Log-Entries"])
    assert _payload(index)["sha256"] == sha256

    downloaded = api.as_user(people["monitor"]).get(f"{LIST}{item['id']}/download/")
    assert downloaded.status_code == 200
    assert _bytes(downloaded) == data
    assert downloaded["Content-Disposition"].startswith("attachment;")
    assert downloaded["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in downloaded["Content-Security-Policy"]

    page = client.get(f"/evidence/{item['id']}/")
    assert page.status_code == 404  # the public never sees an evidentiary copy
    client.force_login(people["monitor"])
    assert f'id="item-sha256">{sha256}<' in client.get(f"/evidence/{item['id']}/").content.decode()

    publish_checkpoint()
    text = receipt_for(index, witnessed_checkpoint_covering(index))
    leaf = bytes(LogEntry.objects.get(index=index).leaf)
    assert receipt.verify(text, leaf, keyring.policy()).index == index
    assert json.loads(leaf)["payload"]["sha256"] == sha256


def test_the_same_bytes_twice_are_two_items_sharing_one_stored_file(upload, people, evidence_dir):
    data = samples.png()
    first = upload(people["liaison.pakistan"], data, name="a.png").json()
    second = upload(people["liaison.afghanistan"], data, name="b.png").json()
    assert first["id"] != second["id"] and first["sha256"] == second["sha256"]
    assert [p for p in files_under(evidence_dir) if p.startswith("sha256/")] == [
        f"sha256/{first['sha256'][:2]}/{first['sha256'][2:4]}/{first['sha256']}"
    ]
    assert files_under(evidence_dir / "incoming") == []


HOSTILE = [
    ("executable renamed .jpg", samples.ELF, "holiday.jpg", 422, "file_refused"),
    ("windows executable", samples.PE, "report.pdf", 422, "file_refused"),
    ("shell script", samples.SCRIPT, "notes.txt", 422, "file_refused"),
    ("zip bomb", samples.zip_bomb(), "archive.zip", 422, "file_refused"),
    (
        "zip holding an executable",
        samples.zip_archive({"a.exe": samples.PE}),
        "a.zip",
        422,
        "file_refused",
    ),
]


@pytest.mark.parametrize(
    ("what", "data", "name", "status", "code"), HOSTILE, ids=[h[0] for h in HOSTILE]
)
def test_hostile_files_are_refused_and_leave_nothing(
    upload, people, unchanged, evidence_dir, what, data, name, status, code
):
    with unchanged():
        response = upload(people["monitor"], data, name=name, content_type="image/jpeg")
        error = _error(response, status, code)
    assert error["details"]["field"] == "file"
    assert files_under(evidence_dir / "incoming") == []


def test_an_oversize_upload_is_stopped_while_streaming_and_leaves_nothing(
    upload, people, unchanged, evidence_dir, settings
):
    settings.EVIDENCE_MAX_BYTES = 100_000
    with unchanged():
        response = upload(people["monitor"], bytes(300_000), name="big.bin")
        error = _error(response, 413, "file_too_large")
    assert "limit" in error["message"]
    assert files_under(evidence_dir) == []


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/etc/shadow", "shadow"),
        ("ph\u202eoto\u200b<gpj>.jpg", "photo_gpj_.jpg"),
    ],
)
def test_file_names_are_sanitised_data_and_never_paths(upload, people, evidence_dir, name, shown):
    response = upload(people["monitor"], samples.jpeg(), name=name)
    assert response.status_code == 201, response.content
    assert response.json()["name"] == shown
    stored = files_under(evidence_dir)
    assert all(path.startswith("sha256/") for path in stored)
    assert not any("passwd" in p or "shadow" in p or "win.ini" in p for p in stored)


def test_a_name_that_is_only_dots_is_no_file_at_all(upload, people, unchanged):
    with unchanged():
        _error(upload(people["monitor"], samples.jpeg(), name=".."), 400, "invalid_input")


def test_a_polyglot_is_stored_as_opaque_bytes_and_never_derived(api, upload, people):
    data = samples.polyglot()
    item = upload(people["monitor"], data, name="image.jpg").json()
    assert item["media_type"] == "application/octet-stream"
    assert item["media_kind"] == "opaque"
    assert "polyglot" in item["opaque_reason"]
    downloaded = api.as_user(people["monitor"]).get(f"{LIST}{item['id']}/download/")
    assert downloaded["Content-Type"] == "application/octet-stream"
    assert _bytes(downloaded) == data
    derived = api.post(
        f"{LIST}{item['id']}/working-copies/", {"derivation": "thumbnail", "public": True}
    )
    _error(derived, 400, "invalid_input")


def test_gps_is_visible_to_monitors_and_absent_from_every_public_working_copy(
    api, upload, people, client
):
    original = upload(people["liaison.pakistan"], samples.jpeg(gps=True)).json()
    url = f"{LIST}{original['id']}/"
    assert original["metadata"] == {}  # the submitter does not get metadata back
    seen = api.as_user(people["monitor"]).get(url).json()["metadata"]
    assert seen["gps"] == {"latitude": "34.510000", "longitude": "69.170000"}
    assert seen["camera_make"] == "DemoCam"
    client.force_login(people["monitor"])
    assert "34.510000, 69.170000" in client.get(f"/evidence/{original['id']}/").content.decode()

    copies = [
        api.post(f"{url}working-copies/", {"derivation": kind, "public": True}).json()["id"]
        for kind in ("thumbnail", "stripped")
    ]
    private = api.post(f"{url}working-copies/", {"derivation": "stripped"}).json()["id"]
    _error(
        upload(
            people["monitor"],
            samples.jpeg(gps=True),
            url=f"{url}working-copies/",
            derivation="redacted",
            public="true",
        ),
        400,
        "invalid_input",
    )

    api.logout()
    listed = api.get(LIST).json()
    assert sorted(item["id"] for item in listed) == sorted(copies)
    assert private not in {item["id"] for item in listed}
    for item in listed:
        assert item["metadata"] == {}
        data = _bytes(api.get(f"{LIST}{item['id']}/download/"))
        image = Image.open(io.BytesIO(data))
        assert len(image.getexif()) == 0
        assert "exif" not in image.info and "comment" not in image.info
        assert b"Exif" not in data and b"crossing" not in data and b"DemoCam" not in data
    _error(api.get(url), 404, "not_found")
    _error(api.get(f"{url}download/"), 404, "not_found")


def test_liaison_officers_submit_and_see_their_own_but_never_the_bytes(api, upload, people):
    own = upload(people["liaison.pakistan"], samples.png(), name="own.png").json()
    other = upload(people["liaison.afghanistan"], samples.jpeg(), name="other.jpg").json()
    api.as_user(people["liaison.pakistan"])
    assert [item["id"] for item in api.get(LIST).json()] == [own["id"]]
    _error(api.get(f"{LIST}{other['id']}/"), 404, "not_found")
    _error(api.get(f"{LIST}{own['id']}/download/"), 403, "not_permitted")
    _error(api.post(f"{LIST}{own['id']}/grades/", {"grade": "A1"}), 403, "not_permitted")
    _error(
        api.post(f"{LIST}{own['id']}/attachments/", {"subject": "agreement:1"}),
        403,
        "not_permitted",
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 403),
        ("admin", 403),
        ("analyst", 403),
        ("liaison.pakistan", 201),
        ("mediator.qatar", 201),
        ("monitor", 201),
    ],
)
def test_who_may_submit(api, people, role, status):
    body, content_type = multipart({}, filename="x.png", data=samples.png())
    if role:
        api.as_user(people[role])
    response = api.generic("POST", LIST, body, content_type=content_type)
    assert response.status_code == status, response.content


def test_links_are_items_too(api, people):
    api.as_user(people["monitor"])
    made = api.post(LIST, {"url": "https://example.org/post/1", "description": "a post"})
    assert made.status_code == 201, made.content
    item = made.json()
    assert item["kind"] == "link" and item["media_kind"] == "link"
    assert item["sha256"] == hashlib.sha256(b"https://example.org/post/1").hexdigest()
    _error(api.post(LIST, {"url": "javascript:alert(1)"}), 400, "invalid_input")
    _error(api.post(LIST, {}), 400, "invalid_input")


def test_collect_grade_attach_transfer_copy_and_custody(api, upload, people, doha):
    item = upload(
        people["monitor"],
        samples.pdf(),
        name="inspection.pdf",
        url="/api/v1/evidence/collect/",
        collected_at="2025-10-20T08:00:00Z",
        method="site inspection",
    ).json()
    assert item["entered_by"] == "collected"
    assert item["metadata"]["title"] == "Site inspection"
    assert item["metadata"]["pages"] == 1
    base = f"{LIST}{item['id']}/"
    _error(api.post(f"{base}grades/", {"grade": "B2"}), 403, "not_permitted")  # own item
    api.as_user(people["mediator.qatar"])
    _error(api.post(f"{base}grades/", {"grade": "B2"}), 403, "not_permitted")  # not a monitor
    attached = api.post(f"{base}attachments/", {"subject": f"agreement:{doha.pk}"})
    assert attached.status_code == 201
    _error(api.post(f"{base}attachments/", {"subject": f"agreement:{doha.pk}"}), 409, "conflict")
    _error(api.post(f"{base}attachments/", {"subject": "agreement:999"}), 404, "not_found")
    _error(api.post(f"{base}attachments/", {"subject": "planet:1"}), 400, "invalid_input")
    _error(api.post(f"{base}attachments/", {"subject": "nonsense"}), 400, "invalid_input")
    moved = api.post(
        f"{base}transfers/", {"to": people["mediator.turkiye"].pk, "purpose": "review"}
    )
    assert moved.status_code == 201 and moved.json()["custodian"] == "mediator.turkiye"
    _error(
        api.post(f"{base}transfers/", {"to": people["liaison.pakistan"].pk, "purpose": "x"}),
        404,
        "not_found",
    )
    copied = api.post(f"{base}copies/", {"recipient": "Joint commission", "purpose": "hearing"})
    assert copied.status_code == 201
    custody = api.get(f"{base}custody/").json()
    assert [step["step"] for step in custody] == ["collected", "transferred", "copied"]
    for step in custody:
        assert _payload(step["log_index"])["sha256"] == item["sha256"]
    assert api.get(f"{LIST}?subject=agreement:{doha.pk}").json()[0]["id"] == item["id"]
    assert api.get(f"{base}grades/").json() == []


def test_grades_are_independent_and_kept_as_history(api, upload, people):
    from ceasefire.accounts.services import register_user
    from ceasefire.domain.policy import Role

    second = register_user(
        actor=people["admin"],
        username="monitor2",
        full_name="Second monitor",
        email="",
        organisation=people["monitor"].organisation,
        role=Role.MONITOR,
        password="a-long-unusual-passphrase-42",
    )
    item = upload(people["liaison.pakistan"], samples.jpeg()).json()
    grades = f"{LIST}{item['id']}/grades/"
    assert api.as_user(people["monitor"]).post(grades, {"grade": "c3"}).status_code == 201
    assert api.as_user(second).post(grades, {"grade": "F6", "note": "no origin"}).status_code == 201
    assert api.as_user(people["monitor"]).post(grades, {"grade": "B2"}).status_code == 201
    _error(api.post(grades, {"grade": "G7"}), 400, "invalid_input")
    history = api.get(grades).json()
    assert [(g["grade"], g["graded_by"]) for g in history] == [
        ("C3", "monitor"),
        ("F6", "monitor2"),
        ("B2", "monitor"),
    ]
    payload = _payload(history[1]["log_index"])
    assert payload["reliability"] == "F" and payload["credibility"] == "6"
    assert payload["sha256"] == item["sha256"]


def test_office_documents_and_text_are_recognised_from_their_bytes(upload, people):
    document = upload(people["monitor"], samples.docx(), name="statement.pdf").json()
    assert document["media_type"].endswith("wordprocessingml.document")
    text = upload(people["monitor"], "Witness statement: مرحبا".encode(), name="w.exe").json()
    assert text["media_type"] == "text/plain"


def test_the_api_lists_items_in_few_queries(api, upload, people, django_assert_max_num_queries):
    for colour in ("red", "green", "blue"):
        upload(people["monitor"], samples.jpeg(colour=colour))
    api.as_user(people["monitor"])
    with django_assert_max_num_queries(8):
        assert len(api.get(LIST).json()) == 3
    assert EvidenceItem.objects.count() == 3

"""Evidence pages: upload form, list, detail with metadata, grades and custody, action forms."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from ceasefire.evidence.models import EvidenceItem
from ceasefire.ledger.models import LogEntry

from . import samples


def _upload(client, **fields):
    return client.post("/evidence/new/", fields)


def test_hand_in_a_photo_and_follow_its_custody_to_the_log(client, people, doha):
    client.force_login(people["liaison.pakistan"])
    assert client.get("/evidence/new/").status_code == 200
    photo = SimpleUploadedFile("photo.jpg", samples.jpeg(gps=True), "image/jpeg")
    response = _upload(client, file=photo, subjects=f"agreement:{doha.pk}", description="strike")
    item = EvidenceItem.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/evidence/{item.pk}/"
    page = client.get(f"/evidence/{item.pk}/").content.decode()
    assert item.sha256 in page and "34.510000" not in page  # liaison: no metadata

    client.force_login(people["monitor"])
    page = client.get(f"/evidence/{item.pk}/").content.decode()
    assert "34.510000, 69.170000" in page
    assert "An aid, not a finding" in page
    custody = client.get(f"/evidence/{item.pk}/custody/").content.decode()
    index = LogEntry.objects.get(kind="evidence.submitted").index
    assert f'href="/log/entries/{index}/"' in custody
    assert client.get(f"/log/entries/{index}/").status_code == 200
    listing = client.get(f"/evidence/?subject=agreement:{doha.pk}").content.decode()
    assert f"/evidence/{item.pk}/" in listing


def _close(response):
    """Close a streamed response as the test client would: without the request_finished
    handler that closes the database connection (it would end the test's transaction on
    PostgreSQL)."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def test_action_forms_grade_attach_derive_transfer(client, people, doha):
    client.force_login(people["liaison.pakistan"])
    _upload(client, file=SimpleUploadedFile("p.png", samples.png()))
    item = EvidenceItem.objects.get()
    client.force_login(people["monitor"])
    base = f"/evidence/{item.pk}"
    for path in ("grade", "attach", "derive", "transfer"):
        assert client.get(f"{base}/{path}/").status_code == 200
    assert client.post(f"{base}/grade/", {"grade": "B3"}).status_code == 302
    assert client.post(f"{base}/grade/", {"grade": "Z9"}).status_code == 400
    assert client.post(f"{base}/attach/", {"subject": f"agreement:{doha.pk}"}).status_code == 302
    derived = client.post(f"{base}/derive/", {"derivation": "thumbnail", "public": "on"})
    assert derived.status_code == 302
    copy = EvidenceItem.objects.get(derived_from=item)
    moved = client.post(
        f"{base}/transfer/", {"to": people["mediator.qatar"].pk, "purpose": "review"}
    )
    assert moved.status_code == 302
    page = client.get(f"{base}/").content.decode()
    assert "B3" in page and f"/evidence/{copy.pk}/" in page and "Qatari mediator" in page
    download = client.get(f"{base}/download/")
    assert b"".join(download.streaming_content) == samples.png()
    assert LogEntry.objects.filter(kind="evidence.accessed").count() == 1

    client.logout()
    assert client.get("/evidence/").status_code == 200
    assert client.get(f"{base}/").status_code == 404
    assert client.get(f"{base}/download/").status_code == 404
    public = client.get(f"/evidence/{copy.pk}/download/")
    assert public.status_code == 200 and public["Content-Type"] == "image/jpeg"
    _close(public)
    assert LogEntry.objects.filter(kind="evidence.accessed").count() == 1  # public: not logged
    assert client.get(f"{base}/grade/").status_code == 302  # sign in first


def test_refusals_show_on_the_form_and_store_nothing(client, people, settings, evidence_dir):
    client.force_login(people["monitor"])
    response = _upload(client, file=SimpleUploadedFile("x.jpg", samples.ELF, "image/jpeg"))
    assert response.status_code == 400
    assert "never stored as evidence" in response.content.decode()
    settings.EVIDENCE_MAX_BYTES = 1000
    response = _upload(client, file=SimpleUploadedFile("big.jpg", bytes(5000)))
    assert response.status_code == 400 and "larger than the limit" in response.content.decode()
    assert not EvidenceItem.objects.exists()
    assert not any(p.is_file() for p in evidence_dir.rglob("*"))


def test_liaison_officers_cannot_open_bytes_or_manage(client, people):
    client.force_login(people["liaison.pakistan"])
    _upload(client, file=SimpleUploadedFile("p.png", samples.png()))
    item = EvidenceItem.objects.get()
    assert client.get(f"/evidence/{item.pk}/download/").status_code == 403
    assert client.get(f"/evidence/{item.pk}/derive/").status_code == 403
    client.force_login(people["analyst"])
    assert client.get("/evidence/new/").status_code == 403


def test_a_collected_item_records_when_and_how(client, people):
    client.force_login(people["monitor"])
    response = _upload(
        client,
        url="https://example.org/video/9",
        collected_at="2025-10-20T08:00",
        method="screen capture",
    )
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    assert item.entered_by == "collected" and item.collection_method == "screen capture"
    page = client.get(f"/evidence/{item.pk}/").content.decode()
    assert re.search(r"Collected:</strong> 20 Oct 2025", page)

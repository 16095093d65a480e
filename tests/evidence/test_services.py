"""Evidence services: one log entry each, carrying the SHA-256; refusals leave nothing at all."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from ceasefire.domain.coding import parse_grade
from ceasefire.domain.errors import Conflict, InvalidInput, NotFound, NotPermitted
from ceasefire.domain.evidence import Derivation, FileRefused, FileTooLarge
from ceasefire.evidence import services, subjects
from ceasefire.evidence.selectors import current_custodian, custody_of
from ceasefire.ledger.models import LogEntry

from . import samples


def _submit(people, stage, data=None, who="liaison.pakistan", **kwargs):
    with stage(data or samples.jpeg(), "photo.jpg") as file:
        return services.submit_evidence(actor=people[who], file=file, **kwargs)


def _last_payload():
    entry = LogEntry.objects.order_by("-index").first()
    return entry.kind, json.loads(bytes(entry.leaf))["payload"]


def test_submitting_logs_the_hash_size_and_type_never_the_name_or_metadata(people, stage, doha):
    item = _submit(people, stage, samples.jpeg(gps=True), subjects=[f"agreement:{doha.pk}"])
    kind, payload = _last_payload()
    assert kind == "evidence.submitted"
    assert payload == {
        "item": item.pk,
        "sha256": item.sha256,
        "size": item.size,
        "media_type": "image/jpeg",
        "item_kind": "file",
        "subjects": [f"agreement:{doha.pk}"],
        "custodian": f"user:{people['liaison.pakistan'].pk}",
    }
    leaf = bytes(LogEntry.objects.order_by("-index").first().leaf)
    assert b"photo.jpg" not in leaf and b"34.51" not in leaf
    assert item.metadata["gps"]["latitude"] == "34.510000"
    assert current_custodian(item) == people["liaison.pakistan"]


@pytest.mark.parametrize(
    ("who", "error"),
    [("analyst", NotPermitted), ("admin", NotPermitted), ("liaison.pakistan", NotPermitted)],
)
def test_only_mediators_and_monitors_collect(people, stage, unchanged, who, error):
    with unchanged(), stage(samples.jpeg()) as file, pytest.raises(error):
        services.collect_evidence(
            actor=people[who], file=file, collected_at=datetime.now(UTC), method="photo"
        )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"collected_at": datetime.now(UTC) + timedelta(days=2), "method": "photo"}, InvalidInput),
        ({"collected_at": datetime(2025, 1, 1, tzinfo=UTC), "method": " "}, InvalidInput),
    ],
)
def test_collection_needs_a_past_time_and_a_method(people, stage, unchanged, kwargs, error):
    with unchanged(), stage(samples.jpeg()) as file, pytest.raises(error):
        services.collect_evidence(actor=people["monitor"], file=file, **kwargs)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (samples.ELF, FileRefused),
        (samples.zip_bomb(), FileRefused),
        (b"7z\xbc\xaf\x27\x1c" + bytes(100), FileRefused),
    ],
)
def test_refused_files_leave_no_row_entry_or_file(people, stage, unchanged, data, error):
    with unchanged(), pytest.raises(error):
        _submit(people, stage, data, who="monitor")


def test_the_size_limit_is_checked_again_by_the_service(people, stage, unchanged, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    with unchanged(), pytest.raises(FileTooLarge):
        _submit(people, stage, who="monitor")


def test_an_unknown_or_invisible_subject_refuses_the_whole_submission(people, stage, unchanged):
    with unchanged(), pytest.raises(NotFound):
        _submit(people, stage, subjects=["agreement:4242"])
    with unchanged(), pytest.raises(InvalidInput):
        _submit(people, stage, subjects=["dossier:1"])  # no app registers dossiers
    with unchanged(), pytest.raises(NotFound):
        _submit(people, stage, subjects=["incident:4242"])


def test_an_app_registers_its_own_records_as_subjects(people, stage, monkeypatch):
    monkeypatch.setattr(subjects, "_resolvers", dict(subjects.registered()))
    subjects.register("incident", lambda incident_id, viewer: incident_id == 12)
    item = _submit(people, stage, subjects=["incident:12"])
    assert [a.subject for a in item.attachments.all()] == ["incident:12"]
    assert "incident" in subjects.registered()


def test_file_or_link_but_not_both_nor_neither(people, stage, unchanged):
    with unchanged(), pytest.raises(InvalidInput):
        services.submit_evidence(actor=people["monitor"])
    with unchanged(), stage(samples.jpeg()) as file, pytest.raises(InvalidInput):
        services.submit_evidence(actor=people["monitor"], file=file, url="https://example.org/")


def test_custody_passes_only_to_staff_and_never_to_the_holder(people, stage, unchanged):
    item = _submit(people, stage)
    with unchanged(), pytest.raises(InvalidInput):
        services.transfer_custody(
            actor=people["monitor"], item=item, to=people["analyst"], purpose="x"
        )
    services.transfer_custody(
        actor=people["monitor"], item=item, to=people["mediator.qatar"], purpose="review"
    )
    assert current_custodian(item) == people["mediator.qatar"]
    with unchanged(), pytest.raises(Conflict):
        services.transfer_custody(
            actor=people["monitor"], item=item, to=people["mediator.qatar"], purpose="again"
        )
    with unchanged(), pytest.raises(InvalidInput):
        services.transfer_custody(
            actor=people["monitor"], item=item, to=people["monitor"], purpose=" "
        )
    with unchanged(), pytest.raises(NotPermitted):
        services.transfer_custody(
            actor=people["liaison.pakistan"], item=item, to=people["monitor"], purpose="x"
        )


def test_every_custody_step_is_logged_with_the_items_hash(people, stage):
    item = _submit(people, stage)
    services.access_evidence(actor=people["monitor"], item=item)
    services.copy_evidence(actor=people["monitor"], item=item, recipient="Court", purpose="trial")
    copy = services.derive_working_copy(
        actor=people["monitor"], source=item, derivation=Derivation.THUMBNAIL
    )
    steps = list(custody_of(item))
    assert [step.step for step in steps] == ["submitted", "accessed", "copied", "derived"]
    assert steps[-1].related_item == copy
    for step in steps[:-1]:
        payload = json.loads(bytes(LogEntry.objects.get(index=step.log_index).leaf))["payload"]
        assert payload["sha256"] == item.sha256
    derived = json.loads(bytes(LogEntry.objects.get(index=steps[-1].log_index).leaf))["payload"]
    assert derived["source_sha256"] == item.sha256 and derived["sha256"] == copy.sha256
    assert [step.step for step in custody_of(copy)] == ["derived"]


def test_copies_need_a_recipient_and_files(people, stage, unchanged):
    item = _submit(people, stage)
    link = services.submit_evidence(actor=people["monitor"], url="https://example.org/x")
    with unchanged(), pytest.raises(InvalidInput):
        services.copy_evidence(actor=people["monitor"], item=item, recipient=" ", purpose="x")
    with unchanged(), pytest.raises(InvalidInput):
        services.copy_evidence(actor=people["monitor"], item=link, recipient="C", purpose="x")
    with unchanged(), pytest.raises(InvalidInput):
        services.derive_working_copy(
            actor=people["monitor"], source=link, derivation=Derivation.THUMBNAIL
        )


def test_working_copies_never_alter_the_source_and_uploads_are_never_public(
    people, stage, unchanged
):
    item = _submit(people, stage, samples.png())
    before = item.sha256
    stripped = services.derive_working_copy(
        actor=people["monitor"], source=item, derivation=Derivation.STRIPPED, public=True
    )
    assert stripped.media_type == "image/jpeg" and stripped.public
    item.refresh_from_db()
    assert item.sha256 == before
    with unchanged(), stage(samples.jpeg()) as file, pytest.raises(InvalidInput):
        services.derive_working_copy(
            actor=people["monitor"],
            source=item,
            derivation=Derivation.THUMBNAIL,
            file=file,
        )
    with unchanged(), pytest.raises(InvalidInput):
        services.derive_working_copy(
            actor=people["monitor"], source=item, derivation=Derivation.REDACTED
        )
    with stage(samples.jpeg(colour="black")) as file:
        redacted = services.derive_working_copy(
            actor=people["monitor"],
            source=item,
            derivation=Derivation.REDACTED,
            file=file,
            note="faces blurred",
        )
    assert not redacted.public and redacted.derived_from == item
    document = _submit(people, stage, samples.pdf())
    with unchanged(), pytest.raises(InvalidInput):
        services.derive_working_copy(
            actor=people["monitor"], source=document, derivation=Derivation.THUMBNAIL
        )


def test_an_image_that_cannot_be_decoded_gets_no_working_copy(people, stage, unchanged):
    item = _submit(people, stage, b"\xff\xd8\xff\xe0" + bytes(50))
    with unchanged(), pytest.raises(InvalidInput):
        services.derive_working_copy(
            actor=people["monitor"], source=item, derivation=Derivation.THUMBNAIL
        )


def test_grading_is_by_monitors_other_than_the_submitter_and_on_originals(people, stage, unchanged):
    own = _submit(people, stage, who="monitor")
    with unchanged(), pytest.raises(NotPermitted):
        services.grade_evidence(actor=people["monitor"], item=own, grade=parse_grade("A1"))
    item = _submit(people, stage)
    copy = services.derive_working_copy(
        actor=people["monitor"], source=item, derivation=Derivation.THUMBNAIL
    )
    with unchanged(), pytest.raises(InvalidInput):
        services.grade_evidence(actor=people["monitor"], item=copy, grade=parse_grade("A1"))
    grade = services.grade_evidence(
        actor=people["monitor"], item=item, grade=parse_grade("d4"), note="single source"
    )
    assert grade.code == "D4"
    kind, payload = _last_payload()
    assert kind == "evidence.graded" and payload["grade"] == "D4" and payload["note_sha256"]


def test_attaching_twice_is_a_conflict(people, stage, doha, unchanged):
    item = _submit(people, stage)
    services.attach_evidence(actor=people["monitor"], item=item, subject=f"agreement:{doha.pk}")
    with unchanged(), pytest.raises(Conflict):
        services.attach_evidence(
            actor=people["monitor"], item=item, subject=f" agreement:{doha.pk} "
        )


def _gzip(data):
    import gzip

    return gzip.compress(data, compresslevel=9)


@pytest.mark.parametrize(
    ("data", "media_type", "reason"),
    [
        (_gzip(b"a field report\n" * 100), "application/gzip", ""),
        (samples.zip_archive({"notes.txt": b"plain"}), "application/zip", ""),
        (b"PK\x03\x04" + bytes(100), "application/octet-stream", "damaged or unusual archive"),
        (b"\x1f\x8b\x08" + bytes(100), "application/octet-stream", "damaged compressed file"),
    ],
)
def test_archives_within_budget_are_kept_and_damaged_ones_are_opaque(
    people, stage, data, media_type, reason
):
    item = _submit(people, stage, data, who="monitor")
    assert (item.media_type, item.opaque_reason) == (media_type, reason)


@pytest.mark.parametrize(
    "data",
    [_gzip(bytes(64 * 1024 * 1024)), _gzip(samples.PE)],
    ids=["gzip bomb", "gzipped executable"],
)
def test_hostile_compressed_files_are_refused(people, stage, unchanged, data):
    with unchanged(), pytest.raises(FileRefused):
        _submit(people, stage, data, who="monitor")


def test_unreadable_metadata_is_noted_not_fatal(people, stage):
    item = _submit(people, stage, b"%PDF-1.4\n garbage", who="monitor")
    assert item.media_type == "application/pdf" and "unreadable" in item.metadata

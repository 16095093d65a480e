"""`ceasefire verify-evidence` re-hashes stored files and reports any that drifted from the log."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from ceasefire import cli
from ceasefire.domain.evidence import content_path
from ceasefire.evidence import services

from . import samples


def _stored(people, stage, data):
    with stage(data, "photo.jpg") as file:
        return services.submit_evidence(actor=people["monitor"], file=file)


def test_untouched_evidence_verifies(people, stage, capsys):
    _stored(people, stage, samples.jpeg())
    call_command("verify_evidence")
    assert "1 evidence items match the log" in capsys.readouterr().out


def test_changing_one_byte_of_a_stored_file_is_reported(people, stage, evidence_dir, capsys):
    kept = _stored(people, stage, samples.png())
    item = _stored(people, stage, samples.jpeg())
    path = evidence_dir / content_path(item.sha256)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))

    with pytest.raises(CommandError, match="1 of 2 evidence items do not match the log"):
        call_command("verify_evidence")
    err = capsys.readouterr().err
    assert f"evidence {item.pk} ({item.sha256})" in err and "now hash to" in err
    assert f"evidence {kept.pk} " not in err

    with pytest.raises(SystemExit) as exited:  # last: the command closes the connection
        cli.main(["verify", "evidence"])
    assert exited.value.code == 1


def test_a_missing_file_and_a_row_that_disagrees_with_the_log_are_reported(
    people, stage, evidence_dir
):
    from ceasefire.evidence.models import EvidenceItem
    from ceasefire.evidence.verification import verify_items

    item = _stored(people, stage, samples.jpeg())
    other = _stored(people, stage, samples.png())
    (evidence_dir / content_path(item.sha256)).unlink()
    EvidenceItem.objects.filter(pk=other.pk).update(sha256="0" * 64)  # tampering with the row
    problems = {found.pk: str(problem) for found, problem in verify_items()}
    assert "missing" in problems[item.pk]
    assert f"the log entry says {other.sha256}" in problems[other.pk]

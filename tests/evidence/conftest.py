"""Evidence tests store files under a fresh directory each, and check nothing is left behind."""

from __future__ import annotations

from contextlib import contextmanager

import pytest


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    """A fresh evidence root for each test (local storage)."""
    settings.EVIDENCE_DIR = tmp_path / "evidence"
    settings.EVIDENCE_STORAGE = "local"
    return settings.EVIDENCE_DIR


def files_under(root):
    """Every file below `root`, as relative paths."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def unchanged(db, evidence_dir):
    """Assert a block leaves every table, the log and the evidence directory as they were."""
    from django.apps import apps

    def snapshot():
        counts = {
            model._meta.label: model.objects.count()
            for model in apps.get_models()
            if model._meta.app_label in {"accounts", "agreements", "ledger", "evidence"}
        }
        return counts, files_under(evidence_dir) if evidence_dir.exists() else []

    @contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check


@pytest.fixture
def stage():
    """Stage bytes as an upload: `with stage(data, "name.jpg") as file: …`."""
    from ceasefire.evidence.uploads import staged_bytes

    return staged_bytes


@pytest.fixture
def keyed(settings, tmp_path):
    """A fresh log key and four local witnesses, so receipts can be built."""
    from ceasefire.ledger import keyring

    settings.KEY_DIR = tmp_path / "keys"
    settings.LOG_KEY_FILE = settings.KEY_DIR / "log.key"
    settings.WITNESSES_FILE = settings.KEY_DIR / "witnesses.txt"
    keyring.initialise(demo_witnesses=True)
    return settings.KEY_DIR


def multipart(fields, *, filename=None, data=b"", content_type="application/octet-stream"):
    """Encode a multipart body by hand, so file names reach the server exactly as given."""
    boundary = "evidence-test-boundary"
    parts = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            disposition = f'Content-Disposition: form-data; name="{name}"'
            parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{one}\r\n".encode())
    if filename is not None:
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def upload(api):
    """POST a file to an evidence endpoint as `user`: `upload(user, data, name, **fields)`."""

    def post(user, data, name="photo.jpg", url="/api/v1/evidence/", **fields):
        body, content_type = multipart(fields, filename=name, data=data)
        api.as_user(user)
        return api.generic("POST", url, body, content_type=content_type)

    return post

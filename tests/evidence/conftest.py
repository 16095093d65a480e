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

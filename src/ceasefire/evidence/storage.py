"""Where evidentiary bytes live: a write-once, content-addressed store behind two methods.

`put` files a staged upload under its SHA-256 (`sha256/ab/cd/<hash>`) unless those bytes are
already there; `open` reads them back. The local store is the default (and what tests use);
any Django storage backend, such as django-storages' S3 backend, can be selected instead with
`CEASEFIRE_EVIDENCE_STORAGE`. Nothing here decides who may read what.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from pathlib import Path
from typing import IO, Protocol

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages

from ceasefire.domain.evidence import content_path

READ_ONLY = 0o444


class EvidenceStore(Protocol):
    """The two-method storage seam (plus a cheap existence check)."""

    def put(self, sha256: str, source: Path) -> bool:
        """File `source` under `sha256` unless present; return True when newly written."""

    def open(self, sha256: str) -> IO[bytes]:
        """Open the bytes stored under `sha256` for reading."""

    def exists(self, sha256: str) -> bool:
        """Tell whether bytes are stored under `sha256`."""


class LocalStore:
    """Evidence files on the local disk under `root`, read-only once written."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        """Return the file that holds `sha256` (it may not exist)."""
        return self.root / content_path(sha256)

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, sha256: str, source: Path) -> bool:
        target = self.path(sha256)
        if target.exists():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # A hard link is atomic and never overwrites: a racing writer of the same bytes
            # gets FileExistsError, and a half-copied file can never appear under the hash.
            os.link(source, target)
        except FileExistsError:
            return False
        except OSError:
            partial = target.with_name(f".{sha256}.{uuid.uuid4().hex}.part")
            try:
                shutil.copyfile(source, partial)
                os.replace(partial, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    partial.unlink()
        target.chmod(READ_ONLY)
        return True

    def open(self, sha256: str) -> IO[bytes]:
        return self.path(sha256).open("rb")


class DjangoStorageStore:
    """Evidence files in any Django storage backend (e.g. an S3-compatible bucket)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def exists(self, sha256: str) -> bool:
        return bool(self.storage.exists(content_path(sha256)))

    def put(self, sha256: str, source: Path) -> bool:
        name = content_path(sha256)
        if self.storage.exists(name):
            return False
        with source.open("rb") as handle:
            saved = self.storage.save(name, File(handle))
        if saved != name:
            raise RuntimeError(f"the evidence storage renamed {name} to {saved}")
        return True

    def open(self, sha256: str) -> IO[bytes]:
        handle: IO[bytes] = self.storage.open(content_path(sha256), "rb")
        return handle


def evidence_store() -> EvidenceStore:
    """Return the configured store: local disk unless CEASEFIRE_EVIDENCE_STORAGE names one."""
    if settings.EVIDENCE_STORAGE == "local":
        return LocalStore(Path(settings.EVIDENCE_DIR))
    return DjangoStorageStore(storages["evidence"])


def incoming_dir() -> Path:
    """Return the local directory uploads stream into before they are filed (created if new)."""
    path = Path(settings.EVIDENCE_DIR) / "incoming"
    path.mkdir(parents=True, exist_ok=True)
    return path

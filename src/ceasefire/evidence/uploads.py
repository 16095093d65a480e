"""Streamed uploads: every file is hashed while it is written to disk, never held in memory.

`EvidenceUploadHandler` (the only entry of FILE_UPLOAD_HANDLERS) writes each uploaded part in
chunks to an anonymous temporary file in the evidence `incoming/` directory (the client's file
name never reaches the filesystem), updates a SHA-256 as it goes, and stops writing as soon
as the size limit is passed. The temporary file disappears when the request ends; a service
that accepts the upload hard-links it to its content address first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.evidence import FileTooLarge
from ceasefire.evidence.storage import incoming_dir

CHUNK = 256 * 1024


class HashedUpload(UploadedFile):
    """An uploaded file in `incoming/`, with the SHA-256 and size measured while it arrived."""

    def __init__(
        self, file: IO[bytes], *, name: str, content_type: str, size: int, sha256: str
    ) -> None:
        # The client's name is kept as data only (Django's own name checks never see it).
        super().__init__(file, None, content_type, size, None, None)
        self.client_name = name
        self.handle = file
        self.sha256 = sha256
        self.length = size

    @property
    def path(self) -> Path:
        """Return the temporary file's path (inside the evidence `incoming/` directory)."""
        return Path(str(self.handle.name))

    def temporary_file_path(self) -> str:
        return str(self.handle.name)

    def close(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.handle.close()


_refusals: weakref.WeakKeyDictionary[HttpRequest, FileTooLarge] = weakref.WeakKeyDictionary()


def _temporary() -> IO[bytes]:
    return tempfile.NamedTemporaryFile(  # closed (and so deleted) with the request
        dir=incoming_dir(), prefix="upload-", suffix=".part"
    )


class EvidenceUploadHandler(FileUploadHandler):
    """Stream each uploaded file to `incoming/`, hashing it and enforcing the size limit."""

    chunk_size = CHUNK

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.file = _temporary()
        self.hasher = hashlib.sha256()
        self.received = 0
        self.limit = int(settings.EVIDENCE_MAX_BYTES)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                _refusals[self.request] = too_large(self.limit)
            raise SkipFile  # the parser closes (and so deletes) the file, then drains the part
        self.hasher.update(raw_data)
        self.file.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> HashedUpload:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.seek(0)
        return HashedUpload(
            self.file,
            name=self.file_name or "",
            content_type=self.content_type or "",
            size=self.received,
            sha256=self.hasher.hexdigest(),
        )

    def upload_interrupted(self) -> None:
        if hasattr(self, "file"):
            with contextlib.suppress(FileNotFoundError):
                self.file.close()


def too_large(limit: int) -> FileTooLarge:
    """Return the refusal for an upload past `limit` bytes."""
    return FileTooLarge(
        f"the file is larger than the limit of {limit // (1024 * 1024)} MB and was not stored",
        details={"field": "file", "limit": limit},
    )


def uploaded_file(request: HttpRequest, field: str = "file") -> HashedUpload | None:
    """Return the streamed upload in `field`, None if none was sent.

    Raises:
        FileTooLarge: the upload passed the size limit while streaming.
        InvalidInput: the upload was not streamed by the evidence handler.
    """
    refused = _refusals.get(request)
    if refused is not None:
        raise refused
    upload = request.FILES.get(field)
    if upload is None:
        return None
    if not isinstance(upload, HashedUpload):
        raise InvalidInput("uploads must stream through the evidence handler")
    return upload


@contextlib.contextmanager
def staged_bytes(data: bytes, name: str = "") -> Iterator[HashedUpload]:
    """Stage bytes made on the server (a working copy, a test file) like an upload."""
    handle = _temporary()
    handle.write(data)
    handle.flush()
    upload = HashedUpload(
        handle,
        name=name,
        content_type="",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    try:
        yield upload
    finally:
        upload.close()

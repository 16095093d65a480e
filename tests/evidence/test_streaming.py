"""Uploads stream: a file is hashed while written and never held whole in memory."""

from __future__ import annotations

import hashlib
import tracemalloc

from django.test import Client

from ceasefire.evidence.models import EvidenceItem

from .conftest import files_under

SIZE = 20 * 1024 * 1024
BLOCK = hashlib.sha256(b"seed").digest() * 8192  # 256 KiB of non-repeating-looking bytes


class LazyMultipart:
    """A request body produced on demand: multipart headers, SIZE bytes of file, the trailer."""

    boundary = "lazy-boundary"

    def __init__(self, size):
        self.head = (
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        self.tail = f"\r\n--{self.boundary}--\r\n".encode()
        self.size = size
        self.length = len(self.head) + size + len(self.tail)
        self.sent = 0
        self.hasher = hashlib.sha256()

    def read(self, n=-1):
        if n is None or n < 0:
            n = self.length - self.sent
        pieces, wanted = [], min(n, self.length - self.sent)
        while wanted:
            at = self.sent
            if at < len(self.head):
                piece = self.head[at : at + wanted]
            elif at < len(self.head) + self.size:
                offset = at - len(self.head)
                take = min(wanted, self.size - offset, len(BLOCK) - offset % len(BLOCK))
                piece = BLOCK[offset % len(BLOCK) : offset % len(BLOCK) + take]
                self.hasher.update(piece)
            else:
                offset = at - len(self.head) - self.size
                piece = self.tail[offset : offset + wanted]
            pieces.append(piece)
            self.sent += len(piece)
            wanted -= len(piece)
        return b"".join(pieces)

    def readline(self, limit=-1):
        return self.read(limit if limit and limit > 0 else 64 * 1024)


def _post(client, body):
    return client.request(
        REQUEST_METHOD="POST",
        PATH_INFO="/api/v1/evidence/",
        CONTENT_TYPE=f"multipart/form-data; boundary={body.boundary}",
        CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body},
    )


def test_a_20_mb_upload_never_holds_the_file_in_memory(people, evidence_dir):
    client = Client()
    client.force_login(people["monitor"])
    assert _post(client, LazyMultipart(1000)).status_code == 201  # imports and caches warm up
    body = LazyMultipart(SIZE)
    tracemalloc.start()
    try:
        response = _post(client, body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 201, response.content
    item = EvidenceItem.objects.get(size=SIZE)
    assert item.size == SIZE
    assert item.sha256 == body.hasher.hexdigest()
    assert peak < 4 * 1024 * 1024, f"peak traced memory {peak / 1e6:.1f} MB for a 20 MB upload"
    assert files_under(evidence_dir / "incoming") == []

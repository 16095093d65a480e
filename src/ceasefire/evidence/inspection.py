"""Look inside a staged file: its type from its bytes, archive expansion, capture metadata.

The verdicts are the domain's (`domain.evidence.sniff`, `check_expansion`); this module only
reads bytes: the head and tail of the file, every archive member (streamed, counted, never
extracted to disk), and the metadata well-kept libraries can read (Pillow for EXIF, pypdf for
PDF information, mutagen for durations). Metadata is an aid for monitors, never a verdict.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.conf import settings

from ceasefire.domain import evidence as rules
from ceasefire.domain.evidence import FileRefused, MediaKind, Sniffed
from ceasefire.evidence import metadata

READ = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Inspection:
    """What the platform found in a file: its type and the metadata it carries."""

    sniffed: Sniffed
    metadata: dict[str, object] = field(default_factory=dict)


def _limits() -> rules.ArchiveLimits:
    return rules.ArchiveLimits(
        max_expanded=int(settings.EVIDENCE_ARCHIVE_MAX_EXPANDED),
        max_ratio=int(settings.EVIDENCE_ARCHIVE_MAX_RATIO),
        max_entries=int(settings.EVIDENCE_ARCHIVE_MAX_ENTRIES),
    )


def _ends(handle: IO[bytes], size: int) -> tuple[bytes, bytes]:
    head = handle.read(rules.HEAD_BYTES)
    handle.seek(max(0, size - rules.TAIL_BYTES))
    return head, handle.read(rules.TAIL_BYTES)


def _drain(member: IO[bytes], expanded: int, compressed: int, limits: rules.ArchiveLimits) -> int:
    while chunk := member.read(READ):
        expanded += len(chunk)
        rules.check_expansion(expanded, compressed, limits)
    return expanded


def _check_zip(path: Path, size: int, tail: bytes) -> Sniffed:
    limits = _limits()
    rules.check_entries(rules.zip_entry_count(tail), limits)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            rules.check_entries(len(members), limits)
            expanded, mimetype = 0, b""
            for info in members:
                if info.flag_bits & 0x1:
                    raise FileRefused(
                        "encrypted archives cannot be checked and were refused",
                        details={"field": "file", "reason": "archive_encrypted"},
                    )
                with archive.open(info) as member:
                    first = member.read(4096)
                    rules.archive_member_refused(first)
                    if info.filename == "mimetype":
                        mimetype = first[:200]
                    expanded = _drain(member, expanded + len(first), size, limits)
            office = rules.office_type(archive.namelist(), mimetype)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, ValueError):
        return Sniffed("application/octet-stream", MediaKind.OPAQUE, "damaged or unusual archive")
    if office:
        return Sniffed(office, MediaKind.DOCUMENT)
    return Sniffed("application/zip", MediaKind.ARCHIVE)


def _check_gzip(path: Path, size: int) -> Sniffed:
    limits = _limits()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    expanded, first = 0, b""
    try:
        with path.open("rb") as handle:
            while data := handle.read(READ):
                while data:
                    out = inflater.decompress(data, READ)
                    if not first:
                        first = out[:4096]
                        rules.archive_member_refused(first)
                    expanded += len(out)
                    rules.check_expansion(expanded, size, limits)
                    data = inflater.unconsumed_tail
                if inflater.eof:
                    break
    except zlib.error:
        return Sniffed("application/octet-stream", MediaKind.OPAQUE, "damaged compressed file")
    return Sniffed("application/gzip", MediaKind.ARCHIVE)


def inspect_file(path: Path, size: int) -> Inspection:
    """Decide what a staged file is and read its metadata.

    Raises:
        FileRefused: an executable, a script, or an archive that is, holds one, or expands
            beyond the limits.
    """
    with path.open("rb") as handle:
        head, tail = _ends(handle, size)
    sniffed = rules.sniff(head, tail)
    if sniffed.media_type == "application/zip":
        sniffed = _check_zip(path, size, tail)
    elif sniffed.media_type == "application/gzip":
        sniffed = _check_gzip(path, size)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # malformed metadata warns; it is reported, not fatal
        found = metadata.extract(path, sniffed)
    return Inspection(sniffed=sniffed, metadata=found)

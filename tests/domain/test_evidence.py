"""Evidence rules: types from bytes, refusals, polyglots, archive budgets, names, subjects."""

from __future__ import annotations

import struct

import pytest

from ceasefire.domain import evidence as rules
from ceasefire.domain.errors import InvalidInput, NotPermitted
from ceasefire.domain.evidence import Derivation, FileRefused, MediaKind

LIMITS = rules.ArchiveLimits(max_expanded=1000 * 1024 * 1024, max_ratio=100, max_entries=10)


@pytest.mark.parametrize(
    ("head", "media_type", "kind"),
    [
        (b"\xff\xd8\xff\xe0JFIF", "image/jpeg", MediaKind.IMAGE),
        (b"\x89PNG\r\n\x1a\n", "image/png", MediaKind.IMAGE),
        (b"GIF89a", "image/gif", MediaKind.IMAGE),
        (b"II*\x00", "image/tiff", MediaKind.IMAGE),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp", MediaKind.IMAGE),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav", MediaKind.AUDIO),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video/x-msvideo", MediaKind.VIDEO),
        (b"\x00\x00\x00\x18ftypheic", "image/heic", MediaKind.IMAGE),
        (b"\x00\x00\x00\x18ftypisom", "video/mp4", MediaKind.VIDEO),
        (b"\x00\x00\x00\x14ftypqt  ", "video/quicktime", MediaKind.VIDEO),
        (b"\x1a\x45\xdf\xa3\x01\x00webm", "video/webm", MediaKind.VIDEO),
        (b"\x1a\x45\xdf\xa3\x01\x00matroska", "video/x-matroska", MediaKind.VIDEO),
        (b"ID3\x03", "audio/mpeg", MediaKind.AUDIO),
        (b"\xff\xfb\x90\x00", "audio/mpeg", MediaKind.AUDIO),
        (b"#!AMR\n", "audio/amr", MediaKind.AUDIO),
        (b"OggS", "audio/ogg", MediaKind.AUDIO),
        (b"%PDF-1.7\n", "application/pdf", MediaKind.PDF),
        (b"PK\x03\x04", "application/zip", MediaKind.ARCHIVE),
        (b"\x1f\x8b\x08", "application/gzip", MediaKind.ARCHIVE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage", MediaKind.DOCUMENT),
        (b"{\\rtf1", "application/rtf", MediaKind.DOCUMENT),
        (b"WARC/1.1\r\n", "application/warc", MediaKind.WEB_CAPTURE),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "text/html", MediaKind.WEB_CAPTURE),
        (
            b"MIME-Version: 1.0\nContent-Type: multipart/related;",
            "multipart/related",
            MediaKind.WEB_CAPTURE,
        ),
        ("Témoignage\n".encode(), "text/plain", MediaKind.TEXT),
        (b"\x00\x01\x02binary", "application/octet-stream", MediaKind.OPAQUE),
        (
            b"\xc3\x28 not utf-8 at all, and more text after",
            "application/octet-stream",
            MediaKind.OPAQUE,
        ),
    ],
)
def test_files_are_typed_from_their_bytes(head, media_type, kind):
    sniffed = rules.sniff(head, b"")
    assert (sniffed.media_type, sniffed.kind) == (media_type, kind)
    assert sniffed.opaque is (kind is MediaKind.OPAQUE)


@pytest.mark.parametrize(
    "head",
    [b"MZ\x90", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!/usr/bin/env python"],
)
def test_executables_and_scripts_are_refused(head):
    with pytest.raises(FileRefused) as refused:
        rules.sniff(head, b"")
    assert refused.value.details["reason"] == "executable"


@pytest.mark.parametrize("head", [b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07\x00", b"BZh91AY"])
def test_archives_that_cannot_be_measured_are_refused(head):
    with pytest.raises(FileRefused, match="cannot be checked"):
        rules.sniff(head, b"")


@pytest.mark.parametrize(
    ("head", "tail", "why"),
    [
        (b"\xff\xd8\xff\xe0", b"...PK\x05\x06" + bytes(18), "ZIP"),
        (b"GIF89a%PDF-1.4", b"", "PDF"),
        (b"\x89PNG\r\n\x1a\n<script>alert(1)</script>", b"", "script"),
    ],
)
def test_polyglots_become_opaque(head, tail, why):
    sniffed = rules.sniff(head, tail)
    assert sniffed.kind is MediaKind.OPAQUE and why in sniffed.opaque_reason


def test_office_documents_are_told_apart_by_their_members():
    assert rules.office_type(["[Content_Types].xml", "xl/workbook.xml"], b"").endswith("sheet")
    assert rules.office_type(["[Content_Types].xml", "ppt/x.xml"], b"").endswith("presentation")
    assert rules.office_type(["[Content_Types].xml", "other/x"], b"") is None
    assert rules.office_type(["a.txt"], b"") is None
    odt = b"application/vnd.oasis.opendocument.text"
    assert rules.office_type(["mimetype"], odt) == odt.decode()


def test_archive_budgets():
    eocd = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 11, 11, 0, 0, 0)
    assert rules.zip_entry_count(b"junk" + eocd) == 11
    assert rules.zip_entry_count(b"no record") == 0
    with pytest.raises(FileRefused, match="lists 11 files"):
        rules.check_entries(11, LIMITS)
    rules.check_entries(10, LIMITS)
    rules.check_expansion(5 * 1024 * 1024, 1, LIMITS)  # small archives may compress well
    with pytest.raises(FileRefused, match="zip bomb"):
        rules.check_expansion(20 * 1024 * 1024, 100_000, LIMITS)
    with pytest.raises(FileRefused):
        rules.check_expansion(LIMITS.max_expanded + 1, LIMITS.max_expanded, LIMITS)
    rules.archive_member_refused(b"plain text")
    with pytest.raises(FileRefused, match="contains an executable"):
        rules.archive_member_refused(b"MZ\x90\x00")


def test_content_addresses():
    sha = "ab" * 32
    assert rules.content_path(sha) == f"sha256/ab/ab/{sha}"
    for bad in ("../" + sha[3:], sha.upper(), sha[:-1]):
        with pytest.raises(InvalidInput):
            rules.content_path(bad)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\evil.jpg", "evil.jpg"),
        ("a\u202egpj.exe", "agpj.exe"),
        ("..", ""),
        ("  .hidden. ", "hidden"),
        ("x" * 300 + ".jpg", "x" * 200),
        ('re"port?.pdf', "re_port_.pdf"),
    ],
)
def test_display_names_are_never_paths(name, shown):
    assert rules.display_name(name) == shown


def test_subjects():
    assert str(rules.parse_subject(" incident:12 ")) == "incident:12"
    for bad in ("incident", "incident:0", "Incident:1", "a:b", "x:-1"):
        with pytest.raises(InvalidInput):
            rules.parse_subject(bad)


def test_derivations():
    rules.check_derivation(
        Derivation.THUMBNAIL, source_media_type="image/png", source_opaque=False, public=True
    )
    rules.check_derivation(
        Derivation.REDACTED, source_media_type="video/mp4", source_opaque=False, public=False
    )
    with pytest.raises(InvalidInput, match="opaque"):
        rules.check_derivation(
            Derivation.REDACTED, source_media_type="x", source_opaque=True, public=False
        )
    with pytest.raises(InvalidInput, match="only from JPEG"):
        rules.check_derivation(
            Derivation.STRIPPED, source_media_type="image/tiff", source_opaque=False, public=False
        )
    with pytest.raises(InvalidInput, match="may be public"):
        rules.check_derivation(
            Derivation.REDACTED, source_media_type="image/png", source_opaque=False, public=True
        )


def test_graders_and_links():
    rules.check_independent_grader(grader="1", submitter="2", original=True)
    with pytest.raises(NotPermitted):
        rules.check_independent_grader(grader="1", submitter="1", original=True)
    with pytest.raises(InvalidInput):
        rules.check_independent_grader(grader="1", submitter="2", original=False)
    assert rules.check_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    for bad in ("ftp://x", "https://", "javascript:alert(1)", "https://x/" + "a" * 2000):
        with pytest.raises(InvalidInput):
            rules.check_url(bad)

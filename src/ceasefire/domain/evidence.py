"""Evidence rules: what a stored file is (from its bytes), where it lives, what may be derived.

The evidentiary copy of an item is kept exactly as received, under its SHA-256 (the content
address); working copies are separate items naming their source (mechanism.md §7.2). A file's
type is decided from its leading and trailing bytes, never from its name or the client's
header: executables are refused, archives are checked against an expansion budget by the shell
(`check_expansion`), and files that are valid in two formats at once (polyglots) are kept as
opaque bytes that are never rendered or derived. Must not import anything outside the stdlib.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from ceasefire.domain.errors import DomainError, InvalidInput, NotPermitted

HEAD_BYTES: Final = 64 * 1024
TAIL_BYTES: Final = 64 * 1024 + 22  # the largest ZIP end-of-central-directory record
_SHA256 = re.compile(r"[0-9a-f]{64}")


class FileRefused(DomainError):
    """The uploaded bytes are of a kind the evidence locker never stores (e.g. executables)."""

    code = "file_refused"
    http_status = 422


class FileTooLarge(FileRefused):
    """The upload exceeded the configured size limit while it was being received."""

    code = "file_too_large"
    http_status = 413


class EvidenceMismatch(DomainError):
    """Stored bytes no longer hash to the SHA-256 the log committed to."""

    code = "evidence_mismatch"
    http_status = 422


class ItemKind(StrEnum):
    """An evidence item is a stored file or a link to something online."""

    FILE = "file"
    LINK = "link"


class MediaKind(StrEnum):
    """The broad family of a stored file, decided from its bytes."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    PDF = "pdf"
    DOCUMENT = "document"
    WEB_CAPTURE = "web_capture"
    ARCHIVE = "archive"
    TEXT = "text"
    OPAQUE = "opaque"
    LINK = "link"


class CustodyStep(StrEnum):
    """A step in an item's chain of custody; each is one log entry."""

    COLLECTED = "collected"
    SUBMITTED = "submitted"
    TRANSFERRED = "transferred"
    ACCESSED = "accessed"
    COPIED = "copied"
    DERIVED = "derived"


class Derivation(StrEnum):
    """How a working copy was made from its source item."""

    THUMBNAIL = "thumbnail"
    STRIPPED = "stripped"
    REDACTED = "redacted"
    TRANSLATED = "translated"
    TRANSCODED = "transcoded"
    EXCERPT = "excerpt"


# Working copies the platform computes itself by re-encoding pixels without any metadata; only
# these may be public, so nothing a person uploads reaches the public unexamined.
COMPUTED: Final = frozenset({Derivation.THUMBNAIL, Derivation.STRIPPED})
PUBLISHABLE: Final = COMPUTED
DERIVABLE_MEDIA: Final = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What a file's bytes say it is; `opaque_reason` explains an opaque verdict."""

    media_type: str
    kind: MediaKind
    opaque_reason: str = ""

    @property
    def opaque(self) -> bool:
        """Tell whether the file is kept only as bytes, never rendered or derived."""
        return self.kind is MediaKind.OPAQUE


def _refuse(what: str) -> FileRefused:
    return FileRefused(
        f"{what} are never stored as evidence; describe the file in a note instead",
        details={"field": "file", "reason": "executable"},
    )


# Leading bytes of executable formats, checked before anything else.
_EXECUTABLES: Final = (
    (b"MZ", "Windows executables"),
    (b"\x7fELF", "ELF executables"),
    (b"\xfe\xed\xfa\xce", "Mach-O executables"),
    (b"\xfe\xed\xfa\xcf", "Mach-O executables"),
    (b"\xce\xfa\xed\xfe", "Mach-O executables"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executables"),
    (b"\xca\xfe\xba\xbe", "Mach-O universal binaries and Java classes"),
    (b"dex\n", "Android executables"),
    (b"\x00asm", "WebAssembly modules"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "Windows shortcuts"),
)

_FTYP_BRANDS: Final = {
    b"heic": ("image/heic", MediaKind.IMAGE),
    b"heix": ("image/heic", MediaKind.IMAGE),
    b"mif1": ("image/heif", MediaKind.IMAGE),
    b"avif": ("image/avif", MediaKind.IMAGE),
    b"qt  ": ("video/quicktime", MediaKind.VIDEO),
    b"M4A ": ("audio/mp4", MediaKind.AUDIO),
    b"3gp4": ("video/3gpp", MediaKind.VIDEO),
    b"3gp5": ("video/3gpp", MediaKind.VIDEO),
}

_SIMPLE: Final = (
    (b"\xff\xd8\xff", "image/jpeg", MediaKind.IMAGE),
    (b"\x89PNG\r\n\x1a\n", "image/png", MediaKind.IMAGE),
    (b"GIF87a", "image/gif", MediaKind.IMAGE),
    (b"GIF89a", "image/gif", MediaKind.IMAGE),
    (b"II*\x00", "image/tiff", MediaKind.IMAGE),
    (b"MM\x00*", "image/tiff", MediaKind.IMAGE),
    (b"#!AMR\n", "audio/amr", MediaKind.AUDIO),
    (b"ID3", "audio/mpeg", MediaKind.AUDIO),
    (b"OggS", "audio/ogg", MediaKind.AUDIO),
    (b"fLaC", "audio/flac", MediaKind.AUDIO),
    (b"%PDF-", "application/pdf", MediaKind.PDF),
    (b"PK\x03\x04", "application/zip", MediaKind.ARCHIVE),
    (b"PK\x05\x06", "application/zip", MediaKind.ARCHIVE),
    (b"\x1f\x8b", "application/gzip", MediaKind.ARCHIVE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage", MediaKind.DOCUMENT),
    (b"{\\rtf", "application/rtf", MediaKind.DOCUMENT),
    (b"WARC/1.", "application/warc", MediaKind.WEB_CAPTURE),
)

# Archive formats whose expansion the platform cannot check without unpacking tools.
_UNCHECKABLE_ARCHIVES: Final = (
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "XZ"),
    (b"BZh", "bzip2"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
)

_MARKUP = re.compile(rb"<(?:script|html|svg|iframe|object|embed|\?php)\b", re.IGNORECASE)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def _leading(head: bytes) -> Sniffed | None:
    for magic, media_type, kind in _SIMPLE:
        if head.startswith(magic):
            return Sniffed(media_type, kind)
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        media_type, kind = _FTYP_BRANDS.get(brand, ("video/mp4", MediaKind.VIDEO))
        return Sniffed(media_type, kind)
    if head[:4] == b"RIFF" and len(head) >= 12:
        form = {b"WEBP": ("image/webp", MediaKind.IMAGE), b"WAVE": ("audio/wav", MediaKind.AUDIO)}
        media_type, kind = form.get(head[8:12], ("video/x-msvideo", MediaKind.VIDEO))
        return Sniffed(media_type, kind)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        webm = b"webm" in head[:64]
        return Sniffed("video/webm" if webm else "video/x-matroska", MediaKind.VIDEO)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return Sniffed("audio/mpeg", MediaKind.AUDIO)
    return None


def _textual(head: bytes) -> Sniffed:
    body = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in body:
        return Sniffed("application/octet-stream", MediaKind.OPAQUE, "unrecognised binary format")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(body) - 4:  # a character cut at the end of the head is fine
            return Sniffed(
                "application/octet-stream", MediaKind.OPAQUE, "unrecognised binary format"
            )
    if _HTML_START.match(body):
        return Sniffed("text/html", MediaKind.WEB_CAPTURE)
    if body.lstrip().upper().startswith(b"MIME-VERSION:") and b"multipart/related" in body[:4096]:
        return Sniffed("multipart/related", MediaKind.WEB_CAPTURE)
    return Sniffed("text/plain", MediaKind.TEXT)


def _polyglot(sniffed: Sniffed, head: bytes, tail: bytes) -> str:
    """Return why the bytes also parse as another format, or "" when they do not."""
    if sniffed.kind is not MediaKind.ARCHIVE and b"PK\x05\x06" in tail:
        return "the file also ends as a ZIP archive"
    if sniffed.kind is not MediaKind.PDF and b"%PDF-" in head[:1024]:
        return "the file also starts a PDF document"
    media = {MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.PDF}
    if sniffed.kind in media and _MARKUP.search(head):
        return "the file also carries HTML or script markup"
    return ""


def sniff(head: bytes, tail: bytes) -> Sniffed:
    """Decide what a file is from its first `HEAD_BYTES` and last `TAIL_BYTES` bytes.

    Raises:
        FileRefused: the file is an executable, a script, or an archive that cannot be checked.
    """
    for magic, what in _EXECUTABLES:
        if head.startswith(magic):
            raise _refuse(what)
    if head.startswith(b"#!") and not head.startswith(b"#!AMR"):
        raise _refuse("scripts")
    for magic, name in _UNCHECKABLE_ARCHIVES:
        if head.startswith(magic):
            raise FileRefused(
                f"{name} archives cannot be checked for their expanded size; upload a ZIP",
                details={"field": "file", "reason": "archive"},
            )
    sniffed = _leading(head) or _textual(head)
    why = "" if sniffed.opaque else _polyglot(sniffed, head, tail)
    if why:
        return Sniffed("application/octet-stream", MediaKind.OPAQUE, f"polyglot: {why}")
    return sniffed


_OFFICE: Final = (
    ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)


def office_type(names: Iterable[str], mimetype: bytes) -> str | None:
    """Return the office document type of a ZIP from its entry names and `mimetype` entry."""
    if mimetype.startswith(b"application/vnd.oasis.opendocument."):
        return mimetype.decode("ascii", errors="replace").strip()
    listed = list(names)
    if "[Content_Types].xml" not in listed:
        return None
    for prefix, media_type in _OFFICE:
        if any(name.startswith(prefix) for name in listed):
            return media_type
    return None


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """How far an archive may expand: total bytes, ratio to its own size, and entries."""

    max_expanded: int
    max_ratio: int
    max_entries: int


def zip_entry_count(tail: bytes) -> int:
    """Return the entry count a ZIP's end-of-central-directory record declares (0 if none)."""
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return 0
    (entries,) = struct.unpack_from("<H", tail, at + 10)
    return int(entries)


def check_entries(entries: int, limits: ArchiveLimits) -> None:
    """Refuse an archive with more entries than allowed.

    Raises:
        FileRefused: too many entries.
    """
    if entries > limits.max_entries:
        raise FileRefused(
            f"the archive lists {entries} files; at most {limits.max_entries} are accepted",
            details={"field": "file", "reason": "archive_entries"},
        )


def check_expansion(expanded: int, compressed: int, limits: ArchiveLimits) -> None:
    """Refuse an archive whose contents expand past the byte or ratio budget (a zip bomb).

    Raises:
        FileRefused: the expanded size so far exceeds a limit.
    """
    over_ratio = expanded > 10 * 1024 * 1024 and expanded > limits.max_ratio * max(compressed, 1)
    if expanded > limits.max_expanded or over_ratio:
        raise FileRefused(
            "the archive expands far beyond its own size (a possible zip bomb) and was refused",
            details={"field": "file", "reason": "archive_expansion", "expanded_at_least": expanded},
        )


def archive_member_refused(first_bytes: bytes) -> None:
    """Refuse an archive member that is an executable or a script.

    Raises:
        FileRefused: the member is an executable or a script.
    """
    try:
        sniff(first_bytes, b"")
    except FileRefused as error:
        if error.details.get("reason") == "executable":
            raise FileRefused(
                "the archive contains an executable or a script and was refused",
                details={"field": "file", "reason": "executable"},
            ) from None


def content_path(sha256: str) -> str:
    """Return the storage path of a content address: `sha256/ab/cd/<hash>`.

    Raises:
        InvalidInput: not a lower-case hex SHA-256.
    """
    if not _SHA256.fullmatch(sha256):
        raise InvalidInput("not a SHA-256 hex digest", details={"sha256": sha256})
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


MAX_NAME: Final = 200
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f<>:\"|?*\\/]")


def display_name(name: str) -> str:
    """Return a file name fit to show (never to use as a path): no directories, no control or
    bidirectional-override characters, at most 200 characters; "" when nothing is left."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Cs"})
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    return name[:MAX_NAME]


@dataclass(frozen=True, slots=True)
class Subject:
    """A record evidence is attached to, named as log events name it: `incident:12`."""

    prefix: str
    id: int

    def __str__(self) -> str:
        return f"{self.prefix}:{self.id}"


_SUBJECT = re.compile(r"([a-z_]{1,32}):([1-9][0-9]{0,17})")


def parse_subject(text: str) -> Subject:
    """Parse a subject name such as `agreement:3`.

    Raises:
        InvalidInput: not `<prefix>:<positive id>`.
    """
    match = _SUBJECT.fullmatch(text.strip())
    if match is None:
        raise InvalidInput(
            "a subject is written <record>:<id>, e.g. incident:12", details={"field": "subject"}
        )
    return Subject(match[1], int(match[2]))


def check_derivation(
    derivation: Derivation, *, source_media_type: str, source_opaque: bool, public: bool
) -> None:
    """Check that a working copy of this kind may be made from the source, and published.

    Raises:
        InvalidInput: the platform cannot compute it, the source is opaque, or a copy made
            outside the platform is asked to be public.
    """
    if source_opaque:
        raise InvalidInput(
            "no working copy is made of an opaque file", details={"field": "derivation"}
        )
    if derivation in COMPUTED and source_media_type not in DERIVABLE_MEDIA:
        raise InvalidInput(
            f"a {derivation} copy can be computed only from JPEG, PNG, GIF or WebP images",
            details={"field": "derivation"},
        )
    if public and derivation not in PUBLISHABLE:
        raise InvalidInput(
            "only copies the platform computes without metadata (thumbnail, stripped) may be "
            "public; derive a stripped copy of this one to publish it",
            details={"field": "public"},
        )


def check_independent_grader(*, grader: str, submitter: str, original: bool) -> None:
    """Refuse a grade by the person who handed the item in, or on a working copy.

    Raises:
        NotPermitted: the grader submitted or collected the item themselves.
        InvalidInput: the item is a working copy (grade its evidentiary copy).
    """
    if not original:
        raise InvalidInput(
            "grade the evidentiary copy, not a working copy", details={"field": "grade"}
        )
    if grader == submitter:
        raise NotPermitted(
            "an item is graded by someone other than the person who handed it in",
            details={"field": "grade"},
        )


def check_url(url: str) -> str:
    """Return a link item's URL stripped, if it is an http(s) URL of at most 2,000 characters.

    Raises:
        InvalidInput: another scheme, spaces, or too long.
    """
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", url, re.IGNORECASE) or len(url) > 2000:
        raise InvalidInput(
            "a link must be an http(s) URL of at most 2,000 characters", details={"field": "url"}
        )
    return url

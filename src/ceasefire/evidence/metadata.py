"""Capture metadata as the file carries it: EXIF time, camera and GPS; PDF information; duration.

Shown to monitors as aids, never trusted blindly (metadata is easy to forge or lose) and never
copied into public working copies. A file whose metadata cannot be read gets a note instead.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ceasefire.domain.evidence import MediaKind, Sniffed

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
_TAGS = {271: "camera_make", 272: "camera_model", 305: "software", 306: "modified_at"}
_EXIF_TAGS = {36867: "captured_at", 36881: "captured_offset"}


def _text(value: Any) -> str:
    return str(value).replace("\x00", "").strip()[:300]


def _degrees(value: Any, ref: Any) -> str | None:
    try:
        d, m, s = (Decimal(str(float(part))) for part in value)
    except (TypeError, ValueError, InvalidOperation, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    if _text(ref).upper() in {"S", "W"}:
        degrees = -degrees
    return f"{degrees:.6f}"


def _image(path: Path) -> dict[str, object]:
    from PIL import Image

    found: dict[str, object] = {}
    with Image.open(path) as image:
        found["width"], found["height"] = image.size
        found["format"] = image.format or ""
        exif = image.getexif()
        for tag, key in _TAGS.items():
            if tag in exif:
                found[key] = _text(exif[tag])
        details = exif.get_ifd(EXIF_IFD)
        for tag, key in _EXIF_TAGS.items():
            if tag in details:
                found[key] = _text(details[tag])
        gps = exif.get_ifd(GPS_IFD)
        if gps:
            latitude = _degrees(gps.get(2), gps.get(1))
            longitude = _degrees(gps.get(4), gps.get(3))
            if latitude and longitude:
                found["gps"] = {"latitude": latitude, "longitude": longitude}
            if 6 in gps:
                found["gps_altitude"] = _text(gps[6])
    return found


def _pdf(path: Path) -> dict[str, object]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    found: dict[str, object] = {"pages": len(reader.pages)}
    info: dict[str, object] = dict(reader.metadata or {})
    for key, name in (
        ("/Title", "title"),
        ("/Author", "author"),
        ("/Creator", "creator"),
        ("/Producer", "producer"),
        ("/CreationDate", "created_at"),
        ("/ModDate", "modified_at"),
    ):
        if info.get(key):
            found[name] = _text(info[key])
    return found


def _duration(path: Path) -> dict[str, object]:
    import mutagen

    media = mutagen.File(path)
    if media is None or getattr(media, "info", None) is None:
        return {}
    return {"duration_seconds": f"{float(media.info.length):.3f}"}


_READERS = {
    MediaKind.IMAGE: _image,
    MediaKind.PDF: _pdf,
    MediaKind.AUDIO: _duration,
    MediaKind.VIDEO: _duration,
}


def extract(path: Path, sniffed: Sniffed) -> dict[str, object]:
    """Return the metadata a file carries, or a note saying why it could not be read."""
    reader = _READERS.get(sniffed.kind)
    if reader is None:
        return {}
    try:
        return reader(path)
    except Exception as error:  # any parser failure is reported, not fatal
        return {"unreadable": f"{type(error).__name__}: {_text(error)[:200]}"}

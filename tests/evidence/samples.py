"""Sample files for evidence tests, made on the fly (leaf data only; nothing is stored here)."""

from __future__ import annotations

import io
import zipfile

from PIL import Image

GPS_IFD = 0x8825
LATITUDE = (34.0, 30.0, 36.0)  # 34.51 N
LONGITUDE = (69.0, 10.0, 12.0)  # 69.17 E


def jpeg(*, gps: bool = False, size=(64, 48), colour="red") -> bytes:
    """Return a small JPEG; with `gps`, its EXIF carries a camera, a time and GPS coordinates."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[271] = "DemoCam"
    exif[272] = "Field 1"
    exif[306] = "2025:10:19 08:30:00"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: LATITUDE, 3: "E", 4: LONGITUDE}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"taken near the crossing")
    return out.getvalue()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (20, 10), (0, 0, 255, 128)).save(out, "PNG")
    return out.getvalue()


def pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Title": "Site inspection", "/Author": "Monitor team"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_archive(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(expanded: int = 64 * 1024 * 1024) -> bytes:
    """Return a small ZIP whose one member expands to `expanded` zero bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("zeros.bin", "w", force_zip64=True) as member,
    ):
        block = bytes(1024 * 1024)
        for _ in range(expanded // len(block)):
            member.write(block)
    return out.getvalue()


def docx() -> bytes:
    return zip_archive(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document/>",
        }
    )


ELF = b"\x7fELF\x02\x01\x01" + bytes(200)
PE = b"MZ\x90\x00" + bytes(200)
SCRIPT = b"#!/bin/sh\nrm -rf /\n"


def polyglot() -> bytes:
    """A JPEG that is also a ZIP archive (a "GIFAR"-style polyglot)."""
    return jpeg() + zip_archive({"payload.html": b"<script>alert(1)</script>"})

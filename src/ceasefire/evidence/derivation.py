"""Working copies the platform computes itself: pixels re-encoded into a fresh image.

A computed copy is built from decoded pixels only, into a new image object that carries no
EXIF, GPS, XMP, ICC profile or comment of its source, so a public copy cannot leak where or with
what a photo was taken. The source's orientation is applied first so the copy looks right.
"""

from __future__ import annotations

import io
import warnings
from typing import IO

from PIL import Image, ImageOps

from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.evidence import Derivation

THUMBNAIL_SIZE = (512, 512)
QUALITY = {Derivation.THUMBNAIL: 80, Derivation.STRIPPED: 90}


def compute(source: IO[bytes], derivation: Derivation) -> bytes:
    """Return the JPEG bytes of a thumbnail or metadata-free full-size copy of an image.

    Raises:
        InvalidInput: the image cannot be decoded or is too large to decode safely.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                upright = ImageOps.exif_transpose(opened).convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InvalidInput(
            "the image cannot be decoded safely, so no working copy was made",
            details={"field": "derivation"},
        ) from None
    fresh = Image.new("RGB", upright.size, "white")
    fresh.paste(upright, mask=upright.getchannel("A"))
    if derivation is Derivation.THUMBNAIL:
        fresh.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    fresh.save(out, "JPEG", quality=QUALITY[derivation], optimize=True)
    return out.getvalue()

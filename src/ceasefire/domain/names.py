"""Folding names for matching: places and actors are written many ways in reports.

"Spīn Bōldak", "spin-boldak" and "SPIN BOLDAK" are one place; "Tehreek-e-Taliban Pakistan"
and "tehreek e taliban pakistan" one alias. Folding removes accents, punctuation, case and
extra spaces, nothing else, so two different names never fold together by accident of
spelling rules. Must not import anything outside the standard library.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Fold `text` for matching: no accents, no punctuation, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().split())

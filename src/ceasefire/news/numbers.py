"""Numbers written in words or digits, with the qualifier that travels with them.

Casualty figures in news come as "at least twelve", "more than 70", "dozens", "a couple",
"2,600" or "twenty-three". This module turns them into `Quantity(value, qualifier)` with
the qualifier vocabulary of the news-dev conventions: `exact`, `at_least`, `over`,
`approximately` and `vague` (a word such as "dozens" or "several": value None, and `low`
gives the smallest number the word allows, for the §7.1 "no imputation" rule).

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

#: Vague quantity words and the smallest number each allows (mechanism.md §11: "dozens
#: dead" gives low = 24).
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "many": 2,
    "numerous": 2,
    "multiple": 2,
    "some": 2,
    "a few": 2,
    "few": 2,
    "a number of": 2,
    "a handful of": 2,
}

QUALIFIERS = (
    (r"at\s+least|a\s+minimum\s+of|no\s+(?:fewer|less)\s+than|not\s+less\s+than", "at_least"),
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above", "over"),
    (
        r"about|around|approximately|nearly|almost|roughly|some|up\s+to|close\s+to|"
        r"an\s+estimated|estimated|as\s+many\s+as|approx\.?",
        "approximately",
    ),
)

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
_WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))?(?:\s+(?:{_SCALE}))?"
    rf"(?:(?:\s+and)?\s+(?:{_WORD})(?:[\s-]+(?:{_WORD}))?)?|a\s+dozen|two\s+dozen|"
    rf"three\s+dozen|a\s+couple(?:\s+of)?|a\s+hundred|a\s+thousand)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\.\d)(?!:\d)(?!\s*(?:%|per\s*cent|percent))"
_QUAL = "|".join(f"(?:{q})" for q, _ in QUALIFIERS)
_VAGUE = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in VAGUE), key=len)[::-1])

NUMBER = re.compile(
    rf"(?<![\w:.-])(?:(?P<qual>{_QUAL})\s+)?(?:(?P<digits>{_DIGITS})|(?P<words>{_WORD_NUMBER})"
    rf"|(?P<vague>{_VAGUE}))(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: `value` is None for vague words, then `low` is the floor."""

    value: int | None
    qualifier: str
    start: int
    end: int
    text: str
    low: int | None = None


def words_to_int(words: str) -> int | None:
    """'twenty-three' -> 23, 'one hundred and five' -> 105, 'a dozen' -> 12; else None."""
    w = re.sub(r"[\s-]+", " ", words.lower()).strip()
    fixed = {
        "a dozen": 12,
        "two dozen": 24,
        "three dozen": 36,
        "a couple": 2,
        "a couple of": 2,
        "a hundred": 100,
        "a thousand": 1000,
    }
    if w in fixed:
        return fixed[w]
    total = current = 0
    seen = False
    for tok in w.split():
        if tok == "and":
            continue
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in SCALES:
            current = max(current, 1) * SCALES[tok]
            if SCALES[tok] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _qualifier(raw: str | None) -> str:
    if not raw:
        return "exact"
    low = re.sub(r"\s+", " ", raw.lower())
    for pattern, name in QUALIFIERS:
        if re.fullmatch(pattern, low):
            return name
    return "exact"


def parse_match(m: re.Match[str], offset: int = 0) -> Quantity | None:
    """The Quantity for one NUMBER match (offsets shifted by `offset`)."""
    qual = _qualifier(m.group("qual"))
    start, end = m.start() + offset, m.end() + offset
    if m.group("digits"):
        return Quantity(int(m.group("digits").replace(",", "")), qual, start, end, m.group())
    if m.group("words"):
        value = words_to_int(m.group("words"))
        if value is None:
            return None
        return Quantity(value, qual, start, end, m.group())
    vague = re.sub(r"\s+", " ", (m.group("vague") or "").lower())
    return Quantity(None, "vague", start, end, m.group(), low=VAGUE.get(vague))


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All quantities in `text`, left to right, offsets relative to the article."""
    out: list[Quantity] = []
    for m in NUMBER.finditer(text):
        q = parse_match(m, offset)
        if q is not None:
            out.append(q)
    return out


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short phrase such as 'at least twelve' or 'dozens'."""
    found = find_quantities(text)
    return found[0] if found else None

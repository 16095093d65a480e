"""Sentences, lines and spans of a news text, with exact character offsets.

News excerpts arrive as captured: headlines, photo captions, embedded posts and page
furniture ("Advertisement", "Dark Mode", related-story lists) are mixed into the body. This
module splits the text into sentences whose `text` is always `article[start:end]`, tags each
with the kind of line it came from, and drops furniture, so later stages never quote a menu
item. Everything here is linear in the length of the text.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_list(spec: str) -> tuple[str, ...]:
    """Words written as one space-separated string, in order."""
    return tuple(spec.split())


def words(spec: str) -> frozenset[str]:
    """A set of words written as one space-separated string (word lists read better so)."""
    return frozenset(spec.split())


class Stems:
    """A fast pre-check: does a text contain any of these lower-case substrings?

    Used before running a family of regular expressions: a plain substring test is much
    cheaper than a case-insensitive alternation, and a sentence without any stem cannot
    match any pattern of the family (the stems are a superset of their trigger words).
    """

    __slots__ = ("stems",)

    def __init__(self, spec: str) -> None:
        self.stems = tuple(s for s in spec.split("|") if s)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        """True when text[lo:hi] contains a stem (case-insensitive)."""
        low = text[lo:hi].lower()
        return any(stem in low for stem in self.stems)


def stems(*parts: str) -> Stems:
    """Build a `Stems` pre-check from "|"-separated pieces."""
    return Stems("".join(parts))


#: Sentences longer than this are cut at a space: keeps every later regex cheap on
#: pathological input (megabytes without punctuation) without losing offsets.
MAX_SENTENCE = 1200

_ABBREVIATIONS = words(
    """mr mrs ms dr gen lt maj col capt sgt pvt cpl brig gov sen rep st no nos jan feb mar
    apr jun jul aug sep sept oct nov dec vs jr sr inc co corp ltd govt dept approx pres
    adm hon supt insp asi fig al"""
)

_COUNTRY_ABBREVIATIONS = frozenset({"u.s", "u.k", "u.n", "e.u"})
#: Words that start a new sentence after "U.S." rather than continue a name ("U.S. Army").
_SENTENCE_STARTS = words(
    """The A An This That These Those He She It They We I But And However Meanwhile
    Afghanistan Pakistan Israel Hamas Russia Ukraine India China Iran Officials Police"""
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*\s+")
_NEXT_STARTS = re.compile(r"[\"“‘(\[]?[A-Z0-9¿¡]")
_LINE = re.compile(r"[^\n]+")

FURNITURE = re.compile(
    r"""^\s*(?:
        advertisement|adsense\ advertisement|dark\ mode|logo|close|share|print|menu|
        recommended(?:\ stories)?|list\ of\ \d+\ items.*|sources\ \(\d+\)|
        know\ more\ about\ this\ story\??|if\ you\ have\ additional\ information.*|
        stay\ updated\ with.*|written\ by\ .*|posted\ by\ .*|by\ [A-Z][\w.'’ -]{0,60}|
        read:\ .*|also\ read.*|watch:\ .*|\d+\ min(?:ute)?s?\ read|follow\ us.*|
        subscribe.*|click\ here.*|image\ source.*|photo\ credit.*|getty\ images|
        for\ more\ information,\ please\ see.*|comments\ are\ moderated.*|
        https?://\S+|\S+\.(?:webp|jpe?g|png|gif)\)?|military\ space\ news|war\ report
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: After one of these lines the page lists other stories or comments: stop reading.
STOP = re.compile(
    r"^\s*(?:more\ in\ \w[\w ]*|related(?:\ (?:stories|articles|news|posts))?|comments|"
    r"you\ may\ also\ like.*|read\ more.*|more\ stories|trending(?:\ now)?|latest\ news)\s*$",
    re.IGNORECASE | re.VERBOSE,
)

CAPTION = re.compile(
    r"(?:[—–/-]\s*(?:AFP|Reuters|REUTERS|AP|EPA|Xinhua|Anadolu(?:\ Agency)?|Getty\ Images)"
    r"\.?\s*$|REUTERS/|\(AP\ Photo|\bAP\ Photo/|\bPhoto:|\bFile\ photo\b|\(L\)|\(R\))",
    re.VERBOSE,
)

#: "— Gustavo Petro (@petrogustavo) January 17, 2025": the signature of an embedded post.
EMBED_SIGNATURE = re.compile(r"^\s*[—–-]{1,2}\s*.{1,80}\(@\w{1,40}\)\s+.{0,40}\d{4}\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or headline, caption, embedded post) with its exact offsets."""

    start: int
    end: int
    text: str
    kind: str
    line: int
    index: int


#: A photo credit closing a sentence ("... on October 16, 2025.(AFP)", "| Name/AFP via Getty
#: Images"): a caption run into the body text.
_CREDIT = re.compile(
    r"(?:\((?:AFP|AP|Reuters|EPA|Anadolu|Xinhua|Getty\s+Images|File(?:\s+photo)?|"
    r"(?:Photo|Image)[^()]{0,40})\)|\|\s*[^|]{0,60}\b(?:AFP|Reuters|AP|EPA|Getty\s+Images)\b"
    r"[^|]{0,30}|[.!?]\s+(?:AFP|Reuters|AP|EPA)|"
    # wire photo captions end with the day the photo was taken: "..., Pakistan, February 2, 2026."
    r",\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}\.)\s*$"
)


def _line_kind(line: str, first: bool) -> str:
    stripped = line.strip()
    if FURNITURE.match(stripped):
        return "furniture"
    if EMBED_SIGNATURE.match(stripped):
        return "embed_signature"
    if "pic.twitter.com" in stripped or "t.co/" in stripped:
        return "embed"
    if CAPTION.search(stripped):
        return "caption"
    words = stripped.split()
    if stripped[-1:] not in '.!?"”’)' and len(words) <= 30:
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        if first or caps >= 0.6 * len(words):
            return "headline"
    return "body"


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot].lower()
    if not token:
        return False
    if len(token) == 1 and text[i].isupper():
        return True  # an initial: "D.I. Khan", "U.S."
    if "." in token:
        # "U.S. President" goes on; "... from the U.S. Afghanistan said ..." is a new sentence
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[dot + 1 : dot + 40])
        return not (
            token in _COUNTRY_ABBREVIATIONS and nxt is not None and nxt.group(1) in _SENTENCE_STARTS
        )
    return token in _ABBREVIATIONS


def _split_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def _sentences_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[lo:hi], trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    begin = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        nxt = _NEXT_STARTS.match(text, m.end())
        if not nxt or m.end() >= hi:
            continue
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        cut = m.end()
        while cut > begin and text[cut - 1].isspace():
            cut -= 1
        spans.append((begin, cut))
        begin = m.end()
    spans.append((begin, hi))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.extend(_split_long(s, e, text))
    return out


#: A line that ends a sentence or a heading, not one cut by a hard wrap.
_LINE_CLOSED = re.compile(r"[.!?:;\"”’)\]]\s*$")
WRAP_WIDTH = 100


def _hard_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Whether the text was wrapped at a fixed width (wire copy, e-mail, PDF): its long
    lines are all short of `WRAP_WIDTH` and most end in mid-sentence."""
    long = [(a, b) for a, b in lines if b - a >= 40]
    if len(long) < 6 or any(b - a > WRAP_WIDTH for a, b in lines):
        return False
    cut = sum(1 for a, b in long if not _LINE_CLOSED.search(text, a, b))
    return cut * 2 >= len(long)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the text's lines; in hard-wrapped text a line cut in mid-sentence runs on
    into the next, so a sentence is never split at a wrap ("Kabul blamed / Islamabad")."""
    lines = [m.span() for m in _LINE.finditer(text)]
    if not _hard_wrapped(lines, text):
        return lines
    width = max(b - a for a, b in lines)
    out: list[tuple[int, int]] = []
    cut = False  # whether the last line was cut by the wrap (long, not closed)
    for a, b in lines:
        if cut and out[-1][1] + 1 == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        cut = b - a >= width - 25 and not _LINE_CLOSED.search(text, a, b)
    return out


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, skipping furniture and everything after a STOP line."""
    out: list[Sentence] = []
    first = True
    for line_no, (start, end) in enumerate(_lines(text)):
        line = text[start:end]
        if not line.strip():
            continue
        if STOP.match(line):
            break
        kind = _line_kind(line, first)
        first = False
        if kind == "furniture":
            continue
        for s, e in _sentences_in(text, start, end):
            own = "caption" if kind == "body" and _CREDIT.search(text, s, e) else kind
            out.append(Sentence(s, e, text[s:e], own, line_no, len(out)))
    return out


_DATELINE_PLACE = re.compile(
    # an aggregator's credit may come first: "(MENAFN- Kuwait News Agency (KUNA)) DOHA, ..."
    r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:"
    r"([A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Z][a-z]+)?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?"
    r"(?:\s*\([A-Za-z .&]{1,25}\))?"
    r"\s*(?::|\s?[-–—]{1,2}\s)|"
    # "Peshawar, Dec 12 (PTI)": a title-case place needs the day and the agency
    r"([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}),\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
    r"[A-Z][a-z]{2,8})(?:,?\s*\d{4})?\s*\([A-Za-z .&]{1,25}\)\s*(?:[:–—-]\s*)?)"
)


#: "New Delhi: Just as a fragile ceasefire ...": a title-case place and a colon, the house
#: style of several South Asian outlets; taken as a dateline only for a gazetteer place.
_TITLE_DATELINE = re.compile(r"^\s*([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}):\s")


def dateline_place(sentence: Sentence) -> tuple[int, int] | None:
    """Offsets of a dateline place ("DERA ISMAIL KHAN:", "KABUL —", "Peshawar, Dec 12 (PTI)",
    "New Delhi:"), if any; the caller checks that a title-case one is a known place."""
    m = _DATELINE_PLACE.match(sentence.text) or _TITLE_DATELINE.match(sentence.text)
    if not m:
        return None
    group = next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g))
    return sentence.start + m.start(group), sentence.start + m.end(group)


#: "October 15 — Pakistani and Afghan forces clashed ...": a dateline with no place.
_DATE_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s*\d{4})?\s*(?:[—–]|--?)\s"
)


def dateline_end(sentence_text: str) -> int:
    """Length of a leading dateline ("KABUL, Oct 18 (Reuters) -", "PESHAWAR:", "October 15
    —"), else 0."""
    m = _DATELINE_PLACE.match(sentence_text) or _DATE_DATELINE.match(sentence_text)
    return m.end() if m else 0


def span_text(text: str, start: int, end: int) -> str:
    """`text[start:end]`, named so call sites read as what they are."""
    return text[start:end]


def clean_fragment(fragment: str) -> str:
    """Collapse whitespace and strip punctuation at the ends of a free-text field."""
    return re.sub(r"\s+", " ", fragment).strip(" ,;:-–—\"“”'‘’")

"""Who and where of an agreement event: parties, mediators, speaker and venue.

Mediators are only those the text calls mediators, hosts or brokers (README convention 5):
"mediated by Turkey and Qatar", "Qatari mediation", "Trump-brokered", "hosted by Türkiye",
"a Saudi delegation that mediated". Bodies that only call for calm are the speaker
(`stated_by`), never mediators.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ceasefire.news.actors import demonym_country
from ceasefire.news.places import by_name

if TYPE_CHECKING:
    from ceasefire.news.analysis import Article, SentenceInfo

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|al-\w+)){0,5}"
_MEDIATOR_PATTERNS = (
    re.compile(
        rf"\b(?:mediated|brokered|hosted|facilitated)\s+by\s+(?:the\s+)?(?P<m>{_NAME}"
        rf"(?:,\s+{_NAME})*(?:,?\s+and\s+(?:the\s+)?{_NAME})?)"
    ),
    re.compile(
        rf"\b(?:mediation|aegis)\s+(?:of|by)\s+(?P<m>{_NAME}(?:\s+and\s+{_NAME})?)",
    ),
    re.compile(rf"\bwith\s+(?P<m>{_NAME})\s+mediating\b"),
    re.compile(r"\b(?P<m>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})-brokered\b"),
    re.compile(r"\b(?P<m>[A-Z][a-z]+)\s+(?:mediation|mediators?)\b"),
    re.compile(r"\b(?P<m>[A-Z][a-z]+)\s+delegation\s+that\s+mediated\b"),
    # "Saudi Arabia hosted a meeting", "Qatar will host the next round of talks"
    re.compile(
        rf"\b(?P<m>{_NAME})\s+(?:(?:will|would|is\s+to|has|had|is|was)\s+)?"
        rf"(?:host(?:ed|s|ing)?|convened)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){{0,3}}?"
        rf"(?:talks|meetings?|rounds?|negotiations|summit)\b"
    ),
)
_SPEAKER_PATTERNS = (
    re.compile(
        r",\s*(?:said|says|declared|wrote|added|announced)\s+(?P<s>[A-Z][^,.;:]{2,80}?)(?:\s+on\b|"
        r",|\.|$)"
    ),
    re.compile(r"[,”\"]\s*(?P<s>[A-Z][^,.;:“”\"]{2,80}?)\s+(?:said|says|wrote|added|declared)\b"),
    re.compile(r"\baccording\s+to\s+(?:the\s+)?(?P<s>[^,.;:]{3,80})"),
    re.compile(
        r"^\W*(?:[A-Z][\w’']*\s+){0,2}?(?P<s>[A-Z][\w.'’ -]{2,80}?)\s+"
        r"(?:(?:on|late|early)\s+\w+\s+)?(?:said|says|announced|declared|stated|told|confirmed|"
        r"warned)\b"
    ),
)
_PARTY_KINDS = ("country",)


def _to_name(raw: str) -> str:
    raw = re.sub(r"^(?:the|US|U\.S\.)\s+", "", raw.strip())
    country = demonym_country(raw.split()[0]) if raw.split() else None
    return country or raw


def mediators(clause: str, text: str) -> tuple[str, ...]:
    """Mediators named in the clause (see the module docstring)."""
    del text
    out: list[str] = []
    for pattern in _MEDIATOR_PATTERNS:
        for m in pattern.finditer(clause):
            for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("m")):
                name = _to_name(part)
                if name and name not in out and len(name) > 1:
                    out.append(name)
    return tuple(out)


def stated_by(sentence: str) -> str | None:
    """The speaker a sentence attributes its statement to, if it names one."""
    for pattern in _SPEAKER_PATTERNS:
        m = pattern.search(sentence)
        if m:
            speaker = re.sub(r"\s+", " ", m.group("s")).strip(" ,\"“”'")
            if speaker.lower() not in {"it", "he", "she", "they", "the", "this", "there"}:
                return speaker
    return None


def venue(info: SentenceInfo, lo: int, hi: int) -> str | None:
    """The place of a meeting or signing: a named place after 'in' or 'at' in the clause."""
    text = info.sent.text
    base = info.sent.start
    for f in info.places:
        p = f.place
        if not lo <= p.start < hi or f.role not in ("site", "venue"):
            continue
        before = text[max(0, p.start - base - 8) : p.start - base]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return p.name
    return None


def article_parties(article: Article) -> tuple[str, ...]:
    """The two countries or armed sides the article names most often (computed once)."""
    counts: Counter[str] = Counter()
    for s in article.sentences:
        for f in s.places:
            if f.place.kind == "country":
                counts[f.place.name] += 1
        for a in s.actors:
            if a.kind in ("state_force", "non_state_armed") and a.side:
                rec = by_name(a.side)
                counts[rec["name"] if rec else a.side] += 1
    return tuple(name for name, _ in counts.most_common(2))


def parties(info: SentenceInfo, lo: int, hi: int, main: tuple[str, ...]) -> tuple[str, ...]:
    """Countries and armed actors named in the clause; else the article's two main ones."""
    found: list[str] = []
    for f in info.places:
        if lo <= f.place.start < hi and f.place.kind in _PARTY_KINDS:
            found.append(f.place.name)
    for a in info.actors:
        if lo <= a.start < hi and a.kind in ("state_force", "non_state_armed", "government"):
            found.append(a.side or a.name)
    text = info.sent.text
    base = info.sent.start
    for m in re.finditer(r"\b([A-Z][a-z]+)\b", text[lo - base : hi - base]):
        country = demonym_country(m.group(1))
        if country:
            found.append(country)
    uniq = list(dict.fromkeys(x for x in found if x))
    if len(uniq) >= 2:
        return tuple(uniq[:4])
    return tuple(dict.fromkeys([*uniq, *main]))[:4]

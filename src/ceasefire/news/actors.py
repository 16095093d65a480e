"""The actor registry: one record per armed group, force or body, with its aliases.

The same actor goes by many names: Pakistan's military calls the TTP "Fitna al-Khawarij"
and the BLA "Fitna al-Hindustan"; the Afghan Taliban are "the Islamic Emirate", "the
Taliban regime" or "Afghan forces". Monitors need one identifier per actor to count and
compare claims, so matches are normalised here. `kind` separates state forces and
governments from non-state armed groups and third parties (which matters for typing: an
attack by a non-state group is a `militant_attack`, an attack by a state with no stated
means is `other`); `side` is the party a force belongs to, used to tell opposing casualty
claims apart.

Matching is a lookup of word n-grams in a dictionary (linear in the text). Acronyms
("TTP", "IS", "FC") match only in capitals.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ceasefire.news.model import ActorMatch

# id, canonical name, kind, side, aliases ("|"-separated)
_REGISTRY: tuple[tuple[str, str, str, str | None, str], ...] = (
    (
        "ttp",
        "Tehreek-e-Taliban Pakistan (TTP)",
        "non_state_armed",
        "TTP",
        "TTP|Tehreek-e-Taliban Pakistan|Tehrik-i-Taliban Pakistan|Tehrik-e-Taliban Pakistan|"
        "Tehreek-i-Taliban Pakistan|Tehrik-e-Taliban|Pakistani Taliban|Fitna al-Khawarij|"
        "Fitna al Khawarij|Fitna al Khwarij|Fitna al-Khwarij|Fitna-al-Khawarij|Khawarij|Khwarij|"
        "Kharijis|Kharji|khwarij elements|Khwarij militants|Khawarij terrorists",
    ),
    (
        "bla",
        "Baloch Liberation Army (BLA)",
        "non_state_armed",
        "BLA",
        "BLA|Baloch Liberation Army|Baloch Libration Army|Balochistan Liberation Army|"
        "Fitna al-Hindustan|Fitna al Hindustan|Fitna-al-Hindustan|Majeed Brigade",
    ),
    (
        "blf",
        "Baloch Liberation Front (BLF)",
        "non_state_armed",
        "BLF",
        "BLF|Baloch Liberation Front",
    ),
    (
        "iskp",
        "Islamic State Khorasan Province (ISKP)",
        "non_state_armed",
        "ISKP",
        "ISKP|IS-K|ISIS-K|ISKP|Islamic State Khorasan|Islamic State Khorasan Province|"
        "Islamic State|IS|ISIS|Daesh|Daesh Khorasan",
    ),
    (
        "hgb",
        "Hafiz Gul Bahadur group",
        "non_state_armed",
        "HGB",
        "Hafiz Gul Bahadur group|Hafiz Gul Bahadur|Gul Bahadur group",
    ),
    ("let", "Lashkar-e-Taiba", "non_state_armed", "LeT", "Lashkar-e-Taiba|Lashkar-e-Tayyiba|LeT"),
    ("jem", "Jaish-e-Mohammed", "non_state_armed", "JeM", "Jaish-e-Mohammed|Jaish-e-Muhammad|JeM"),
    ("hm", "Hizbul Mujahideen", "non_state_armed", "HM", "Hizbul Mujahideen"),
    ("trf", "The Resistance Front (TRF)", "non_state_armed", "TRF", "TRF|Resistance Front"),
    (
        "afghan_taliban",
        "Afghan Taliban (Islamic Emirate of Afghanistan)",
        "state_force",
        "Afghanistan",
        "Afghan Taliban|Taliban|Taliban government|Taliban regime|Taliban administration|"
        "Taliban authorities|Taliban forces|Taliban fighters|Islamic Emirate|"
        "Islamic Emirate of Afghanistan|Afghan forces|Afghan troops|Afghan border forces|"
        "Afghan Taliban forces|Taliban's Ministry of Defense|Taliban’s Ministry of Defense|"
        "Zabihullah Mujahid|Afghan government|Afghan officials",
    ),
    (
        "pakistan_army",
        "Pakistan Army / ISPR",
        "state_force",
        "Pakistan",
        "Pakistan Army|Pakistani army|Pakistani military|Pakistan's military|Pakistan’s military|"
        "Pakistani troops|Pakistani soldiers|Pakistani forces|Pakistani security forces|"
        "ISPR|Inter-Services Public Relations|Frontier Corps|FC|Pakistan Air Force|PAF|"
        "Pakistan's armed forces|Pakistan’s armed forces|Pakistani drone|Pakistani drones",
    ),
    (
        "pakistan_police",
        "Pakistani police and counter-terrorism forces",
        "state_force",
        "Pakistan",
        "Khyber Pakhtunkhwa police|KP police|Punjab police|Punjab Police|Balochistan police|"
        "Counter Terrorism Department|CTD|Levies|Rangers|Islamabad police",
    ),
    (
        "pakistan_government",
        "Government of Pakistan",
        "government",
        "Pakistan",
        "Pakistani government|Pakistan government|government of Pakistan|Foreign Office|"
        "Khawaja Asif|Khawaja Muhammad Asif|Shehbaz Sharif|Attaullah Tarar|Tahir Andrabi|"
        "Mohsin Naqvi|Asif Ali Zardari",
    ),
    ("security_forces", "security forces (unspecified)", "state_force", None, "security forces"),
    ("police", "police (unspecified)", "state_force", None, "police|policemen"),
    (
        "indian_army",
        "Indian armed forces",
        "state_force",
        "India",
        "Indian Army|Indian army|Indian Air Force|Indian armed forces|Indian forces",
    ),
    (
        "israel_military",
        "Israel Defense Forces (IDF)",
        "state_force",
        "Israel",
        "IDF|Israel Defense Forces|Israeli military|Israeli army|Israeli forces|Israeli troops|"
        "Israeli airstrikes|Israeli strikes",
    ),
    ("hamas", "Hamas", "non_state_armed", "Hamas", "Hamas|Qassam Brigades|al-Qassam Brigades"),
    ("hezbollah", "Hezbollah", "non_state_armed", "Hezbollah", "Hezbollah|Hizbollah|Hizballah"),
    ("pij", "Palestinian Islamic Jihad", "non_state_armed", "PIJ", "Islamic Jihad"),
    (
        "houthis",
        "Houthis (Ansar Allah)",
        "non_state_armed",
        "Houthis",
        "Houthis|Houthi|Ansar Allah",
    ),
    (
        "eln",
        "National Liberation Army (ELN)",
        "non_state_armed",
        "ELN",
        "ELN|National Liberation Army",
    ),
    (
        "farc_dissidents",
        "FARC dissidents",
        "non_state_armed",
        "FARC dissidents",
        "FARC dissidents|FARC|EMC|Estado Mayor Central",
    ),
    ("m23", "AFC/M23", "non_state_armed", "M23", "M23|AFC/M23|AFC|Alliance Fleuve Congo"),
    ("fardc", "Armed Forces of the DRC (FARDC)", "state_force", "DRC", "FARDC|Congolese army"),
    ("rsf", "Rapid Support Forces (RSF)", "non_state_armed", "RSF", "RSF|Rapid Support Forces"),
    (
        "saf",
        "Sudanese Armed Forces (SAF)",
        "state_force",
        "Sudan",
        "SAF|Sudanese Armed Forces|Sudanese army|Sudan's army|Sudan’s army",
    ),
    (
        "russia_forces",
        "Russian armed forces",
        "state_force",
        "Russia",
        "Russian forces|Russian army|Russian military|Russian troops",
    ),
    (
        "ukraine_forces",
        "Armed Forces of Ukraine",
        "state_force",
        "Ukraine",
        "Ukrainian forces|Ukrainian army|Ukrainian military|Ukrainian troops",
    ),
    (
        "thai_army",
        "Royal Thai Army",
        "state_force",
        "Thailand",
        "Royal Thai Army|Thai army|Thai forces|Thai military|Thai troops|Thai soldiers",
    ),
    (
        "cambodia_army",
        "Royal Cambodian Armed Forces",
        "state_force",
        "Cambodia",
        "Royal Cambodian Armed Forces|Cambodian army|Cambodian forces|Cambodian troops",
    ),
    (
        "unama",
        "UN Assistance Mission in Afghanistan (UNAMA)",
        "third_party",
        None,
        "UNAMA|United Nations Assistance Mission in Afghanistan|UN mission",
    ),
    ("unifil", "UNIFIL", "third_party", None, "UNIFIL|United Nations Interim Force in Lebanon"),
    (
        "un",
        "United Nations",
        "third_party",
        None,
        "United Nations|UN|U.N.|Security Council|UN Security Council|Secretary-General|"
        "UN Secretary-General",
    ),
)

DEMONYMS = {
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "indian": "India",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "lebanese": "Lebanon",
    "syrian": "Syria",
    "qatari": "Qatar",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
    "egyptian": "Egypt",
    "emirati": "United Arab Emirates",
    "american": "United States",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "thai": "Thailand",
    "cambodian": "Cambodia",
    "colombian": "Colombia",
    "congolese": "Democratic Republic of the Congo",
    "rwandan": "Rwanda",
    "sudanese": "Sudan",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "iranian": "Iran",
    "chinese": "China",
    "malaysian": "Malaysia",
}

_TOKEN = re.compile(r"[\w'’./-]+")


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, tuple[str, str, str, str | None, bool, str]]]:
    """First word -> {alias key -> (id, name, kind, side, case_sensitive, alias)}."""
    out: dict[str, dict[str, tuple[str, str, str, str | None, bool, str]]] = {}
    for actor_id, name, kind, side, aliases in _REGISTRY:
        for alias in aliases.split("|"):
            key = _norm(alias)
            exact = alias.isupper() or (len(alias) <= 4 and any(c.isupper() for c in alias[1:]))
            out.setdefault(key.split()[0], {})[key] = (actor_id, name, kind, side, exact, alias)
    return out


def actor_kind(actor_id: str) -> str | None:
    """The kind of a registry actor, or None for an unknown id."""
    for rec in _REGISTRY:
        if rec[0] == actor_id:
            return rec[2]
    return None


def find_actors(text: str, lo: int, hi: int) -> list[ActorMatch]:
    """Registry actors named in text[lo:hi], longest alias first, left to right."""
    index = _index()
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]
    out: list[ActorMatch] = []
    i = 0
    while i < len(toks):
        first = text[toks[i][0] : toks[i][1]].replace("’", "'").lower().rstrip(".,")
        bucket = index.get(first) or (index.get(first[:-2]) if first.endswith("'s") else None)
        if not bucket:
            i += 1
            continue
        hit = None
        for n in range(min(6, len(toks) - i), 0, -1):
            s, e = toks[i][0], toks[i + n - 1][1]
            surface = text[s:e].rstrip(".,")
            rec = bucket.get(_norm(surface)) or bucket.get(re.sub(r"'s$", "", _norm(surface)))
            if rec is None:
                continue
            if rec[4] and surface.rstrip("'’s") != rec[5] and surface != rec[5]:
                continue
            hit = (rec, s, s + len(surface), n)
            break
        if hit is None:
            i += 1
            continue
        (actor_id, name, kind, side, _exact, _alias), s, e, n = hit
        out.append(ActorMatch(actor_id, name, kind, side, text[s:e], s, e))
        i += n
    return out


def demonym_country(word: str) -> str | None:
    """'Qatari' -> 'Qatar'; None when the word is not a known demonym."""
    return DEMONYMS.get(word.lower())

"""Casualty claims: who says how many of whom were killed or hurt.

A claim is one figure from one source about one victim group: "at least three police
officers were killed ... according to a statement from the police", "Taliban spokesman
Zabihullah Mujahid claimed 58 Pakistani soldiers were killed". This module finds them
(subject forms "N soldiers were killed", object forms "killing N", "left N dead", tolls
that "rose to N", single victims, enumerations such as "a couple and their baby",
press-release idioms such as "sent to hell" or "embraced shahadat"); `fatalities.py`
turns them into incident totals. "nine of them", "including five children" are parts of a
figure already counted and are flagged as subsets.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re

from ceasefire.news.actors import DEMONYMS
from ceasefire.news.model import CasualtyClaim
from ceasefire.news.numbers import NUMBER, Quantity, parse_match
from ceasefire.news.text import stems

_SECURITY = (
    r"soldiers?|troops?|personnel|(?:police\s+)?officers?|policem[ae]n|police|cops?|constables?|"
    r"guards?|servicem[ae]n|jawans?|sepoys?|paramilitar(?:y|ies)|levies|rangers|commandos?|"
    r"forces|sub-inspectors?|inspectors?|army\s+officers?|border\s+guards?"
)
_MILITANT = (
    r"militants?|terrorists?|attackers?|assailants?|insurgents?|khwarij|khawarij|fighters?|"
    r"gunm[ae]n|bombers?|rebels?|jihadists?|dissidents?|operatives?|commanders?|suspects?|"
    r"members"
)
_CIVILIAN = (
    r"civilians?|children|child|women|woman|men|man|worshippers?|villagers?|residents?|"
    r"passengers?|labou?rers?|workers?|students?|pilgrims?|farmers?|shepherds?|boys?|girls?|"
    r"infants?|babies|baby|hostages?|journalists?|doctors?|Palestinians?|Syrians?|Lebanese|"
    r"Israelis?|Afghans?|Pakistanis?|family\s+members|victims"
)
_GENERIC = r"people|persons?|individuals?|others?|lives"
_VICTIM = rf"(?:{_SECURITY}|{_MILITANT}|{_CIVILIAN}|{_GENERIC})"
_ADJ = r"(?:(?!(?:were|was|and|in|on|at|of|who|had|have|has)\b)[A-Za-z'’-]+\s+){0,3}?"
_NUM = NUMBER.pattern

_KILLED = (
    r"(?:killed|martyred|dead|died|slain|murdered|shot\s+dead|executed|perished|massacred|"
    r"lost\s+(?:their\s+)?lives|embraced\s+(?:martyrdom|shahadat)|sent\s+to\s+hell|"
    r"neutrali[sz]ed|eliminated)"
)
_HURT = r"(?:injured|wounded|hurt|sustained\s+injuries)"
_BE = (
    r"(?:(?:were|was|(?:have|has|had)\s+(?:(?:reportedly|also|allegedly|so\s+far)\s+)?been|are|"
    r"is|got|being)\s+)?"
)
_ADV = r"(?:(?:reportedly|also|all|later|allegedly|subsequently)\s+)?"

SUBJECT_KILLED = re.compile(
    rf"(?P<q>{_NUM})\s+(?:of\s+(?:the\s+|its\s+|their\s+)?)?"
    rf"(?P<v>(?:[A-Z][a-z]+\s+and\s+(?:affiliated|allied|associated|other)\s+)?{_ADJ}{_VICTIM})?"
    rf"(?:\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?[\w-]+(?=\s+(?:were|was|have|had)\b))?"
    rf"(?:\s+(?:who|that)\s+(?!were\b|was\b)[^,.;]{{1,50}}?(?=\s+(?:were|was|have|had)\b))?"
    # "30 militants linked to the Fitna al-Khawarij, who were involved in ..., have been"
    # "25 militants from the Pakistani Taliban were killed"
    rf"(?:\s+(?:(?:linked|belonging|affiliated|associated|allied)\s+(?:to|with)|from)\s+[^,.;]{{1,50}}?"
    rf"(?=,|\s+(?:were|was|have|had)\b))?"
    rf"\s*(?:,[^,]{{0,90}},\s*)?"
    # "the three attackers attempted to storm the premises and were killed"
    rf"(?:(?!were\b|was\b)[a-z][^,.;]{{1,60}}?\s+and\s+(?=(?:were|was|had\s+been)\s))?"
    rf"{_BE}{_ADV}(?P<verb>{_KILLED}|{_HURT})\b",
    re.IGNORECASE,
)
_ADJ_GREEDY = r"(?:(?!(?:were|was|and|in|on|at|of|who|had|have|has)\b)[A-Za-z'’-]+\s+){0,3}"
OBJECT_KILLED = re.compile(
    rf"\b(?P<verb>killing|killed|kills?|martyring|martyred|claim(?:ed|ing)\s+the\s+lives\s+of|"
    rf"shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|murder(?:ed|ing)|"
    rf"neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|"
    rf"the\s+deaths?\s+of|(?:the\s+)?(?:elimination|neutrali[sz]ation|killing)\s+of|"
    rf"injuring|injured|wounding|wounded|hurting)\s+"
    rf"(?:all\s+|a\s+further\s+|another\s+)?"
    rf"(?P<q>{_NUM})(?:\s+(?:of\s+)?(?P<v>{_ADJ_GREEDY}{_VICTIM}\b))?",
    re.IGNORECASE,
)
LIVES = re.compile(
    rf"\bclaim(?:ed|ing|s)?\s+(?P<q>{_NUM})\s+(?P<v>lives)\b(?P<verb>)", re.IGNORECASE
)
LEFT_DEAD = re.compile(
    rf"\b(?:leaving|left|leaves|leave)\s+(?:a\s+further\s+|"
    rf"another\s+)?(?P<q>{_NUM})\s+(?:of\s+)?(?P<v>{_ADJ}{_VICTIM})?\s*"
    rf"(?:others?\s+)?(?P<verb>dead|killed|injured|wounded)\b",
    re.IGNORECASE,
)
TOLL = re.compile(
    rf"\b(?:death\s+)?toll(?:\s+(?:among|of)\s+(?P<v>[\w\s-]{{1,40}}?)|"
    rf"\s+(?:from|in)\s+[^.;:\d]{{1,160}}?)?\s+(?:has\s+|had\s+|"
    rf"have\s+)?"
    rf"(?:now\s+)?(?:risen|rose|climbed|jumped|increased|reached|stands|stood|grown|gone\s+up)"
    rf"\s+(?:at\s+|to\s+)(?P<q>{_NUM})",
    re.IGNORECASE,
)
_ONE_VICTIM = (
    r"soldier|policeman|police\s+officer|officer|constable|sub-inspector|inspector|child|man|"
    r"woman|civilian|boy|girl|person|militant|attacker|guard|worker|journalist|commander|"
    r"trooper|sepoy|jawan|cop|resident|farmer|shepherd|driver|teacher|student|doctor|national|"
    r"citizen|operative|leader|terrorist|insurgent|fighter|suspect"
)
#: "martyred a police officer", "shot dead a constable": one victim after the verb.
OBJECT_SINGLE = re.compile(
    rf"\b(?P<verb>killing|killed|kills?|martyring|martyred|shot\s+dead|shooting\s+dead|"
    rf"gunned\s+down|murder(?:ed|ing)|injuring|injured|wounding|wounded)\s+(?:a|an|one)\s+"
    rf"(?P<v>(?:[A-Za-z-]+\s+){{0,2}}?(?:{_ONE_VICTIM}))\b(?!\s+(?:was|were|who)\b)",
    re.IGNORECASE,
)
SINGLE = re.compile(
    r"\b(?:an?|one|another)\s+(?P<v>(?:[A-Za-z-]+\s+){0,2}?(?:soldier|policeman|officer|constable|"
    r"sub-inspector|inspector|child|man|woman|civilian|boy|girl|person|militant|attacker|guard|"
    r"worker|journalist|commander))\s+(?:was\s+|has\s+been\s+)?(?P<verb>killed|martyred|"
    r"shot\s+dead|shot\s+and\s+killed|gunned\s+down|murdered|injured|wounded|sustained\s+injuries)",
    re.IGNORECASE,
)
#: "Constable Muhammad Tariq was shot and killed", "a police constable named Qudoos was
#: martyred": one victim named by rank and name.
NAMED_SINGLE = re.compile(
    r"\b(?P<v>(?:(?i:an?|one|another)\s+)?(?:(?i:police)\s+)?(?:[Cc]onstable|[Ss]epoy|Havildar|Naik|"
    r"[Ss]ub-[Ii]nspector|[Ii]nspector|Captain|Major|Lieutenant|Colonel|Sergeant|[Ss]oldier|"
    r"[Pp]oliceman|[Oo]fficer|[Jj]ournalist)(?:\s+named)?(?:\s+[A-Z][a-z]+){1,3})\s+"
    r"(?:was|has\s+been)\s+(?P<verb>shot\s+and\s+killed|shot\s+dead|killed|martyred|murdered|"
    r"gunned\s+down)\b"
)
_LEADING_SINGLE = re.compile(
    r"\b(?:an?|one|another)\s+(?P<v>(?:[A-Za-z-]+\s+)?(?:soldier|policeman|officer|constable|child|man|"
    r"woman|civilian|boy|girl|militant|attacker|guard|worker|journalist|commander|bomber|"
    r"terrorist|gunman|fighter|insurgent))\s+and\s+$",
    re.IGNORECASE,
)
_LEADING_GROUP = re.compile(
    rf"(?P<q>{_NUM})\s+(?:of\s+(?:its|their|the)\s+)?(?P<v>{_ADJ_GREEDY}{_VICTIM})\s*,?\s+and\s+$",
    re.IGNORECASE,
)
_TRAILING_GROUP = re.compile(
    rf"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:his|her|their|its)\s+)?(?P<q>{_NUM})\s+"
    rf"(?P<v>{_ADJ_GREEDY}(?:{_VICTIM}|sons|daughters|brothers|sisters|relatives))\b(?!\s+(?:were|"
    rf"was)\b)",
    re.IGNORECASE,
)
_TRAILING_SINGLE = re.compile(
    rf"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:an?|one)\s+(?P<v>(?:[A-Za-z-]+\s+)?(?:{_ONE_VICTIM}))\b"
    rf"(?!\s+(?:were|was)\b)",
    re.IGNORECASE,
)
ORDINAL = re.compile(
    r"\bthe\s+(?:second|third|fourth|fifth|sixth|other)\s+(?:\w+\s+)?was\s+(?P<verb>killed|"
    r"martyred|injured|wounded)",
    re.IGNORECASE,
)
_FAMILY = r"(?:couple|family|baby|child|son|daughter|wife|husband|mother|father|brother|sister)"
ENUMERATION = re.compile(
    rf"\b(?P<np>(?:a|the|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?{_FAMILY}"
    rf"(?:\s*(?:,|and|,\s*and)\s+(?:a|the|their|his|her)?\s*(?:[\w-]+\s+){{0,2}}?{_FAMILY})+)"
    rf"\s+(?:were|have\s+been)\s+(?P<verb>killed|murdered|shot\s+dead|massacred)",
    re.IGNORECASE,
)
_ANY_TOLL = stems(
    "kill|martyr|dead|died|death|slain|murder|execut|perish|massacr|lives|injur|wound|hurt"
    "|hell|shahadat|neutrali|eliminat|gunned",
)
#: The toll of an earlier event the sentence points back to, not of the event it tells.
_EARLIER_EVENT = re.compile(
    r"\b(?:behind|for|after|following|avenge|avenging|in\s+response\s+to|involved\s+in)\s+the\s+"
    r"(?:[\w-]+\s+){0,3}(?:attack|assault|bombing|blast|ambush|strike)\s+(?:that|which)\s+"
    r"(?:had\s+)?$",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(r"(?i)\b(?:including|among\s+them|of\s+whom|among\s+the\s+dead)\s*$")
_UPDATE_BEFORE = re.compile(r"(?i)\b(?:risen|rose|climbed|increased|revised|updated)\s+(?:to\s+)?$")

_SOURCE_PATTERNS = (
    re.compile(r"(?i)\baccording\s+to\s+(?:the\s+|a\s+)?(?P<s>[^,.;:]{3,80})"),
    re.compile(
        r",\s*(?P<s>[^,]{3,80}?)\s+(?:said|says|added|confirmed|reported|claimed|told\s[\w ]{2,30})"
        r"\s*[.\"”]*$"
    ),
    re.compile(
        r"^\W*(?P<s>[A-Z][\w .'’-]{2,80}?)\s+(?:(?:on|late|early)\s+\w+\s+)?(?:said|says|claimed|"
        r"confirmed|announced|reported|stated|told|alleged)\b"
    ),
    re.compile(r"(?P<s>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})\s+claimed\b"),
)


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .,'’-]{2,40}"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?"
    r"(?:\s*\([^)]{1,20}\))?\s*[:—–-]+\s*"
)


def claim_source(sentence: str) -> str:
    """Who the sentence attributes its figures to ('report' when nobody is named).

    A leading dateline ("ISLAMABAD:", "KABUL (AP) —") is skipped, so "ISLAMABAD:
    Pakistan's military said ..." is attributed to Pakistan's military."""
    sentence = _DATELINE.sub("", sentence, count=1)
    for pattern in _SOURCE_PATTERNS:
        m = pattern.search(sentence)
        if m:
            src = re.sub(r"\s+", " ", m.group("s")).strip(" ,\"“”'")
            if src and src.lower() not in {"it", "he", "she", "they", "the", "this"}:
                return src
    return "report"


def group_key(victims: str) -> str:
    """A comparable victim-group key: category plus side ('security/Pakistan')."""
    low = victims.lower()
    words = set(re.findall(r"[a-z]+", low))
    side = next((c for d, c in DEMONYMS.items() if d in words), "")
    if "taliban" in low and not side:
        side = "Afghanistan" if "pakistani taliban" not in low else "TTP"
    head = low.split()[-1] if low.split() else ""
    if re.fullmatch(_SECURITY, head, re.IGNORECASE):
        cat = "security"
        if head in ("personnel", "forces", "members") and "taliban" in low:
            cat = "militants" if side == "TTP" else "security"
    elif re.fullmatch(_MILITANT, head, re.IGNORECASE):
        cat = "militants"
    elif re.fullmatch(r"people|persons?|individuals?|lives|victims|others?", head):
        cat = "people"
    else:
        cat = "civilians"
    return f"{cat}/{side}" if side else cat


def _enumeration_count(np: str) -> int | None:
    total = 0
    for part in re.split(r"\s*(?:,\s*and|,|and)\s+", np.lower()):
        if re.search(r"\bcouple\b", part):
            total += 2
        elif re.search(r"\b(?:children|sons|daughters|family)\b", part):
            return None
        else:
            total += 1
    return total


_LOCAL_SOURCE = re.compile(
    r"(?P<s>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s+(?:says|said|claims|claimed|stated)\s+"
    r"(?:that\s+)?(?:it\s+|they\s+|its\s+forces\s+)?(?:has\s+|had\s+|have\s+)?$"
)


def find_claims(text: str, lo: int, hi: int, source: str) -> list[CasualtyClaim]:
    """Casualty claims in text[lo:hi]; figures are attributed to `source`.

    A claim introduced by its own speaker ("Afghanistan says it has killed 110 ...") takes
    that speaker as its source instead.
    """
    found: list[tuple[int, int, CasualtyClaim]] = []
    if not _ANY_TOLL.search(text, lo, hi):
        return []

    def add(
        start: int,
        end: int,
        q: Quantity | None,
        victims: str,
        verb: str,
        update: bool,
        listed: bool = False,
    ) -> None:
        """Record one claim; `listed` marks a further member of an enumeration ("two
        women and three children"), a part to add up, never an alternative figure."""
        if any(s < end and start < e for s, e, _ in found):
            return
        if _EARLIER_EVENT.search(text, max(lo, start - 80), start):
            return  # "behind the assault that claimed the lives of 11": another event's toll
        hurt = bool(re.match(r"(?i)injur|wound|hurt|sustained", verb))
        value = q.value if q else 1
        qual = q.qualifier if q else "exact"
        before = text[max(lo, start - 25) : start]
        victims = re.sub(r"\s+", " ", victims).strip() or "people"
        local = _LOCAL_SOURCE.search(text, max(lo, start - 80), start)
        key = group_key(victims)
        if listed and any(c.group_key == key for _, _, c in found):
            key = f"{key}~{victims.lower()}"
        claim = CasualtyClaim(
            source=local.group("s") if local else source,
            victim_group=victims,
            group_key=key,
            killed=None if hurt else value,
            killed_qualifier=None if hurt else qual,
            injured=value if hurt else None,
            injured_qualifier=qual if hurt else None,
            is_update=update or bool(_UPDATE_BEFORE.search(before)),
            is_subset=bool(_SUBSET_BEFORE.search(before)),
            start=start,
        )
        found.append((start, end, claim))

    def add_tail(end: int, verb: str) -> None:
        """The further members of a list after an object ("... and five militants",
        "... and a woman")."""
        tail = _TRAILING_GROUP.match(text[end:hi])
        tq = NUMBER.fullmatch(tail.group("q")) if tail is not None else None
        if tail is not None and tq is not None:
            s0 = end + tail.start("q")
            add(s0, end + tail.end(), parse_match(tq, s0), tail.group("v"), verb, False, True)
        one = _TRAILING_SINGLE.match(text[end:hi])
        if one is not None:
            add(end + one.start("v"), end + one.end(), None, one.group("v"), verb, False, True)

    for m in TOLL.finditer(text, lo, hi):
        qm = NUMBER.fullmatch(m.group("q"))
        if qm is not None:
            q = parse_match(qm, m.start("q"))
            add(m.start(), m.end(), q, m.group("v") or "people", "killed", True)
    for pattern in (OBJECT_KILLED, LIVES, LEFT_DEAD, SUBJECT_KILLED):
        for m in pattern.finditer(text, lo, hi):
            qm = NUMBER.fullmatch(m.group("q"))
            q = parse_match(qm, m.start("q")) if qm else None
            if q is None or (q.value is not None and q.value >= 1_000_000):
                continue
            if re.match(r"\s+of\s+them\b", text[m.end("q") : m.end("q") + 9]):
                continue
            victims = m.group("v") or ""
            if (
                q.value is not None
                and not victims
                and pattern is not OBJECT_KILLED
                and (1900 <= q.value <= 2100)
            ):
                continue
            add(m.start(), m.end(), q, victims, m.group("verb") or "killed", False)
            verb = m.group("verb") or "killed"
            if pattern is SUBJECT_KILLED:
                lead = _LEADING_SINGLE.search(text, max(lo, m.start() - 60), m.start())
                if lead is not None:  # "a soldier and two civilians were killed"
                    add(lead.start(), lead.end(), None, lead.group("v"), verb, False, True)
                group = _LEADING_GROUP.search(text, max(lo, m.start() - 80), m.start())
                if group is not None:  # "two soldiers and five militants were killed"
                    gq = NUMBER.fullmatch(group.group("q"))
                    if gq is not None:
                        add(
                            group.start(),
                            group.end(),
                            parse_match(gq, group.start("q")),
                            group.group("v"),
                            verb,
                            False,
                            True,
                        )
            if pattern is OBJECT_KILLED:
                add_tail(m.end(), verb)  # "killing two soldiers and five militants"
    for m in SINGLE.finditer(text, lo, hi):
        add(m.start(), m.end(), None, m.group("v"), m.group("verb"), False)
    for m in NAMED_SINGLE.finditer(text, lo, hi):
        add(m.start(), m.end(), None, m.group("v"), m.group("verb"), False)
    for m in OBJECT_SINGLE.finditer(text, lo, hi):
        add(m.start(), m.end(), None, m.group("v"), m.group("verb"), False)
        add_tail(m.end(), m.group("verb"))  # "killed a man and his two sons"
    for m in ORDINAL.finditer(text, lo, hi):
        add(m.start(), m.end(), None, "people", m.group("verb"), False)
    for m in ENUMERATION.finditer(text, lo, hi):
        n = _enumeration_count(m.group("np"))
        q = Quantity(n, "exact", m.start(), m.end(), m.group("np")) if n else None
        if q is not None:
            add(m.start(), m.end(), q, m.group("np"), m.group("verb"), False)
    found.sort(key=lambda t: t[0])
    return [c for _, _, c in found]

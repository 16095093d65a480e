"""The wording rules that give an agreement event its kind (see `agreements.py`).

Most specific first; the first rule that matches a clause decides. `TRUCE` is every word
for a ceasefire the rules accept. Gaps between a verb and its object are `[^;]{0,N}`:
inside one clause, so they never run into the next sentence.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re

from ceasefire.news.text import Stems, stems

_I = re.IGNORECASE
TRUCE = r"(?:ceasefire|cease-fire|truce|cessation\s+of\s+hostilities|moratorium|armistice)"
#: A moratorium that "has ended" expired; only a ceasefire proper can collapse (convention 6).
CEASEFIRE = r"(?:ceasefire|cease-fire|truce|cessation\s+of\s+hostilities|armistice)"

#: (kind, sub-kind, pattern); the first match wins.
RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "ceasefire_extended",
        "extended",
        re.compile(
            rf"\b(?:extend(?:ed|s|ing)?|prolong(?:ed|s)?)\b[^;]{{0,60}}{TRUCE}|"
            # "renewed the truce", not "the renewed enforcement of the ceasefire"
            rf"\brenew(?:ed|s|ing)?\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}"
            rf"{TRUCE}|"
            rf"{TRUCE}[^;]{{0,40}}\b(?:was|were|has\s+been|had\s+been)\s+extended|"
            rf"extension\s+of\s+the\s+{TRUCE}",
            _I,
        ),
    ),
    (
        "ceasefire_collapsed",
        "collapsed",
        re.compile(
            rf"{CEASEFIRE}[^;.]{{0,100}}?\b(?:has\s+|had\s+)?(?:collapsed|broke\s+down|broken\s+down|fell\s+apart|"
            rf"ended(?!\s+(?:the\s+)?(?:fighting|war|hostilities|conflict|violence)))|"
            rf"(?:collapse|breakdown)\s+of\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){{0,2}}?{CEASEFIRE}",
            _I,
        ),
    ),
    (
        "ceasefire_declared",
        "unilateral",
        # "Pakistan declared that it would suspend military operations": a unilateral truce
        re.compile(
            r"\b(?:declared|announced|decided|agreed|ordered)\b[^;]{0,40}\b(?:suspend|halt|pause|"
            r"stop)\w*\s+(?:all\s+)?(?:its\s+|their\s+)?(?:military\s+|offensive\s+|combat\s+)?"
            r"(?:operations|hostilities|offensives?)\b",
            _I,
        ),
    ),
    (
        "other",
        "suspension",
        re.compile(
            r"\bsuspen(?:d|ds|ded|ding|sion)\b[^;]{0,60}\b(?:talks|negotiations|dialogue|truce|"
            r"ceasefire|agreement|process|deal)|\b(?:talks|negotiations|dialogue|truce|ceasefire|"
            r"agreement|process)\b[^;]{0,40}\b(?:is|was|are|were|been)?\s*suspended",
            _I,
        ),
    ),
    (
        "statement_of_breach",
        "breach",
        re.compile(
            rf"\b(?:break(?:ing|s)?|broke|broken)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}{TRUCE}|"
            rf"\b(?:violat\w+|breach\w*)[”\"’']?\s+(?:of\s+)?(?:the\s+)?(?:[\w’'-]+\s+){{0,5}}"
            rf"(?:{TRUCE}|agreement|deal|accord)|{TRUCE}\s+(?:violations?|breach(?:es)?)|"
            rf"{TRUCE}[^;]{{0,60}}\baccus\w+\s+[^;]{{0,40}}\bof\s+(?:violating|breaching|breaking)\b",
            _I,
        ),
    ),
    (
        "mechanism_agreed",
        "mechanism",
        re.compile(
            r"\b(?:agreed|agree|decided|will)\b(?:\s+[\w,]+){0,3}?\s+to\s+(?:set\s+up|establish|"
            r"create|form)\b[^;]{0,60}\b(?:mechanisms?|monitoring|verification|joint\s+committee|"
            r"commission)|^\W*and\s+(?:to\s+)?(?:set\s+up|establish|create|form)\b[^;]{0,60}"
            r"\b(?:mechanisms?|monitoring|verification|joint\s+committee|commission)|"
            r"\bagreed?\s+(?:on|to)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
            r"(?:mechanisms?|monitoring\s+(?:and\s+verification\s+)?(?:system|framework))|"
            # "agreed on detailed terms of reference for the ceasefire monitoring mechanism"
            r"\bagreed?\s+(?:on|to)\s+(?:[\w-]+\s+){0,6}?(?:for|of)\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,3}(?:monitoring|verification)\s+(?:[\w-]+\s+)?mechanisms?|"
            r"\b(?:decision|agreement)\s+to\s+(?:set\s+up|establish|create)\b[^;]{0,60}"
            r"\b(?:mechanisms?|monitoring|verification|committee)|"
            r"\b(?:instructed|tasked|agreed|asked)\s+to\s+(?:develop|draw\s+up|work\s+out|devise)\s+"
            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}mechanism",
            _I,
        ),
    ),
    (
        "other",
        "open_war",
        re.compile(
            r"\b(?:said|says|declared|announced|told)\b[^;]{0,80}open\s+war|"
            r"\bdeclar\w+\s+(?:an?\s+)?open\s+war",
            _I,
        ),
    ),
    (
        "other",
        "release",
        re.compile(
            r"\b(?:releas\w+|freed|handed\s+over|turned\s+over|swap\w*)\b[^;]{0,80}"
            r"\b(?:soldiers|prisoners|hostages|detainees|captives|troops)\b|"
            r"\b(?:soldiers|prisoners|hostages|detainees|captives)\b[^;]{0,40}\b(?:released|"
            r"freed)\b|"
            r"\bhostages?\b[^;]{0,80}\bto\s+be\s+released",
            _I,
        ),
    ),
    (
        "other",
        "call",
        re.compile(
            r"\b(?:call(?:ed|s)?\s+(?:on|for)|urg(?:ed|es|ing)|appeal(?:ed|s)?|"
            r"appeal\s+to)\b[^;]{0,120}"
            r"\b(?:restraint|calm|cease|ceasefire|truce|respect\s+(?:the\s+)?(?:truce|ceasefire|"
            r"agreement|deal)|de-?escalat\w*|dialogue|halt|"
            r"end\s+the|stop)\b",
            _I,
        ),
    ),
    (
        "other",
        "rejection",
        re.compile(
            r"\breject(?:ed|s|ing)?\b[^;]{0,60}\b(?:proposal|plan|offer|demand|deal|truce|"
            r"ceasefire)",
            _I,
        ),
    ),
    (
        "other",
        "proposal",
        re.compile(
            rf"\bpropos(?:ed|es)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:plan|{TRUCE}|deal|"
            rf"initiative)",
            _I,
        ),
    ),
    (
        "other",
        "expiry",
        re.compile(
            rf"\b(?:expir\w+|lapsed?)\b[^;]{{0,60}}{TRUCE}|{TRUCE}[^;]{{0,90}}expir\w+|"
            rf"moratorium\s+(?:has\s+|had\s+)?(?:ended|is\s+over|ran\s+out)",
            _I,
        ),
    ),
    (
        "other",
        "signing",
        re.compile(
            r"\b(?:sign(?:ed|s|ing)?|signature|initial(?:l)?ing)\b[^;]{0,60}\b(?:declaration|"
            r"peace\s+(?:deal|agreement|accord|treaty)|accord|joint\s+statement|memorandum|"
            r"document|"
            r"treaty)|\b(?:declaration|peace\s+deal|joint\s+statement)\b[^;]{0,40}\bsigned\b|"
            r"\bsignature\s+expected",
            _I,
        ),
    ),
    (
        "ceasefire_declared",
        "declared",
        re.compile(
            rf"{TRUCE}[^;]{{0,80}}\b(?:agreed|declared|announced|signed|reached|brokered|"
            rf"took\s+effect|takes?\s+effect|went\s+into\s+(?:effect|force)|"
            rf"(?:came|come|comes)\s+into\s+(?:effect|force)|entered\s+into\s+force|"
            rf"began|begins|implemented|mediated\s+by|ended\s+(?:the\s+)?fighting|"
            rf"has\s+been\s+signed|"
            rf"took\s+shape|was\s+reached|was\s+agreed|(?:is|was)\s+back\s+(?:in\s+effect|on))\b|"
            rf"\b(?:agree[ds]?|agreed|declare[ds]?|declared|announce[ds]?|announced|sign(?:ed)?|"
            rf"reach(?:ed)?|confirm(?:ed|s)?|"
            rf"enter\s+into|brokered|unilateral)\b[^;]{{0,60}}{TRUCE}|"
            rf"agreement\s+to\s+(?:cease|stop|halt)\s+(?:all\s+)?(?:firing|fighting|hostilities)|"
            rf"agreed\s+to\s+(?:cease|stop|halt)\s+(?:all\s+)?(?:firing|fighting|hostilities)|"
            # "Russia would refrain from striking Kyiv until Sunday": a pause agreed
            rf"\b(?:agreed\s+to|would|will)\s+refrain\s+from\s+(?:striking|attacking|firing|"
            rf"shelling|strikes|attacks)|"
            # "declared a temporary pause in escalating fighting"
            rf"\b(?:declared|announced|agreed\s+(?:to|on)|ordered)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}"
            rf"(?:pause|halt|lull)\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fighting|hostilities|"
            rf"attacks|operations|strikes)",
            _I,
        ),
    ),
    (
        "talks_round",
        "talks",
        re.compile(
            r"\b(?:held|hold|holding|began|begin|started|concluded|resumed?|convened?|attended)\b"
            r"[^;]{0,40}\b(?:talks|negotiations|dialogue|meetings?|rounds?|summits?|consultations)\b|"
            r"\b(?:talks|negotiations|round\s+of\s+(?:talks|negotiations)|(?:latest|last|first|"
            r"second|third|fourth|new|next)\s+round|meeting|summit)\b[^;]{0,60}"
            r"\b(?:held|took\s+place|concluded|ended|failed|broke\s+down|collapsed|stalled|began|"
            r"attended\s+by|"
            r"scheduled|planned|deferred|"
            r"postponed|will\s+(?:be\s+held|take\s+place|continue|resume)|set\s+to)\b|"
            r"\b(?:plans?|planned|will|to)\s+(?:travel|visit)\b[^;]{0,60}\b(?:peace|talks|"
            r"mediat\w*|"
            r"ceasefire|agreement|push\s+for)|"
            r"\b(?:round|rounds)\s+of\s+(?:[\w-]+\s+){0,3}(?:talks|negotiations)\b|"
            r"\b(?:locked|engaged)\s+in\s+(?:[\w-]+\s+)?(?:talks|negotiations)\b|"
            r"\b(?:arrived|travel\w*|visit\w*|met)\b[^;]{0,60}\bfor\s+(?:talks|negotiations|"
            r"consultations)\b|\b(?:talks|negotiations)\s+(?:broke\s+down|collapsed|stalled)\b|"
            r"\b(?:talks|negotiations|contacts|consultations|mediation(?:\s+efforts)?)\s+"
            r"(?:are|were|is|was)\s+(?:going\s+on|under\s*way|ongoing|continuing)\b|\b(?:next|follow-up|further)\s+(?:meetings?|rounds?)\b|"
            r"\b(?:meeting|talks|round)\b[^;]{0,30}\bhosted\s+by\b|"
            r"\b(?:host(?:ed|s|ing)?|convened?)\s+(?:a|an|the|another)?\s*(?:[\w-]+\s+){0,3}?"
            r"(?:talks|meetings?|rounds?|negotiations|summit|session)\b|"
            r"\bto\s+begin\s+negotiations\b|\bpeace\s+talks\b|"
            r"\b(?:will|would|to|agreed\s+to|are\s+to|are\s+due\s+to)\s+meet\s+again\b|"
            r"\b(?:expected|due|set|scheduled|slated)\s+to\s+(?:meet|convene|resume\s+talks|hold\s+talks)\b|"
            r"\b(?:first|second|third|final|last)\s+day\s+of\s+(?:talks|negotiations)\b|"
            # "the two sides will proceed with discussions on follow-up measures"
            r"\b(?:will|would|to)\s+(?:proceed\s+with|hold|begin|start|open|resume)\s+"
            r"(?:further\s+|new\s+|formal\s+|direct\s+)?(?:talks|discussions|negotiations)\b|"
            # "a Pakistani delegation arrived in Doha", "is expected to reach Istanbul"
            r"\bdelegations?\b[^;]{0,60}\b(?:arrived|arrives|reached|landed|(?:expected|due|set)\s+"
            r"to\s+(?:reach|arrive|land))\b",
            _I,
        ),
    ),
)


#: Words at least one of which a clause must hold for a rule to match at all: a plain
#: substring test before each regular expression keeps the rules cheap (see `text.Stems`).
NEEDS: dict[tuple[str, str], Stems] = {
    ("ceasefire_extended", "extended"): stems("extend|prolong|renew|extension"),
    ("ceasefire_declared", "unilateral"): stems("suspend|halt|pause|stop"),
    ("ceasefire_collapsed", "collapsed"): stems("collaps|broke|fell apart|ended|breakdown"),
    ("other", "suspension"): stems("suspen"),
    ("statement_of_breach", "breach"): stems("break|broke|violat|breach|accus"),
    ("mechanism_agreed", "mechanism"): stems("mechanism|monitor|verification|committee|commission"),
    ("other", "open_war"): stems("open war"),
    ("other", "release"): stems("releas|freed|handed|turned over|swap|hostage"),
    ("other", "call"): stems("call|urg|appeal"),
    ("other", "rejection"): stems("reject"),
    ("other", "proposal"): stems("propos"),
    ("other", "expiry"): stems("expir|lapse|moratorium"),
    ("other", "signing"): stems("sign|declaration|peace deal|joint statement"),
    ("ceasefire_declared", "declared"): stems(
        "ceasefire|cease-fire|truce|cessation|moratorium|armistice|cease|stop|halt|pause|lull|refrain"
    ),
}

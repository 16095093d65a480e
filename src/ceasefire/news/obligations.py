"""Candidate obligations: commitments, demands, calls, orders, offers and warnings.

Each rule below is a wording pattern; the `status` follows the README vocabulary and
convention 7 (only `agreed`, `pledged` and `offered` are commitments):

* `existing_legal_obligation`: "obligations under international (humanitarian) law";
* `conditional_warning`: "if …, Pakistan will consider the ceasefire breached";
* `ordered`: "ordered/directed/instructed X to …";
* `demanded_refused`, `proposed_declined`: a demand or proposal rejected;
* `called_for` (a third party) or `demanded` (a party): "urged/called on/appealed to X to
  …", "expects X to …", "X must …", "the non-negotiable withdrawal of X";
* `offered`: "offered to", "ready to help/mediate";
* `proposed`: "proposed that/to";
* `pledged`: one party "pledged/vowed/promised to", "remains committed to", "I announce a
  ceasefire";
* `agreed`: "agreed (not) to", "it was agreed that", "an agreement to", "undertake to",
  "the deal includes", "X and Y commit to", "in exchange, X will".

`party` is who would have to act: the object of a call, demand or order, otherwise the
subject; "both sides" is named as the article's two main parties unless a mediator is
among them, and a pronoun gives no party. Quotes are whole sentences.

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re

from ceasefire.news.agreement_fields import article_parties, mediators, stated_by
from ceasefire.news.analysis import Article
from ceasefire.news.model import Obligation, Span
from ceasefire.news.text import clean_fragment, stems

_I = re.IGNORECASE
#: Nouns that finish a party's name ("the Taliban authorities"), never start what it must do.
_RULERS = r"(?:authorities|government|regime|administration|leadership|officials)\b"
_OBJ = r"(?P<party>(?:the\s+)?[\w’'.-]+(?:\s+(?!to\b)[\w’'.-]+){0,11}?)"
_VP = r"(?P<ob>[^.;]{3,200})"

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "existing_legal_obligation",
        re.compile(
            rf"\b(?:urg\w+|call\w*\s+on|remind\w*)\s+{_OBJ}\s+to\s+(?P<ob>[^.;]{{0,80}}"
            rf"obligations?\s+under\s+international[^.;]{{0,150}})",
            _I,
        ),
    ),
    (
        "conditional_warning",
        re.compile(
            r"\bif\s+(?P<party>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?)\s+(?:does\s+not|do\s+not|"
            r"doesn't|"
            r"fails?\s+to|keeps?|continues?)\s+(?P<ob>[^.;]{3,200}?),?\s+(?:[A-Z][\w ]{1,40}\s+)?"
            r"(?:will|would|may|could)\s+(?:consider|be\s+forced|withdraw|respond|retaliate|"
            r"return)",
            _I,
        ),
    ),
    (
        "conditional_warning",
        re.compile(
            r"\b(?:warn\w*|threaten\w*)\s+(?:that\s+)?(?:it|they|the\s+\w+)?\s*(?:may|might|will|"
            r"would|"
            r"could)\s+(?P<ob>withdraw[^.;]{3,200})",
            _I,
        ),
    ),
    ("ordered", re.compile(rf"\b(?:ordered|directed|instructed)\s+{_OBJ}\s+to\s+{_VP}", _I)),
    (
        "demanded_refused",
        re.compile(
            r"\b(?:rejected|refused)\s+(?:the\s+|a\s+)?(?P<ob>(?:\w+\s+){0,3}demands?[^.;]{0,150})",
            _I,
        ),
    ),
    (
        "proposed_declined",
        re.compile(
            r"\b(?:rejected|declined|turned\s+down)\s+(?:the\s+|a\s+)?(?P<ob>(?:[\w’'-]+\s+){0,3}"
            r"(?:proposal|plan|offer)[^.;]{0,150})",
            _I,
        ),
    ),
    (
        "called_for",
        re.compile(
            rf"\b(?:call(?:ed|s)?\s+on|urg(?:ed|es|ing)|appeal(?:ed|s)?\s+to|appeal\s+to|asked)\s+"
            rf"{_OBJ}\s+to\s+{_VP}",
            _I,
        ),
    ),
    ("demanded", re.compile(rf"\b(?:expects?|expected|demand(?:ed|s)?)\s+{_OBJ}\s+to\s+{_VP}", _I)),
    (
        "demanded",
        re.compile(
            r"\b(?:demand(?:ed|s)?|insist(?:ed|s)?)\s+that\s+(?P<party>(?:the\s+)?[\w’'.-]+"
            r"(?:\s+[\w’'.-]+){0,4}?)\s+(?:must\s+|should\s+)?(?!" + _RULERS + r")"
            r"(?P<ob>[“\"]?[a-z][^.;]{3,200})"
        ),
    ),
    (
        "demanded",
        re.compile(
            r"\b(?:we\s+are\s+)?asking\s+(?P<party>them|\w+)\s+to\s+(?P<ob>[^.;]{3,200})", _I
        ),
    ),
    (
        "demanded",
        re.compile(
            r"\b(?:non-negotiable|unconditional|immediate)\s+(?P<ob>withdrawal\s+of\s+(?:the\s+)?"
            r"(?P<party>[\w/’'-]+(?:\s+[\w/’'-]+){0,3}?)\s+from[^.;]{3,200})",
            _I,
        ),
    ),
    (
        "demanded",
        re.compile(
            r"\b(?P<party>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+must\s+(?!not\s+be\b)"
            r"(?P<ob>[^.;]{3,200})"
        ),
    ),
    (
        "offered",
        re.compile(
            r"\b(?P<party>[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+){0,3})\s+(?i:remains?\s+|"
            r"is\s+|"
            r"are\s+)?(?i:offered\s+to|ready\s+to|willing\s+to)\s+(?P<ob>(?i:help|support|mediate|"
            r"host|facilitate|assist)[^.;]{0,200})"
        ),
    ),
    ("proposed", re.compile(r"\bpropos(?:ed|es)\s+(?P<ob>(?:that|to)\s+[^.;]{3,200})", _I)),
    (
        "pledged",
        re.compile(
            r"\b(?P<party>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:has\s+)?(?:pledged|vowed|"
            r"promised|"
            r"remains\s+[“\"]?committed|is\s+[“\"]?committed|"
            r"reaffirmed\s+(?:its\s+)?commitment)\s+to\s+(?P<ob>[^.;]{3,200})",
        ),
    ),
    (
        "pledged",
        re.compile(
            r"\b(?P<party>I|we)\s+announce\s+(?P<ob>an?\s+(?:[\w-]+\s+){0,3}(?:ceasefire|"
            r"truce)[^.;]{0,200})",
            _I,
        ),
    ),
    (
        "agreed",
        re.compile(
            r"\b(?:agreed|agree|undertake|undertook|commit)\s+(?P<ob>(?:not\s+)?to\s+[^.;]{3,200})|"
            r"\bit\s+was\s+(?:also\s+)?agreed\s+that\s+(?P<ob2>[^.;]{3,200})|"
            r"\bagreement\s+(?P<ob3>to\s+(?:cease|stop|halt|withdraw|release|"
            r"exchange)[^.;]{3,200})|"
            r"\b(?:deal|agreement|declaration|ceasefire\s+deal)\s+includes\s+(?P<ob4>[^.;]{3,200})|"
            r"\bin\s+exchange,\s+(?P<party>[A-Z][\w’'-]+)\s+will\s+(?P<ob5>[^.;]{3,200})",
            _I,
        ),
    ),
)
#: Cheap pre-check: a sentence without any of these stems cannot match a rule.
_KEYWORDS = stems(
    "agree|undert|commit|pledg|vow|promis|announce|offer|ready|willing|propos|reject|"
    "refus|declin|turned down|call|urg|appeal|ask|expect|demand|must|negotiable|"
    "unconditional|immediate|order|direct|instruct|warn|threat|if|obligation|includes|"
    "exchange"
)
_THIRD_PARTY = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|UNAMA|Security\s+Council|Secretary-General|mission|"
    r"European\s+Union|EU|African\s+Union|OIC|ICRC|Red\s+Cross|Amnesty|Human\s+Rights\s+Watch|"
    r"Iv[aá]n\s+Cepeda|Pope)\b"
)
_TRAILING = re.compile(
    r",?\s*(?:the\s+)?[\w .'’-]{0,60}\s(?:said|says|added|wrote|stated|declared)\b.*$|[,\s]+$"
)
_SUBJECT = re.compile(
    r"(?P<s>(?:[A-Z][\w’'.-]*|both|the|two)(?:\s+[\w’'.-]+){0,6}?)\s+(?:had\s+|have\s+|has\s+)?$"
)


def _subject(text: str, start: int) -> str | None:
    head = re.split(r"[,;:“”\"]", text[:start])[-1]
    head = re.sub(r"^\s*(?:On|In|At|With|After)\s+\w+(?:\s+\w+)?\s*", "", head)
    m = _SUBJECT.search(head)
    subject = clean_fragment(m.group("s")) if m else ""
    subject = re.sub(r"^(?:the|a|an)\b\s*", "", subject, flags=_I)
    return subject or None


#: "both sides", "the two countries": the parties, to be named from the article.
_BOTH = re.compile(
    r"(?:both|the\s+two)(?:\s+the)?\s+(?:sides|parties|nations|countries|governments|"
    r"neighbou?rs|states)|the\s+(?:parties|sides)",
    _I,
)
#: A pronoun or a phrase that is not a name cannot stand for a party on the timeline.
_NO_NAME = re.compile(
    r"(?:i|we|us|our|you|he|him|she|her|it|its|they|them|their|this|that|these|those|the|a)"
    r"|to\s.*|.*\bwhether\b.*",
    _I,
)


def _party(
    status: str, m: re.Match[str], sentence: str, named: list[tuple[int, str]]
) -> str | None:
    """Who would have to act (see the module docstring); a pronoun ("we are asking them
    to") gives no party."""
    groups = m.groupdict()
    party: str | None
    if groups.get("party"):
        party = clean_fragment(groups["party"])
    elif status not in ("agreed", "pledged", "offered", "proposed"):
        party = None
    elif before := [name for pos, name in named if pos < m.start()]:
        party = "; ".join(dict.fromkeys(before[-2:]))
    elif re.search(r"\bboth\s+sides\b|\bthe\s+two\s+(?:sides|parties)\b", sentence, _I):
        party = "both sides"
    else:
        party = _subject(sentence, m.start())
    if party is None or _NO_NAME.fullmatch(party) or len(party.split()) > 12:
        return None
    return re.sub(r"['’]s$", "", party)


def _main_parties(article: Article) -> tuple[str, ...]:
    """The two parties "both sides" stands for, so that a demand recorded on the timeline
    says whom it binds; none when a mediator is among the names told most."""
    main = article_parties(article)
    if len(main) != 2 or set(main) & set(mediators(article.text, article.text)):
        return ()
    return main


def _speaker(sentence: str) -> str:
    """Who said it, as the note reads it: "stated by the official", never a clause that
    only looks like a speaker ("His remarks came after …", "I have nothing to add")."""
    speaker = stated_by(sentence) or ""
    if re.match(r"(?:His|Her|Their|Its|I|We|You)\b", speaker):
        return ""
    speaker = re.sub(r"\s+(?:also|further|later|earlier|separately|too)$", "", speaker)
    return re.sub(r"^(?:The|A|An)\b", lambda m: m.group().lower(), speaker)


def obligations(article: Article) -> list[Obligation]:
    """All candidate obligations of an analysed article, in text order."""
    out: list[Obligation] = []
    seen: set[tuple[str, str]] = set()
    main: tuple[str, ...] | None = None  # looked up at the first "both sides"
    for info in article.sentences:
        if info.sent.kind in ("caption", "embed_signature", "headline"):
            continue
        sentence = info.sent.text
        if not _KEYWORDS.search(sentence):
            continue
        base = info.sent.start
        named = sorted(
            [(f.place.start - base, f.place.name) for f in info.places if f.place.kind == "country"]
            + [(a.start - base, a.side or a.name) for a in info.actors if a.kind != "third_party"]
        )
        parties_before = {
            a.start - base
            for a in info.actors
            if a.kind in ("state_force", "non_state_armed", "government")
        }
        taken: list[tuple[int, int]] = []
        for status, pattern in RULES:
            for m in pattern.finditer(sentence):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                ob = next((v for k, v in m.groupdict().items() if k.startswith("ob") and v), None)
                if ob is None:
                    continue
                final = status
                speaker = _speaker(sentence)
                if (
                    status == "called_for"
                    and not _THIRD_PARTY.search(sentence[: m.start()])
                    and any(pos < m.start() for pos in parties_before)
                ):
                    final = "demanded"  # a party's own call on the other side
                obligation = clean_fragment(_TRAILING.sub("", ob))
                key = (final, obligation.lower())
                if not obligation or key in seen:
                    continue
                seen.add(key)
                taken.append((m.start(), m.end()))
                party = _party(status, m, sentence, named)
                if party is not None and _BOTH.fullmatch(party):
                    main = _main_parties(article) if main is None else main
                    party = "; ".join(main) or party
                out.append(
                    Obligation(
                        party=party,
                        obligation=obligation,
                        status=final,
                        quote=Span(info.sent.start, info.sent.end, sentence),
                        notes=f"stated by {speaker}" if speaker else "",
                    )
                )
    return out

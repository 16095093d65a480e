"""Which written commitments a reported position names, by the content words they share.

A news report paraphrases the register: Pakistan's demand that Kabul "prevent its territory
from being used to launch attacks against Pakistan" is clause 4's "Prevent the use of
Afghan territory to launch attacks against Pakistan". A monitor who reads the demand wants
to see that clause beside it, so that a position is weighed against the commitment it is
about. This is a suggestion only: nothing is linked until a person decides.

Words are compared lower-cased, without common function words and with a light suffix
stripping ("attacks", "attacking" → "attack"; "strikes" and "strike", "hostilities" and
"hostility" meet). A commitment is named when the two share at
least `MIN_SHARED` content words and those make at least `MIN_SCORE` of the shorter
wording. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MIN_SHARED = 2
MIN_SCORE = 0.34

_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")
_FUNCTION = frozenset(
    _WORD.findall(
        """a about above after again against all also an and any are as at be been before being
    both but by can could did do does each either for from further had has have he her his
    how i if in into is it its itself may might more most must no nor not of off on once only
    or other our out over own same shall she should so some such than that the their them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with within without would you your side sides party parties
    take taken takes ensure make one two"""
    )
)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _words(text: str) -> dict[str, str]:
    """Map each meaningful stem of `text` to the first word that gave it."""
    out: dict[str, str] = {}
    for raw in _WORD.findall(text.lower()):
        if raw not in _FUNCTION and len(raw) >= 3:
            out.setdefault(_stem(raw), raw)
    return out


def content_words(text: str) -> frozenset[str]:
    """Return the stems of the words of `text` that carry meaning."""
    return frozenset(_words(text))


@dataclass(frozen=True, slots=True)
class NamedCommitment:
    """A commitment of the register that a position's wording names; `shared` lists the
    commitment's own words that the position shares."""

    clause: str
    requirement: str
    shared: tuple[str, ...]
    score: float


def commitments_named(
    position: str, commitments: Iterable[tuple[str, str]], *, limit: int = 2
) -> list[NamedCommitment]:
    """Return the commitments (clause number, requirement) that `position` names, best
    first: by the share of the shorter wording they have in common, then by how little
    else either says."""
    mine = content_words(position)
    found: list[tuple[float, float, str, NamedCommitment]] = []
    for clause, requirement in commitments:
        words = _words(requirement)
        theirs = frozenset(words)
        shared = mine & theirs
        if len(shared) < MIN_SHARED or not theirs:
            continue
        score = len(shared) / min(len(mine), len(theirs))
        if score >= MIN_SCORE:
            closeness = len(shared) / len(mine | theirs)
            shown = tuple(sorted(words[stem] for stem in shared))
            named = NamedCommitment(clause, requirement, shown, round(score, 3))
            found.append((-named.score, -closeness, clause, named))
    found.sort(key=lambda row: row[:3])
    return [row[3] for row in found[:limit]]

"""An agreement version's clauses and the obligations each places on each party.

Mediators draft a version as plain structured text (the form a negotiated text takes in
practice) and the API takes the same content as JSON; both become `ClauseDraft` values checked
by `check_clauses`. The text form is:

    ## C1 Cessation of hostilities
    Both sides cease all hostile acts with immediate effect.
    - PAK prohibition: No strikes on Afghan territory
      indicator: No verified air or drone strike on Afghan soil
      due: 2025-10-20
      every: 7
    - ALL procedural: Report to the mechanism

A clause starts at `## <number> <heading>`; its following lines are its text until the first
obligation line `- <PARTY|ALL> <kind>: <requirement>`; indented `indicator:`, `due:` (a date),
`due_days:` (days after entry into force) and `every:` (recurrence in days) lines belong to
the obligation above. Must not import anything outside the standard library.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from ceasefire.domain.agreements import ObligationKind
from ceasefire.domain.canonical import canonical_bytes
from ceasefire.domain.errors import InvalidInput

ALL_PARTIES: Final = "ALL"
MAX_TEXT: Final = 20_000
_CLAUSE = re.compile(r"##\s+(\S+)\s+(.+)")
_OBLIGATION = re.compile(r"-\s+(\S+)\s+(\w+):\s*(.+)")
_ATTRIBUTE = re.compile(r"\s+(indicator|due|due_days|every):\s*(.*)")
_NUMBER = re.compile(r"[A-Za-z0-9.\-]{1,16}")


@dataclass(frozen=True, slots=True)
class ObligationDraft:
    """What one party (or every party, `party=None`) must do or refrain from under a clause."""

    party: str | None
    kind: ObligationKind
    requirement: str
    indicators: tuple[str, ...] = ()
    due_on: date | None = None
    due_days: int | None = None
    recurrence_days: int | None = None


@dataclass(frozen=True, slots=True)
class ClauseDraft:
    """A numbered clause of an agreement version with its obligations."""

    number: str
    heading: str
    text: str = ""
    obligations: tuple[ObligationDraft, ...] = field(default_factory=tuple)


def _fail(message: str, line: int | None = None) -> InvalidInput:
    where = f"line {line}: " if line is not None else ""
    return InvalidInput(where + message, details={"line": line} if line is not None else None)


def _positive(value: str, line: int, name: str) -> int:
    if not value.isdigit() or int(value) < 1 or int(value) > 3660:
        raise _fail(f"{name} must be a whole number of days from 1 to 3660", line)
    return int(value)


def _attribute(draft: ObligationDraft, name: str, value: str, line: int) -> ObligationDraft:
    if name == "indicator":
        if not value:
            raise _fail("an indicator needs a description", line)
        return replace(draft, indicators=(*draft.indicators, value))
    if name == "due":
        try:
            return replace(draft, due_on=date.fromisoformat(value))
        except ValueError:
            raise _fail(f"due date {value!r} is not YYYY-MM-DD", line) from None
    if name == "due_days":
        return replace(draft, due_days=_positive(value, line, "due_days"))
    return replace(draft, recurrence_days=_positive(value, line, "every"))


def _obligation(match: re.Match[str], line: int) -> ObligationDraft:
    party, kind, requirement = match.group(1), match.group(2), match.group(3).strip()
    try:
        obligation_kind = ObligationKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in ObligationKind)
        raise _fail(f"obligation kind {kind!r} is not one of {kinds}", line) from None
    return ObligationDraft(
        party=None if party.upper() == ALL_PARTIES else party.upper(),
        kind=obligation_kind,
        requirement=requirement,
    )


def parse_clauses(source: str) -> tuple[ClauseDraft, ...]:
    """Parse the structured clause text a mediator writes into clause drafts.

    Raises:
        InvalidInput: a line does not fit the format; the message names the line.
    """
    clauses: list[ClauseDraft] = []
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if header := _CLAUSE.fullmatch(line):
            clauses.append(ClauseDraft(number=header.group(1), heading=header.group(2).strip()))
        elif not clauses:
            raise _fail("the text must start with a clause line such as '## C1 Heading'", number)
        elif obligation := _OBLIGATION.fullmatch(line):
            last = clauses[-1]
            clauses[-1] = replace(
                last, obligations=(*last.obligations, _obligation(obligation, number))
            )
        elif attribute := _ATTRIBUTE.fullmatch(line):
            last = clauses[-1]
            if not last.obligations:
                raise _fail(f"'{attribute.group(1)}:' must follow an obligation line", number)
            updated = _attribute(
                last.obligations[-1], attribute.group(1), attribute.group(2).strip(), number
            )
            clauses[-1] = replace(last, obligations=(*last.obligations[:-1], updated))
        elif clauses[-1].obligations:
            raise _fail("clause text must come before the clause's obligations", number)
        else:
            last = clauses[-1]
            clauses[-1] = replace(last, text=f"{last.text}\n{line.strip()}".strip())
    return tuple(clauses)


def format_clauses(clauses: Iterable[ClauseDraft]) -> str:
    """Write clause drafts back as the structured text `parse_clauses` reads."""
    lines: list[str] = []
    for clause in clauses:
        lines.append(f"## {clause.number} {clause.heading}")
        lines.extend(clause.text.splitlines())
        for item in clause.obligations:
            lines.append(f"- {item.party or ALL_PARTIES} {item.kind.value}: {item.requirement}")
            lines.extend(f"  indicator: {text}" for text in item.indicators)
            if item.due_on is not None:
                lines.append(f"  due: {item.due_on.isoformat()}")
            if item.due_days is not None:
                lines.append(f"  due_days: {item.due_days}")
            if item.recurrence_days is not None:
                lines.append(f"  every: {item.recurrence_days}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


def check_clauses(clauses: Sequence[ClauseDraft], *, parties: frozenset[str]) -> None:
    """Check a version's clauses against the agreement's parties.

    Raises:
        InvalidInput: no clause, a repeated or malformed clause number, an empty heading or
            requirement, an obligor who is not a party, or both a due date and due days.
    """
    if not clauses:
        raise _fail("a version needs at least one clause")
    seen: set[str] = set()
    for clause in clauses:
        if not _NUMBER.fullmatch(clause.number):
            raise _fail(f"clause number {clause.number!r} must be 1–16 letters, digits, '.' or '-'")
        if clause.number in seen:
            raise _fail(f"clause {clause.number} appears twice")
        seen.add(clause.number)
        if not clause.heading.strip() or len(clause.heading) > 200:
            raise _fail(f"clause {clause.number} needs a heading of at most 200 characters")
        if len(clause.text) > MAX_TEXT:
            raise _fail(f"clause {clause.number} is longer than {MAX_TEXT} characters")
        for item in clause.obligations:
            _check_obligation(clause.number, item, parties)


def _check_obligation(clause: str, item: ObligationDraft, parties: frozenset[str]) -> None:
    if item.party is not None and item.party not in parties:
        known = ", ".join(sorted(parties)) or "none"
        raise _fail(f"clause {clause}: {item.party} is not a party to this agreement ({known})")
    if not item.requirement.strip() or len(item.requirement) > 2000:
        raise _fail(f"clause {clause}: each obligation needs a requirement (≤ 2000 characters)")
    if item.due_on is not None and item.due_days is not None:
        raise _fail(f"clause {clause}: give a due date or due days, not both")
    if any(not text.strip() for text in item.indicators):
        raise _fail(f"clause {clause}: an indicator is empty")


def version_document(text: str, clauses: Iterable[ClauseDraft]) -> dict[str, object]:
    """Return a version's content as the canonical document whose SHA-256 the log records."""
    return {
        "text": text,
        "clauses": [
            {
                "number": clause.number,
                "heading": clause.heading,
                "text": clause.text,
                "obligations": [
                    {
                        "party": item.party,
                        "kind": item.kind.value,
                        "requirement": item.requirement,
                        "indicators": list(item.indicators),
                        "due_on": item.due_on.isoformat() if item.due_on else None,
                        "due_days": item.due_days,
                        "recurrence_days": item.recurrence_days,
                    }
                    for item in clause.obligations
                ],
            }
            for clause in clauses
        ],
    }


def content_sha256(text: str, clauses: Iterable[ClauseDraft]) -> str:
    """Return the hex SHA-256 of a version's canonical document, so the log commits to it."""
    return hashlib.sha256(canonical_bytes(version_document(text, clauses))).hexdigest()

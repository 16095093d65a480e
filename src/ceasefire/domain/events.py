"""Domain events and their leaf encoding: what one transparency-log entry says.

Every write in the platform is described by exactly one `Event`; its canonical bytes are the
leaf the log commits to. Payloads are domain facts, never row diffs; files and long texts enter
as SHA-256. Must not import anything outside the standard library (nor `ceasefire.tlog`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final

from ceasefire.domain.canonical import canonical_bytes
from ceasefire.domain.errors import InvalidInput

LEAF_SCHEMA_VERSION: Final = 1
MAX_LEAF_BYTES: Final = 65_535  # tlog-tiles entry bundles carry a u16 length.
_KIND = re.compile(r"[a-z_]+(\.[a-z_]+)+")

# The catalogue of event kinds: one per service (domain verb), past tense.
KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "organisation.registered": "a party, mediator or secretariat organisation was registered",
        "user.registered": "a user account was created in an organisation with a role",
        "user.role_changed": "a user's role was changed",
        "user.deactivated": "a user account was deactivated",
        "user.password_reset": "an administrator set a new password for a user",
        "api_token.issued": "an API token was issued (its secret is never logged)",
        "api_token.revoked": "an API token was revoked",
        "agreement.registered": "an agreement and its first text version were registered",
        "agreement.amended": "a new version of an agreement's text was adopted",
        "agreement_event.recorded": "a dated fact about an agreement was recorded",
        "talks_round.recorded": "a round of talks was recorded",
        "actor.registered": "an actor was added to the registry with its aliases",
        "actor.alias_added": "an alias was added to a registered actor",
        "incident.reported": "an incident was reported (by a party, a monitor, the public or an"
        " import); the payload commits to its content without disclosing it",
        "incident.triaged": "a monitor or mediator triaged a report",
        "verification_rules.set": "a mediator set how an agreement's findings are verified"
        " (reply window, sign-off quorum, severity definitions)",
        "affiliation.declared": "a person declared a tie to a party (it bars them from approving"
        " that party's cases)",
        "case.opened": "a case was opened on reports in remit (or on obstruction of access)",
        "case.triaged": "a case was triaged and given a priority",
        "case.investigation_opened": "monitors were tasked to investigate a case",
        "case.access_requested": "a party was asked for access during an investigation",
        "case.access_answered": "an answer to an access request, or obstruction, was recorded",
        "finding.drafted": "a version of a case's finding was drafted",
        "finding.reply_requested": "the accused party was asked to reply to a draft finding",
        "finding.replied": "a party replied to a draft finding",
        "finding.approved": "a mediator concurred with or dissented from a finding version",
        "finding.returned": "a draft finding was returned for more work",
        "finding.adopted": "a finding was adopted by the sign-off quorum",
        "case.reported": "an adopted finding was included in an issued report",
        "case.escalated": "a case was referred to the guarantors",
        "case.closed": "a case was closed, with its reason",
        "case.withdrawn": "a case was withdrawn",
        "case.merged": "a case was merged into another",
        "news_article.read": "the news desk read an article and stored the extractor's candidates",
        "news_candidate.dismissed": "a monitor dismissed a candidate from the news, saying why",
        "incident.revised": "a monitor recoded a report, saying why; the payload commits to the"
        " new content",
        "evidence.submitted": "an evidence item was handed in (custody: submitted)",
        "evidence.collected": "the mechanism collected an item itself (custody: collected)",
        "evidence.transferred": "custody of an evidence item passed to another person",
        "evidence.accessed": "someone opened an item's evidentiary copy (custody: accessed)",
        "evidence.copied": "an exact copy of an evidentiary copy was handed out (custody: copied)",
        "evidence.derived": "a working copy was made from an evidence item (custody: derived)",
        "evidence.attached": "an evidence item was attached to a record",
        "evidence.graded": "a monitor graded an evidence item (Admiralty reliability, credibility)",
    }
)


@dataclass(frozen=True, slots=True)
class Event:
    """One domain fact about to enter the log: its kind, the record it concerns, its content."""

    kind: str
    subject: str
    payload: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _KIND.fullmatch(self.kind) or self.kind not in KINDS:
            raise InvalidInput(f"unknown event kind {self.kind!r}")


def format_time(at: datetime) -> str:
    """Format an aware time as RFC 3339 UTC with six fractional digits.

    Raises:
        InvalidInput: the time is naive.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput("event times must be timezone-aware")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def encode_leaf(event: Event, *, actor: str, at: datetime, correlation: str, origin: str) -> bytes:
    """Encode an event as the canonical leaf bytes the log commits to.

    Raises:
        InvalidInput: the payload is not canonical JSON or the leaf exceeds 65,535 bytes.
    """
    leaf = canonical_bytes(
        {
            "v": LEAF_SCHEMA_VERSION,
            "kind": event.kind,
            "origin": origin,
            "actor": actor,
            "at": format_time(at),
            "correlation": correlation,
            "subject": event.subject,
            "payload": dict(event.payload),
        }
    )
    if len(leaf) > MAX_LEAF_BYTES:
        raise InvalidInput(
            f"the log entry would be {len(leaf)} bytes; the limit is {MAX_LEAF_BYTES}",
            details={"size": len(leaf)},
        )
    return leaf

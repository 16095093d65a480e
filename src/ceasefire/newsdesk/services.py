"""Writes of the news desk: read articles, then accept or dismiss each candidate.

Reading an article runs the offline extractor and stores its proposals; it never creates an
incident. A monitor accepts a candidate (creating a report through the same checks as any
other channel, with the article as its source, or a timeline fact on the agreement) or
dismisses it with a reason. Each is one log entry.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.agreements import timeline
from ceasefire.agreements.models import Agreement, AgreementEvent
from ceasefire.agreements.selectors import scope_of
from ceasefire.domain.agreements import EventKind
from ceasefire.domain.errors import Conflict, InvalidInput, NotPermitted
from ceasefire.domain.events import Event
from ceasefire.domain.intake import Channel
from ceasefire.domain.policy import Action, Role, require
from ceasefire.incidents import parsing
from ceasefire.incidents.models import Incident
from ceasefire.incidents.reports import Context, Report, prepare
from ceasefire.incidents.revisions import apply_revision
from ceasefire.incidents.writes import reported_event, write_reports
from ceasefire.ledger.discipline import batch_service, service
from ceasefire.ledger.services import record, record_batch
from ceasefire.news.extract import extract_article
from ceasefire.news.model import to_json
from ceasefire.newsdesk import proposals, reader
from ceasefire.newsdesk.models import Article, Candidate

MAX_TEXT = 200_000
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleIn:
    """An article as pasted, uploaded or fetched."""

    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published_on: date | None = None


def _check_text(article: ArticleIn) -> str:
    text = article.text.replace("\r\n", "\n").strip()
    if not text:
        raise InvalidInput("the article has no text", details={"field": "text"})
    if "\x00" in text:
        raise InvalidInput("the text contains binary data", details={"field": "text"})
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"an article is at most {MAX_TEXT:,} characters ({len(text):,} given); split it",
            details={"field": "text"},
        )
    if article.url and not article.url.startswith(("http://", "https://", "file:")):
        raise InvalidInput(
            "a source link starts with http:// or https://", details={"field": "url"}
        )
    if len(article.title) > 500 or len(article.outlet) > 200 or len(article.url) > 1000:
        raise InvalidInput("the title, outlet or link is too long", details={"field": "title"})
    return text


def _english(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.8


def _extract(article: Article) -> tuple[list[Candidate], list[str]]:
    record_in = {
        "id": str(article.pk),
        "title": article.title,
        "text": article.text,
        "pub_date": article.published_on.isoformat() if article.published_on else None,
        "url": article.url or None,
    }
    try:
        result = to_json(extract_article(record_in))
    except Exception:  # the desk must survive any article; the extractor's bug is logged
        log.exception("the extractor failed on article %s", article.sha256)
        raise InvalidInput(
            "the extractor could not read this article; nothing was stored",
            details={"field": "text"},
        ) from None
    if result.get("error"):
        raise InvalidInput(
            f"the article cannot be read: {result['error']}", details={"field": "text"}
        )
    warnings = list(result.get("warnings", []))
    if not _english(article.text):
        warnings.append("the text does not look like English: the extractor reads English only")
    candidates = []
    for kind, key in (
        ("incident", "incidents"),
        ("agreement_event", "agreement_events"),
        ("position", "obligations"),
    ):
        for position, data in enumerate(result[key]):
            candidates.append(
                Candidate(
                    article=article,
                    kind=kind,
                    position=position,
                    data=data,
                    quote=data.get("quote") or "",
                    quote_start=data.get("quote_start") or 0,
                    quote_end=data.get("quote_end") or 0,
                    background=bool(data.get("is_background") or data.get("is_aggregate")),
                )
            )
    if not candidates:
        warnings.append("no candidate incident, agreement event or stated position was found")
    return candidates, warnings


def _store(
    *, actor: User, agreement: Agreement, article: ArticleIn, origin: Article.Origin
) -> tuple[Article, Event]:
    require(actor.as_actor(), Action.INGEST_NEWS)
    text = _check_text(article)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = Article.objects.filter(sha256=digest).first()
    if existing is not None:
        raise Conflict(
            f"this text was already read as article {existing.pk}", details={"field": "text"}
        )
    stored = Article.objects.create(
        agreement=agreement,
        sha256=digest,
        title=article.title.strip(),
        text=text,
        url=article.url.strip(),
        outlet=article.outlet.strip(),
        published_on=article.published_on,
        origin=origin.value,
        reader=reader.version(),
        ingested_by=actor,
        ingested_at=timezone.now(),
    )
    candidates, warnings = _extract(stored)
    Candidate.objects.bulk_create(candidates)
    stored.warnings = warnings
    stored.save(update_fields=["warnings"])
    payload = {
        "agreement": agreement.pk,
        "sha256": digest,
        "origin": origin.value,
        "reader": stored.reader,
        "incidents": sum(c.kind == "incident" for c in candidates),
        "agreement_events": sum(c.kind == "agreement_event" for c in candidates),
        "positions": sum(c.kind == "position" for c in candidates),
    }
    return stored, Event("news_article.read", stored.subject, payload)


@service
def read_article(
    *,
    actor: User,
    agreement: Agreement,
    article: ArticleIn,
    origin: Article.Origin = Article.Origin.PASTED,
) -> Article:
    """Read one article and store the candidates the extractor proposes (monitors, analysts)."""
    stored, event = _store(actor=actor, agreement=agreement, article=article, origin=origin)
    record(actor=actor, event=event)
    return stored


@batch_service
def read_articles(
    *,
    actor: User,
    agreement: Agreement,
    articles: Sequence[ArticleIn],
    origin: Article.Origin,
) -> list[Article]:
    """Read several articles (a feed, a file of articles); texts already read are skipped.

    Raises:
        InvalidInput: none of the articles is new or readable; `details["already_read"]`
            counts the skipped ones that were read before (the rest were refused).
    """
    stored, events, skipped = [], [], []
    already_read = 0
    for number, article in enumerate(articles, start=1):
        try:
            with transaction.atomic():  # a refused article leaves nothing of itself behind
                item, event = _store(
                    actor=actor, agreement=agreement, article=article, origin=origin
                )
        except (Conflict, InvalidInput) as error:
            skipped.append(f"article {number}: {error.message}")
            already_read += isinstance(error, Conflict)
            continue
        stored.append(item)
        events.append(event)
    if not stored:
        raise InvalidInput(
            "nothing new to read: " + "; ".join(skipped[:5]) if skipped else "no articles given",
            details={"field": "file", "skipped": skipped, "already_read": already_read},
        )
    record_batch(actor=actor, events=events)
    return stored


def _decidable(actor: User, candidate: Candidate, *kinds: str) -> Candidate:
    locked = (
        Candidate.objects.select_for_update(of=("self",))
        .select_related("article__agreement")
        .get(pk=candidate.pk)
    )
    if locked.kind not in kinds:
        raise InvalidInput(
            f"this candidate is of another kind: {locked.get_kind_display()}",
            details={"field": "kind"},
        )
    if locked.state != Candidate.State.NEW.value:
        raise Conflict(f"this candidate was already {locked.state}", details={"field": "state"})
    return locked


@service
def accept_incident(*, actor: User, candidate: Candidate, report: Report) -> Incident:
    """Turn a candidate into a report (channel "news"), as the monitor edited it."""
    candidate = _decidable(actor, candidate, Candidate.Kind.INCIDENT.value)
    agreement = candidate.article.agreement
    require(actor.as_actor(), Action.REPORT_INCIDENT, agreement=scope_of(agreement))
    if actor.role != Role.MONITOR.value:
        raise NotPermitted("monitors accept candidates from the news")
    prepared = prepare(
        report, context=Context.of(agreement), channel=Channel.NEWS, received_at=timezone.now()
    )
    prepared.incident.reported_by = actor
    (incident,) = write_reports([prepared])
    candidate.state = Candidate.State.ACCEPTED.value
    candidate.incident = incident
    candidate.decided_by, candidate.decided_at = actor, timezone.now()
    candidate.save(update_fields=["state", "incident", "decided_by", "decided_at"])
    event = reported_event(
        incident, candidate=candidate.subject, article_sha256=candidate.article.sha256
    )
    record(actor=actor, event=event)
    return incident


def _same_source(a: dict[str, object], b: dict[str, object]) -> bool:
    if a.get("url") or b.get("url"):
        return a.get("url") == b.get("url")
    return (a.get("outlet"), a.get("published_on")) == (b.get("outlet"), b.get("published_on"))


@service
def add_to_report(
    *, actor: User, candidate: Candidate, incident: Incident, version: int | None = None
) -> Incident:
    """Add an article to the report already made of the event it tells, instead of a second
    report: the article becomes one more source and its casualty claims stand beside the
    others (one per claimant and victim group, as always). The report is revised, the
    reason saying from which article, and the candidate is accepted as that report.

    Raises:
        InvalidInput: the report is of another agreement, or already has all this adds.
        StaleVersion: the report changed since the monitor read it.
    """
    candidate = _decidable(actor, candidate, Candidate.Kind.INCIDENT.value)
    article = candidate.article
    if actor.role != Role.MONITOR.value:
        raise NotPermitted("monitors accept candidates from the news")
    if incident.agreement_id != article.agreement_id:
        raise InvalidInput(
            "that report belongs to another agreement", details={"field": "incident"}
        )
    proposed = proposals.incident_report(
        candidate.data, url=article.url, outlet=article.outlet, published_on=article.published_on
    )
    coding = parsing.mapping_from_incident(incident)
    sources = [
        s for s in proposed["sources"] if not any(_same_source(s, t) for t in coding["sources"])
    ]
    held = {(c["claimant"], c["victim_group"]) for c in coding["claims"]}
    claims = [c for c in proposed["claims"] if (c["claimant"], c["victim_group"]) not in held]
    if not sources and not claims:
        raise InvalidInput(
            f"report #{incident.pk} already has this article's source and claims",
            details={"field": "incident"},
        )
    coding["sources"] = [*coding["sources"], *sources]
    coding["claims"] = [*coding["claims"], *claims]
    revised, event = apply_revision(
        actor=actor,
        incident=incident,
        report=parsing.report_from_mapping(coding),
        reason=f"added news article {article.pk} ({article.title or 'untitled'}) as a source",
        version=version,
    )
    candidate.state = Candidate.State.ACCEPTED.value
    candidate.incident = revised
    candidate.decided_by, candidate.decided_at = actor, timezone.now()
    candidate.save(update_fields=["state", "incident", "decided_by", "decided_at"])
    record(
        actor=actor,
        event=Event(event.kind, event.subject, {**event.payload, "candidate": candidate.subject}),
    )
    return revised


@service
def accept_event(
    *,
    actor: User,
    candidate: Candidate,
    kind: EventKind,
    occurred_on: date,
    description: str,
) -> AgreementEvent:
    """Turn a candidate into a dated fact on the agreement's timeline, as the monitor edited it.

    A position a party stated (Pakistan's condition of "verifiable proof of steps taken")
    lands there too, as kind `other`: it is a dated fact of the agreement's life, not a
    commitment of the register, which only the parties' signatures make, and it never
    changes the agreement's status.
    """
    candidate = _decidable(
        actor, candidate, Candidate.Kind.AGREEMENT_EVENT.value, Candidate.Kind.POSITION.value
    )
    if candidate.kind == Candidate.Kind.POSITION.value and kind is not EventKind.OTHER:
        raise InvalidInput(
            "a stated position goes on the timeline as kind 'other'", details={"field": "kind"}
        )
    article = candidate.article
    event, logged = timeline.write_event(
        actor=actor,
        agreement=article.agreement,
        kind=kind,
        occurred_on=occurred_on,
        description=description,
        source_url=article.url if article.url.startswith("http") else "",
    )
    candidate.state = Candidate.State.ACCEPTED.value
    candidate.agreement_event = event
    candidate.decided_by, candidate.decided_at = actor, timezone.now()
    candidate.save(update_fields=["state", "agreement_event", "decided_by", "decided_at"])
    payload = {**logged.payload, "candidate": candidate.subject}
    record(actor=actor, event=Event(logged.kind, logged.subject, payload))
    return event


@service
def dismiss_candidate(*, actor: User, candidate: Candidate, note: str) -> Candidate:
    """Dismiss a candidate, saying why (background, duplicate, not an event…)."""
    require(actor.as_actor(), Action.INGEST_NEWS)
    candidate = _decidable(actor, candidate, candidate.kind)
    note = note.strip()
    if not note or len(note) > 2000:
        raise InvalidInput("say why the candidate is dismissed", details={"field": "note"})
    candidate.state = Candidate.State.DISMISSED.value
    candidate.note = note
    candidate.decided_by, candidate.decided_at = actor, timezone.now()
    candidate.save(update_fields=["state", "note", "decided_by", "decided_at"])
    payload = {"note_sha256": hashlib.sha256(note.encode()).hexdigest()}
    record(actor=actor, event=Event("news_candidate.dismissed", candidate.subject, payload))
    return candidate

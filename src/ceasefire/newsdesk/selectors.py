"""Reads of the news desk (mechanism staff only: the candidates are unverified)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from django.db.models import Count, Q, QuerySet

from ceasefire.agreements.selectors import get_version
from ceasefire.domain.errors import InvalidInput, NotFound
from ceasefire.domain.policy import Action, Actor, require
from ceasefire.domain.wording import NamedCommitment, commitments_named
from ceasefire.news.dedupe import Sighting, event_key, group_sightings
from ceasefire.newsdesk import proposals
from ceasefire.newsdesk.models import Article, Candidate


def proposal(candidate: Candidate) -> dict[str, object]:
    """What the extractor proposes for a candidate, in the shape its accept form takes.

    An incident candidate becomes a report (the article attached as its source); an
    agreement event, or a position a party stated, becomes a timeline fact. The
    page pre-fills its form with this and the API returns it, so a monitor sees the same
    proposal in both.
    """
    article = candidate.article
    if candidate.kind == Candidate.Kind.INCIDENT:
        return proposals.incident_report(
            candidate.data,
            url=article.url,
            outlet=article.outlet,
            published_on=article.published_on,
        )
    if candidate.kind == Candidate.Kind.POSITION:
        return proposals.position_proposal(candidate.data, published_on=article.published_on)
    return proposals.event_proposal(candidate.data, published_on=article.published_on)


def commitments_of(candidates: list[Candidate]) -> dict[int, list[NamedCommitment]]:
    """For each stated-position candidate, the commitments of its agreement's current text
    that its wording names (`domain.wording`): the clause a demand or condition is about."""
    positions = [c for c in candidates if c.kind == Candidate.Kind.POSITION]
    texts: dict[int, list[tuple[str, str]]] = {}
    out: dict[int, list[NamedCommitment]] = {}
    for candidate in positions:
        agreement = candidate.article.agreement
        if agreement.pk not in texts:
            try:
                version = get_version(agreement)
            except NotFound:
                version = None
            texts[agreement.pk] = (
                []
                if version is None
                else [
                    (clause.number, obligation.requirement)
                    for clause in version.clauses.all()
                    for obligation in clause.obligations.all()
                ]
            )
        wording = candidate.data.get("obligation") or candidate.quote
        named = commitments_named(wording, texts[agreement.pk])
        if named:
            out[candidate.pk] = named
    return out


def reports_told_elsewhere(candidate: Candidate, *, viewer: Actor) -> list[int]:
    """The reports already made, from other articles' candidates, of the event this incident
    candidate may tell (`same_event`): where a monitor may add the article instead of
    filing a second report."""
    require(viewer, Action.INGEST_NEWS)
    accepted = Candidate.objects.filter(
        kind=Candidate.Kind.INCIDENT,
        state=Candidate.State.ACCEPTED,
        incident__isnull=False,
        article__agreement_id=candidate.article.agreement_id,
    ).select_related("article")
    related = same_event([candidate, *accepted]).get(candidate.pk, [])
    return sorted({c.incident_id for c in related if c.incident_id is not None})


def articles_for(viewer: Actor) -> QuerySet[Article]:
    """Return the articles read, newest first, with candidate counts.

    Raises:
        NotPermitted: the viewer does not work the news desk.
    """
    require(viewer, Action.INGEST_NEWS)
    return (
        Article.objects.select_related("agreement", "ingested_by")
        .annotate(
            waiting=Count(
                "candidates", filter=Q(candidates__state="new", candidates__background=False)
            ),
            total=Count("candidates"),
        )
        .order_by("-ingested_at", "-id")  # a query with counts drops the model's ordering
    )


def get_article(article_id: int, *, viewer: Actor) -> Article:
    """Return one article.

    Raises:
        NotFound: no such article.
    """
    article = articles_for(viewer).filter(pk=article_id).first()
    if article is None:
        raise NotFound(f"no article {article_id}")
    return article


def get_candidate(candidate_id: int, *, viewer: Actor) -> Candidate:
    """Return one candidate.

    Raises:
        NotFound: no such candidate.
    """
    require(viewer, Action.INGEST_NEWS)
    candidate = (
        Candidate.objects.select_related("article__agreement", "incident", "agreement_event")
        .filter(pk=candidate_id)
        .first()
    )
    if candidate is None:
        raise NotFound(f"no candidate {candidate_id}")
    return candidate


def candidates_in(
    state: str, *, viewer: Actor, kind: str | None = None, agreement_id: int | None = None
) -> QuerySet[Candidate]:
    """Return the candidates in `state` (new ones foreground first), optionally of one kind
    (incident, agreement event, stated position) and read for one agreement.

    Raises:
        NotPermitted: the viewer does not work the news desk.
        InvalidInput: an unknown state or kind.
    """
    require(viewer, Action.INGEST_NEWS)
    if state not in Candidate.State.values:
        raise InvalidInput(
            f"state is one of {', '.join(Candidate.State.values)}", details={"field": "state"}
        )
    if kind is not None and kind not in Candidate.Kind.values:
        raise InvalidInput(
            f"kind is one of {', '.join(Candidate.Kind.values)}", details={"field": "kind"}
        )
    found = (
        waiting(viewer)
        if state == Candidate.State.NEW
        else Candidate.objects.filter(state=state).select_related("article__agreement")
    )
    if kind is not None:
        found = found.filter(kind=kind)
    if agreement_id is not None:
        found = found.filter(article__agreement_id=agreement_id)
    return found


def waiting(viewer: Actor) -> QuerySet[Candidate]:
    """Return the candidates that wait for a decision, foreground first."""
    require(viewer, Action.INGEST_NEWS)
    return (
        Candidate.objects.filter(state="new")
        .select_related("article__agreement")
        .order_by("background", "-article__ingested_at", "kind", "position")
    )


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an article's text, highlighted when a candidate quotes it."""

    text: str
    candidates: tuple[int, ...]


def highlighted(article: Article, candidates: list[Candidate]) -> list[Segment]:
    """Split the article into segments, each naming the candidates whose quote covers it."""
    cuts = {0, len(article.text)}
    for candidate in candidates:
        if 0 <= candidate.quote_start < candidate.quote_end <= len(article.text):
            cuts.update({candidate.quote_start, candidate.quote_end})
    points = sorted(cuts)
    segments = []
    for start, end in pairwise(points):
        covering = tuple(c.pk for c in candidates if c.quote_start <= start and end <= c.quote_end)
        segments.append(Segment(article.text[start:end], covering))
    return segments


def same_event(candidates: list[Candidate]) -> dict[int, list[Candidate]]:
    """For each candidate, the candidates of *other* articles that may tell the same event.

    Incidents are grouped by the extractor's own cross-article rules (`news.dedupe`: types
    that can describe one event, related places, days that agree or are unknown); agreement
    events by kind, day and parties, when a day is known. Background candidates are left
    out. Each source's claims stay on its own candidate: a group only says they may be one
    event, and the monitor decides.
    """
    foreground = [c for c in candidates if not c.background]
    incidents = [c for c in foreground if c.kind == Candidate.Kind.INCIDENT]
    groups = [
        [incidents[i] for i in positions]
        for positions in group_sightings([Sighting.from_json(c.data) for c in incidents])
    ]
    by_key: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in foreground:
        if c.kind == Candidate.Kind.AGREEMENT_EVENT and c.data.get("date"):
            data = c.data
            by_key[
                event_key(data.get("kind") or "", data["date"], data.get("parties") or ())
            ].append(c)
    groups.extend(by_key.values())
    related: dict[int, list[Candidate]] = {}
    for members in groups:
        for member in members:
            others = [m for m in members if m.article_id != member.article_id]
            if others:
                related[member.pk] = others
    return related

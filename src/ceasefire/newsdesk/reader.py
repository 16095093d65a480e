"""Which extractor read an article, and how its proposals fared with the monitors.

The reader is scored on annotated articles before it ships (`make bench`), but the articles a
mechanism reads are unseen by definition; the monitors' decisions on the desk are the only
judgement of it on them. `reader_record` gathers those decisions and `newsdesk.record` tallies
them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from django.db.models import Count, Max

from ceasefire.agreements.models import AgreementEvent
from ceasefire.domain.casualties import fatality_estimate
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.intake import Channel
from ceasefire.domain.policy import Action, Actor, require
from ceasefire.incidents.models import Incident, IncidentRevision, IncidentSource
from ceasefire.incidents.parsing import claims_from_mapping
from ceasefire.incidents.selectors import incidents_visible_to
from ceasefire.newsdesk import record
from ceasefire.newsdesk.models import Article, Candidate
from ceasefire.newsdesk.selectors import proposal


@cache
def version() -> str:
    """A fingerprint of the extractor: the SHA-256 of its rules and lexicons (the modules and
    data files of `ceasefire.news`), cut to 12 hex digits.

    Stored on every article it reads and logged with it, so the reader's record can be split
    by the reader that made the proposals, and anyone holding the log can tell which rules
    proposed what. Any change to the extractor changes it; there is no number to bump.
    """
    digest = hashlib.sha256()
    files = resources.files("ceasefire.news")
    for name in sorted(entry.name for entry in files.iterdir()):
        if name.endswith((".py", ".json")):
            digest.update(name.encode() + b"\0" + files.joinpath(name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class ReaderRecord:
    """How the reader fared on the articles read (for one agreement or all, by one version
    or every one): a record per candidate kind, the latest dismissals with the monitors'
    reasons, and the versions that read the articles, newest first."""

    articles: int
    kinds: tuple[record.KindRecord, ...]
    dismissals: tuple[Candidate, ...]
    readers: tuple[tuple[str, int], ...] = ()

    def as_json(self) -> dict[str, object]:
        """The record as the API and `ceasefire news-record --json` give it."""
        return {
            "articles": self.articles,
            "readers": [{"reader": r, "articles": n} for r, n in self.readers],
            "kinds": [k.as_json() for k in self.kinds],
            "dismissals": [
                {
                    "candidate": c.pk,
                    "article": c.article_id,
                    "kind": c.kind,
                    "note": c.note,
                    "decided_at": c.decided_at.isoformat() if c.decided_at else None,
                }
                for c in self.dismissals
            ],
        }


def _cited_as(agreement_id: int, url: str) -> str | None:
    """An article as records cite it: by its address, within its agreement. One without an
    address cannot be cited, so nothing can be missed in it and it stays out of the recall."""
    return f"{agreement_id} {url}" if url else None


def _source(article: Article) -> str | None:
    return _cited_as(article.agreement_id, article.url)


def _originals(ids: Iterable[int]) -> dict[int, int]:
    """Each report's original: a report triaged as a duplicate stands for the one it repeats."""
    parent: dict[int, int | None] = {}
    wanted = set(ids)
    while wanted:
        found: dict[int, int | None] = dict(
            Incident.objects.filter(pk__in=wanted).values_list("pk", "duplicate_of_id")
        )
        parent.update(found)
        wanted = {p for p in found.values() if p is not None and p not in parent}

    def root(pk: int) -> int:
        seen = {pk}
        up = parent.get(pk)
        while up is not None and up not in seen:
            seen.add(up)
            pk, up = up, parent.get(up)
        return pk

    return {pk: root(pk) for pk in parent}


def _deaths(coding: Mapping[str, Any]) -> int | None:
    try:
        return fatality_estimate(claims_from_mapping(coding)).best
    except InvalidInput:
        return None


def _kept(
    candidate: Candidate, made: bool, accepted: Mapping[int, Mapping[str, Any]]
) -> dict[str, bool] | None:
    """The fields a monitor kept of the proposal, in the report as accepted (before any later
    revision) or the timeline fact; None for a candidate added to a report it did not make."""
    proposed = proposal(candidate)
    incident = candidate.incident
    if incident is not None:
        if not made:
            return None
        coding = accepted.get(incident.pk)
        if coding is None:  # never revised: the report is as the monitor accepted it
            # the compared fields only; `parsing.mapping_from_incident` would read the
            # report's actors, claims, sources and clauses too, four queries a report
            coding = {
                "date_start": incident.date_start.isoformat(),
                "place": incident.place_as_written,
                "place_id": incident.place_id,
                "country": incident.country,
                "incident_type": incident.incident_type,
            }
            coded_deaths: int | None = incident.fatalities_best
        else:
            coded_deaths = _deaths(coding)
        return record.report_fields_kept(
            proposed, coding, proposed_deaths=_deaths(proposed), coded_deaths=coded_deaths
        )
    fact = candidate.agreement_event
    if candidate.kind == Candidate.Kind.POSITION or fact is None:
        return None
    return record.event_fields_kept(
        proposed, kind=fact.kind, occurred_on=fact.occurred_on.isoformat()
    )


def _cited(viewer: Actor, articles: Any) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(article, report) and (article, timeline fact) pairs of the records that cite an
    article read here, reports as the viewer may see them."""
    addressed = articles.exclude(url="")
    read = set(addressed.values_list("agreement_id", "url"))
    urls = addressed.values("url")
    reports = IncidentSource.objects.filter(
        url__in=urls, incident__in=incidents_visible_to(viewer).values("pk")
    ).values_list("incident__agreement_id", "url", "incident_id")
    facts = AgreementEvent.objects.filter(source_url__in=urls).values_list(
        "agreement_id", "source_url", "pk"
    )
    return (
        {(str(_cited_as(a, u)), pk) for a, u, pk in reports if (a, u) in read},
        {(str(_cited_as(a, u)), pk) for a, u, pk in facts if (a, u) in read},
    )


_FIELDS = {
    Candidate.Kind.INCIDENT: record.REPORT_FIELDS,
    Candidate.Kind.AGREEMENT_EVENT: record.EVENT_FIELDS,
    Candidate.Kind.POSITION: (),
}


def _decisions(
    candidates: list[Candidate], original: Mapping[int, int]
) -> dict[str, list[record.Decision]]:
    """Each candidate's decision by kind; a report stands as its original, and its fields
    are judged only on the candidate that created it (from the news, first accepted)."""
    makers: dict[int, int] = {}
    for c in candidates:  # in the order they were decided
        if c.incident is not None and c.incident.channel == Channel.NEWS.value:
            makers.setdefault(c.incident.pk, c.pk)
    accepted: dict[int, Mapping[str, Any]] = {}  # the coding the first revision replaced
    for pk, replaced in (
        IncidentRevision.objects.filter(incident_id__in=makers)
        .order_by("number")
        .values_list("incident_id", "replaced")
    ):
        accepted.setdefault(pk, replaced)
    decisions: dict[str, list[record.Decision]] = defaultdict(list)
    for c in candidates:
        report = c.incident_id
        made = report is not None and makers.get(report) == c.pk
        decisions[c.kind].append(
            record.Decision(
                background=c.background,
                state=c.state,
                source=_source(c.article),
                record=c.agreement_event_id if report is None else original.get(report, report),
                kept=_kept(c, made, accepted) if c.state == Candidate.State.ACCEPTED else None,
            )
        )
    return decisions


def reader_record(
    viewer: Actor, *, agreement_id: int | None = None, reader: str | None = None
) -> ReaderRecord:
    """Return the reader's record from the monitors' decisions (`newsdesk.record`).

    Raises:
        NotPermitted: the viewer does not work the news desk.
    """
    require(viewer, Action.INGEST_NEWS)
    articles = Article.objects.all()
    if agreement_id is not None:
        articles = articles.filter(agreement_id=agreement_id)
    readers = tuple(
        articles.values("reader")
        .annotate(read=Count("pk"), last=Max("ingested_at"))
        .order_by("-last")
        .values_list("reader", "read")
    )
    if reader is not None:
        articles = articles.filter(reader=reader)
    candidates = list(
        Candidate.objects.filter(article__in=articles)
        .select_related("article", "incident", "agreement_event")
        .defer("article__text")  # a proposal needs the article's address and day, not its text
        .order_by("decided_at", "pk")
    )
    reports, facts = _cited(viewer, articles)
    original = _originals(
        {c.incident_id for c in candidates if c.incident_id} | {r for _, r in reports}
    )
    decisions = _decisions(candidates, original)
    of_positions = {
        (str(_source(c.article)), c.agreement_event_id)
        for c in candidates
        if c.kind == Candidate.Kind.POSITION and c.agreement_event_id
    }
    citing: dict[str, set[tuple[str, int]] | None] = {
        Candidate.Kind.INCIDENT: {(s, original.get(r, r)) for s, r in reports},
        Candidate.Kind.AGREEMENT_EVENT: facts - of_positions,
        Candidate.Kind.POSITION: None,  # a position filed by hand cannot be told from a fact
    }
    return ReaderRecord(
        articles=articles.count(),
        kinds=tuple(
            record.tally(kind.value, decisions[kind.value], citing[kind], _FIELDS[kind])
            for kind in Candidate.Kind
        ),
        dismissals=tuple(
            Candidate.objects.filter(article__in=articles, state=Candidate.State.DISMISSED)
            .select_related("article")
            .defer("article__text")
            .order_by("-decided_at", "-pk")[:20]
        ),
        readers=readers,
    )

"""REST endpoints of the news desk: read articles, list candidates, accept or dismiss them."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.agreements.selectors import get_agreement
from ceasefire.api.auth import acting_user
from ceasefire.api.validation import validated
from ceasefire.domain.agreements import EventKind
from ceasefire.domain.errors import InvalidInput
from ceasefire.domain.policy import Action, require
from ceasefire.domain.wording import NamedCommitment
from ceasefire.incidents import parsing
from ceasefire.incidents.selectors import get_incident
from ceasefire.newsdesk import fetching, reader, reading, selectors, services
from ceasefire.newsdesk.models import Article, Candidate
from ceasefire.newsdesk.openapi import READER_RECORD

ARTICLE = inline_serializer("NewsArticle", {"id": serializers.IntegerField()})

CANDIDATE = inline_serializer("NewsCandidate", {"id": serializers.IntegerField()})
M = TypeVar("M", bound=Model)


WINDOW = [
    OpenApiParameter("offset", int, description="how many to skip, newest first (default 0)"),
    OpenApiParameter(
        "limit",
        int,
        description="how many to give (default and most: 100 "
        "articles, 500 candidates); X-Total-Count says how many there are",
    ),
]


def _page(request: Request, items: QuerySet[M], *, most: int) -> tuple[list[M], dict[str, str]]:
    """The part of a list the client asked for (`offset`, `limit`), and the header that says
    how many there are in all, so that a client can read every one and none is cut off
    silently."""
    window = {"offset": 0, "limit": most}
    for name in window:
        raw = request.query_params.get(name)
        if raw is None:
            continue
        if not raw.isdecimal() or (name == "limit" and not 1 <= int(raw) <= most):
            bounds = f" from 1 to {most}" if name == "limit" else ""
            raise InvalidInput(f"{name} is a whole number{bounds}", details={"field": name})
        window[name] = int(raw)
    start = window["offset"]
    return list(items[start : start + window["limit"]]), {"X-Total-Count": str(items.count())}


def candidates_out(candidates: list[Candidate]) -> list[dict[str, Any]]:
    """Candidates as the API gives them, the commitments named looked up once for all."""
    named = selectors.commitments_of(candidates)
    return [candidate_out(c, named.get(c.pk, [])) for c in candidates]


def candidate_out(
    candidate: Candidate, named: list[NamedCommitment] | None = None
) -> dict[str, Any]:
    article = candidate.article
    return {
        "id": candidate.pk,
        "article": article.pk,
        "kind": candidate.kind,
        "state": candidate.state,
        "background": candidate.background,
        "quote": candidate.quote,
        "quote_start": candidate.quote_start,
        "quote_end": candidate.quote_end,
        "extracted": candidate.data,
        "proposal": selectors.proposal(candidate),
        "commitments_named": [
            {"clause": n.clause, "requirement": n.requirement, "shared_words": list(n.shared)}
            for n in (
                selectors.commitments_of([candidate]).get(candidate.pk, [])
                if named is None
                else named
            )
        ],
        "incident": candidate.incident_id,
        "agreement_event": candidate.agreement_event_id,
        "note": candidate.note,
    }


def article_out(article: Article) -> dict[str, Any]:
    return {
        "id": article.pk,
        "agreement": article.agreement_id,
        "sha256": article.sha256,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published_on": article.published_on,
        "origin": article.origin,
        "reader": article.reader,
        "warnings": article.warnings,
        "candidates": candidates_out(list(article.candidates.select_related("article__agreement"))),
    }


class ArticleListApi(APIView):
    class Input(serializers.Serializer[Any]):
        agreement = serializers.IntegerField()
        text = serializers.CharField(trim_whitespace=False, allow_blank=True)
        title = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
        url = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
        outlet = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
        published_on = serializers.DateField(required=False, allow_null=True, default=None)

    @extend_schema(parameters=WINDOW, responses=ARTICLE)
    def get(self, request: Request) -> Response:
        viewer = acting_user(request).as_actor()
        articles, total = _page(request, selectors.articles_for(viewer), most=100)
        return Response([article_out(a) for a in articles], headers=total)

    @extend_schema(request=Input, responses={201: ARTICLE})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        article = services.read_article(
            actor=actor,
            agreement=get_agreement(data["agreement"], viewer=actor.as_actor()),
            article=services.ArticleIn(
                text=data["text"],
                title=data["title"],
                url=data["url"],
                outlet=data["outlet"],
                published_on=data["published_on"],
            ),
        )
        return Response(article_out(article), status=status.HTTP_201_CREATED)


class FetchApi(APIView):
    class Input(serializers.Serializer[Any]):
        agreement = serializers.IntegerField()
        url = serializers.CharField(max_length=1000)

    @extend_schema(request=Input, responses={201: ARTICLE})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        require(actor.as_actor(), Action.INGEST_NEWS)  # before anything is fetched
        agreement = get_agreement(data["agreement"], viewer=actor.as_actor())
        items, origin = reading.articles_fetched(fetching.fetch(data["url"]))
        articles = services.read_articles(
            actor=actor, agreement=agreement, articles=items, origin=origin
        )
        return Response([article_out(a) for a in articles], status=status.HTTP_201_CREATED)


class CandidateListApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("state", str),
            OpenApiParameter("kind", str),
            OpenApiParameter("agreement", int),
            *WINDOW,
        ],
        responses=CANDIDATE,
    )
    def get(self, request: Request) -> Response:
        viewer = acting_user(request).as_actor()
        params = request.query_params
        candidates = selectors.candidates_in(
            params.get("state") or "new",
            viewer=viewer,
            kind=params.get("kind") or None,
            agreement_id=_agreement_id(request),
        )
        shown, total = _page(request, candidates, most=500)
        return Response(candidates_out(shown), headers=total)


def _agreement_id(request: Request) -> int | None:
    agreement = request.query_params.get("agreement")
    if agreement is not None and not agreement.isdecimal():
        raise InvalidInput("agreement is an agreement id", details={"field": "agreement"})
    return int(agreement) if agreement is not None else None


class ReaderRecordApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("agreement", int), OpenApiParameter("reader", str)],
        responses=READER_RECORD,
    )
    def get(self, request: Request) -> Response:
        """How the reader fared: monitors' decisions on its candidates, records it missed,
        fields monitors changed (`newsdesk.record`)."""
        viewer = acting_user(request).as_actor()
        found = reader.reader_record(
            viewer,
            agreement_id=_agreement_id(request),
            reader=request.query_params.get("reader") or None,
        )
        return Response(found.as_json())


class AcceptApi(APIView):
    class EventIn(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=[k.value for k in EventKind])
        occurred_on = serializers.DateField()
        description = serializers.CharField(max_length=20_000)

    @extend_schema(
        request=inline_serializer("AcceptIn", {"report": serializers.DictField(required=False)}),
        responses=CANDIDATE,
    )
    def post(self, request: Request, candidate_id: int) -> Response:
        actor = acting_user(request)
        candidate = selectors.get_candidate(candidate_id, viewer=actor.as_actor())
        data = request.data if hasattr(request.data, "get") else {}
        if candidate.kind == Candidate.Kind.INCIDENT:
            body = data.get("report") or selectors.proposal(candidate)
            services.accept_incident(
                actor=actor, candidate=candidate, report=parsing.report_from_mapping(body)
            )
        else:
            given = validated(self.EventIn, data)
            services.accept_event(
                actor=actor,
                candidate=candidate,
                kind=EventKind(given["kind"]),
                occurred_on=given["occurred_on"],
                description=given["description"],
            )
        return Response(
            candidate_out(selectors.get_candidate(candidate_id, viewer=actor.as_actor()))
        )


class AddToReportApi(APIView):
    class Input(serializers.Serializer[Any]):
        incident = serializers.IntegerField()
        version = serializers.IntegerField(required=False)

    @extend_schema(request=Input, responses=CANDIDATE)
    def post(self, request: Request, candidate_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        candidate = selectors.get_candidate(candidate_id, viewer=actor.as_actor())
        incident = get_incident(data["incident"], viewer=actor.as_actor())
        services.add_to_report(
            actor=actor, candidate=candidate, incident=incident, version=data.get("version")
        )
        return Response(
            candidate_out(selectors.get_candidate(candidate_id, viewer=actor.as_actor()))
        )


class DismissApi(APIView):
    class Input(serializers.Serializer[Any]):
        note = serializers.CharField(max_length=2000)

    @extend_schema(request=Input, responses=CANDIDATE)
    def post(self, request: Request, candidate_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        candidate = selectors.get_candidate(candidate_id, viewer=actor.as_actor())
        services.dismiss_candidate(actor=actor, candidate=candidate, note=data["note"])
        return Response(
            candidate_out(selectors.get_candidate(candidate_id, viewer=actor.as_actor()))
        )

"""The REST API under /api/v1/, its OpenAPI schema and browsable docs."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from ceasefire.accounts import api as accounts
from ceasefire.agreements import api as agreements
from ceasefire.cases import api as cases
from ceasefire.evidence import api as evidence
from ceasefire.incidents import api as incidents
from ceasefire.ledger import api as ledger
from ceasefire.newsdesk import api as newsdesk

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("v1/me/", accounts.MeApi.as_view(), name="me"),
    path("v1/tokens/", accounts.TokenListApi.as_view(), name="token-list"),
    path(
        "v1/tokens/<int:token_id>/revoke/", accounts.TokenRevokeApi.as_view(), name="token-revoke"
    ),
    path("v1/organisations/", accounts.OrganisationListApi.as_view(), name="organisation-list"),
    path("v1/users/", accounts.UserListApi.as_view(), name="user-list"),
    path("v1/users/<int:user_id>/role/", accounts.UserRoleApi.as_view(), name="user-role"),
    path(
        "v1/users/<int:user_id>/password/", accounts.UserPasswordApi.as_view(), name="user-password"
    ),
    path(
        "v1/users/<int:user_id>/deactivate/",
        accounts.UserDeactivateApi.as_view(),
        name="user-deactivate",
    ),
    path("v1/agreements/", agreements.AgreementListApi.as_view(), name="agreement-list"),
    path(
        "v1/agreements/<int:agreement_id>/",
        agreements.AgreementDetailApi.as_view(),
        name="agreement-detail",
    ),
    path(
        "v1/agreements/<int:agreement_id>/versions/",
        agreements.VersionListApi.as_view(),
        name="version-list",
    ),
    path(
        "v1/agreements/<int:agreement_id>/versions/<int:number>/",
        agreements.VersionDetailApi.as_view(),
        name="version-detail",
    ),
    path(
        "v1/agreements/<int:agreement_id>/events/",
        agreements.EventListApi.as_view(),
        name="event-list",
    ),
    path(
        "v1/agreements/<int:agreement_id>/talks-rounds/",
        agreements.TalksRoundListApi.as_view(),
        name="talks-round-list",
    ),
    path("v1/incidents/", incidents.IncidentListApi.as_view(), name="incident-list"),
    path("v1/incidents/queue/", incidents.QueueApi.as_view(), name="incident-queue"),
    path("v1/incidents/map/", incidents.MapApi.as_view(), name="incident-map"),
    path("v1/incidents/export/", incidents.ExportApi.as_view(), name="incident-export"),
    path("v1/incidents/import/", incidents.ImportApi.as_view(), name="incident-import"),
    path("v1/incidents/triage/", incidents.BulkTriageApi.as_view(), name="incident-bulk-triage"),
    path(
        "v1/incidents/<int:incident_id>/",
        incidents.IncidentDetailApi.as_view(),
        name="incident-detail",
    ),
    path(
        "v1/incidents/<int:incident_id>/triage/",
        incidents.TriageApi.as_view(),
        name="incident-triage",
    ),
    path(
        "v1/incidents/<int:incident_id>/revise/",
        incidents.ReviseApi.as_view(),
        name="incident-revise",
    ),
    path("v1/public/incidents/", incidents.PublicReportApi.as_view(), name="public-report"),
    path("v1/places/", incidents.PlaceSearchApi.as_view(), name="place-search"),
    path("v1/actors/", incidents.ActorListApi.as_view(), name="actor-list"),
    path("v1/actors/<str:code>/aliases/", incidents.ActorAliasApi.as_view(), name="actor-alias"),
    path("v1/cases/", cases.CaseListApi.as_view(), name="case-list"),
    path("v1/cases/<int:case_id>/", cases.CaseDetailApi.as_view(), name="case-detail"),
    path("v1/cases/<int:case_id>/<str:action>/", cases.CaseStepApi.as_view(), name="case-step"),
    path(
        "v1/access-requests/<int:request_id>/answer/",
        cases.AccessAnswerApi.as_view(),
        name="access-answer",
    ),
    path("v1/notifications/", cases.NotificationListApi.as_view(), name="notification-list"),
    path("v1/affiliations/", cases.AffiliationApi.as_view(), name="affiliation-list"),
    path(
        "v1/agreements/<int:agreement_id>/verification-rules/",
        cases.VerificationRulesApi.as_view(),
        name="verification-rules",
    ),
    path("v1/evidence/", evidence.EvidenceListApi.as_view(), name="evidence-list"),
    path("v1/evidence/collect/", evidence.EvidenceCollectApi.as_view(), name="evidence-collect"),
    path(
        "v1/evidence/<int:item_id>/", evidence.EvidenceDetailApi.as_view(), name="evidence-detail"
    ),
    path(
        "v1/evidence/<int:item_id>/download/",
        evidence.EvidenceDownloadApi.as_view(),
        name="evidence-download",
    ),
    path(
        "v1/evidence/<int:item_id>/custody/",
        evidence.EvidenceCustodyApi.as_view(),
        name="evidence-custody",
    ),
    path(
        "v1/evidence/<int:item_id>/grades/",
        evidence.EvidenceGradeApi.as_view(),
        name="evidence-grades",
    ),
    path(
        "v1/evidence/<int:item_id>/attachments/",
        evidence.EvidenceAttachApi.as_view(),
        name="evidence-attach",
    ),
    path(
        "v1/evidence/<int:item_id>/working-copies/",
        evidence.EvidenceDeriveApi.as_view(),
        name="evidence-derive",
    ),
    path(
        "v1/evidence/<int:item_id>/transfers/",
        evidence.EvidenceTransferApi.as_view(),
        name="evidence-transfer",
    ),
    path(
        "v1/evidence/<int:item_id>/copies/",
        evidence.EvidenceCopyApi.as_view(),
        name="evidence-copy",
    ),
    path("v1/news/articles/", newsdesk.ArticleListApi.as_view(), name="news-article-list"),
    path("v1/news/fetch/", newsdesk.FetchApi.as_view(), name="news-fetch"),
    path("v1/news/candidates/", newsdesk.CandidateListApi.as_view(), name="news-candidate-list"),
    path("v1/news/record/", newsdesk.ReaderRecordApi.as_view(), name="news-reader-record"),
    path(
        "v1/news/candidates/<int:candidate_id>/accept/",
        newsdesk.AcceptApi.as_view(),
        name="news-accept",
    ),
    path(
        "v1/news/candidates/<int:candidate_id>/add-to-report/",
        newsdesk.AddToReportApi.as_view(),
        name="news-add-to-report",
    ),
    path(
        "v1/news/candidates/<int:candidate_id>/dismiss/",
        newsdesk.DismissApi.as_view(),
        name="news-dismiss",
    ),
    path("v1/log/checkpoint/", ledger.CheckpointApi.as_view(), name="log-checkpoint"),
    path("v1/log/entries/<int:index>/", ledger.EntryDetailApi.as_view(), name="log-entry"),
    path(
        "v1/log/entries/<int:index>/receipt/", ledger.EntryReceiptApi.as_view(), name="log-receipt"
    ),
]

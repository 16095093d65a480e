"""Top-level routes: the web pages, the REST API and (later) the public log endpoints."""

from django.urls import include, path

urlpatterns = [
    path("", include("ceasefire.web.urls")),
    path("accounts/", include("ceasefire.accounts.urls")),
    path("agreements/", include("ceasefire.agreements.urls")),
    path("incidents/", include("ceasefire.incidents.urls")),
    path("cases/", include("ceasefire.cases.urls")),
    path("news/", include("ceasefire.newsdesk.urls")),
    path("evidence/", include("ceasefire.evidence.urls")),
    path("api/", include("ceasefire.api.urls")),
    path("log/", include("ceasefire.ledger.urls")),
]

handler404 = "ceasefire.web.views.not_found"
handler403 = "ceasefire.web.views.forbidden"

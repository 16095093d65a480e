from django.urls import path

from ceasefire.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="agreement-list"),
    path("new/", views.agreement_create, name="agreement-create"),
    path("<int:agreement_id>/", views.agreement_detail, name="agreement-detail"),
    path(
        "<int:agreement_id>/versions/<int:number>/", views.agreement_detail, name="version-detail"
    ),
    path(
        "<int:agreement_id>/versions/<int:number>.json",
        views.version_document_view,
        name="version-document",
    ),
    path("<int:agreement_id>/amend/", views.agreement_amend, name="agreement-amend"),
    path("<int:agreement_id>/events/new/", views.event_create, name="event-create"),
    path(
        "<int:agreement_id>/talks-rounds/new/", views.talks_round_create, name="talks-round-create"
    ),
]

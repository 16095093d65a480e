from django.urls import path

from ceasefire.incidents import views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="incident-list"),
    path("map/", views.incident_map, name="incident-map"),
    path("export.csv", views.incident_export, name="incident-export"),
    path("new/", views.incident_report, name="incident-report"),
    path("report/", views.public_report, name="public-report"),
    path("queue/", views.triage_queue, name="triage-queue"),
    path("import/", views.incident_import, name="incident-import"),
    path("actors/", views.actor_list, name="actor-list"),
    path("actors/<str:code>/aliases/", views.actor_alias, name="actor-alias"),
    path("<int:incident_id>/", views.incident_detail, name="incident-detail"),
    path("<int:incident_id>/triage/", views.incident_triage, name="incident-triage"),
    path("<int:incident_id>/revise/", views.incident_revise, name="incident-revise"),
]

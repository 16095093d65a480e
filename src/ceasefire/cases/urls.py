from django.urls import path

from ceasefire.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("inbox/", views.notification_inbox, name="inbox"),
    path("affiliations/", views.affiliations, name="affiliations"),
    path("rules/<int:agreement_id>/", views.verification_rules, name="verification-rules"),
    path("access/<int:request_id>/answer/", views.access_answer, name="access-answer"),
    path("<int:case_id>/", views.case_detail, name="case-detail"),
    path("<int:case_id>/<str:action>/", views.case_action, name="case-action"),
]

from django.urls import path

from ceasefire.newsdesk import views

app_name = "newsdesk"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("articles/<int:article_id>/", views.article_detail, name="article-detail"),
    path("record/", views.reader_record, name="reader-record"),
    path("candidates/<int:candidate_id>/accept/", views.accept, name="accept"),
    path("candidates/<int:candidate_id>/dismiss/", views.dismiss, name="dismiss"),
    path(
        "candidates/<int:candidate_id>/add-to-report/",
        views.add_to_report,
        name="add-to-report",
    ),
]

from django.urls import path

from ceasefire.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.user_list, name="user-list"),
    path("new/", views.user_create, name="user-create"),
    path("organisations/new/", views.organisation_create, name="organisation-create"),
    path("<int:user_id>/", views.user_detail, name="user-detail"),
    path("tokens/", views.token_list, name="token-list"),
]

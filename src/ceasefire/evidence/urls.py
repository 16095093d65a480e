from django.urls import path

from ceasefire.evidence import views

app_name = "evidence"

urlpatterns = [
    path("", views.item_list, name="item-list"),
    path("new/", views.item_submit, name="item-submit"),
    path("<int:item_id>/", views.item_detail, name="item-detail"),
    path("<int:item_id>/custody/", views.item_custody, name="item-custody"),
    path("<int:item_id>/download/", views.item_download, name="item-download"),
    path("<int:item_id>/grade/", views.item_grade, name="item-grade"),
    path("<int:item_id>/attach/", views.item_attach, name="item-attach"),
    path("<int:item_id>/derive/", views.item_derive, name="item-derive"),
    path("<int:item_id>/transfer/", views.item_transfer, name="item-transfer"),
]

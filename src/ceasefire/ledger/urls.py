from django.urls import path

from ceasefire.ledger import views

app_name = "ledger"

urlpatterns = [
    path("", views.entry_list, name="entry-list"),
    path("entries/<int:index>/", views.entry_detail, name="entry-detail"),
    path("entries/<int:index>/leaf", views.entry_leaf, name="entry-leaf"),
    path("checkpoint", views.checkpoint, name="checkpoint"),
    path("key", views.key, name="key"),
    path("policy", views.policy, name="policy"),
    path("tile/<path:path>", views.tile, name="tile"),
    path("proof/<int:index>", views.proof, name="proof"),
]

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People, their organisations (parties, mediators, secretariat), roles and API tokens."""

    name = "ceasefire.accounts"
    label = "accounts"

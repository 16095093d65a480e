from django.apps import AppConfig


class NewsdeskConfig(AppConfig):
    """Articles pasted, uploaded or fetched, and the candidates the extractor proposes."""

    name = "ceasefire.newsdesk"
    label = "newsdesk"

from django.apps import AppConfig


class WebConfig(AppConfig):
    """Base templates, the stylesheet, sign-in pages, the home page and error pages."""

    name = "ceasefire.web"
    label = "web"

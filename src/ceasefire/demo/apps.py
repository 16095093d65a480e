from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Doha/Istanbul demo scenario, loaded only through services."""

    name = "ceasefire.demo"
    label = "demo"

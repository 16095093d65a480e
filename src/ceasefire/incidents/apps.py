from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """Incident intake: reports, coding, the actor registry and the triage queue."""

    name = "ceasefire.incidents"
    label = "incidents"

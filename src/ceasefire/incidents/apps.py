from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """Incident intake: reports, coding, the actor registry and the triage queue."""

    name = "ceasefire.incidents"
    label = "incidents"

    def ready(self) -> None:
        """Make reports attachable in the evidence locker (`incident:<id>`)."""
        from ceasefire.evidence import subjects
        from ceasefire.incidents.selectors import incidents_visible_to

        subjects.register(
            "incident", lambda pk, viewer: incidents_visible_to(viewer).filter(pk=pk).exists()
        )

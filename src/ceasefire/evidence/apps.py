from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    """The evidence locker: content-addressed files and links, custody, grades, working copies."""

    name = "ceasefire.evidence"
    label = "evidence"

    def ready(self) -> None:
        from ceasefire.evidence import subjects

        subjects.register_agreements()

from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    """The agreement register: versioned texts, clauses, obligations, talks and timeline."""

    name = "ceasefire.agreements"
    label = "agreements"

from django.apps import AppConfig


class CasesConfig(AppConfig):
    """Cases from allegation to adopted finding, with the right of reply and the quorum."""

    name = "ceasefire.cases"
    label = "cases"

from django.apps import AppConfig

from ceasefire.domain.policy import Actor


class CasesConfig(AppConfig):
    """Cases from allegation to adopted finding, with the right of reply and the quorum."""

    name = "ceasefire.cases"
    label = "cases"

    def ready(self) -> None:
        """Make cases, findings and replies attachable in the evidence locker."""
        from ceasefire.cases.models import Finding, Reply
        from ceasefire.cases.selectors import cases_visible_to
        from ceasefire.evidence import subjects

        def case(pk: int, viewer: Actor) -> bool:
            return cases_visible_to(viewer).filter(pk=pk).exists()

        def finding(pk: int, viewer: Actor) -> bool:
            found = Finding.objects.filter(pk=pk).values_list("case_id", flat=True).first()
            return found is not None and case(found, viewer)

        def reply(pk: int, viewer: Actor) -> bool:
            found = Reply.objects.filter(pk=pk).values_list("finding__case_id", flat=True).first()
            return found is not None and case(found, viewer)

        subjects.register("case", case)
        subjects.register("finding", finding)
        subjects.register("reply", reply)

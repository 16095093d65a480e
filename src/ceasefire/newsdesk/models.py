"""Articles read by the news desk and the candidates proposed from them.

An article is stored once (by the SHA-256 of its text); its candidates are written once and
only their state changes: new → accepted (linked to the incident or timeline event created)
or dismissed (with the reason). The extractor never verifies anything: a monitor decides.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ceasefire.agreements.models import Agreement, AgreementEvent
from ceasefire.incidents.models import Incident


class Article(models.Model):
    """One news article as the desk received it."""

    class Origin(models.TextChoices):
        PASTED = "pasted", "pasted"
        FILE = "file", "uploaded file"
        URL = "url", "fetched page"
        FEED = "feed", "feed item"

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="+")
    sha256 = models.CharField(max_length=64, unique=True)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    origin = models.CharField(max_length=8, choices=Origin.choices)
    warnings = models.JSONField(default=list, blank=True)
    reader = models.CharField(
        max_length=12, blank=True, help_text="fingerprint of the extractor that read it"
    )
    ingested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    ingested_at = models.DateTimeField()

    class Meta:
        ordering = ["-ingested_at", "-id"]

    def __str__(self) -> str:
        return self.title or f"article {self.pk}"

    @property
    def subject(self) -> str:
        return f"news_article:{self.pk}"


class Candidate(models.Model):
    """One proposal from an article, with its quote: an incident, an agreement event, or a
    position a party stated (a demand, a condition, a pledge: the extractor's
    "obligations", which are not obligations of the register until the parties sign)."""

    class Kind(models.TextChoices):
        INCIDENT = "incident", "incident"
        AGREEMENT_EVENT = "agreement_event", "agreement event"
        POSITION = "position", "stated position"

    class State(models.TextChoices):
        NEW = "new", "new"
        ACCEPTED = "accepted", "accepted"
        DISMISSED = "dismissed", "dismissed"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="candidates")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    position = models.PositiveSmallIntegerField()
    data = models.JSONField(help_text="the extractor's fields, as proposed")
    quote = models.TextField()
    quote_start = models.PositiveIntegerField()
    quote_end = models.PositiveIntegerField()
    background = models.BooleanField(help_text="history or an aggregate, not a new event")
    state = models.CharField(max_length=10, choices=State.choices, default="new", db_index=True)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreement_event = models.ForeignKey(
        AgreementEvent, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["article_id", "kind", "position"]

    def __str__(self) -> str:
        return f"{self.kind} candidate {self.position} of {self.article}"

    @property
    def subject(self) -> str:
        return f"news_candidate:{self.pk}"

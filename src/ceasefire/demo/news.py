"""Demo news: two illustrative wire items about the drone over Khost, read by the monitor.

They give the news desk something to show on a fresh demo: candidates with their quotes,
two reports of one incident from two articles marked as possibly the same event, an
allegation of breach and a demand. Both texts say in their own words that they were
written for the demonstration. The two real source articles of the Doha/Istanbul case are
not loaded: a monitor pastes them, as the desk is meant to be used.
"""

from __future__ import annotations

from datetime import date

from ceasefire.accounts.models import User
from ceasefire.agreements.models import Agreement
from ceasefire.newsdesk import services
from ceasefire.newsdesk.models import Article

OUTLET = "Demo Wire (illustrative)"

ARTICLES = (
    (
        "Drone seen over Khost as Kabul accuses Islamabad of breaching the truce",
        "KHOST, Oct 29 (Demo Wire) - Residents of Khost city reported a drone incursion on "
        "Tuesday evening: an unidentified drone circled over the city for about an hour before "
        "flying off to the east, the province's police spokesman said. This report is "
        "illustrative: it was written for the platform's demonstration and describes no real "
        "event.\n\n"
        "Taliban spokesman Zabihullah Mujahid accused Pakistan of violating the ceasefire agreed "
        "in Doha and said the matter had been reported to the mediators. Pakistan's Foreign "
        "Office did not comment. Mujahid said Kabul expects Pakistan to respect Afghan airspace.",
    ),
    (
        "Afghan officials report drone incursion in Khost",
        "ISLAMABAD - Afghan officials reported a drone incursion over Khost on Tuesday, saying "
        "an unidentified aircraft flew over the provincial capital in the evening. (Illustrative "
        "report written for the platform's demonstration; it describes no real event.) "
        "Pakistani officials said they had no information about the flight. The ceasefire "
        "agreed in Doha on October 19 has largely held, mediators said, and a follow-up meeting "
        "is planned in Istanbul.",
    ),
)


def load_news(people: dict[str, User], agreement: Agreement) -> None:
    """Read the demo articles as the monitor (skipping those already read)."""
    for title, text in ARTICLES:
        if Article.objects.filter(title=title, outlet=OUTLET).exists():
            continue
        services.read_article(
            actor=people["monitor"],
            agreement=agreement,
            article=services.ArticleIn(
                text=text, title=title, outlet=OUTLET, published_on=date(2025, 10, 29)
            ),
        )

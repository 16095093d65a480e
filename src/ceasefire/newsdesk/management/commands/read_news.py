"""`ceasefire read-news`: read a page, a feed or a file of articles into the news desk.

Meant for a scheduled job that polls the outlets a mechanism follows: texts already read
are skipped, so running it again reads only what is new, and "nothing new" is not an error.
The articles are read in the name of a monitor or analyst, who must be allowed to read news
for that agreement, exactly as on the desk page or through the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ceasefire.accounts.models import User
from ceasefire.agreements.selectors import get_agreement
from ceasefire.domain.errors import DomainError, InvalidInput
from ceasefire.domain.policy import Action, require
from ceasefire.newsdesk import fetching, services
from ceasefire.newsdesk.models import Article
from ceasefire.newsdesk.reading import articles_fetched, articles_from_file


class Command(BaseCommand):
    help = "Read a page, an RSS/Atom feed or a .txt/.jsonl file of articles into the news desk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agreement", type=int, required=True, help="agreement id")
        parser.add_argument("--as", dest="username", required=True, help="reading user")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--url", help="page or RSS/Atom feed address")
        source.add_argument("--file", type=Path, help=".txt (one article) or .jsonl file")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {options['username']!r}")
        try:
            agreement = get_agreement(options["agreement"], viewer=user.as_actor())
            require(user.as_actor(), Action.INGEST_NEWS)  # before anything is fetched
            articles, origin = self._articles(options)
        except DomainError as error:
            raise CommandError(error.message) from None
        try:
            stored = services.read_articles(
                actor=user, agreement=agreement, articles=articles, origin=origin
            )
        except InvalidInput as error:
            skipped = error.details.get("skipped")
            if not isinstance(skipped, list) or not skipped:
                raise CommandError(error.message) from None  # no articles at all
            if error.details.get("already_read") != len(skipped):
                raise CommandError(error.message) from None  # something could not be read
            self.stdout.write(error.message)  # all read before: the next run may bring news
            return
        except DomainError as error:
            raise CommandError(error.message) from None
        for article in stored:
            self.stdout.write(
                f"article {article.pk}: {article.title or '(untitled)'}: "
                f"{article.candidates.count()} candidate(s)"
            )
        self.stdout.write(f"{len(stored)} article(s) read")

    def _articles(self, options: dict[str, Any]) -> tuple[list[services.ArticleIn], Article.Origin]:
        if options["url"]:
            return articles_fetched(fetching.fetch(options["url"]))
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        return articles_from_file(content, path.name), Article.Origin.FILE

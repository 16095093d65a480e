"""Reading what a person hands the desk (an uploaded file, a fetched page or feed) into
articles, with clear refusals."""

from __future__ import annotations

import json
from datetime import date

from ceasefire.domain.errors import InvalidInput
from ceasefire.newsdesk.fetching import Fetched
from ceasefire.newsdesk.models import Article
from ceasefire.newsdesk.services import ArticleIn


def articles_fetched(fetched: list[Fetched]) -> tuple[list[ArticleIn], Article.Origin]:
    """The articles of a fetched page (one) or feed (one per item), and that origin."""
    articles = [
        ArticleIn(text=f.text, title=f.title, url=f.url, published_on=f.published_on)
        for f in fetched
    ]
    return articles, (Article.Origin.FEED if len(fetched) > 1 else Article.Origin.URL)


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def articles_from_file(content: bytes, name: str) -> list[ArticleIn]:
    """Read a .txt file (one article, first line the title) or a .jsonl file of articles.

    Raises:
        InvalidInput: not UTF-8 text, an unknown format, or a malformed line.
    """
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            "the file is not UTF-8 text (is it a binary file?)", details={"field": "file"}
        ) from None
    if name.lower().endswith(".jsonl"):
        articles = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise InvalidInput(
                    f"line {number} is not JSON: {error.msg}", details={"field": "file"}
                ) from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InvalidInput(f"line {number} needs a text field", details={"field": "file"})
            articles.append(
                ArticleIn(
                    text=item["text"],
                    title=str(item.get("title") or ""),
                    url=str(item.get("url") or ""),
                    outlet=str(item.get("outlet") or ""),
                    published_on=_day(item.get("pub_date")),
                )
            )
        return articles
    if name.lower().endswith(".txt"):
        title, _, body = text.partition("\n")
        return [
            ArticleIn(
                text=body if body.strip() else title, title=title.strip() if body.strip() else ""
            )
        ]
    raise InvalidInput("upload a .txt or .jsonl file", details={"field": "file"})

"""Fetching articles from a URL or an RSS/Atom feed, when the deployment has network.

Only http(s) URLs are fetched (and `file:` URLs when `NEWS_ALLOW_FILE_URLS` is on, for tests
and air-gapped imports), with a timeout and a size limit; a page's text is its paragraphs
(not those of its navigation, footer, asides, forms or captions), its title the headline it
gives (og:title, then its h1, then <title>), and its publication day the one its metadata
states (article:published_time, JSON-LD datePublished, <time datetime>…), without which the
extractor cannot resolve "on Saturday"; a feed's items become one article each. Nothing here
writes: the services ingest what it reads.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import urllib.request
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urlparse
from xml.etree import ElementTree

from django.conf import settings

from ceasefire.domain.errors import InvalidInput

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT_SECONDS = 10
_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True, slots=True)
class Fetched:
    """One article read from the network (or a feed item)."""

    title: str
    text: str
    url: str
    published_on: date | None


#: Page metadata that gives the day an article was published, strongest first.
_PUBLISHED_KEYS = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "article.published",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
)
#: Parts of a page that are not the article: their paragraphs are left out.
_OUTSIDE = frozenset({"nav", "footer", "aside", "figcaption", "noscript"})
_NOT_TEXT = frozenset({"script", "style", "template", "svg", "head"})
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


class _Page(HTMLParser):
    """A page's paragraphs, title and publication day (from its metadata), in one pass."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.heading = ""
        self.og_title = ""
        self.paragraphs: list[str] = []
        self.loose_text: list[str] = []  # every text outside scripts, for pages without <p>
        self.published: dict[str, str] = {}
        self._in: str | None = None
        self._buffer: list[str] = []
        self._outside = 0
        self._not_text = 0
        self._json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = next((values[k] for k in ("property", "name", "itemprop") if values.get(k)), "")
            key = key.lower()
            if key == "og:title":
                self.og_title = values.get("content", "").strip()
            elif key in _PUBLISHED_KEYS:
                self.published.setdefault(key, values.get("content", ""))
        elif tag == "time" and values.get("datetime") and not self._outside:
            self.published.setdefault("time", values["datetime"])
        elif tag in _NOT_TEXT:
            self._not_text += 1
            if tag == "script":
                self._json_ld = values.get("type", "").lower() == "application/ld+json"
        elif tag in _OUTSIDE:
            self._outside += 1
        if tag == "title" or (tag in {"p", "h1"} and not self._outside):
            self._in, self._buffer = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag in _OUTSIDE:
            self._outside = max(0, self._outside - 1)
        elif tag in _NOT_TEXT:
            self._not_text = max(0, self._not_text - 1)
            self._json_ld = False
        if tag == self._in:
            text = " ".join("".join(self._buffer).split())
            if tag == "title":
                self.title = self.title or text  # not an <svg>'s <title> further down
            elif tag == "h1":
                self.heading = self.heading or text
            elif text:
                self.paragraphs.append(text)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._json_ld:
            found = _LD_PUBLISHED.search(data)
            if found:
                self.published.setdefault("datepublished", found.group(1))
        elif self._in:
            self._buffer.append(data)
        if not self._not_text and not self._outside and data.strip():
            self.loose_text.append(" ".join(data.split()))

    def published_on(self) -> date | None:
        """The publication day the page states, by the strongest metadata present."""
        for key in (*_PUBLISHED_KEYS, "time"):
            day = _day(self.published.get(key))
            if day is not None:
                return day
        return None


def check_public(url: str) -> None:
    """Refuse an address that is not http(s) or that points inside the deployment's network
    (loopback, private, link-local, reserved): the desk must not become a port scanner.

    Raises:
        InvalidInput: the scheme or the host is refused.
    """
    parsed = urlparse(url)
    if parsed.scheme == "file" and settings.NEWS_ALLOW_FILE_URLS:
        return
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise InvalidInput("fetch an http:// or https:// address", details={"field": "url"})
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parsed.hostname, None)}
    except (OSError, UnicodeError):
        raise InvalidInput("could not fetch the address", details={"field": "url"}) from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global:
            raise InvalidInput(
                "addresses inside a private network are not fetched", details={"field": "url"}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read(url: str) -> tuple[bytes, str, str]:
    check_public(url)
    request = urllib.request.Request(url, headers={"User-Agent": "ceasefire-newsdesk/1"})  # noqa: S310  # scheme checked above
    opener = urllib.request.build_opener(_CheckedRedirects)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            headers = getattr(response, "headers", None)
            kind = headers.get_content_type() if headers is not None else ""
            charset = (headers.get_content_charset() if headers is not None else None) or ""
    except OSError:
        raise InvalidInput("could not fetch the address", details={"field": "url"}) from None
    if len(body) > MAX_BYTES:
        raise InvalidInput("the page is larger than 2 MB", details={"field": "url"})
    return body, kind, charset


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        pass
    match = re.match(r"\d{4}-\d{2}-\d{2}", text.strip())
    try:
        return date.fromisoformat(match[0]) if match else None
    except ValueError:
        return None  # "0000-00-00", "2025-02-31": no day at all


def _plain(html: str) -> str:
    parser = _Page()
    parser.feed(f"<p>{html}</p>")
    return "\n".join(parser.paragraphs)


def _feed(root: ElementTree.Element) -> list[Fetched]:
    items = []
    for item in root.iter("item"):
        items.append(
            Fetched(
                title=(item.findtext("title") or "").strip(),
                text=_plain(item.findtext("description") or ""),
                url=(item.findtext("link") or "").strip(),
                published_on=_day(item.findtext("pubDate")),
            )
        )
    for entry in root.iter(f"{_ATOM}entry"):
        link = entry.find(f"{_ATOM}link")
        body = entry.findtext(f"{_ATOM}content") or entry.findtext(f"{_ATOM}summary") or ""
        items.append(
            Fetched(
                title=(entry.findtext(f"{_ATOM}title") or "").strip(),
                text=_plain(body),
                url=(link.get("href") or "") if link is not None else "",
                published_on=_day(
                    entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated")
                ),
            )
        )
    return [item for item in items if item.text.strip()]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def _decode(body: bytes, charset: str) -> str:
    """The page's text in the encoding its server or its own <meta> declares (UTF-8 when
    neither does or the name is unknown)."""
    declared = charset or next(iter(_META_CHARSET.findall(body[:4096])), b"").decode("ascii")
    try:
        return body.decode(declared or "utf-8", errors="replace")
    except (LookupError, UnicodeError):  # an unknown name, or a codec such as "idna"
        return body.decode("utf-8", errors="replace")


def fetch(url: str) -> list[Fetched]:
    """Read a page (one article) or a feed (one article per item) at `url`.

    Raises:
        InvalidInput: the address cannot be fetched, is too large, or holds no text.
    """
    body, kind, charset = _read(url)
    text = _decode(body, charset)
    head = text.lstrip()[:200].lower()
    if "xml" in kind or head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        if "<!doctype" in text[:2000].lower() or "<!entity" in text.lower():
            raise InvalidInput(
                "feeds with document type declarations are refused", details={"field": "url"}
            )
        try:
            root = ElementTree.fromstring(text)  # noqa: S314  # no DTD or entities (checked above)
        except ElementTree.ParseError as error:
            raise InvalidInput(
                f"the feed is not well-formed XML: {error}", details={"field": "url"}
            ) from None
        items = _feed(root)
        if not items:
            raise InvalidInput("the feed has no items with text", details={"field": "url"})
        return items
    parser = _Page()
    parser.feed(text)
    body_text = "\n".join(parser.paragraphs or parser.loose_text)
    if not body_text.strip():
        raise InvalidInput("the page holds no text", details={"field": "url"})
    title = parser.og_title or parser.heading or parser.title
    return [Fetched(title=title, text=body_text, url=url, published_on=parser.published_on())]

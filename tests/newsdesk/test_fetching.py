"""Reading a news page: its paragraphs, headline and publication day, in its own encoding."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.newsdesk import fetching

PAGE = """<!doctype html><html><head>
<meta charset="utf-8"><title>Strikes in Paktika | The Daily Example</title>
<meta property="og:title" content="Pakistani strikes kill 10 in Paktika">
<meta property="article:published_time" content="2025-10-18T09:15:00+05:00">
</head><body>
<nav><p>Home</p><p>World</p></nav>
<article><h1>Strikes kill 10 in Paktika</h1>
<time datetime="2025-10-17T22:00:00Z">Friday</time>
<p>Pakistani air strikes in the Urgun district of Paktika killed 10 people on Friday night,
Taliban officials said on Saturday.</p>
<figure><img src="x.jpg"><figcaption><p>Mourners in Urgun.</p></figcaption></figure>
<p>Three of the dead were local cricketers.</p></article>
<aside><p>Read more: markets rally</p></aside>
<footer><p>&copy; 2025 The Daily Example</p></footer>
</body></html>"""


@pytest.fixture
def page_at(settings, tmp_path):
    settings.NEWS_ALLOW_FILE_URLS = True

    def write(name: str, content: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return path.as_uri()

    return write


def test_a_page_gives_its_article_headline_and_day(page_at):
    (found,) = fetching.fetch(page_at("page.html", PAGE.encode()))
    assert found.title == "Pakistani strikes kill 10 in Paktika"
    assert found.published_on == date(2025, 10, 18)
    assert found.text.splitlines() == [
        "Pakistani air strikes in the Urgun district of Paktika killed 10 people on Friday "
        "night, Taliban officials said on Saturday.",
        "Three of the dead were local cricketers.",
    ]


def test_the_day_comes_from_json_ld_or_a_time_element_when_meta_tags_are_missing(page_at):
    json_ld = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2026-02-27T06:00:00Z"}</script></head><body><h1>Clashes</h1>'
        "<p>Forces clashed at Torkham on Friday.</p></body></html>"
    )
    (found,) = fetching.fetch(page_at("ld.html", json_ld.encode()))
    assert (found.title, found.published_on) == ("Clashes", date(2026, 2, 27))
    timed = '<html><body><time datetime="2025-12-07">7 Dec</time><p>Text.</p></body></html>'
    assert fetching.fetch(page_at("t.html", timed.encode()))[0].published_on == date(2025, 12, 7)
    bare = b"<html><body><p>Text without a date.</p></body></html>"
    assert fetching.fetch(page_at("bare.html", bare))[0].published_on is None


def test_a_page_is_read_in_the_encoding_it_declares(page_at):
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Türkiye mediated.</p>'
    (found,) = fetching.fetch(page_at("latin.html", latin.encode("iso-8859-1")))
    assert found.text == "Türkiye mediated."
    unknown = b'<html><head><meta charset="no-such-codec"></head><body><p>Plain.</p></body></html>'
    assert fetching.fetch(page_at("unknown.html", unknown))[0].text == "Plain."


def test_a_fetched_page_dates_its_events_from_its_publication_day(api, people, doha, page_at):
    api.as_user(people["monitor"])
    response = api.post(
        "/api/v1/news/fetch/",
        {"agreement": doha.pk, "url": page_at("page.html", PAGE.encode())},
        format="json",
    )
    assert response.status_code == 201, response.content
    (article,) = response.json()
    assert (article["title"], article["published_on"]) == (
        "Pakistani strikes kill 10 in Paktika",
        "2025-10-18",
    )
    strike = next(c for c in article["candidates"] if c["kind"] == "incident")
    assert strike["extracted"]["date"] == "2025-10-17"


def test_odd_pages_are_read_without_failing(page_at):
    bad_day = (
        b'<html><head><meta name="date" content="0000-00-00"></head>'
        b'<body><aside><time datetime="2020-01-01">old</time><h1>Latest</h1></aside>'
        b"<h1>The story</h1><p>Text.</p></body></html>"
    )
    (found,) = fetching.fetch(page_at("bad.html", bad_day))
    assert (found.title, found.published_on) == ("The story", None)
    idna = b'<html><head><meta charset="idna"></head><body><p>Caf\xc3\xa9 talks.</p></body></html>'
    assert fetching.fetch(page_at("idna.html", idna))[0].text == "Café talks."
    web_form = (
        b"<html><body><form id='aspnetForm'><div class='story'>Forces clashed at Chaman "
        b"on Friday.<script>var x = 1;</script></div></form></body></html>"
    )
    (found,) = fetching.fetch(page_at("form.html", web_form))
    assert found.text == "Forces clashed at Chaman on Friday."

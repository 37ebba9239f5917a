"""canonical_url: one identity per article URL, and a page's own canonical only when believable."""

from __future__ import annotations

import pytest

from evnews.dedup import canonical_url

CLEAN = "https://example.com/news/nissan-leaf"

SAME_ARTICLE = [
    ("tracking parameters", "https://example.com/news/nissan-leaf?utm_source=rss&utm_medium=feed&utm_campaign=x"),
    ("click ids", "https://example.com/news/nissan-leaf?fbclid=AbC&gclid=123&mc_cid=9&mc_eid=8"),
    ("referrer", "https://example.com/news/nissan-leaf?ref=twitter"),
    ("www host", "https://www.example.com/news/nissan-leaf"),
    ("host and scheme case", "HTTPS://Example.COM/news/nissan-leaf"),
    ("fragment", "https://example.com/news/nissan-leaf#comments"),
    ("trailing slash", "https://example.com/news/nissan-leaf/"),
    ("default port", "https://example.com:443/news/nissan-leaf"),
    ("amp path", "https://example.com/news/nissan-leaf/amp/"),
    ("amp query", "https://example.com/news/nissan-leaf?amp=1"),
    ("amp host", "https://amp.example.com/news/nissan-leaf"),
    ("mobile host", "https://m.example.com/news/nissan-leaf"),
    ("everything at once", "HTTPS://WWW.example.com:443/news/nissan-leaf/amp/?amp=1&utm_source=x#top"),
]


@pytest.mark.parametrize(("case", "url"), SAME_ARTICLE, ids=[c for c, _ in SAME_ARTICLE])
def test_variants_of_one_article_share_a_canonical_url(case: str, url: str) -> None:
    assert canonical_url(url) == CLEAN, case


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # a query that names the article stays, sorted
        ("https://example.com/article.php?page=2&id=17", "https://example.com/article.php?id=17&page=2"),
        # a non-default port is part of the address
        ("http://127.0.0.1:8765/voltlog/post.html?utm_medium=rss", "http://127.0.0.1:8765/voltlog/post.html"),
        # the home page keeps its slash
        ("https://www.example.com/", "https://example.com/"),
        # percent-escapes in one case
        ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
        # an `amp` inside a slug is not an AMP variant
        ("https://example.com/news/camper-vans", "https://example.com/news/camper-vans"),
    ],
)
def test_normal_forms(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "declared", "expected"),
    [
        # the page's canonical wins over a tracking URL
        ("https://example.com/a?utm_source=x&x=1", "https://example.com/a", "https://example.com/a"),
        # relative canonicals are resolved against the page
        ("https://example.com/news/a.html?x=1", "/news/a.html", "https://example.com/news/a.html"),
        # a canonical on a subdomain of the same site is believed
        ("https://news.example.com/a", "https://www.example.com/news/a", "https://example.com/news/a"),
        # pointing at the home page is a template error: ignored
        ("https://example.com/news/a", "https://example.com/", "https://example.com/news/a"),
        # another site's canonical (syndication) is ignored: the copy is found by text instead
        ("https://reprint.example.org/a", "https://wire.example.com/story", "https://reprint.example.org/a"),
        # same for a local server on another port
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:9000/a", "http://127.0.0.1:8001/a"),
        # and a local server's own canonical is believed
        ("http://127.0.0.1:8001/a?utm_source=x", "http://127.0.0.1:8001/a", "http://127.0.0.1:8001/a"),
        # not a web URL
        ("https://example.com/a", "javascript:void(0)", "https://example.com/a"),
        # blank
        ("https://example.com/a/", "  ", "https://example.com/a"),
    ],
)
def test_declared_canonical_wins_only_when_plausible(url: str, declared: str, expected: str) -> None:
    assert canonical_url(url, declared) == expected


def test_canonical_url_is_idempotent() -> None:
    for _, url in SAME_ARTICLE:
        once = canonical_url(url)
        assert canonical_url(once) == once


@pytest.mark.parametrize("url", ["http://[broken-ipv6/a", "https://example.com:99999/a", ""])
def test_unparseable_urls_are_kept_as_given(url: str) -> None:
    assert canonical_url(url) == url
    assert canonical_url("https://example.com/a", url) == "https://example.com/a"

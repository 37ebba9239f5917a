"""Feeds: conditional GET against a real server, and parse_feed on hand-written documents."""

from __future__ import annotations

import gzip

import pytest
from fault_server import FaultServer, fault_site  # noqa: F401 - fixture

from evnews.config import FetchSettings
from evnews.fetch import Fetcher, RetryPolicy, discover_feed_links, parse_feed
from evnews.fetch.errors import NotAFeedError, TooLargeError

SETTINGS = FetchSettings(allow_private_hosts=False, per_host_delay_s=0.0, timeout_s=2.0, max_retries=1)


def fetcher() -> Fetcher:
    return Fetcher(SETTINGS, allow_networks=("127.0.0.1/32",), retry=RetryPolicy(0.01, 0.5))


def test_repeated_fetch_sends_validators_and_a_304_costs_nothing(fault_site: FaultServer) -> None:
    url = fault_site.base + "/feed.xml"
    with fetcher() as f:
        first = f.fetch_feed(url)
        second = f.fetch_feed(url, etag=first.etag, last_modified=first.last_modified)
    assert first.error is None and first.status == 200 and not first.not_modified
    assert [e.link for e in first.entries] == [fault_site.base + "/good/1.html", fault_site.base + "/good/2.html"]
    assert first.entries[0].published is not None and first.entries[0].published.isoformat() == "2025-10-06T09:00:00"
    assert second.status == 304 and second.not_modified and second.entries == ()
    assert first.etag and second.etag == first.etag and second.last_modified == first.last_modified
    hits = fault_site.requests_to("/feed.xml")
    assert hits[-1].headers.get("If-None-Match") == first.etag
    assert hits[-1].headers.get("If-Modified-Since") == first.last_modified


def test_server_ignoring_validators_is_caught_by_the_body_hash(fault_site: FaultServer) -> None:
    url = fault_site.base + "/feed-no-validators.xml"
    with fetcher() as f:
        first = f.fetch_feed(url)
        second = f.fetch_feed(url, body_hash=first.body_hash)
    assert first.body_hash and len(first.entries) == 1
    assert second.status == 200 and second.not_modified and second.entries == ()


def test_gzip_feed_without_content_encoding_still_parses(fault_site: FaultServer) -> None:
    with fetcher() as f:
        result = f.fetch_feed(fault_site.base + "/feed-gzip.xml")
    assert result.error is None and [e.title for e in result.entries] == ["Zipped"]


def test_a_feed_url_serving_html_is_a_clear_permanent_error_naming_the_real_feed(fault_site: FaultServer) -> None:
    with fetcher() as f:
        result = f.fetch_feed(fault_site.base + "/feed-is-html")
    assert result.error_kind == "permanent" and result.error_type == "NotAFeedError"
    assert "serves an HTML page, not a feed" in (result.error or "")
    assert fault_site.base + "/feed.xml" in (result.error or "")


def test_entries_with_file_and_javascript_links_are_dropped_with_a_warning(fault_site: FaultServer) -> None:
    with fetcher() as f:
        result = f.fetch_feed(fault_site.base + "/feed-bad-links.xml")
    links = [e.link for e in result.entries]
    assert links == [fault_site.base + "/good/relative.html", fault_site.base + "/good/fine.html"]
    assert result.error is None and result.warning
    assert "'Passwords' dropped: link 'file:" in result.warning and "javascript:" in result.warning


def test_feed_server_faults_become_feed_errors(fault_site: FaultServer) -> None:
    with fetcher() as f:
        missing = f.fetch_feed(fault_site.base + "/no-such-feed.xml")
        down = f.fetch_feed(fault_site.base + "/503?feed")
    assert missing.error_type == "GoneError" and missing.status == 404
    assert down.error_kind == "retryable" and down.status == 503
    assert len(fault_site.requests_to("/503?feed")) == 2  # max_retries=1


RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/"><title>RDF news</title><link>https://news.example/</link></channel>
<item rdf:about="https://news.example/a"><title>A</title><link>https://news.example/a</link>
<dc:date>2025-03-01T10:00:00+09:00</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<description>d</description><item><title>B</title><link>https://old.example/b</link></item></channel></rss>"""

ATOM_RELATIVE = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/news/">
<title>Atom</title><id>urn:x</id><updated>2025-05-05T00:00:00Z</updated>
<entry><title>Rel</title><id>urn:1</id><link rel="alternate" href="2025/rel.html"/>
<updated>2025-05-05T00:00:00Z</updated></entry>
</feed>"""

BROKEN = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & Co</title>
<item><title>One <b>bold</title><link>/one.html</link></item></channel>"""


@pytest.mark.parametrize(
    ("body", "version", "link"),
    [
        (RSS10, "rss10", "https://news.example/a"),
        (RSS091, "rss091u", "https://old.example/b"),
        (ATOM_RELATIVE, "atom10", "https://atom.example/news/2025/rel.html"),
    ],
)
def test_rss_and_atom_versions_parse_and_resolve_links(body: bytes, version: str, link: str) -> None:
    parsed = parse_feed(body, url="https://feeds.example/feed")
    assert parsed.version.startswith(version[:5]) and [e.link for e in parsed.entries] == [link]


def test_rss10_date_with_offset_is_utc() -> None:
    (entry,) = parse_feed(RSS10, url="https://news.example/rss").entries
    assert entry.published is not None and entry.published.isoformat() == "2025-03-01T01:00:00"


def test_malformed_feed_is_a_warning_and_relative_links_use_the_feed_location() -> None:
    parsed = parse_feed(BROKEN, url="https://a.example/feed", content_location="https://b.example/rss/feed.xml")
    assert parsed.bozo and "not well-formed" in (parsed.warning or "")
    assert [e.link for e in parsed.entries] == ["https://b.example/one.html"]


def test_a_body_that_names_a_local_file_is_never_opened() -> None:
    # feedparser treats raw bytes as a file name first; parse_feed must not.
    with pytest.raises(NotAFeedError):
        parse_feed(b"/etc/passwd", url="https://evil.example/feed")


def test_gzip_bomb_feed_is_refused_at_the_cap() -> None:
    bomb = gzip.compress(b"<rss>" + b" " * 30_000_000)
    with pytest.raises(TooLargeError):
        parse_feed(bomb, url="https://evil.example/feed", max_bytes=1_000_000)


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\x01binary", b'{"json": true}'])
def test_non_feeds_raise_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeedError):
        parse_feed(body, url="https://x.example/feed")


def test_feed_discovery_in_html() -> None:
    html = (
        "<html><head><link rel='alternate' type='application/atom+xml' href='/atom.xml'>"
        "<link rel='alternate stylesheet' href='/x.css'><link rel='alternate' type='application/rss+xml' "
        "href='javascript:alert(1)'></head></html>"
    )
    assert discover_feed_links(html, "https://site.example/blog/") == ["https://site.example/atom.xml"]


def test_blank_lines_before_the_xml_declaration_are_tolerated() -> None:
    parsed = parse_feed(b"\n\n  " + RSS091, url="https://old.example/rss")
    assert not parsed.bozo and len(parsed.entries) == 1


JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
 "feed_url": "https://json.example/feed.json",
 "items": [{"id": "1", "url": "/2025/a.html", "title": "A", "date_published": "2025-02-03T10:00:00+01:00"},
           {"id": 2, "external_url": "javascript:alert(1)", "title": "Bad"},
           {"id": "3", "content_text": "no link at all"}]}"""


def test_json_feed_is_read_with_relative_links_and_utc_dates() -> None:
    parsed = parse_feed(JSON_FEED, url="https://json.example/feed.json", content_type="application/feed+json")
    (entry,) = parsed.entries
    assert parsed.version == "json11" and parsed.title == "JSON news" and not parsed.bozo
    assert entry.link == "https://json.example/2025/a.html" and entry.title == "A"
    assert entry.published is not None and entry.published.isoformat() == "2025-02-03T09:00:00"
    assert len(parsed.warnings) == 2  # the javascript: link and the item without one

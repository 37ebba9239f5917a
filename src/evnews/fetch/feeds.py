"""Turning feed bytes into FeedEntry records (pure: no network, no files).

feedparser reads RSS 0.9x/1.0/2.0 and Atom (JSON Feed is read by `jsonfeed`), resolves relative links against
the feed's base (the `Content-Location` we pass in, or `xml:base`), and falls
back to a lenient parser on malformed XML (`bozo`), which we keep as a warning.
It is always given a stream: handed raw `bytes`, feedparser 6 first tries to
open them as a file name, so a body reading `/etc/passwd` would read that file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from evnews.fetch.errors import NotAFeedError, TooLargeError
from evnews.fetch.jsonfeed import looks_like_json_feed, read_json_feed
from evnews.models import FeedEntry

DEFAULT_MAX_BYTES = 20_000_000
MAX_LINK_LENGTH = 2048
MAX_SUMMARY_CHARS = 5000
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed holds, and what was odd about it."""

    entries: tuple[FeedEntry, ...]
    version: str  # feedparser's name for the format, e.g. "rss20", "atom10"; "" if unknown
    title: str = ""
    warnings: tuple[str, ...] = ()
    bozo: bool = False

    @property
    def warning(self) -> str | None:
        return "; ".join(self.warnings) or None


def gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    """`body` decompressed if it is gzip (servers send .xml.gz without Content-Encoding), else unchanged.

    Decompression stops at `max_bytes` of output, so a gzip bomb costs at most that much memory.
    """
    if not body.startswith(_GZIP_MAGIC):
        return body
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        out = decompressor.decompress(body, max_bytes + 1)
    except zlib.error:
        return body  # starts like gzip but is not: let the parser judge the raw bytes
    if len(out) > max_bytes:
        raise TooLargeError(
            f"gzip body decompresses to more than {max_bytes:,} bytes",
            hint="not parsed; if the document is real, raise [fetch] max_bytes",
        )
    return out


def parse_feed(
    body: bytes,
    *,
    url: str,
    content_type: str | None = None,
    content_location: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ParsedFeed:
    """The entries of a feed document. Raises NotAFeedError for HTML or content with no feed in it.

    Entries without an http(s) link (e.g. `file:///etc/passwd`, `javascript:`)
    are dropped with a warning; the rest of the feed is kept.
    """
    body = gunzip_capped(body, max_bytes)
    if body[:1].isspace() and body.lstrip().startswith(b"<?xml"):
        # Blank lines before the XML declaration (a classic CMS plugin bug) make it a fatal error.
        body = body.lstrip()
    if not body.strip():
        raise NotAFeedError(f"{url} returned an empty document", hint="check the feed URL in the sources file", url=url)
    if looks_like_json_feed(body):
        json_feed = read_json_feed(body, content_location or url)
        if json_feed is not None:
            version, title, raw_entries = json_feed
            entries, dropped = _entries(raw_entries, url)
            return ParsedFeed(tuple(entries), version, title, tuple(dropped), bozo=False)
    # Without a Content-Type feedparser flags every feed as bozo; application/xml lets the
    # document's own XML declaration name its encoding, which is what a missing header means.
    headers = {"content-location": content_location or url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    version = parsed.get("version") or ""
    if not version and not parsed.entries and (_looks_like_html(body, content_type) or not parsed.get("feed")):
        raise _not_a_feed(body, url, content_type, parsed)
    warnings: list[str] = []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warnings.append(f"feed is not well-formed ({type(exc).__name__}: {_short(str(exc))}); read leniently")
    if not version:
        warnings.append("feed format not recognised; entries read anyway")
    entries, dropped = _entries(parsed.entries, url)
    warnings.extend(dropped)
    title = _text(parsed.get("feed", {}).get("title"))
    return ParsedFeed(tuple(entries), version, title, tuple(warnings), bool(parsed.get("bozo")))


def _entries(raw_entries: list[Any], feed_url: str) -> tuple[list[FeedEntry], list[str]]:
    entries: list[FeedEntry] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for raw in raw_entries:
        link = _entry_link(raw)
        problem = _link_problem(link)
        if problem:
            dropped.append(f"entry {_short(_text(raw.get('title')) or '(untitled)', 60)!r} dropped: {problem}")
            continue
        if link in seen:
            continue
        seen.add(link)
        entries.append(
            FeedEntry(
                feed_url=feed_url,
                link=link,
                title=_text(raw.get("title")),
                published=_entry_time(raw),
                summary=_text(raw.get("summary"))[:MAX_SUMMARY_CHARS],
                entry_id=_text(raw.get("id")),
            )
        )
    return entries, dropped


def _entry_link(raw: Mapping[str, Any]) -> str:
    link = _text(raw.get("link"))
    if not link:
        # Atom entries may carry only rel="alternate" links without feedparser's shortcut.
        for candidate in raw.get("links") or ():
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = _text(candidate.get("href"))
                break
    return link.strip()


def _link_problem(link: str) -> str | None:
    if not link:
        return "it has no link"
    if len(link) > MAX_LINK_LENGTH:
        return f"its link is longer than {MAX_LINK_LENGTH} characters"
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https"):
        return f"link {_short(link, 80)!r} is not http(s)"
    if not parts.netloc:
        return f"link {_short(link, 80)!r} has no host"
    return None


def _entry_time(raw: Mapping[str, Any]) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.datetime(*value[:6])  # feedparser normalises to UTC
            except (ValueError, OverflowError):
                continue
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    return bool(_HTML_START.match(body[:4096])) or (content_type or "").lower().startswith(("text/html", "application/xhtml"))


def _not_a_feed(body: bytes, url: str, content_type: str | None, parsed: Any) -> NotAFeedError:
    if _looks_like_html(body, content_type):
        found = discover_feed_links(body[:500_000].decode("utf-8", "replace"), url)
        hint = (
            f"use the site's feed instead: {', '.join(found[:3])}"
            if found
            else "find the site's RSS/Atom feed URL and put that in the sources file"
        )
        return NotAFeedError(f"{url} serves an HTML page, not a feed", hint=hint, url=url)
    reason = parsed.get("bozo_exception")
    detail = f" ({type(reason).__name__}: {_short(str(reason))})" if reason else ""
    return NotAFeedError(
        f"{url} is not an RSS or Atom feed{detail}", hint="check the feed URL in the sources file", url=url
    )


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        kind = a.get("type", "").lower()
        if "alternate" in a.get("rel", "").lower().split() and ("rss" in kind or "atom" in kind) and a.get("href"):
            self.hrefs.append(a["href"])


def discover_feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs an HTML page advertises with `<link rel="alternate" type="application/rss+xml">`."""
    finder = _AlternateLinks()
    try:
        finder.feed(html)
    except (ValueError, AssertionError):  # HTMLParser on badly broken markup
        pass
    links = [urljoin(base_url, href.strip()) for href in finder.hrefs]
    return [link for link in dict.fromkeys(links) if urlsplit(link).scheme in ("http", "https")]

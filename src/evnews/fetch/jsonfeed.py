"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1), which feedparser 6 does not read.

Items are turned into the same shape feedparser gives entries (`link`, `title`,
`published_parsed`, `summary`, `id`), so `feeds.parse_feed` treats both alike.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urljoin

VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json_feed(body: bytes) -> bool:
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org/version" in body[:4096]


def read_json_feed(body: bytes, base_url: str) -> tuple[str, str, list[dict[str, Any]]] | None:
    """(version, title, entries) of a JSON Feed, or None if the body is not one."""
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(VERSION_PREFIX):
        return None
    version = "json" + str(document["version"]).removeprefix(VERSION_PREFIX).replace(".", "")
    base = _text(document.get("feed_url")) or base_url
    items = document.get("items")
    entries = [_entry(item, base) for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return version, _text(document.get("title")), entries


def _entry(item: dict[str, Any], base: str) -> dict[str, Any]:
    link = _text(item.get("url")) or _text(item.get("external_url"))
    return {
        "link": urljoin(base, link) if link else "",
        "title": _text(item.get("title")),
        "published_parsed": _utc_struct(item.get("date_published")) or _utc_struct(item.get("date_modified")),
        "summary": _text(item.get("summary")) or _text(item.get("content_text")),
        "id": _text(item.get("id")) if not isinstance(item.get("id"), (int, float)) else str(item.get("id")),
    }


def _utc_struct(value: Any) -> Any:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.utctimetuple()


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""

"""Integrity checks for the held-out corpus in tests/heldout26 (served for real on 127.0.0.1).

The corpus grades the claim extractor on text it has never seen, so these tests
only check that the site, the feeds and the gold agree with each other and with
the gold conventions; they never run the extractor.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout26"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

COMPANIES = {"Nissan", "Alliance", "Renault", "Mitsubishi", "Toyota", "Honda", "Tesla", "BYD", "Volkswagen"}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "GWh", "USD/kWh", "jobs", "plants"}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "blockquote"}


class _Blocks(HTMLParser):
    """Text of every block element (table rows as cells joined by ' | '), in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.canonical = ""
        self._depth = 0
        self._buf: list[str] = []
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "canonical":
            self.canonical = found.get("href") or ""
        if tag in BLOCK_TAGS:
            self._depth += 1
            self._buf = []
        elif tag == "tr":
            self._cells = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self._depth:
            self._depth -= 1
            self.blocks.append(" ".join("".join(self._buf).split()))
            self._buf = []
        elif tag in ("td", "th") and self._cell is not None and self._cells is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._depth:
            self._buf.append(data)


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]]) -> dict[str, httpx.Response]:
    base, _ = served
    with httpx.Client(timeout=10) as client:
        return {row["path"]: client.get(base + row["path"]) for row in _gold()}


def test_feeds_parse_and_match_gold(served: tuple[str, list[str]]) -> None:
    base, feeds = served
    rows = {(row["feed"], row["path"]): row for row in _gold()}
    assert len(feeds) == 4
    seen = set()
    with httpx.Client(timeout=10) as client:
        for url in feeds:
            parsed = feedparser.parse(client.get(url).text)
            assert not parsed.bozo, (url, parsed.get("bozo_exception"))
            assert parsed.entries, url
            feed_path = urlsplit(url).path
            for entry in parsed.entries:
                assert entry.link.startswith(base), entry.link
                key = (feed_path, entry.link[len(base):])
                assert key in rows, f"feed entry without gold row: {key}"
                published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC).date().isoformat()
                assert published == rows[key]["published"], key
                seen.add(key)
    assert seen == set(rows), f"gold rows missing from feeds: {set(rows) - seen}"


def test_pages_resolve_with_canonical_and_date(pages: dict[str, httpx.Response], served: tuple[str, list[str]]) -> None:
    base, _ = served
    for row in _gold():
        response = pages[row["path"]]
        assert response.status_code == 200, row["path"]
        assert "{{BASE}}" not in response.text
        parser = _Blocks()
        parser.feed(response.text)
        assert parser.canonical == base + urlsplit(row["path"]).path
        assert row["published"] in response.text
        assert f"<h1>{row['title']}</h1>".replace("&", "&amp;") in response.text


def test_body_lines_appear_in_page_order(pages: dict[str, httpx.Response]) -> None:
    for row in _gold():
        parser = _Blocks()
        parser.feed(pages[row["path"]].text)
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in parser.blocks[position:], (row["path"], line[:70])
            position = parser.blocks.index(line, position) + 1


def test_evidence_lies_inside_one_body_line() -> None:
    for row in _gold():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert any(claim["evidence"] in line for line in lines), (row["path"], claim["evidence"][:70])


def test_claim_fields_follow_the_contract() -> None:
    total = 0
    for row in _gold():
        for claim in row["claims"]:
            total += 1
            assert claim["article_url"] == urlsplit(row["path"]).path
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS
            assert claim["company"] in COMPANIES and claim["unit"] in UNITS
            assert isinstance(claim["fiscal_year"], bool)
            assert claim["horizon_year"] is None or 2010 <= claim["horizon_year"] <= 2050
            if claim["metric"] in DATE_ONLY_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"]
            else:
                assert isinstance(claim["value"], float) and claim["unit"]
    assert 70 <= total <= 95


def test_claims_only_on_first_page_of_each_group() -> None:
    first: dict[str, tuple[str, str]] = {}
    rows = _gold()
    for row in rows:
        key = (row["published"], row["path"])
        first[row["group"]] = min(first.get(row["group"], key), key)
    for row in rows:
        if (row["published"], row["path"]) != first[row["group"]]:
            assert row["claims"] == [], f"{row['path']} is not first in {row['group']} but has claims"
    groups = {row["group"] for row in rows}
    assert len(groups) == len(rows) - 2  # one syndicated copy, one tracking-parameter URL

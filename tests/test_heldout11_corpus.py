"""The heldout11 corpus is internally consistent: served pages, feeds and gold agree.

The corpus (tests/heldout11/) is a held-out evaluation set for claim extraction;
these checks only guard its format (never the extractor's output).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout11"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
COMPANIES = {"Nissan", "Alliance", "Renault", "Mitsubishi", "Toyota", "Honda", "Tesla", "BYD", "Volkswagen", "Hyundai"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "north_america", "korea", "south_africa"}
NULL_VALUE_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "blockquote", "tr"}


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


class _Blocks(HTMLParser):
    """Collects the text of paragraph-like blocks in page order (a table row is its cells joined by ' | ')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[tuple[str, list[str]]] = []
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None
        self.h1 = ""
        self._in_h1 = False
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonical = dict(attrs).get("href") or ""
        if tag == "h1":
            self._in_h1 = True
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._cell = []
        elif tag in BLOCK_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag in ("td", "th") and self._cell is not None and self._cells is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._stack and self._stack[-1][0] == tag:
            _, parts = self._stack.pop()
            self.blocks.append(" ".join("".join(parts).split()))

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data
        if self._cell is not None:
            self._cell.append(data)
        for _, parts in self._stack:
            parts.append(data)


def _parse(html: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(html)
    return parser


def _first_pages(rows: list[dict]) -> set[str]:
    first: dict[str, dict] = {}
    for row in rows:
        best = first.get(row["group"])
        if best is None or (row["published"], row["path"]) < (best["published"], best["path"]):
            first[row["group"]] = row
    return {row["path"] for row in first.values()}


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


def test_feeds_parse_and_list_exactly_the_gold_rows(site: tuple[str, list[str]]) -> None:
    base, feeds = site
    rows = {row["path"]: row for row in _gold()}
    assert len(feeds) == 4
    listed: set[str] = set()
    for feed_url in feeds:
        parsed = feedparser.parse(httpx.get(feed_url, timeout=10).content)
        assert not parsed.bozo, (feed_url, parsed.get("bozo_exception"))
        assert parsed.entries, feed_url
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base):]
            assert path in rows, f"feed entry without gold row: {path}"
            row = rows[path]
            assert urlsplit(feed_url).path == row["feed"], (path, feed_url)
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert dt.date(*stamp[:3]).isoformat() == row["published"], path
            listed.add(path)
    assert listed == set(rows), f"gold rows not in any feed: {set(rows) - listed}"


def test_pages_resolve_with_title_canonical_and_date(site: tuple[str, list[str]]) -> None:
    base, _ = site
    for row in _gold():
        response = httpx.get(base + row["path"], timeout=10)
        assert response.status_code == 200, row["path"]
        page = _parse(response.text)
        assert " ".join(page.h1.split()) == row["title"], row["path"]
        assert page.canonical == base + urlsplit(row["path"]).path, row["path"]
        assert row["published"] in response.text, row["path"]
        assert "{{BASE}}" not in response.text, row["path"]


def test_every_absolute_link_in_the_files_uses_the_base_placeholder() -> None:
    for file in [*SITE.rglob("*.html"), *SITE.rglob("*.xml")]:
        text = file.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src|url)="([^"]+)"', text):
            assert url.startswith(("{{BASE}}/", "#", "mailto:")), (file.name, url)
        assert "http://" not in text.replace("http://www.w3.org", "").replace("http://purl.org", ""), file.name


def test_gold_body_lines_appear_in_the_page_in_order() -> None:
    for row in _gold():
        page = _parse((SITE / urlsplit(row["path"]).path.lstrip("/")).read_text(encoding="utf-8"))
        lines = row["body_text"].split("\n")
        assert all(lines), row["path"]
        position = 0
        for line in lines:
            assert line in page.blocks[position:], (row["path"], line[:80])
            position = page.blocks.index(line, position) + 1


def test_claim_fields_are_valid_and_evidence_lies_in_one_body_line() -> None:
    for row in _gold():
        lines = row["body_text"].split("\n")
        for c in row["claims"]:
            where = (row["path"], c["evidence"][:60])
            assert c["article_url"] == row["path"], where
            assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS and c["kind"] in KINDS, where
            assert c["company"] in COMPANIES and c["region"] in REGIONS and c["unit"] in UNITS, where
            assert isinstance(c["fiscal_year"], bool), where
            assert c["horizon_year"] is None or 2010 <= c["horizon_year"] <= 2050, where
            if c["metric"] in NULL_VALUE_METRICS:
                assert c["value"] is None and c["unit"] is None, where
            elif c["metric"] != "other":
                assert isinstance(c["value"], float) and c["unit"] is not None, where
            assert sum(c["evidence"] in line for line in lines) == 1, where


def test_claims_only_on_the_first_page_of_each_group_and_sizes() -> None:
    rows = _gold()
    first = _first_pages(rows)
    for row in rows:
        if row["path"] not in first:
            assert row["claims"] == [], row["path"]
    groups = {row["group"] for row in rows}
    claims = [c for row in rows for c in row["claims"]]
    html_files = list(SITE.rglob("*.html"))
    assert 10 <= len(html_files) <= 12
    assert len(groups) == len(rows) - 2  # one syndicated copy + one tracking-parameter URL
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) >= len(claims) // 2

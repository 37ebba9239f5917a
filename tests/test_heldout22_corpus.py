"""Integrity checks for the heldout22 evaluation corpus (tests/heldout22).

The corpus is served over real HTTP on 127.0.0.1 and read back the way the
pipeline would: feeds through feedparser, pages through httpx. The checks make
sure the gold file describes what the pages really say, so that a score
computed on this set measures the extractor rather than annotation slips.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout22"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
DATED_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "tr"}


class _BodyBlocks(HTMLParser):
    """Collects the text of block elements inside the article body container."""

    BODY_CLASSES = {"story__body", "article-body", "entry-content", "post-body"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._depth = 0  # nesting depth inside the body container; 0 = outside
        self._current: list[str] | None = None
        self._cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self._depth == 0 and tag == "div" and classes & self.BODY_CLASSES:
            self._depth = 1
            return
        if self._depth == 0:
            return
        if tag == "div":
            self._depth += 1
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._current = []
        elif tag in BLOCK_TAGS:
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if self._depth == 0:
            return
        if tag == "div":
            self._depth -= 1
        elif tag in ("td", "th") and self._cells is not None and self._current is not None:
            self._cells.append("".join(self._current).strip())
            self._current = None
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._current is not None:
            self.blocks.append(re.sub(r"\s+", " ", "".join(self._current)).strip())
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def _gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _first_pages(rows: list[dict]) -> set[str]:
    by_group: dict[str, list[dict]] = {}
    for row in rows:
        by_group.setdefault(row["group"], []).append(row)
    return {min(group, key=lambda r: (r["published"], r["path"]))["path"] for group in by_group.values()}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def pages(base: str) -> dict[str, str]:
    with httpx.Client(timeout=10) as client:
        return {row["path"]: client.get(base + row["path"]).raise_for_status().text for row in _gold_rows()}


def test_feeds_parse_and_match_gold(base: str) -> None:
    rows = {row["path"]: row for row in _gold_rows()}
    listed: set[str] = set()
    for feed_file in sorted((SITE / "feeds").glob("*.xml")):
        parsed = feedparser.parse(httpx.get(f"{base}/feeds/{feed_file.name}", timeout=10).content)
        assert not parsed.bozo, f"{feed_file.name}: {parsed.get('bozo_exception')}"
        assert parsed.entries, feed_file.name
        for entry in parsed.entries:
            parts = urlsplit(entry.link)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            assert path in rows, f"{feed_file.name} lists {path}, which has no gold row"
            row = rows[path]
            assert row["feed"] == f"/feeds/{feed_file.name}"
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" == row["published"], path
            listed.add(path)
    assert listed == set(rows), f"gold rows missing from feeds: {set(rows) - listed}"
    versions = {f.name: f.read_text(encoding="utf-8") for f in (SITE / "feeds").glob("*.xml")}
    assert any("<rss" in text for text in versions.values()) and any("<feed" in text for text in versions.values())


def test_links_resolve(base: str, pages: dict[str, str]) -> None:
    with httpx.Client(timeout=10) as client:
        for path, text in pages.items():
            canonical = re.search(r'<link rel="canonical" href="([^"]+)"', text)
            assert canonical and canonical.group(1) == base + path.split("?")[0], path
            for href in set(re.findall(r'href="([^"]+)"', text)):
                assert "{{BASE}}" not in href, f"unreplaced placeholder in {path}"
                if href.startswith(base) and "/x/" not in href and not href.endswith("/"):
                    assert client.get(href).status_code == 200, href


def test_body_lines_appear_in_order(pages: dict[str, str]) -> None:
    for row in _gold_rows():
        parser = _BodyBlocks()
        parser.feed(pages[row["path"]])
        lines = row["body_text"].split("\n")
        assert parser.blocks == lines, row["path"]
        assert row["title"] in html.unescape(pages[row["path"]])
        assert row["published"] in pages[row["path"]] or _visible_date_matches(row, pages[row["path"]])


def _visible_date_matches(row: dict, page: str) -> bool:
    from datetime import date

    day = date.fromisoformat(row["published"])
    return f"{day:%B} {day.day}, {day.year}" in page


def test_claims_are_valid_and_grounded() -> None:
    rows = _gold_rows()
    first = _first_pages(rows)
    total = 0
    for row in rows:
        if row["path"] not in first:
            assert row["claims"] == [], f"claims on a non-first page of group {row['group']}: {row['path']}"
        body_lines = row["body_text"].split("\n")
        seen: set[tuple] = set()
        for claim in row["claims"]:
            total += 1
            where = f"{row['path']}: {claim['evidence'][:60]}"
            assert claim["article_url"] == row["path"].split("?")[0], where
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS, where
            assert isinstance(claim["fiscal_year"], bool) and claim["region"], where
            assert claim["company"], where
            if claim["metric"] in DATED_METRICS:
                assert claim["value"] is None and claim["horizon_year"], where
            else:
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, where
            if claim["horizon_year"] is not None:
                assert 2000 <= claim["horizon_year"] <= 2060, where
            assert sum(claim["evidence"] in line for line in body_lines) >= 1, f"evidence not in one body line: {where}"
            key = (claim["company"], claim["metric"], claim["kind"], claim["value"], claim["horizon_year"], claim["region"])
            assert key not in seen, f"duplicate gold claim {key} in {row['path']}"
            seen.add(key)
    assert 70 <= total <= 95


def test_dedup_cases_present() -> None:
    rows = _gold_rows()
    tracked = [r for r in rows if "?" in r["path"]]
    assert len(tracked) == 1
    twin = next(r for r in rows if r["path"] == tracked[0]["path"].split("?")[0])
    assert twin["group"] == tracked[0]["group"] and twin["feed"] != tracked[0]["feed"]
    outlets_by_group: dict[str, set[str]] = {}
    for r in rows:
        outlets_by_group.setdefault(r["group"], set()).add(r["outlet"])
    assert any(len(outlets) > 1 for outlets in outlets_by_group.values()), "no syndicated copy on another outlet"

"""The heldout23 corpus is well formed: its feeds parse and list every page, every link
resolves on the served site, gold body lines are the pages' own text blocks in page order,
each evidence string lies inside one body line, claim fields use the project vocabularies
and claims sit only on the first page of each dedup group.

This checks the corpus only; scoring the pipeline on it is the lead's job.
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

CORPUS = Path(__file__).resolve().parent / "heldout23"
SITE = CORPUS / "site"
DATE_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america"}
# Page chrome that must never leak into a gold body.
CHROME = ("cookies", "Subscribe", "Sign up", "Also Read", "Most read", "Top Stories", "free articles", "EMI calculator")
BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "tr"}


class _Blocks(HTMLParser):
    """Text of every block element in page order; a table row is its cells joined by ' | '."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._stack: list[list[str]] = []
        self._cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th"):
            self._stack.append([])
        elif tag in BLOCK_TAGS:
            self._stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._stack and self._cells is not None:
            self._cells.append("".join(self._stack.pop()).strip())
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._stack:
            self.blocks.append("".join(self._stack.pop()).strip())

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].append(data)


def _blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return parser.blocks


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    lines = (CORPUS / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def feeds(base: str) -> dict[str, Any]:
    return {urlsplit(url).path: feedparser.parse(httpx.get(url, timeout=10).content) for url in feed_urls(base, SITE)}


def test_gold_rows_have_the_dev_format(gold: list[dict[str, Any]]) -> None:
    keys = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
    assert len({row["outlet"] for row in gold}) == 4
    for row in gold:
        assert set(row) == keys, row["path"]
        dt.date.fromisoformat(row["published"])
        assert row["body_text"].strip() and "\n\n" not in row["body_text"]


def test_feeds_parse_and_list_exactly_the_gold_rows(feeds: dict[str, Any], gold: list[dict[str, Any]]) -> None:
    by_path = {row["path"]: row for row in gold}
    listed: set[str] = set()
    for feed_path, parsed in feeds.items():
        assert not parsed.bozo, (feed_path, parsed.get("bozo_exception"))
        assert parsed.entries, feed_path
        for entry in parsed.entries:
            parts = urlsplit(entry.link)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            row = by_path[path]
            assert row["feed"] == feed_path
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            local_date = entry.get("published", entry.get("updated", ""))
            assert stamp is not None and row["published"] in _feed_date(local_date), (path, local_date)
            listed.add(path)
    assert listed == set(by_path)
    kinds = {parsed.version[:4] for parsed in feeds.values()}
    assert kinds == {"rss2", "atom"}


def _feed_date(raw: str) -> str:
    """The local calendar date a feed timestamp names (RSS or Atom spelling)."""
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return dt.datetime.strptime(raw, "%a, %d %b %Y %H:%M:%S %z").date().isoformat()


def test_links_resolve_and_body_lines_appear_in_page_order(base: str, gold: list[dict[str, Any]]) -> None:
    for row in gold:
        response = httpx.get(base + row["path"], timeout=10)
        assert response.status_code == 200, row["path"]
        page = response.text
        assert "{{BASE}}" not in page
        canonical = f'<link rel="canonical" href="{base}{urlsplit(row["path"]).path}">'
        assert canonical in page, row["path"]
        assert row["published"] in page or dt.date.fromisoformat(row["published"]).strftime("%B %Y") in page
        blocks = iter(_blocks(page))
        for line in row["body_text"].splitlines():
            assert any(block == line for block in blocks), (row["path"], line)
            assert not any(word in line for word in CHROME), (row["path"], line)
        assert f"<h1>{row['title']}" in page.replace("&#x27;", "'") or row["title"] in _blocks_h1(page)


def _blocks_h1(page: str) -> str:
    start = page.index("<h1>") + 4
    return page[start : page.index("</h1>", start)].replace("&amp;", "&")


def test_claims_are_valid_and_evidence_is_one_body_line(gold: list[dict[str, Any]]) -> None:
    total = 0
    for row in gold:
        body = row["body_text"].splitlines()
        for claim in row["claims"]:
            total += 1
            assert claim["article_url"] == row["path"]
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS
            assert claim["region"] in REGIONS
            assert isinstance(claim["fiscal_year"], bool)
            assert sum(claim["evidence"] in line for line in body) >= 1, claim["evidence"]
            if claim["metric"] in DATE_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"]
            else:
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, claim
            if claim["fiscal_year"]:
                text = claim["evidence"]
                assert any(s in text for s in ("FY", "fiscal", "financial year")), text
    assert 70 <= total <= 95


def test_claims_only_on_first_page_of_each_group(gold: list[dict[str, Any]]) -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in gold:
        groups.setdefault(row["group"], []).append(row)
    for rows in groups.values():
        first, *rest = sorted(rows, key=lambda r: (r["published"], r["path"]))
        assert all(not r["claims"] for r in rest), first["path"]
    sizes = sorted(len(rows) for rows in groups.values())
    assert sizes.count(2) == 2  # one syndicated copy, one tracking-parameter URL

"""The heldout18 corpus is well formed: served pages, feeds, gold body lines and claims agree.

The corpus is for an honest estimate of the claim extractor; these tests check the
files only (nothing here runs the extractor).
"""

from __future__ import annotations

import datetime as dt
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

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout18"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"
BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "tr"}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}


class _Blocks(HTMLParser):
    """Text of every block element in page order; a table row is its cells joined by ' | '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[list[str]] = []
        self._cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._stack.append([])
        elif tag in BLOCK_TAGS:
            self._stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in ("td", "th") and self._cells is not None and self._stack:
            self._cells.append(_norm("".join(self._stack.pop())))
        elif tag in BLOCK_TAGS and self._stack:
            self.blocks.append(_norm("".join(self._stack.pop())))

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].append(data)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _blocks(page: str) -> list[str]:
    parser = _Blocks()
    parser.feed(page)
    return parser.blocks


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def pages(base: str, gold: list[dict]) -> dict[str, str]:
    with httpx.Client(timeout=10) as http:
        out = {}
        for row in gold:
            response = http.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            out[row["path"]] = response.text
        return out


def test_feeds_parse_and_list_exactly_the_gold_rows(base: str, gold: list[dict]) -> None:
    listed: dict[str, str] = {}
    urls = feed_urls(base, SITE)
    assert len(urls) == 5
    for url in urls:
        parsed = feedparser.parse(httpx.get(url, timeout=10).content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries, url
        for entry in parsed.entries:
            split = urlsplit(entry.link)
            path = split.path + (f"?{split.query}" if split.query else "")
            listed[path] = "%04d-%02d-%02d" % tuple(entry.published_parsed[:3])
            assert urlsplit(url).path == next(r["feed"] for r in gold if r["path"] == path)
    assert listed == {row["path"]: row["published"] for row in gold}


def test_gold_body_lines_appear_in_page_order(gold: list[dict], pages: dict[str, str]) -> None:
    for row in gold:
        blocks = _blocks(pages[row["path"]])
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[position:], (row["path"], line)
            position = blocks.index(line, position) + 1


def test_pages_are_canonical_and_dated(gold: list[dict], pages: dict[str, str], base: str) -> None:
    for row in gold:
        page = pages[row["path"]]
        clean = row["path"].split("?")[0]
        assert f'<link rel="canonical" href="{base}{clean}">' in page
        day = dt.date.fromisoformat(row["published"])
        assert row["published"] in page or f"{day.day} {day:%B %Y}" in page, row["path"]
        assert f">{html.escape(row['title'], quote=False)}</h1>" in page


def test_every_evidence_lies_inside_one_body_line(gold: list[dict]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]
            assert claim["article_url"] == row["path"]


def test_claim_fields_follow_the_contract(gold: list[dict]) -> None:
    total = 0
    for row in gold:
        for claim in row["claims"]:
            total += 1
            assert claim["metric"] in METRICS
            assert claim["qualifier"] in QUALIFIERS
            assert claim["kind"] in KINDS
            assert claim["unit"] in UNITS
            assert isinstance(claim["fiscal_year"], bool)
            assert claim["horizon_year"] is None or 2010 <= claim["horizon_year"] <= 2050
            if claim["metric"] in ("technology_launch", "production_start", "carbon_neutrality"):
                assert claim["value"] is None and claim["horizon_year"] is not None
            elif claim["value"] is None:
                assert claim["metric"] == "other"
    assert 70 <= total <= 95


def test_claims_only_on_first_page_of_each_group(gold: list[dict]) -> None:
    groups: dict[str, list[dict]] = {}
    for row in gold:
        groups.setdefault(row["group"], []).append(row)
    for rows in groups.values():
        rows.sort(key=lambda r: (r["published"], r["path"]))
        assert all(not r["claims"] for r in rows[1:]), rows[0]["group"]
    assert any(len(rows) > 1 for rows in groups.values())

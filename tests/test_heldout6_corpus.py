"""The heldout6 evaluation corpus is self-consistent: served pages, feeds and gold agree.

The corpus is for an honest held-out estimate of claim extraction; these tests
only check its integrity (never the extractor).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout6"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

COMPANIES = {"Nissan", "Alliance", "Renault", "Mitsubishi", "Toyota", "Honda", "Tesla", "BYD", "Volkswagen", "Tata", "Hyundai"}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "BRL", "GWh", "USD/kWh", "jobs", "plants"}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "tr"}


class _Blocks(HTMLParser):
    """Text of every paragraph, list item, subheading and table row, in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.h1 = ""
        self.canonical = ""
        self._stack: list[tuple[str, list[str]]] = []
        self._cells: list[str] | None = None
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href") or ""
        if tag == "h1":
            self._in_h1 = True
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._stack.append((tag, []))
        elif tag in BLOCK_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif self._stack and self._stack[-1][0] == tag:
            _, parts = self._stack.pop()
            text = " ".join("".join(parts).split())
            if tag in ("td", "th") and self._cells is not None:
                self._cells.append(text)
            else:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data
        for _, parts in self._stack:
            parts.append(data)


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(site: tuple[str, list[str]]) -> dict[str, _Blocks]:
    base, _ = site
    parsed: dict[str, _Blocks] = {}
    with httpx.Client(timeout=10) as client:
        for row in _gold():
            resp = client.get(base + row["path"])
            assert resp.status_code == 200, f"{row['path']} answered {resp.status_code}"
            assert "{{BASE}}" not in resp.text
            blocks = _Blocks()
            blocks.feed(resp.text)
            parsed[row["path"]] = blocks
    return parsed


def test_size_of_the_set() -> None:
    rows = _gold()
    claims = [c for r in rows for c in r["claims"]]
    assert 12 <= len(rows) <= 16
    assert 80 <= len(claims) <= 110
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) / 2
    assert len({r["outlet"] for r in rows}) == 4


def test_feeds_parse_and_list_exactly_the_gold_pages(site: tuple[str, list[str]]) -> None:
    base, feeds = site
    rows = {r["path"]: r for r in _gold()}
    listed: set[str] = set()
    with httpx.Client(timeout=10) as client:
        for url in feeds:
            parsed = feedparser.parse(client.get(url).content)
            assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
            assert parsed.entries, f"{url} has no entries"
            for entry in parsed.entries:
                assert entry.link.startswith(base), entry.link
                path = entry.link[len(base):]
                assert path in rows, f"{url} lists {path}, which has no gold row"
                row = rows[path]
                assert row["feed"] == urlsplit(url).path
                stamp = entry.get("published_parsed")
                assert stamp is not None, f"{path} has no date in {url}"
                assert dt.date(*stamp[:3]).isoformat() == row["published"], path
                listed.add(path)
    assert listed == set(rows), f"pages in no feed: {set(rows) - listed}"


def test_pages_resolve_with_title_and_canonical(site: tuple[str, list[str]], pages: dict[str, _Blocks]) -> None:
    base, _ = site
    for row in _gold():
        page = pages[row["path"]]
        assert " ".join(page.h1.split()) == row["title"]
        assert page.canonical == base + urlsplit(row["path"]).path


def test_body_lines_appear_in_the_page_in_order(pages: dict[str, _Blocks]) -> None:
    for row in _gold():
        blocks = pages[row["path"]].blocks
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[position:], f"{row['path']}: body line not found after block {position}: {line[:80]}"
            position = blocks.index(line, position) + 1


def test_every_evidence_lies_in_one_body_line() -> None:
    for row in _gold():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]


def test_claim_fields_follow_the_contract() -> None:
    for row in _gold():
        canonical = urlsplit(row["path"]).path
        for c in row["claims"]:
            where = f"{row['path']}: {c['evidence'][:60]}"
            assert c["article_url"] == canonical, where
            assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS and c["kind"] in KINDS, where
            assert c["company"] in COMPANIES, where
            assert c["unit"] in UNITS, where
            assert isinstance(c["fiscal_year"], bool) and isinstance(c["region"], str) and c["region"], where
            assert c["horizon_year"] is None or 2000 <= c["horizon_year"] <= 2060, where
            if c["metric"] in DATE_ONLY_METRICS:
                assert c["value"] is None and c["unit"] is None and c["horizon_year"], where
            elif c["metric"] != "other":
                assert isinstance(c["value"], float) and c["unit"], where


def test_claims_only_on_the_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in _gold():
        groups[row["group"]].append(row)
    for name, rows in groups.items():
        first, *rest = sorted(rows, key=lambda r: (r["published"], r["path"]))
        assert first["claims"], f"group {name}: its first page has no claims"
        for row in rest:
            assert not row["claims"], f"group {name}: {row['path']} is a copy and must carry no claims"


def test_one_gold_claim_per_fact() -> None:
    for row in _gold():
        keys = [
            (c["company"], c["metric"], c["kind"], c["value"], c["horizon_year"], c["region"], c["product"])
            for c in row["claims"]
        ]
        assert len(keys) == len(set(keys)), f"{row['path']} repeats a claim"

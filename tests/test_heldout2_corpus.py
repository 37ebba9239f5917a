"""Structural checks of the second held-out corpus (tests/heldout2).

The corpus is served on 127.0.0.1 exactly as the pipeline sees it. These tests
check the corpus itself (feeds, links, gold lines, evidence, vocabularies,
dedup groups), not the pipeline: a broken page or a gold row that no longer
matches its page fails here before it can distort an evaluation.
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

CORPUS = Path(__file__).resolve().parent / "heldout2"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america"}
# Metrics whose claims carry a year and no number (claims.md).
DATE_ONLY = {"technology_launch", "production_start", "carbon_neutrality"}
# Elements whose text is one gold line when it belongs to the article.
BLOCK_TAGS = {"p", "li", "h2", "h3", "blockquote"}


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


class _Blocks(HTMLParser):
    """Text of every block element, in page order (nested blocks give their own text only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[list[str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self._stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in BLOCK_TAGS and self._stack:
            text = " ".join("".join(self._stack.pop()).split())
            if text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._stack and not self._skip:
            self._stack[-1].append(data)


def _blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return parser.blocks


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, httpx.Client]]:
    with serve_site(SITE) as base, httpx.Client(timeout=10) as client:
        yield base, client


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return _gold()


def test_corpus_size_and_spread(gold: list[dict[str, Any]]) -> None:
    pages = {row["path"].split("?", 1)[0] for row in gold}
    claims = [c for row in gold for c in row["claims"]]
    assert 12 <= len(pages) <= 14, len(pages)
    assert 80 <= len(claims) <= 110, len(claims)
    assert len({row["outlet"] for row in gold}) == 4
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) / 2
    assert {c["kind"] for c in claims} == set(KINDS)


def test_feeds_parse_and_every_entry_has_a_gold_row(served: tuple[str, httpx.Client], gold: list[dict[str, Any]]) -> None:
    base, client = served
    by_path = {row["path"]: row for row in gold}
    listed: dict[str, set[str]] = {}
    urls = feed_urls(base, SITE)
    assert len(urls) >= 4
    kinds = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        assert parsed.entries, url
        kinds.add(parsed.version[:3])
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base) :]
            assert path in by_path, f"{url} lists {path} with no gold row"
            published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC).date()
            assert published.isoformat() == by_path[path]["published"], (path, published)
            listed.setdefault(path, set()).add(urlsplit(url).path)
    assert set(listed) == set(by_path), f"gold rows in no feed: {set(by_path) - set(listed)}"
    for path, feeds in listed.items():
        assert by_path[path]["feed"] in feeds, (path, feeds)
    assert {"rss", "ato"} <= kinds, kinds  # both RSS 2.0 and Atom


def test_pages_resolve_with_canonical_title_and_date(served: tuple[str, httpx.Client], gold: list[dict[str, Any]]) -> None:
    base, client = served
    for row in gold:
        response = client.get(base + row["path"])
        assert response.status_code == 200, row["path"]
        html = response.text
        canonical = row["path"].split("?", 1)[0]
        assert f'rel="canonical" href="{base}{canonical}"' in html, row["path"]
        assert "{{BASE}}" not in html
        assert f"{_escape(row['title'])}</h1>" in html, row["path"]
        assert any(form in html for form in _date_forms(row["published"])), row["path"]


def test_links_in_pages_stay_on_the_site(served: tuple[str, httpx.Client], gold: list[dict[str, Any]]) -> None:
    """Every absolute link was written {{BASE}}/...; the article and feed links among them resolve."""
    base, client = served
    for row in {r["path"].split("?")[0]: r for r in gold}.values():
        html = client.get(base + row["path"]).text
        assert "http://" not in html.replace(base, "") and "https://" not in html.replace("https://schema.org", "")
        for feed in {r["feed"] for r in gold}:
            if feed in html:
                assert client.get(base + feed).status_code == 200


def test_gold_lines_appear_in_the_page_in_order(served: tuple[str, httpx.Client], gold: list[dict[str, Any]]) -> None:
    base, client = served
    for row in gold:
        blocks = _blocks(client.get(base + row["path"]).text)
        position = 0
        for line in row["body_text"].split("\n"):
            try:
                position = blocks.index(line, position) + 1
            except ValueError:
                pytest.fail(f"{row['path']}: gold line not found in order: {line[:80]!r}")
        assert row["title"] not in row["body_text"].split("\n"), row["path"]


def test_evidence_lies_inside_one_body_line(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert sum(claim["evidence"] in line for line in lines) >= 1, (row["path"], claim["evidence"][:80])
            assert claim["article_url"] == row["path"].split("?", 1)[0]


def test_claim_fields_are_valid(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        for claim in row["claims"]:
            where = (row["path"], claim["metric"], claim["evidence"][:60])
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert claim["region"] in REGIONS, where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060, where
            assert claim["company"] and claim["company"][0].isupper(), where
            if claim["metric"] in DATE_ONLY:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            elif claim["metric"] != "other":
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, where
            if claim["unit"] == "percent":
                assert 0 < claim["value"] <= 100, where


def test_one_gold_claim_per_fact(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        keys = [
            (c["company"], c["product"], c["metric"], c["value"], c["region"], c["horizon_year"], c["kind"])
            for c in row["claims"]
        ]
        assert len(keys) == len(set(keys)), row["path"]


def test_claims_only_on_the_first_page_of_each_group(gold: list[dict[str, Any]]) -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in gold:
        groups.setdefault(row["group"], []).append(row)
    assert any(len({r["path"].split("?")[0] for r in rows}) > 1 for rows in groups.values()), "no syndicated copy"
    assert any(any("?" in r["path"] for r in rows) for rows in groups.values()), "no tracking-parameter copy"
    for name, rows in groups.items():
        first = min(rows, key=lambda r: (r["published"], r["path"]))
        for row in rows:
            if row is not first:
                assert not row["claims"], f"{name}: claims on {row['path']}, not on the first page {first['path']}"
        assert first["claims"], name


def _date_forms(iso: str) -> list[str]:
    """The ways a page may show its date: ISO (meta, JSON-LD, <time>) or written out."""
    day = dt.date.fromisoformat(iso)
    month = day.strftime("%B")
    return [iso, f"{month} {day.day}, {day.year}", f"{day.day} {month} {day.year}", f"{month[:3]} {day.day}, {day.year}"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

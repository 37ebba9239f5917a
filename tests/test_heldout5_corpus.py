"""Structure of held-out corpus 5 (tests/heldout5): served site, feeds, gold rows and claims.

The corpus is for an honest final estimate of the claim extractor; this test only
checks that the corpus is internally consistent (it never runs the extractor).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout5"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

EXPECTED_FEEDS = {"karoowheels.xml", "corniche.xml", "decarbdesk.xml", "decarbdesk-weekly.xml", "ngbnews.xml"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "CAD", "GWh", "USD/kWh", "jobs", "plants"}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption", "td", "dd", "dt"}


class _Blocks(HTMLParser):
    """Collects the text of every block element, in document order; also hrefs and the canonical link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.hrefs: list[str] = []
        self.canonical: str | None = None
        self.h1: str | None = None
        self._stack: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag in BLOCK_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self._stack and self._stack[-1][0] == tag:
            name, parts = self._stack.pop()
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if text:
                self.blocks.append(text)
                if name == "h1" and self.h1 is None:
                    self.h1 = text

    def handle_data(self, data: str) -> None:
        for _, parts in self._stack:
            parts.append(data)


def _parse(html: str) -> _Blocks:
    p = _Blocks()
    p.feed(html)
    p.close()
    return p


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()
PAGE_ROWS = [r for r in ROWS if "?" not in r["path"]]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str], httpx.Client]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base, httpx.Client(timeout=10) as client:
        yield base, list(feed_urls(base, SITE)), client


def _local(url: str, base: str) -> str:
    assert url.startswith(base), url
    return url[len(base) :]


def test_gold_rows_are_well_formed() -> None:
    keys = ["path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"]
    assert 12 <= len(PAGE_ROWS) <= 14
    assert len({r["path"] for r in ROWS}) == len(ROWS)
    assert len({r["outlet"] for r in ROWS}) == 4
    for row in ROWS:
        assert list(row) == keys, row["path"]
        date.fromisoformat(row["published"])
        assert (SITE / row["feed"].lstrip("/")).is_file()
        assert (SITE / urlsplit(row["path"]).path.lstrip("/")).is_file()
        assert row["body_text"] and "\n\n" not in row["body_text"]


def test_feeds_parse_and_list_exactly_the_gold_rows(served: tuple[str, list[str], httpx.Client]) -> None:
    base, feeds, client = served
    assert {u.rsplit("/", 1)[1] for u in feeds} == EXPECTED_FEEDS
    by_path = {r["path"]: r for r in ROWS}
    listed: dict[str, set[str]] = {}
    for url in feeds:
        resp = client.get(url)
        assert resp.status_code == 200, url
        parsed = feedparser.parse(resp.content, response_headers=dict(resp.headers))
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries, url
        feed_path = _local(url, base)
        for entry in parsed.entries:
            path = _local(entry.link, base)
            assert path in by_path, (url, path)
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            day = datetime(*when[:6], tzinfo=timezone.utc).date().isoformat()
            assert day == by_path[path]["published"], (url, path)
            listed.setdefault(path, set()).add(feed_path)
    assert set(listed) == set(by_path)
    for path, row in by_path.items():
        assert row["feed"] in listed[path], path


def test_pages_links_resolve_and_canonical_is_clean(served: tuple[str, list[str], httpx.Client]) -> None:
    base, _, client = served
    for row in PAGE_ROWS:
        resp = client.get(base + row["path"])
        assert resp.status_code == 200, row["path"]
        assert "{{BASE}}" not in resp.text
        page = _parse(resp.text)
        assert page.canonical == base + row["path"], row["path"]
        assert page.h1 == row["title"], row["path"]
        for href in page.hrefs:
            if href.startswith(base):
                assert client.get(href).status_code == 200, (row["path"], href)
            else:
                assert href == "#" or href.startswith("#"), (row["path"], href)


def test_gold_body_lines_appear_in_page_order() -> None:
    for row in ROWS:
        html = (SITE / urlsplit(row["path"]).path.lstrip("/")).read_text(encoding="utf-8")
        blocks = _parse(html).blocks
        position = 0
        for line in row["body_text"].split("\n"):
            try:
                position = blocks.index(line, position) + 1
            except ValueError:
                pytest.fail(f"{row['path']}: gold line not found in order: {line[:80]!r}")
        assert row["title"] not in row["body_text"].split("\n")
        assert row["published"] in html or datetime.fromisoformat(row["published"]).strftime("%-d %B %Y") in html


def test_claims_valid_and_evidence_inside_one_body_line() -> None:
    for row in ROWS:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            where = (row["path"], claim["evidence"][:60])
            assert claim["article_url"] == row["path"], where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert claim["company"] and claim["region"] == claim["region"].lower(), where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060, where
            assert (claim["value"] is None) == (claim["unit"] is None), where
            assert claim["unit"] is None or claim["unit"] in UNITS, where
            if claim["metric"] in DATE_ONLY_METRICS:
                assert claim["value"] is None and claim["horizon_year"] is not None, where
            assert sum(claim["evidence"] in line for line in lines) == 1, where


def test_claims_only_on_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = {}
    for row in ROWS:
        groups.setdefault(row["group"], []).append(row)
    for members in groups.values():
        first = min(members, key=lambda r: (r["published"], r["path"]))
        assert first["claims"], first["path"]
        for other in members:
            if other is not first:
                assert other["claims"] == [], other["path"]
    multi = [m for m in groups.values() if len(m) > 1]
    assert any(len({urlsplit(r["path"]).path for r in m}) == 1 for m in multi), "a tracking-parameter copy"
    assert any(len({r["outlet"] for r in m}) == 2 for m in multi), "a syndicated copy on another outlet"


def test_claim_totals_stay_in_range() -> None:
    claims = [c for r in ROWS for c in r["claims"]]
    assert 80 <= len(claims) <= 110
    nissan = [c for c in claims if c["company"] == "Nissan"]
    assert len(nissan) > len(claims) / 2
    assert {c["kind"] for c in claims} == set(KINDS)

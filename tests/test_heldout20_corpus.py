"""Integrity checks for the held-out corpus in tests/heldout20 (served over real HTTP).

The corpus is for evaluation only; these tests check that the files agree with each other,
not how well any extractor does on them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout20"
SITE = CORPUS / "site"
GOLD_FIELDS = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
CLAIM_FIELDS = {
    "article_url", "company", "product", "metric", "value", "unit", "qualifier",
    "region", "horizon_year", "fiscal_year", "kind", "evidence",
}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
# Blocks that can carry article text; table rows are read cell by cell and joined with " | ".
TEXT_TAGS = {"p", "li", "h2", "h3", "blockquote", "tr"}


class _Blocks(HTMLParser):
    """Collect the text of every text block of a page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._stack: list[list[str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonical = dict(attrs).get("href")
        if tag in TEXT_TAGS:
            self._stack.append([])
        elif tag in {"td", "th"} and self._stack:
            self._stack[-1].append("\x00")

    def handle_endtag(self, tag: str) -> None:
        if tag in TEXT_TAGS and self._stack:
            parts = "".join(self._stack.pop())
            cells = [c.strip() for c in parts.split("\x00") if c.strip()]
            self.blocks.append(" | ".join(cells) if tag == "tr" else " ".join(parts.split()))

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].append(data)


def _gold() -> list[dict]:
    lines = (CORPUS / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _first_pages(rows: list[dict]) -> set[str]:
    firsts: dict[str, dict] = {}
    for row in rows:
        best = firsts.get(row["group"])
        if best is None or (row["published"], row["path"]) < (best["published"], best["path"]):
            firsts[row["group"]] = row
    return {row["path"] for row in firsts.values()}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


def test_gold_rows_have_the_documented_fields() -> None:
    rows = _gold()
    assert 10 <= len({r["path"].split("?")[0] for r in rows}) <= 12
    for row in rows:
        assert set(row) == GOLD_FIELDS, row["path"]
        assert (SITE / row["path"].split("?")[0].lstrip("/")).is_file(), row["path"]


def test_claim_fields_are_valid() -> None:
    claims = [c for row in _gold() for c in row["claims"]]
    assert 70 <= len(claims) <= 95
    for claim in claims:
        assert set(claim) == CLAIM_FIELDS, claim
        assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS
        assert claim["unit"] in UNITS, claim
        assert (claim["value"] is None) == (claim["unit"] is None), claim
        assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060
        assert isinstance(claim["fiscal_year"], bool) and claim["company"] and claim["region"]


def test_evidence_lies_inside_one_body_line() -> None:
    for row in _gold():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert claim["article_url"] == row["path"]
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]


def test_claims_only_on_first_page_of_each_group() -> None:
    rows = _gold()
    firsts = _first_pages(rows)
    for row in rows:
        if row["path"] not in firsts:
            assert row["claims"] == [], row["path"]
    groups = {r["group"] for r in rows}
    assert len(groups) < len(rows), "the set must contain duplicate groups"


def test_body_lines_appear_in_page_in_order(base: str) -> None:
    for row in _gold():
        response = httpx.get(base + row["path"], timeout=10)
        assert response.status_code == 200, row["path"]
        parser = _Blocks()
        parser.feed(response.text)
        assert parser.canonical == base + row["path"].split("?")[0]
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in parser.blocks[position:], (row["path"], line)
            position = parser.blocks.index(line, position) + 1
        assert row["published"] in response.text or _visible_date_present(row["published"], response.text)
        assert "{{BASE}}" not in response.text


def _visible_date_present(published: str, page: str) -> bool:
    day = datetime.fromisoformat(published)
    return any(day.strftime(f) in page for f in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", f"{day.day} %B %Y"))


def test_feeds_parse_and_list_every_gold_row(base: str) -> None:
    rows = {(r["feed"], r["path"]): r for r in _gold()}
    seen: set[tuple[str, str]] = set()
    for url in feed_urls(base, SITE):
        parsed = feedparser.parse(httpx.get(url, timeout=10).content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        feed_path = url[len(base):]
        for entry in parsed.entries:
            path = entry.link[len(base):]
            row = rows[(feed_path, path)]
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert stamp is not None
            assert datetime(*stamp[:6], tzinfo=timezone.utc).date().isoformat() == row["published"]
            assert httpx.get(entry.link, timeout=10).status_code == 200
            seen.add((feed_path, path))
    assert seen == set(rows), set(rows) - seen

"""Checks of the heldout10 corpus (tests/heldout10): the served site, its feeds and the gold file agree.

The corpus is an evaluation set for the claim extractor; these tests only check that the set is
internally consistent (feeds parse, pages resolve, gold lines come from the pages, claim fields are
valid). They never run the extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout10"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figcaption"}
VOID_TAGS = {"meta", "link", "img", "br", "hr", "input", "source", "amp-img"}
CHROME_TAGS = {"aside", "header", "footer", "nav", "figcaption", "amp-ad", "amp-consent"}
CHROME_CLASSES = ("comments", "consent", "cookie", "live-time", "live-actions", "rvr-credit", "rvr-members",
                  "srg-contact", "ax-method", "ax-banner", "cpc-ticker", "srg-byline", "cpc-byline",
                  "amp-meta", "ax-meta", "rvr-dateline", "amp-related", "paywall")
NUMERIC_UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "packs"}


class _Blocks(HTMLParser):
    """Splits a page into text blocks (paragraph, list item, heading, table row, caption),
    each flagged as chrome when it sits inside page furniture rather than the story."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.open: list[list[str]] = []
        self.blocks: list[tuple[str, bool]] = []
        self.h1: list[str] = []
        self.canonical: str | None = None
        self._in_h1 = False

    def _chrome(self) -> bool:
        return any(flag for _, flag in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag in VOID_TAGS:
            return
        cls = a.get("class") or ""
        self.stack.append((tag, tag in CHROME_TAGS or any(c in cls for c in CHROME_CLASSES)))
        if tag in ("td", "th") and self.open and "".join(self.open[-1]).strip():
            self.open[-1].append(" | ")
        if tag in BLOCK_TAGS:
            self.open.append([])
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS and self.open:
            text = re.sub(r"\s+", " ", "".join(self.open.pop())).strip()
            if text:
                self.blocks.append((text, self._chrome()))
        if tag == "h1":
            self._in_h1 = False
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1].append(data)
        if self._in_h1:
            self.h1.append(data)


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    from evnews.demo.server import serve_site

    with serve_site(SITE) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def pages(base: str) -> dict[str, str]:
    out: dict[str, str] = {}
    with httpx.Client(timeout=10) as client:
        for row in ROWS:
            resp = client.get(base + row["path"])
            assert resp.status_code == 200, row["path"]
            out[row["path"]] = resp.text
    return out


def _parse(html_text: str) -> _Blocks:
    p = _Blocks()
    p.feed(html_text)
    return p


def _first_pages() -> set[str]:
    first: dict[str, dict] = {}
    for row in ROWS:
        cur = first.get(row["group"])
        if cur is None or (row["published"], row["path"]) < (cur["published"], cur["path"]):
            first[row["group"]] = row
    return {r["path"] for r in first.values()}


def test_absolute_links_use_the_base_placeholder() -> None:
    for f in sorted(SITE.rglob("*")):
        if f.suffix not in (".html", ".xml"):
            continue
        text = f.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src|url)="([^"]+)"', text):
            assert not re.match(r"https?://", link), (f.name, link)
        assert "{{BASE}}" in text, f.name


def test_gold_rows_have_the_dev_format() -> None:
    keys = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
    for row in ROWS:
        assert set(row) == keys, row["path"]
        datetime.strptime(row["published"], "%Y-%m-%d")
        assert (SITE / row["feed"].lstrip("/")).is_file(), row["feed"]
        assert (SITE / urlsplit(row["path"]).path.lstrip("/")).is_file(), row["path"]


def test_size_of_the_set() -> None:
    files = {urlsplit(r["path"]).path for r in ROWS}
    claims = [c for r in ROWS for c in r["claims"]]
    assert 10 <= len(files) <= 12
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) * 0.8
    assert len({r["outlet"] for r in ROWS}) == 4


def test_feeds_parse_and_list_every_page_with_its_date(base: str) -> None:
    listed: dict[str, set[str]] = {}
    versions = set()
    for feed_file in sorted((SITE / "feeds").glob("*.xml")):
        feed_path = "/feeds/" + feed_file.name
        parsed = feedparser.parse(httpx.get(base + feed_path, timeout=10).content)
        assert not parsed.bozo, (feed_path, parsed.get("bozo_exception"))
        assert parsed.entries, feed_path
        versions.add(parsed.version[:4])
        rows = {r["path"]: r for r in ROWS if r["feed"] == feed_path}
        for entry in parsed.entries:
            assert entry.link.startswith(base + "/"), entry.link
            path = entry.link[len(base):]
            assert path in rows, (feed_path, path)
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            day = datetime(*stamp[:6], tzinfo=timezone.utc).date().isoformat()
            assert day == rows[path]["published"], (path, day)
            listed.setdefault(feed_path, set()).add(path)
        assert listed[feed_path] == set(rows), feed_path
    assert versions == {"rss2", "atom"}


def test_feed_links_resolve(base: str, pages: dict[str, str]) -> None:
    assert set(pages) == {r["path"] for r in ROWS}


def test_page_title_canonical_and_date(base: str, pages: dict[str, str]) -> None:
    for row in ROWS:
        parsed = _parse(pages[row["path"]])
        assert re.sub(r"\s+", " ", "".join(parsed.h1)).strip() == row["title"], row["path"]
        assert parsed.canonical == base + urlsplit(row["path"]).path, row["path"]
        html_text = pages[row["path"]]
        assert row["published"] in html_text or _visible_date_found(row, html_text), row["path"]
        assert "{{BASE}}" not in html_text


def _visible_date_found(row: dict, html_text: str) -> bool:
    day = datetime.strptime(row["published"], "%Y-%m-%d")
    return any(day.strftime(fmt) in html_text for fmt in ("%B %d, %Y", "%d %B %Y", "%b. %d, %Y"))


def test_gold_body_lines_are_story_blocks_in_order(pages: dict[str, str]) -> None:
    for row in ROWS:
        blocks = _parse(pages[row["path"]]).blocks
        pos = 0
        for line in row["body_text"].split("\n"):
            while pos < len(blocks) and blocks[pos][0] != line:
                pos += 1
            assert pos < len(blocks), (row["path"], line[:80])
            assert not blocks[pos][1], ("chrome block used as body", row["path"], line[:80])
            pos += 1


def test_chrome_text_stays_out_of_the_body(pages: dict[str, str]) -> None:
    for row in ROWS:
        chrome = {text for text, is_chrome in _parse(pages[row["path"]]).blocks if is_chrome}
        body = set(row["body_text"].split("\n"))
        assert not (chrome & body), row["path"]
        assert row["title"] not in body


def test_evidence_lies_inside_one_body_line() -> None:
    for row in ROWS:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert sum(claim["evidence"] in line for line in lines) >= 1, claim["evidence"][:80]


def test_claim_fields_are_valid() -> None:
    for row in ROWS:
        for c in row["claims"]:
            assert c["article_url"] == row["path"]
            assert c["company"] and isinstance(c["company"], str)
            assert c["metric"] in METRICS, c["metric"]
            assert c["qualifier"] in QUALIFIERS, c["qualifier"]
            assert c["kind"] in KINDS, c["kind"]
            assert isinstance(c["fiscal_year"], bool)
            assert c["region"] and c["region"] == c["region"].lower()
            assert c["horizon_year"] is None or 2000 <= c["horizon_year"] <= 2060
            if c["value"] is None:
                assert c["unit"] is None
            else:
                assert isinstance(c["value"], float) and c["unit"] in NUMERIC_UNITS, c
            if c["metric"] in ("technology_launch", "production_start", "carbon_neutrality"):
                assert c["value"] is None and c["horizon_year"] is not None


def test_claims_only_on_first_page_of_each_group() -> None:
    first = _first_pages()
    for row in ROWS:
        if row["path"] not in first:
            assert row["claims"] == [], row["path"]
    assert len({r["group"] for r in ROWS}) == len(first)


def test_dedup_cases_are_present() -> None:
    groups: dict[str, list[dict]] = {}
    for row in ROWS:
        groups.setdefault(row["group"], []).append(row)
    tracked = [r for r in ROWS if "utm_" in r["path"]]
    assert len(tracked) == 1
    clean = urlsplit(tracked[0]["path"]).path
    assert any(r["path"] == clean and r["feed"] != tracked[0]["feed"] for r in groups[tracked[0]["group"]])
    syndicated = [g for g in groups.values() if len({r["outlet"] for r in g}) == 2]
    assert len(syndicated) == 1
    assert len(ROWS) == len({r["path"] for r in ROWS})

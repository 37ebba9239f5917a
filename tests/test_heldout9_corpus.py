"""The heldout9 evaluation corpus is consistent: served over real HTTP, its feeds parse, every
page is reachable, gold body lines are the article's own text blocks in page order, and every
gold claim is well formed and quoted from its page.

The corpus is for grading only: nothing here tunes or runs the claim extractor."""

from __future__ import annotations

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

CORPUS = Path(__file__).resolve().parent / "heldout9"
SITE = CORPUS / "site"
BODY_CLASSES = {"cuerpo-nota", "echo-article-text", "cpr-body", "email-content"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "blockquote"}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}


def gold_rows() -> list[dict]:
    lines = (CORPUS / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Blocks(HTMLParser):
    """Text blocks of a page in document order, each marked as inside the article body or not.

    A table row inside the article body is one block, its cells joined by ' | ' (the corpus's
    convention for data boxes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, opens the body)
        self.depth_in_body = 0
        self.current: list[str] | None = None
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None
        self.h1: list[str] = []
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("meta", "link", "br", "img", "input"):
            if tag == "link" and a.get("rel") == "canonical":
                self.meta["canonical"] = a.get("href") or ""
            return
        opens_body = bool(set((a.get("class") or "").split()) & BODY_CLASSES)
        self.stack.append((tag, opens_body))
        if opens_body:
            self.depth_in_body += 1
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCK_TAGS and self.current is None and self.cells is None:
            self.current = []
        if tag == "tr" and self.depth_in_body > 0:  # layout tables (e-mail wrappers) are not data rows
            self.cells = []
        if tag in ("td", "th") and self.cells is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, opened_body = self.stack.pop()
            if opened_body:
                self.depth_in_body -= 1
            if open_tag == tag:
                break
        if tag == "h1":
            self.in_h1 = False
        inside = self.depth_in_body > 0
        if tag in BLOCK_TAGS and self.current is not None and self.cells is None:
            self.blocks.append((squash("".join(self.current)), inside))
            self.current = None
        if tag in ("td", "th") and self.cell is not None and self.cells is not None:
            self.cells.append(squash("".join(self.cell)))
            self.cell = None
        if tag == "tr" and self.cells is not None:
            self.blocks.append((" | ".join(self.cells), inside))
            self.cells = None

    def handle_data(self, data: str) -> None:
        if self.in_h1:
            self.h1.append(data)
        if self.cell is not None:
            self.cell.append(data)
        elif self.current is not None:
            self.current.append(data)


def parse_page(html: str) -> Blocks:
    parser = Blocks()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]]) -> dict[str, str]:
    """Every gold row's page fetched over HTTP, keyed by the row's path (query included)."""
    base, _ = served
    fetched = {}
    with httpx.Client(timeout=10) as client:
        for row in gold_rows():
            response = client.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            fetched[row["path"]] = response.text
    return fetched


def test_the_set_has_the_promised_shape() -> None:
    rows = gold_rows()
    claims = [c for r in rows for c in r["claims"]]
    outlets = {r["outlet"] for r in rows}
    assert 10 <= len({r["path"].split("?")[0] for r in rows}) <= 12
    assert len(outlets) == 4
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) >= 60
    assert {c["kind"] for c in claims} == {"target", "actual"} | ({"rumor"} & {c["kind"] for c in claims})


def test_feeds_parse_and_list_exactly_the_gold_pages(served: tuple[str, list[str]]) -> None:
    base, feeds = served
    assert len(feeds) == 4
    rows = {r["path"]: r for r in gold_rows()}
    listed: dict[str, str] = {}
    formats = set()
    for feed_url in feeds:
        parsed = feedparser.parse(httpx.get(feed_url, timeout=10).content)
        assert not parsed.bozo, (feed_url, parsed.get("bozo_exception"))
        assert parsed.entries, feed_url
        formats.add(parsed.version[:4])
        feed_path = urlsplit(feed_url).path
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base):]
            assert path in rows, f"feed entry without a gold row: {path}"
            assert rows[path]["feed"] == feed_path, path
            day = "%04d-%02d-%02d" % tuple(entry.published_parsed[:3])
            assert day == rows[path]["published"], (path, day)
            listed[path] = feed_path
    assert set(listed) == set(rows), set(rows) ^ set(listed)
    assert formats == {"rss2", "atom"}


def test_pages_show_title_canonical_and_date(pages: dict[str, str]) -> None:
    for row in gold_rows():
        html = pages[row["path"]]
        page = parse_page(html)
        assert squash("".join(page.h1)) == row["title"], row["path"]
        assert urlsplit(page.meta["canonical"]).path == row["path"].split("?")[0]
        assert "?" not in page.meta["canonical"]
        assert row["published"] in html, f"{row['path']} does not carry its date {row['published']}"


def test_gold_body_is_the_article_text_in_page_order(pages: dict[str, str]) -> None:
    for row in gold_rows():
        page = parse_page(pages[row["path"]])
        in_body = [text for text, inside in page.blocks if inside]
        assert row["body_text"].split("\n") == in_body, row["path"]
        everything = [text for text, _ in page.blocks]
        position = 0
        for line in row["body_text"].split("\n"):
            position = everything.index(line, position) + 1


def test_chrome_numbers_stay_out_of_the_body() -> None:
    chrome_samples = ["48,000 readers", "Updated at", "Comments (", "ChargeLoop", "€149", "Unsubscribe", "first appeared in"]
    for row in gold_rows():
        for sample in chrome_samples:
            assert sample not in row["body_text"], (row["path"], sample)


def test_every_evidence_is_quoted_from_one_body_line() -> None:
    for row in gold_rows():
        lines = row["body_text"].split("\n")
        for c in row["claims"]:
            assert any(c["evidence"] in line for line in lines), (row["path"], c["evidence"])
            assert c["evidence"] == c["evidence"].strip() and len(c["evidence"]) > 20


def test_claim_fields_follow_the_claim_contract() -> None:
    fields = {"article_url", "company", "product", "metric", "value", "unit", "qualifier", "region",
              "horizon_year", "fiscal_year", "kind", "evidence"}
    for row in gold_rows():
        seen = set()
        for c in row["claims"]:
            assert set(c) == fields, c
            assert c["article_url"] == row["path"]
            assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS and c["kind"] in KINDS, c
            assert c["unit"] in UNITS, c
            assert isinstance(c["company"], str) and c["company"], c
            assert isinstance(c["fiscal_year"], bool)
            assert c["region"] == c["region"].lower() and " " not in c["region"]
            if c["metric"] in DATE_ONLY_METRICS:
                assert c["value"] is None and c["unit"] is None and isinstance(c["horizon_year"], int), c
            elif c["metric"] != "other":
                assert isinstance(c["value"], float) and c["unit"], c
            assert c["horizon_year"] is None or 2000 <= c["horizon_year"] <= 2060
            if c["fiscal_year"]:
                assert re.search(r"fiscal|FY", c["evidence"] + " " + row["body_text"]), c
            key = (c["company"], c["product"], c["metric"], c["value"], c["region"], c["horizon_year"], c["kind"])
            assert key not in seen, f"duplicate gold claim {key} in {row['path']}"
            seen.add(key)


def test_claims_only_on_the_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = {}
    for row in gold_rows():
        groups.setdefault(row["group"], []).append(row)
    for name, members in groups.items():
        members.sort(key=lambda r: (r["published"], r["path"]))
        assert members[0]["claims"], f"group {name} has no claims on its first page"
        for later in members[1:]:
            assert later["claims"] == [], later["path"]
    sizes = sorted(len(m) for m in groups.values())
    assert sizes.count(2) == 2, "one syndicated copy and one tracking-URL copy"


def test_duplicates_are_what_the_readme_says(pages: dict[str, str]) -> None:
    rows = gold_rows()
    tracked = [r for r in rows if "?" in r["path"]]
    assert len(tracked) == 1
    clean = tracked[0]["path"].split("?")[0]
    assert pages[tracked[0]["path"]] == pages[clean]
    syndicated = [r for r in rows if "?" not in r["path"]]
    by_group: dict[str, list[dict]] = {}
    for r in syndicated:
        by_group.setdefault(r["group"], []).append(r)
    copies = [g for g in by_group.values() if len(g) == 2]
    assert len(copies) == 1
    first, copy = sorted(copies[0], key=lambda r: r["published"])
    assert first["outlet"] != copy["outlet"] and first["body_text"] != copy["body_text"]
    shared_lines = set(first["body_text"].split("\n")) & set(copy["body_text"].split("\n"))
    assert len(shared_lines) >= 3, "a near-copy shares most of its text"

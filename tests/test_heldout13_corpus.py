"""Integrity of the heldout13 evaluation corpus (tests/heldout13): site, feeds and gold agree.

The site is served for real on 127.0.0.1 (evnews.demo.server.serve_site) and read over HTTP,
so a broken link, a feed date that differs from its page or a gold line that is not on the
page fails here rather than silently lowering an evaluation score.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import lxml.html
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout13"
SITE = CORPUS / "site"
GOLD_FIELDS = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
CLAIM_FIELDS = {
    "article_url", "company", "product", "metric", "value", "unit", "qualifier",
    "region", "horizon_year", "fiscal_year", "kind", "evidence",
}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
# Text blocks the gold body can be made of, in page order.
BLOCK_TAGS = {"p", "h2", "h3", "li", "tr"}
# Chrome strings that must never leak into a gold body.
CHROME = (
    "Saleyards", "Most read", "OSEBX", "Subscribe", "Registrations, last month", "free briefings",
    "Comments (", "first appeared in Skagerrak", "not legal advice", "Got a story?", "Share:",
)


def _rows() -> list[dict]:
    with (CORPUS / "gold" / "articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ROWS = _rows()


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(site: tuple[str, list[str]]) -> dict[str, str]:
    """Every gold URL fetched over HTTP: path (with query) -> HTML."""
    base, _ = site
    out: dict[str, str] = {}
    with httpx.Client(timeout=10) as client:
        for row in ROWS:
            resp = client.get(base + row["path"])
            assert resp.status_code == 200, f"{row['path']}: HTTP {resp.status_code}"
            out[row["path"]] = resp.text
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _blocks(html: str) -> list[str]:
    """The page's text blocks in document order; a table row is its cells joined by ' | '."""
    tree = lxml.html.fromstring(html)
    out = []
    for el in tree.iter(*BLOCK_TAGS):
        if el.tag == "tr":
            out.append(" | ".join(_norm(c.text_content()) for c in el if c.tag in ("td", "th")))
        else:
            out.append(_norm(el.text_content()))
    return out


def _first_pages() -> set[str]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in ROWS:
        groups[row["group"]].append(row)
    return {min(rs, key=lambda r: (r["published"], r["path"]))["path"] for rs in groups.values()}


def test_gold_rows_are_well_formed() -> None:
    assert 10 <= len({r["path"].split("?")[0] for r in ROWS}) <= 13
    assert len({r["path"] for r in ROWS}) == len(ROWS), "duplicate gold paths"
    for row in ROWS:
        assert set(row) == GOLD_FIELDS, row["path"]
        dt.date.fromisoformat(row["published"])
        assert row["body_text"] and row["title"] and row["group"] and row["notes"]
        for marker in CHROME:
            assert marker not in row["body_text"], f"chrome {marker!r} in body of {row['path']}"
    total = sum(len(r["claims"]) for r in ROWS)
    assert 70 <= total <= 95, total


def test_every_page_is_served_with_canonical_link_title_and_date(
    site: tuple[str, list[str]], pages: dict[str, str]
) -> None:
    base, _ = site
    for row in ROWS:
        html = pages[row["path"]]
        assert "{{BASE}}" not in html, f"unreplaced {{{{BASE}}}} in {row['path']}"
        tree = lxml.html.fromstring(html)
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        assert canonical == [base + row["path"].split("?")[0]], row["path"]
        assert _norm(tree.xpath("//h1")[0].text_content()) == row["title"]
        day = dt.date.fromisoformat(row["published"])
        shown = {row["published"], day.strftime("%d.%m.%Y"), day.strftime("%-d %B %Y"), day.strftime("%B %-d, %Y")}
        assert any(s in html for s in shown), f"published date of {row['path']} not on the page"


def test_gold_body_lines_appear_in_page_order(pages: dict[str, str]) -> None:
    for row in ROWS:
        blocks = _blocks(pages[row["path"]])
        pos = 0
        for line in row["body_text"].split("\n"):
            try:
                pos = blocks.index(_norm(line), pos) + 1
            except ValueError:
                pytest.fail(f"{row['path']}: body line not found in order: {line[:80]!r}")


def test_feeds_parse_and_agree_with_gold(site: tuple[str, list[str]]) -> None:
    base, feeds = site
    by_path = {r["path"]: r for r in ROWS}
    listed: set[tuple[str, str]] = set()
    assert len(feeds) == 4
    kinds = set()
    for url in feeds:
        parsed = feedparser.parse(httpx.get(url, timeout=10).content)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        assert parsed.entries, url
        kinds.add(parsed.version[:3])
        feed_path = urlsplit(url).path
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base):]
            assert path in by_path, f"{feed_path} lists {path}, which has no gold row"
            row = by_path[path]
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert dt.date(*stamp[:3]).isoformat() == row["published"], path
            assert row["feed"] == feed_path, path
            listed.add((path, feed_path))
    assert kinds == {"rss", "ato"}, "the set needs both RSS 2.0 and Atom feeds"
    assert {(r["path"], r["feed"]) for r in ROWS} == listed, "every gold row is listed in its feed"


def test_every_evidence_lies_inside_one_body_line() -> None:
    for row in ROWS:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            hits = [ln for ln in lines if claim["evidence"] in ln]
            assert hits, f"{row['path']}: evidence not in body: {claim['evidence'][:80]!r}"


def test_claim_fields_follow_the_contract() -> None:
    for row in ROWS:
        for claim in row["claims"]:
            where = f"{row['path']}: {claim['evidence'][:60]!r}"
            assert set(claim) == CLAIM_FIELDS, where
            assert claim["article_url"] == row["path"], where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert claim["company"] and claim["region"], where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060, where
            if claim["metric"] in DATE_ONLY_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            if claim["value"] is not None:
                assert isinstance(claim["value"], float) and claim["unit"], where


def test_claims_only_on_the_first_page_of_each_group() -> None:
    first = _first_pages()
    for row in ROWS:
        if row["path"] not in first:
            assert row["claims"] == [], f"{row['path']} is a later copy in {row['group']} but has claims"
    groups = defaultdict(set)
    for row in ROWS:
        groups[row["group"]].add(row["path"])
    assert sum(len(paths) > 1 for paths in groups.values()) == 2, "one syndicated copy and one tracking-URL copy"


def test_copies_in_a_group_share_their_text() -> None:
    """A tracking-URL copy is the same file; a syndicated copy keeps most of its lines."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in ROWS:
        groups[row["group"]].append(row)
    for rows in groups.values():
        if len(rows) < 2:
            continue
        a, b = (set(r["body_text"].split("\n")) for r in rows[:2])
        assert len(a & b) >= 0.5 * min(len(a), len(b)), rows[0]["group"]

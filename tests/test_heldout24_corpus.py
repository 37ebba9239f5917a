"""The heldout24 corpus is well formed: served site, feeds, gold lines, evidence and claim fields."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout24"
SITE = CORPUS / "site"
GOLD = [json.loads(line) for line in (CORPUS / "gold" / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
FEEDS = sorted(p.name for p in (SITE / "feeds").glob("*.xml"))
BLOCK = re.compile(r"<(p|li|h2)\b[^>]*>(.*?)</\1>", re.S)
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def served(base: str) -> dict[str, str]:
    with httpx.Client(timeout=10) as client:
        return {row["path"]: client.get(base + row["path"]).text for row in GOLD}


def _article_blocks(page: str) -> list[str]:
    """Text of the paragraphs, list items and subheadings inside the article body div."""
    inner = page.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]
    return [html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip() for m in BLOCK.finditer(inner)]


@pytest.mark.parametrize("name", FEEDS)
def test_feeds_parse_and_every_entry_has_a_gold_row_with_its_date(base: str, name: str) -> None:
    with httpx.Client(timeout=10) as client:
        parsed = feedparser.parse(client.get(f"{base}/feeds/{name}").text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    rows = {row["path"]: row for row in GOLD}
    assert parsed.entries
    for entry in parsed.entries:
        split = urlsplit(entry.link)
        path = split.path + (f"?{split.query}" if split.query else "")
        assert path in rows, entry.link
        published = dt.datetime(*entry.published_parsed[:6]).date().isoformat()
        assert published == rows[path]["published"]
        assert rows[path]["feed"] == f"/feeds/{name}"


def test_every_gold_page_resolves_and_shows_its_title_and_date(served: dict[str, str], base: str) -> None:
    for row in GOLD:
        page = served[row["path"]]
        assert f"<h1>{html.escape(row['title'])}</h1>" in page
        assert row["published"] in page
        assert f'<link rel="canonical" href="{base}{row["path"].split("?")[0]}">' in page
        assert "{{BASE}}" not in page


def test_gold_body_lines_are_the_article_blocks_in_order(served: dict[str, str]) -> None:
    for row in GOLD:
        assert _article_blocks(served[row["path"]]) == row["body_text"].split("\n"), row["path"]


def test_every_evidence_lies_inside_one_body_line() -> None:
    for row in GOLD:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]
            assert claim["article_url"] == row["path"]


def test_claim_fields_follow_the_claim_model() -> None:
    claims = [claim for row in GOLD for claim in row["claims"]]
    assert 70 <= len(claims) <= 95
    for claim in claims:
        assert claim["metric"] in METRICS and claim["kind"] in KINDS and claim["qualifier"] in QUALIFIERS
        assert claim["unit"] in UNITS
        assert (claim["value"] is None) == (claim["unit"] is None)
        year = claim["horizon_year"]
        assert year is None or 2010 <= year <= 2050
        if claim["metric"] in ("technology_launch", "production_start", "carbon_neutrality"):
            assert claim["value"] is None and year is not None
        assert isinstance(claim["fiscal_year"], bool)


def test_claims_only_on_the_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = {}
    for row in GOLD:
        groups.setdefault(row["group"], []).append(row)
    for rows in groups.values():
        first = min(rows, key=lambda r: (r["published"], r["path"]))
        assert all(not r["claims"] for r in rows if r is not first)
    assert any(len(rows) > 1 and len({r["outlet"] for r in rows}) > 1 for rows in groups.values())  # syndicated copy
    assert any("?utm_" in r["path"] for r in GOLD)  # tracking-parameter listing

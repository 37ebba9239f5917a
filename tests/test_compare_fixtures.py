"""Helpers shared by the compare/report tests: a real warehouse file with stored claims.

Rows go into the stage tables (extractions, dup_members, extracted_claims) the
way the pipeline writes them, so the public views and run_compare see real data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import duckdb

from evnews.store.db import connect

NOW = dt.datetime(2026, 1, 1, 12, 0)
CLAIM_COLUMNS = ("company", "product", "metric", "value", "unit", "qualifier", "region",
                 "horizon_year", "fiscal_year", "kind", "evidence")


def shared_dir() -> Path:
    return Path(os.environ.get("EVNEWS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def gold_articles() -> list[dict[str, Any]]:
    path = shared_dir() / "eval" / "dev" / "gold" / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def add_article(con: duckdb.DuckDBPyConnection, url: str, *, group: str, published: str | None,
                outlet: str = "Test Outlet", title: str = "A test article", claims: list[dict[str, Any]] = ()) -> None:
    con.execute(
        "INSERT INTO extractions (url, canonical_url, title, body_text, published, outlet, extracted_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [url, url.split("?")[0], title, "body", published, outlet, NOW],
    )
    con.execute("INSERT INTO dup_members (url, dup_group, reason, assigned_at) VALUES (?, ?, 'first', ?)",
                [url, group, NOW])
    for index, item in enumerate(claims):
        row = {"product": None, "unit": None, "qualifier": "exact", "region": "global",
               "horizon_year": None, "fiscal_year": False, "kind": "target", "value": None, **item}
        claim_id = hashlib.sha256(json.dumps([url, index]).encode()).hexdigest()[:16]
        con.execute(
            "INSERT INTO extracted_claims (claim_id, page_url, article_url, dup_group, "
            + ", ".join(CLAIM_COLUMNS)
            + ", sentence_index, extractor_version, extracted_at) VALUES ("
            + ", ".join("?" * (len(CLAIM_COLUMNS) + 7)) + ")",
            [claim_id, url, url.split("?")[0], group, *(row[c] for c in CLAIM_COLUMNS), index, "test", NOW],
        )


def add_copy(con: duckdb.DuckDBPyConnection, url: str, *, group: str, published: str) -> None:
    """A duplicate page: in the group, but carrying no claims of its own."""
    add_article(con, url, group=group, published=published, outlet="Copy Outlet")


def gold_warehouse(path: Path, base: str = "https://news.example") -> duckdb.DuckDBPyConnection:
    """A warehouse holding every dev-gold page and claim (claims on each group's first page)."""
    con = connect(path)
    for article in gold_articles():
        add_article(con, base + article["path"], group=article["group"], published=article["published"],
                    outlet=article["outlet"], title=article["title"], claims=article["claims"])
    return con

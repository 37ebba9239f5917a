"""End to end: the dev corpus served on 127.0.0.1, `evnews run` into a fresh DuckDB file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import DEV_CORPUS

CLAIM_COLUMNS = ["article_url", "company", "product", "metric", "value", "unit", "qualifier", "region",
                 "horizon_year", "fiscal_year", "kind", "evidence"]


def evnews(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evnews.cli", *args], capture_output=True, text=True, timeout=300)


def gold_pages() -> list[dict]:
    return [json.loads(line) for line in (DEV_CORPUS / "gold" / "articles.jsonl").read_text().splitlines()]


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = ["pages", "extractions", "dup_members", "extracted_claims", "claim_verdicts", "feed_entries"]
        return {n: con.execute("SELECT count(*) FROM " + n).fetchone()[0] for n in names}  # names are literals
    finally:
        con.close()


@pytest.fixture(scope="module")
def dev_run(dev_site, tmp_path_factory):
    base, feeds = dev_site
    db = tmp_path_factory.mktemp("e2e") / "dev.duckdb"
    args = [a for f in feeds for a in ("--feed", f)] + ["--db", str(db), "--allow-private-hosts", "--no-prefect"]
    first = evnews("run", *args)
    assert first.returncode == 0, first.stderr
    after_first = table_counts(db)
    snapshot = db.with_name("dev.snapshot.duckdb")
    after_first["snapshot_mtime"] = snapshot.stat().st_mtime_ns
    second = evnews("run", *args)
    assert second.returncode == 0, second.stderr
    return base, db, after_first, args


def by_path(con: duckdb.DuckDBPyConnection, base: str) -> dict[str, dict]:
    cur = con.execute("SELECT url, canonical_url, dup_group, outlet, title, published, body_text FROM articles")
    names = [d[0] for d in cur.description]
    return {row[0].removeprefix(base): dict(zip(names, row, strict=True)) for row in cur.fetchall()}


def test_every_gold_page_lands_once_as_an_article(dev_run):
    base, db, _, _ = dev_run
    con = duckdb.connect(str(db), read_only=True)
    articles = by_path(con, base)
    assert set(articles) == {g["path"] for g in gold_pages()}
    assert all(a["body_text"] and a["title"] for a in articles.values())


def test_copies_share_a_group_and_distinct_stories_do_not(dev_run):
    base, db, _, _ = dev_run
    con = duckdb.connect(str(db), read_only=True)
    articles = by_path(con, base)
    clean = "/voltlog/nissan-raises-ev-target-19-models-fy2030.html"
    tracked = clean + "?utm_source=evdigest&utm_medium=rss&utm_campaign=nissan-tracker"
    assert articles[clean]["dup_group"] == articles[tracked]["dup_group"]
    wire = "/asiaautowire/nissan-ambition-2030-2-trillion-yen-electrification.html"
    syndicated = "/nikkobiz/nissan-bets-2tn-yen-on-electric-future.html"
    assert articles[wire]["dup_group"] == articles[syndicated]["dup_group"]
    seed000 = "/voltlog/nissan-leaf-100000-japan-3-new-evs.html"
    seed004 = "/motorbuzz/roofless-nissan-leaf-open-car-100000-japan.html"
    assert articles[seed000]["dup_group"] != articles[seed004]["dup_group"]
    groups = {a["dup_group"] for a in articles.values()}
    assert len(groups) == len({g["group"] for g in gold_pages()})


def test_claims_and_checks_hold_rows_with_the_contract_columns(dev_run):
    _, db, _, _ = dev_run
    con = duckdb.connect(str(db), read_only=True)
    cur = con.execute("SELECT * FROM claims")
    assert [d[0] for d in cur.description][:12] == CLAIM_COLUMNS
    assert len(cur.fetchall()) >= 50
    checks = con.execute("SELECT verdict, count(*) FROM claim_checks GROUP BY verdict").fetchall()
    verdicts = dict(checks)
    assert None not in verdicts, "every claim has a verdict"
    assert {"consistent", "conflicting"} <= set(verdicts)
    # claims of a duplicate group are stored once, on its first page
    dup = con.execute(
        "SELECT count(*) FROM claims c JOIN dup_group_first f USING (dup_group) WHERE c.article_url <> f.canonical_url"
    ).fetchone()[0]
    assert dup == 0


def test_a_second_run_adds_nothing_and_fetches_no_page(dev_run):
    _, db, after_first, _ = dev_run
    snapshot_mtime = after_first.pop("snapshot_mtime")
    assert table_counts(db) == after_first
    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT status, counts FROM runs ORDER BY started_at").fetchall()
    assert [r[0] for r in runs] == ["completed", "completed"]
    first, second = json.loads(runs[0][1]), json.loads(runs[1][1])
    assert second.get("pages_fetched", 0) == 0
    assert second.get("articles_new", 0) == 0
    # Nothing changed, so the stored verdicts and the readers' snapshot stand...
    assert second.get("compare_skipped_unchanged") == 1
    assert db.with_name("dev.snapshot.duckdb").stat().st_mtime_ns == snapshot_mtime
    assert "compare_skipped_unchanged" not in first
    # ...and the run still reports them.
    assert {k: v for k, v in second.items() if k.startswith("verdict_")} == {
        k: v for k, v in first.items() if k.startswith("verdict_")
    }


def test_sql_and_report_commands_read_the_warehouse(dev_run):
    _, db, _, _ = dev_run
    out = evnews("sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["n", "18"]
    report = evnews("report", "--db", str(db))
    assert report.returncode == 0, report.stderr
    assert "Nissan" in report.stdout


def readme_queries() -> list[str]:
    """Every SQL statement in the README's ```sql blocks."""
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    return [q.strip() for block in blocks for q in block.split(";") if q.strip()]


def test_every_sql_example_in_the_readme_runs(dev_run):
    _, db, _, _ = dev_run
    queries = readme_queries()
    assert len(queries) >= 8
    con = duckdb.connect(str(db), read_only=True)
    for sql in queries:
        con.execute(sql).fetchall()  # raises if a view or column the README names is missing

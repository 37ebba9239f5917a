"""run_compare on a real DuckDB file: targets stored, verdicts recomputed, views answer."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from test_compare_fixtures import add_article, add_copy

from evnews.compare import load_registry, run_compare
from evnews.store.db import connect

REPO = Path(__file__).resolve().parents[1]
EV = {"company": "Nissan", "metric": "ev_model_launches", "unit": "models", "horizon_year": 2030}


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "warehouse")


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "w.duckdb")
    add_article(con, "https://a.example/ev19", group="g1", published="2023-03-01", outlet="A",
                claims=[{**EV, "value": 19, "evidence": "19 EVs by 2030."},
                        {"company": "Nissan", "metric": "electrified_sales_share", "value": 16, "unit": "percent",
                         "region": "europe", "horizon_year": 2023, "kind": "actual", "evidence": "16% in 2023."}])
    add_copy(con, "https://b.example/ev19-copy", group="g1", published="2023-03-02")
    add_article(con, "https://c.example/ev19-again", group="g2", published="2023-06-01", outlet="C",
                claims=[{**EV, "value": 19, "evidence": "Nineteen EVs."}])
    add_article(con, "https://d.example/old", group="g3", published="2024-04-15", outlet="D",
                claims=[{**EV, "value": 15, "evidence": "15 EVs <script>document.title='pwned'</script>."}])
    add_article(con, "https://e.example/wrong", group="g4", published="2023-03-02", outlet="E",
                claims=[{**EV, "value": 20, "evidence": "20 EVs by 2030."},
                        {"company": "Toyota", "metric": "ev_model_launches", "value": 30, "evidence": "Toyota 30."}])
    add_article(con, "https://f.example/undated", group="g5", published=None, outlet="F",
                claims=[{**EV, "value": 19, "evidence": "19 EVs (undated page)."}])
    yield con
    con.close()


def verdict_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT * FROM claim_verdicts ORDER BY claim_id").fetchall()


def test_run_compare_counts_and_stores(con: duckdb.DuckDBPyConnection, registry) -> None:
    counts = run_compare(con, registry)
    assert counts == {"consistent": 3, "superseded": 1, "conflicting": 1, "unknown": 1, "progress": 1, "unrelated": 0}
    assert con.execute("SELECT count(*) FROM targets").fetchone() == (114,)
    assert con.execute("SELECT count(*) FROM actuals").fetchone() == (61,)
    checks = dict(con.execute("SELECT evidence, verdict FROM claim_checks").fetchall())
    assert checks["20 EVs by 2030."] == "conflicting"
    assert checks["Toyota 30."] == "unknown"
    assert checks["16% in 2023."] == "progress"


def test_run_compare_is_idempotent(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    first = verdict_rows(con)
    targets = con.execute("SELECT * FROM targets ORDER BY target_id").fetchall()
    run_compare(con, registry)
    assert verdict_rows(con) == first  # checked_at included: unchanged verdicts are not rewritten
    assert con.execute("SELECT * FROM targets ORDER BY target_id").fetchall() == targets


def test_changed_registry_changes_only_affected_verdicts(con: duckdb.DuckDBPyConnection, registry, tmp_path) -> None:
    run_compare(con, registry)
    before = {row[0]: row for row in verdict_rows(con)}
    folder = tmp_path / "wh"
    (folder / "targets").mkdir(parents=True)
    (folder / "targets.csv").write_text((REPO / "warehouse" / "targets.csv").read_text())
    header = (REPO / "warehouse" / "targets.csv").read_text().splitlines()[0]
    (folder / "targets" / "fix.csv").write_text(
        header + "\nambition2030_ev_models_2023,Nissan,Ambition 2030 (acceleration),2023-02-27,ev_model_launches,,"
        "20,models,exact,global,2030,true,,https://example.org\n"
    )
    run_compare(con, load_registry(folder))
    after = {row[0]: row for row in verdict_rows(con)}
    changed = {cid for cid in after if after[cid] != before[cid]}
    evidence = dict(con.execute("SELECT claim_id, evidence FROM claims").fetchall())
    # the three 19s now conflict, the 20 agrees, and the stale 15 names a new value in force
    assert {evidence[c] for c in changed} == {
        "19 EVs by 2030.", "Nineteen EVs.", "20 EVs by 2030.", "19 EVs (undated page).",
        "15 EVs <script>document.title='pwned'</script>.",
    }
    assert after[next(c for c in changed if evidence[c] == "20 EVs by 2030.")][1] == "consistent"
    assert con.execute("SELECT count(*) FROM actuals").fetchone() == (0,)  # no actuals.csv in that folder


def test_compare_survives_empty_warehouse(tmp_path: Path, registry) -> None:
    con = connect(tmp_path / "empty.duckdb")
    assert sum(run_compare(con, registry).values()) == 0
    assert con.execute("SELECT count(*) FROM target_status WHERE in_force").fetchone()[0] > 50
    con.close()


def test_target_status_counts_stories_not_pages(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    row = con.execute(
        "SELECT in_force, independent_sources, pages_repeating, conflicting_sources, superseded_by "
        "FROM target_status WHERE target_id = 'ambition2030_ev_models_2023'"
    ).fetchone()
    # g1 (2 pages) + g2 repeat 19; the undated page too; g4 says 20
    assert row == (True, 3, 4, 1, None)
    old = con.execute(
        "SELECT in_force, stale_repeats, superseded_by, superseded_on FROM target_status "
        "WHERE target_id = 'ambition2030_ev_models_2021'"
    ).fetchone()
    assert old[:3] == (False, 1, "ambition2030_ev_models_2023")
    assert str(old[3]) == "2023-02-27"


def test_target_status_actuals_and_deadlines(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    europe = con.execute(
        "SELECT latest_actual_value, latest_actual_source, progress FROM target_status "
        "WHERE target_id = 'europe2023_ev_share_2030'"
    ).fetchone()
    assert europe[0] == 16 and europe[1] == "registry" and europe[2] == pytest.approx(0.16)
    passed = con.execute(
        "SELECT count(*) FILTER (WHERE deadline_passed), count(*) FILTER (WHERE deadline_met IS NOT NULL AND NOT deadline_passed)"
        " FROM target_status"
    ).fetchone()
    assert passed[0] > 10 and passed[1] == 0


def test_target_history_chains(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    chain = con.execute(
        "SELECT chain_position, target_id, value, superseded_on, next_value, is_latest FROM target_history "
        "WHERE chain_root = 'ambition2030_electrified_models_2021' ORDER BY chain_position"
    ).fetchall()
    assert [(p, t, v) for p, t, v, *_ in chain] == [
        (1, "ambition2030_electrified_models_2021", 23.0),
        (2, "ambition2030_electrified_models_2023", 27.0),
        (3, "arc2024_electrified_models_fy2030", 34.0),
    ]
    assert chain[0][4] == 27.0 and chain[-1][5] is True and chain[-1][3] is None


def test_conflicts_view(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    rows = con.execute(
        "SELECT verdict, outlet, claimed_value, missed_target_id, missed_target_value, in_force_target_id, "
        "in_force_value, article_url FROM conflicts ORDER BY published"
    ).fetchall()
    assert rows == [
        ("conflicting", "E", 20.0, "ambition2030_ev_models_2023", 19.0, "ambition2030_ev_models_2023", 19.0,
         "https://e.example/wrong"),
        ("superseded", "D", 15.0, "ambition2030_ev_models_2021", 15.0, "ambition2030_ev_models_2023", 19.0,
         "https://d.example/old"),
    ]


VIEW_COLUMNS = {
    "target_status": ["target_id", "company", "plan", "metric", "product", "value", "unit", "qualifier", "region",
                      "horizon_year", "fiscal_year", "announced", "in_force", "superseded_by", "superseded_on",
                      "superseded_value", "independent_sources", "pages_repeating", "stale_repeats",
                      "conflicting_sources", "last_repeated", "latest_actual_value", "latest_actual_year",
                      "latest_actual_reported", "latest_actual_source", "latest_actual_url", "progress",
                      "deadline_end", "deadline_passed", "deadline_met", "source_url", "origin"],
    "target_history": ["chain_root", "chain_position", "chain_length", "target_id", "company", "plan", "metric",
                       "product", "region", "horizon_year", "fiscal_year", "value", "unit", "qualifier",
                       "announced", "superseded_by", "superseded_on", "next_value", "next_horizon_year",
                       "is_latest"],
    "conflicts": ["verdict", "published", "outlet", "article_title", "article_url", "dup_group", "company",
                  "metric", "product", "region", "horizon_year", "claimed_value", "unit", "evidence",
                  "missed_target_id", "missed_target_value", "missed_target_announced", "missed_target_plan",
                  "in_force_target_id", "in_force_value", "in_force_announced", "verdict_reason", "claim_id"],
    "watchlist": ["verdict", "kind", "published", "outlet", "article_title", "article_url", "company", "metric",
                  "product", "region", "horizon_year", "claimed_value", "unit", "evidence", "related_target_id",
                  "related_metric", "related_value", "related_horizon_year", "related_note", "claim_id"],
}


@pytest.mark.parametrize("view", sorted(VIEW_COLUMNS))
def test_view_columns(con: duckdb.DuckDBPyConnection, view: str) -> None:
    """The public SQL contract: these columns, in this order (new ones only at the end)."""
    names = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]  # noqa: S608 (fixed names)
    assert names[: len(VIEW_COLUMNS[view])] == VIEW_COLUMNS[view]


def test_claim_checks_exposes_verdicts(con: duckdb.DuckDBPyConnection, registry) -> None:
    run_compare(con, registry)
    row = con.execute(
        "SELECT verdict, target_id, verdict_reason FROM claim_checks WHERE evidence = '19 EVs (undated page).'"
    ).fetchone()
    assert row[:2] == ("consistent", "ambition2030_ev_models_2023")
    assert "date unknown" in row[2]

"""The warehouse: migrations recorded once, views present, lock errors that explain."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest

from evnews.errors import ConfigError, WarehouseLockedError
from evnews.store.db import connect, migrate


def test_migrations_are_recorded_once_and_reopen_is_a_no_op(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions and versions == sorted(set(versions))
    assert migrate(con) == []  # nothing pending the second time
    con.close()
    con = connect(db)
    again = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert again == versions
    con.close()


def test_public_views_have_the_contract_columns(tmp_path):
    con = connect(tmp_path / "w.duckdb")

    def columns(view: str) -> list[str]:
        sql = "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position"
        return [r[0] for r in con.execute(sql, [view]).fetchall()]

    assert columns("articles")[:7] == ["url", "canonical_url", "dup_group", "outlet", "title", "published", "body_text"]
    claim_cols = ["article_url", "company", "product", "metric", "value", "unit", "qualifier", "region",
                  "horizon_year", "fiscal_year", "kind", "evidence"]
    assert columns("claims")[:12] == claim_cols
    checks = columns("claim_checks")
    assert checks[:12] == claim_cols and {"verdict", "target_id", "progress"} <= set(checks)
    con.close()


def test_a_writer_waits_then_names_the_process_holding_the_lock(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        with pytest.raises(WarehouseLockedError) as info:
            connect(db, wait_s=1.0)
        assert time.monotonic() - start >= 1.0  # it waited before giving up
        assert f"PID {holder.pid}" in str(info.value)
        assert "snapshot" in info.value.hint
    finally:
        holder.kill()
        holder.wait()
    connect(db, wait_s=5).close()  # free again once the holder is gone


def test_a_changed_migration_is_refused(tmp_path, monkeypatch):
    wh = tmp_path / "wh"
    (wh / "migrations").mkdir(parents=True)
    (wh / "views").mkdir()
    (wh / "migrations" / "001_a.sql").write_text("CREATE TABLE a (x INTEGER);")
    monkeypatch.setenv("EVNEWS_WAREHOUSE_DIR", str(wh))
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    assert migrate(con) == ["001_a.sql"]
    (wh / "migrations" / "001_a.sql").write_text("CREATE TABLE a (x INTEGER, y INTEGER);")
    with pytest.raises(RuntimeError, match="changed after it was applied"):
        migrate(con)


def test_a_file_that_is_no_warehouse_is_a_clear_error_and_is_left_as_it_was(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes, not a database\n")
    for read_only in (False, True):
        with pytest.raises(ConfigError, match="cannot open warehouse") as caught:
            connect(notes, read_only=read_only, wait_s=0)
        assert "--db" in caught.value.hint
    assert notes.read_text() == "my notes, not a database\n"


def test_a_warehouse_path_under_a_file_says_the_folder_cannot_be_made(tmp_path):
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(ConfigError, match="cannot create the folder"):
        connect(tmp_path / "plain-file" / "w.duckdb")

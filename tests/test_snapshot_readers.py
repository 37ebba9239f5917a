"""The analysts' snapshot: consistent, atomically replaced, readable while the live file is held."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from evnews.store.db import open_warehouse, query, transaction
from evnews.store.reader import open_for_reading, snapshot_path
from evnews.store.snapshot import publish_snapshot
from evnews.timeutil import utcnow

HOLD = "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); time.sleep(60)"


def add_run(db: Path, run_id: str) -> None:
    with open_warehouse(db) as con, transaction(con):
        con.execute(query("runs_start"), [run_id, "pipeline", utcnow()])


def run_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r for (r,) in con.execute("SELECT run_id FROM runs ORDER BY run_id").fetchall()]


def test_a_reader_keeps_its_snapshot_while_a_new_one_replaces_it(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    add_run(db, "a")
    publish_snapshot(db)
    old_reader = duckdb.connect(str(snapshot_path(db)), read_only=True)
    add_run(db, "b")
    publish_snapshot(db)  # rename over the file the reader has open
    assert run_ids(old_reader) == ["a"]
    old_reader.close()
    new_reader = duckdb.connect(str(snapshot_path(db)), read_only=True)
    assert run_ids(new_reader) == ["a", "b"]
    new_reader.close()


def test_readers_get_the_snapshot_while_another_process_holds_the_live_file(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    add_run(db, "a")
    publish_snapshot(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with open_for_reading(db, wait_s=0.2) as con:
            assert run_ids(con) == ["a"]
            (path,) = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
            assert Path(path) == snapshot_path(db)
    finally:
        holder.kill()
        holder.wait()


def test_publishing_removes_copies_left_by_killed_runs(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    add_run(db, "a")
    target = snapshot_path(db)
    leftover = target.with_name(f".{target.name}.999999.tmp")
    leftover.write_bytes(b"half a copy")
    publish_snapshot(db)
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_snapshot_is_a_byte_copy_of_the_checkpointed_file(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    add_run(db, "a")
    snapshot = publish_snapshot(db)
    assert snapshot.read_bytes() == db.read_bytes()
    assert not db.with_name(db.name + ".wal").exists() or db.with_name(db.name + ".wal").stat().st_size == 0


def test_when_the_wal_is_not_empty_duckdb_copies_the_database(tmp_path: Path, monkeypatch) -> None:
    import evnews.store.snapshot as snapshot_module

    db = tmp_path / "w.duckdb"
    add_run(db, "a")
    add_run(db, "b")
    monkeypatch.setattr(snapshot_module, "_wal_is_empty", lambda _path: False)
    snapshot = publish_snapshot(db)
    assert snapshot.read_bytes() != db.read_bytes()  # rewritten by COPY FROM DATABASE, not copied
    reader = duckdb.connect(str(snapshot), read_only=True)
    assert run_ids(reader) == ["a", "b"]
    reader.close()

"""Publishing a read-only snapshot of the warehouse for analysts.

After a successful run the live file is checkpointed (everything in the WAL
written into the file) and copied byte for byte, while this process's
connection still holds DuckDB's lock on it, into a temporary file that is then
renamed over `<name>.snapshot.duckdb`. A reader therefore sees either the old
snapshot or the new one, never a half-written file, and the live file stays
free for the next run.

A byte copy costs the page cache, not the process: on a 20k-article
warehouse it takes well under a second, where DuckDB's `COPY FROM DATABASE`
took ~10 s and 250-370 MB of memory (it re-inserts every row and rebuilds
every index). That copy remains the fallback when the checkpoint leaves
anything in the WAL.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from evnews.store.db import open_warehouse
from evnews.store.reader import snapshot_path


def publish_snapshot(db_path: Path | str) -> Path:
    """Copy the warehouse to its snapshot path atomically; returns that path."""
    db_path = Path(db_path)
    target = snapshot_path(db_path)
    # Publishing runs under the writer lock, so any other temporary copy was
    # left by a run killed mid-copy: remove it rather than let them pile up.
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open_warehouse(db_path) as con:
        con.execute("CHECKPOINT")
        if _wal_is_empty(db_path):
            # Our open connection holds DuckDB's file lock: no other process can write meanwhile.
            shutil.copyfile(db_path, tmp)
        else:
            _copy_through_duckdb(con, tmp)
    # The copy must be durable before it replaces the old snapshot.
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return target


def _wal_is_empty(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + ".wal")
    return not wal.exists() or wal.stat().st_size == 0


def _copy_through_duckdb(con: duckdb.DuckDBPyConnection, tmp: Path) -> None:
    # The copy streams table by table within the connection's cache limit (store.db: 1.2 GB
    # without a limit on a 20k-article warehouse, 0.33 GB with 256 MB).
    (live,) = con.execute("SELECT current_database()").fetchone()
    con.execute("ATTACH ? AS snapshot_copy", [str(tmp)])
    try:
        # An identifier cannot be a parameter: quote the catalog name DuckDB gave us.
        con.execute("COPY FROM DATABASE " + quote_identifier(live) + " TO snapshot_copy")
    finally:
        con.execute("DETACH snapshot_copy")


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def snapshot_is_readable(path: Path | str) -> bool:
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error:
        return False
    return True

"""Reading the warehouse while a run may be writing it.

DuckDB lets no other process open a file that one process holds read-write,
not even read-only. After each successful run the pipeline publishes a
consistent read-only copy beside the live file (`<name>.snapshot.duckdb`,
written to a temporary file and renamed); readers use the live file when it
is free and the snapshot when a run holds the live one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from evnews.errors import EvnewsError, WarehouseLockedError
from evnews.store.db import connect


def snapshot_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.snapshot.duckdb")


@contextmanager
def open_for_reading(db_path: Path | str, *, wait_s: float = 2.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection: the live file if free, else the latest snapshot."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise EvnewsError(f"no warehouse at {db_path}", hint="run `evnews run` (or `make demo`) first, or pass --db PATH")
    try:
        con = connect(db_path, read_only=True, wait_s=wait_s)
    except WarehouseLockedError as exc:
        snap = snapshot_path(db_path)
        if not snap.exists():
            raise WarehouseLockedError(exc.message, hint="no snapshot has been published yet; wait for the running run to finish") from None
        con = duckdb.connect(str(snap), read_only=True)
    try:
        yield con
    finally:
        con.close()

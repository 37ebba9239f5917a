"""Opening the DuckDB warehouse, applying migrations, and named SQL.

Migration contract: files `warehouse/migrations/NNN_name.sql` run in order,
each in its own transaction, and are recorded in `schema_migrations`
(version, name, checksum, applied_at). An applied migration whose file
changed is an error: write a new migration instead. Views
(`warehouse/views/*.sql`) are derived objects and are re-created on every
open for writing, so they always match the code.

SQL lives in `warehouse/queries/NAME.sql`; code asks for it by name and passes
parameters, never formats data into SQL.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb

from evnews.config import warehouse_dir
from evnews.timeutil import utcnow
from evnews.errors import ConfigError, WarehouseLockedError

# DuckDB's cache per connection; EVNEWS_DUCKDB_MEMORY_LIMIT overrides it (e.g. "1GB").
DEFAULT_MEMORY_LIMIT = "256MB"
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<prog>.+?) \(PID (?P<pid>\d+)\)")


@cache
def query(name: str) -> str:
    """The text of the named query `warehouse/queries/<name>.sql`."""
    return (warehouse_dir() / "queries" / f"{name}.sql").read_text(encoding="utf-8")


def _is_lock_error(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


def lock_holder(exc: BaseException) -> str:
    """`PID n (program)` from DuckDB's lock error, or `another process`."""
    match = _LOCK_HOLDER.search(str(exc))
    if not match:
        return "another process"
    return f"PID {match['pid']} ({match['prog']})"


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait_s: float = 30.0,
    migrate_schema: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting with backoff while another process holds it.

    DuckDB lets one process at a time hold a file read-write (and then no
    other process may open it at all), so a writer that finds the file locked
    waits up to `wait_s`, then raises WarehouseLockedError naming the holder.
    """
    path = Path(path)
    if not read_only:
        make_warehouse_folder(path)
    deadline = time.monotonic() + wait_s
    delay = 0.1
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise _unopenable(path, exc) from None
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(
                    f"warehouse {path} is locked by {lock_holder(exc)}",
                    hint=(
                        "if it is an evnews run, wait for it to finish; if it is a notebook or the DuckDB CLI "
                        "holding the live file, close it: readers should open the read-only snapshot "
                        "(evnews sql, or <name>.snapshot.duckdb) instead"
                    ),
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    # DuckDB's cache otherwise grows towards 80 % of RAM over months of runs. 256 MB: a
    # 20k-article run peaked 240 MB lower than with 512 MB, with no loss of speed we could measure.
    con.execute("SET memory_limit = ?", [os.environ.get("EVNEWS_DUCKDB_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)])
    if not read_only and migrate_schema:
        _migrate_once(con, path)
    return con


def make_warehouse_folder(path: Path) -> None:
    """Create the folder warehouse `path` goes in, or say plainly why it cannot be made."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the folder for warehouse {path}: {exc.strerror or exc}",
            hint="pass --db with a path in a folder you can write to",
        ) from None


def _unopenable(path: Path, exc: duckdb.Error) -> ConfigError:
    # Not a lock: a file that is no DuckDB database, one from a newer DuckDB, or one we cannot read.
    return ConfigError(
        f"cannot open warehouse {path}: {exc}",
        hint="point --db at a warehouse evnews created, or at a new path; keep the other file, it is not changed",
    )


# Warehouses this process already brought up to date. A run opens the file for
# every short transaction; re-creating every view each time costs 0.1-0.2 s.
_CURRENT: set[tuple[str, str]] = set()


@cache
def _schema_fingerprint() -> tuple[str, int]:
    """A hash of every migration and view file, and how many migrations there are."""
    digest = hashlib.sha256()
    files = _migration_files() + sorted((warehouse_dir() / "views").glob("*.sql"))
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16], len(_migration_files())


def _migrate_once(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    fingerprint, migrations = _schema_fingerprint()
    key = (str(path.resolve()), fingerprint)
    if key in _CURRENT and _applied_count(con) == migrations:
        return  # the same file (not replaced since: it still has every migration) is current
    migrate(con)
    _CURRENT.add(key)


def _applied_count(con: duckdb.DuckDBPyConnection) -> int:
    try:
        return con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    except duckdb.CatalogException:
        return -1


def _migration_files() -> list[Path]:
    return sorted((warehouse_dir() / "migrations").glob("[0-9][0-9][0-9]_*.sql"))


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations and re-create the views; returns what was applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    applied = {v: c for v, c in con.execute("SELECT version, checksum FROM schema_migrations").fetchall()}
    done: list[str] = []
    for file in _migration_files():
        version = int(file.name[:3])
        text = file.read_text(encoding="utf-8")
        checksum = hashlib.sha256(text.encode()).hexdigest()[:16]
        if version in applied:
            if applied[version] != checksum:
                raise RuntimeError(
                    f"migration {file.name} changed after it was applied; add a new migration instead"
                )
            continue
        with transaction(con):
            con.execute(text)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                [version, file.stem, checksum, utcnow()],
            )
        done.append(file.name)
    apply_views(con)
    return done


def apply_views(con: duckdb.DuckDBPyConnection) -> None:
    with transaction(con):
        for file in sorted((warehouse_dir() / "views").glob("*.sql")):
            con.execute(file.read_text(encoding="utf-8"))


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT, rolled back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def open_warehouse(path: str | Path, *, read_only: bool = False, wait_s: float = 30.0):
    """A connection that is closed (and its lock released) on exit."""
    con = connect(path, read_only=read_only, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()

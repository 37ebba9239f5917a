"""One writer at a time: a process-level lock beside the warehouse file.

DuckDB itself lets one process hold a file read-write, but a run opens the
warehouse only for short transactions, so between two of them a second run
could slip in and interleave its writes. The run lock covers a whole run:
`fcntl.flock` on `<db>.run.lock`, which records who holds it (PID, start time,
command) so that a run that has to give up can say whom it waited for.

The kernel drops a flock when its holder dies (kill -9 included), so a
crashed run never leaves a stale lock behind; the holder record it leaves is
how the next run learns that a previous one died mid-way.

The lock is re-entrant within one process (a flow and its subflows share it).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from evnews.errors import WarehouseLockedError
from evnews.store.db import make_warehouse_folder
from evnews.timeutil import utcnow

log = logging.getLogger(__name__)

# How long a run waits for another run to finish before it gives up.
DEFAULT_WAIT_S = 600.0
WAIT_ENV = "EVNEWS_RUN_LOCK_WAIT_S"


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds (or last held) the run lock."""

    pid: int
    host: str
    started_at: str
    command: str

    def describe(self) -> str:
        return f"PID {self.pid} on {self.host} (started {self.started_at}: {self.command})"

    def is_alive(self) -> bool:
        """True unless the holder ran on this host and is gone."""
        if self.host != socket.gethostname():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


@dataclass(frozen=True, slots=True)
class Acquired:
    """What the lock holder learns on acquiring: a run that died before it."""

    path: Path
    dead_holder: LockHolder | None
    outermost: bool


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path).resolve()
    return db_path.with_name(db_path.name + ".run.lock")


def default_wait_s() -> float:
    configured = os.environ.get(WAIT_ENV)
    return float(configured) if configured else DEFAULT_WAIT_S


def read_holder(path: Path) -> LockHolder | None:
    """The holder record in a lock file, or None when it is empty or unreadable."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return _parse_holder(text)


def _parse_holder(text: str) -> LockHolder | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return LockHolder(int(data["pid"]), str(data["host"]), str(data["started_at"]), str(data["command"]))
    except (ValueError, KeyError, TypeError):
        return None


def _this_process() -> LockHolder:
    command = " ".join(sys.argv)[:200] or sys.executable
    return LockHolder(os.getpid(), socket.gethostname(), utcnow().isoformat(timespec="seconds"), command)


# Re-entrancy bookkeeping: lock path -> (open file, depth). Guarded by _guard.
_held: dict[Path, tuple[IO[str], int]] = {}
_guard = threading.Lock()


def _try_flock(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _locked_error(db_path: Path, path: Path, waited: float) -> WarehouseLockedError:
    holder = read_holder(path)
    who = holder.describe() if holder else "another process (no holder record yet)"
    pid = f"kill {holder.pid}" if holder else "stop it"
    return WarehouseLockedError(
        f"another evnews run is writing {db_path}: {who}; gave up after waiting {waited:.0f} s",
        hint=(
            f"wait for that run to finish and try again, or {pid} if it hangs (a killed run is "
            f"completed by the next one); raise the wait with {WAIT_ENV}=SECONDS. "
            "To read meanwhile, open the snapshot (evnews sql, or <db>.snapshot.duckdb)"
        ),
    )


def _acquire(db_path: Path, path: Path, wait_s: float) -> tuple[IO[str], LockHolder | None]:
    make_warehouse_folder(db_path)  # the lock file lives beside the warehouse
    # "a+" never truncates: the record of the current holder must survive our open.
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    start = time.monotonic()
    delay = 0.1
    announced = False
    while not _try_flock(handle):
        waited = time.monotonic() - start
        if waited >= wait_s:
            handle.close()
            raise _locked_error(db_path, path, waited)
        if not announced:
            holder = read_holder(path)
            log.warning("waiting for the run lock on %s, held by %s", db_path, holder.describe() if holder else "another process")
            announced = True
        time.sleep(min(delay, max(0.0, wait_s - waited)))
        delay = min(delay * 2, 2.0)
    handle.seek(0)
    previous = _parse_holder(handle.read().strip())
    handle.seek(0)
    handle.truncate()
    me = _this_process()
    handle.write(json.dumps({"pid": me.pid, "host": me.host, "started_at": me.started_at, "command": me.command}))
    handle.flush()
    os.fsync(handle.fileno())
    # A holder record left behind means its run never reached its release.
    dead = previous if previous is not None and previous.pid != me.pid else None
    return handle, dead


def _release(handle: IO[str]) -> None:
    # Clear the record first: an empty file tells the next run this one ended cleanly.
    handle.seek(0)
    handle.truncate()
    handle.flush()
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    handle.close()


def is_held_here(db_path: Path | str) -> bool:
    """True when this process already holds the run lock of `db_path`."""
    with _guard:
        return lock_path(db_path) in _held


@contextmanager
def run_lock(db_path: Path | str, *, wait_s: float | None = None) -> Iterator[Acquired]:
    """Hold the warehouse's run lock for the block; waits with backoff, then raises.

    Raises WarehouseLockedError naming the holder (PID, host, start, command)
    when another process keeps the lock longer than `wait_s` seconds.
    """
    db_path = Path(db_path)
    path = lock_path(db_path)
    with _guard:
        entry = _held.get(path)
        if entry is not None:
            _held[path] = (entry[0], entry[1] + 1)
    if entry is not None:
        try:
            yield Acquired(path, None, outermost=False)
        finally:
            with _guard:
                handle, depth = _held[path]
                _held[path] = (handle, depth - 1)
        return
    handle, dead = _acquire(db_path, path, default_wait_s() if wait_s is None else wait_s)
    with _guard:
        _held[path] = (handle, 1)
    try:
        yield Acquired(path, dead, outermost=True)
    finally:
        with _guard:
            del _held[path]
        _release(handle)

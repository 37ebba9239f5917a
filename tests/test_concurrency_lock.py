"""The run lock: one writer at a time across processes, named when it blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evnews.errors import ConfigError, WarehouseLockedError
from evnews.orchestration.lock import lock_path, read_holder, run_lock

HOLD_LOCK = """
import sys, time
from evnews.orchestration.lock import run_lock
with run_lock(sys.argv[1], wait_s=0):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_in_child(db: Path, seconds: float) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_a_second_process_waits_then_fails_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    child = hold_in_child(db, 30)
    try:
        start = time.monotonic()
        with pytest.raises(WarehouseLockedError) as info, run_lock(db, wait_s=1.0):
            pass
        assert time.monotonic() - start >= 1.0
        assert f"PID {child.pid}" in info.value.message
        assert f"kill {child.pid}" in info.value.hint
    finally:
        child.kill()
        child.wait()


def test_a_waiting_process_gets_the_lock_when_the_holder_ends(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    child = hold_in_child(db, 1.0)
    try:
        with run_lock(db, wait_s=20) as acquired:
            assert child.poll() == 0  # it had to finish first
            assert acquired.dead_holder is None  # it released cleanly
            holder = read_holder(lock_path(db))
            assert holder is not None and holder.pid == os.getpid()
    finally:
        child.wait()
    assert read_holder(lock_path(db)) is None


def test_a_killed_holder_frees_the_lock_and_is_reported_dead(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    child = hold_in_child(db, 60)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with run_lock(db, wait_s=2) as acquired:
        assert acquired.dead_holder is not None
        assert acquired.dead_holder.pid == child.pid
        assert not acquired.dead_holder.is_alive()


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with run_lock(db, wait_s=0) as outer, run_lock(db, wait_s=0) as inner:
        assert outer.outermost and not inner.outermost
    # released: another process can take it at once
    hold_in_child(db, 0).wait()


def test_a_run_whose_warehouse_folder_cannot_be_made_says_so(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(ConfigError, match="cannot create the folder"):
        with run_lock(tmp_path / "plain-file" / "w.duckdb"):
            pass

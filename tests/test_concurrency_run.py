"""A run and other processes on one warehouse file.

- someone (a notebook, the DuckDB CLI) holds the live file read-write: the
  run waits with backoff, then fails naming the holder's PID and what to do;
  if the holder lets go within the wait, the run goes through;
- while a run fetches, it holds no DuckDB lock: another process can open the
  live file (the run takes the file only for its short load transactions).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from test_crash_safety import run_command, slow_site, try_read  # noqa: F401 - slow_site is a fixture

pytestmark = pytest.mark.slow

HOLD_WAREHOUSE = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def hold_read_write(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WAREHOUSE, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def test_a_run_waits_for_a_read_write_holder_then_fails_naming_it(dev_site, tmp_path: Path) -> None:
    _, feeds = dev_site
    db = tmp_path / "held.duckdb"
    holder = hold_read_write(db, 120)
    try:
        start = time.monotonic()
        run = subprocess.run(run_command(feeds, db), capture_output=True, text=True, timeout=180)
        waited = time.monotonic() - start
    finally:
        holder.kill()
        holder.wait()
    said = " ".join(run.stderr.split())  # rich wraps long lines
    print(f"\n[measure] run gave up after {waited:.1f} s: {said[:300]}")
    assert run.returncode == 2
    assert f"PID {holder.pid}" in said
    assert "what to do:" in said and "snapshot" in said
    assert waited >= 25  # store.db.connect waits 30 s with backoff before it gives up


def test_a_run_goes_through_when_the_holder_lets_go_within_the_wait(dev_site, tmp_path: Path) -> None:
    _, feeds = dev_site
    db = tmp_path / "held.duckdb"
    holder = hold_read_write(db, 3)
    start = time.monotonic()
    run = subprocess.run(run_command(feeds, db), capture_output=True, text=True, timeout=180)
    holder.wait()
    assert run.returncode == 0, run.stdout + run.stderr
    assert time.monotonic() - start >= 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status FROM runs").fetchall() == [("completed",)]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    con.close()


def test_while_a_run_fetches_another_process_can_open_the_live_file(slow_site, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "live.duckdb"
    run = subprocess.Popen(run_command(slow_site, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    attempts = opened = fetching_attempts = fetching_opened = 0
    entries_seen = pages_seen = False
    while run.poll() is None:
        counts = try_read(db, "SELECT (SELECT count(*) FROM feed_entries)::VARCHAR || ' ' || (SELECT count(*) FROM pages)::VARCHAR")
        attempts += 1
        in_fetch = entries_seen and not pages_seen
        if counts is not None:
            opened += 1
            entries, pages = map(int, counts.split())
            entries_seen, pages_seen = entries > 0, pages > 0
            in_fetch = entries_seen and not pages_seen
            fetching_opened += in_fetch
        fetching_attempts += in_fetch
        time.sleep(0.1)
    assert run.returncode == 0, run.stderr
    print(
        f"\n[measure] live file opened read-only by another process: {opened}/{attempts} attempts over the run, "
        f"{fetching_opened}/{fetching_attempts} while the run was fetching pages"
    )
    assert fetching_opened > 0, "the live file was never free while the run fetched pages"

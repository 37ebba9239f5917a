"""`evnews demo`: a fixed port, so that running it again finds nothing new."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
from pathlib import Path

import duckdb

from evnews.cli import DEMO_PORT, _demo_site
from evnews.demo.server import SITE_DIR


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _demo(db: Path, port: int) -> str:
    done = subprocess.run([sys.executable, "-m", "evnews.cli", "demo", "--db", str(db), "--port", str(port)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _articles(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def test_a_second_demo_on_the_same_port_adds_no_article(tmp_path: Path) -> None:
    db, port = tmp_path / "demo.duckdb", _free_port()
    _demo(db, port)
    first = _articles(db)
    again = _demo(db, port)
    assert first >= 12
    assert _articles(db) == first
    assert "feeds not modified" in again


def test_the_demo_moves_to_a_free_port_when_its_own_is_taken() -> None:
    with contextlib.ExitStack() as stack:
        try:
            holder = stack.enter_context(socket.socket())
            holder.bind(("127.0.0.1", DEMO_PORT))
            holder.listen()
        except OSError:
            pass  # something else holds it already: just as taken
        with _demo_site(SITE_DIR, 0) as base:
            assert base.startswith("http://127.0.0.1:")
            assert not base.endswith(f":{DEMO_PORT}")

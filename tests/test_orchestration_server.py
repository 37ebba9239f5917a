"""End to end on a real Prefect server: scheduled runs, ad hoc triggers, artifacts, rows.

Starts `prefect server start` on a free loopback port (its own PREFECT_HOME),
serves the deployments against the dev corpus served on 127.0.0.1 with a
20-second interval, and drives them the way an operator would: waits for a
scheduled run, triggers one with `evnews trigger` and one with
`prefect deployment run`, then reads the analysts' snapshot while serving.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import httpx
import psutil
import pytest

from conftest import DEV_CORPUS

pytestmark = pytest.mark.slow

VENV_BIN = Path(sys.executable).parent
INTERVAL_S = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def quiet_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        # Batch the server's task-run writes (see notes/prefect-duckdb-probe.md §3).
        PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE="200",
        PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE="200",
        **extra,
    )
    return env


def stop_group(proc: subprocess.Popen[Any], grace_s: float = 10.0) -> None:
    """SIGTERM the process group, then SIGKILL whatever is left."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(10)


def descendants(proc: subprocess.Popen[Any]) -> list[psutil.Process]:
    try:
        return psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


class Api:
    """The few REST calls the test needs (a plain HTTP client: nothing mocked)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(base_url=url + "/", timeout=30)

    def deployment_id(self, name: str) -> str | None:
        response = self.http.get(f"deployments/name/{name}")
        return response.json()["id"] if response.status_code == 200 else None

    def flow_runs(self, deployment_id: str) -> list[dict[str, Any]]:
        body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}, "sort": "EXPECTED_START_TIME_ASC"}
        response = self.http.post("flow_runs/filter", json=body)
        response.raise_for_status()
        return response.json()

    def completed(self, deployment_id: str) -> list[dict[str, Any]]:
        return [r for r in self.flow_runs(deployment_id) if r["state_type"] == "COMPLETED"]

    def wait_for(self, deployment_id: str, done: Any, timeout_s: float, what: str) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            runs = self.flow_runs(deployment_id)
            failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
            assert not failed, f"{what}: a flow run failed: {failed[0]['state_name']} {failed[0]['name']}"
            if done(runs):
                return runs
            time.sleep(1)
        raise AssertionError(f"{what}: not done after {timeout_s} s; runs: {[(r['name'], r['state_type']) for r in runs]}")


@contextmanager
def started_server(home: Path) -> Iterator[str]:
    """A real `prefect server start` on a free loopback port with its own PREFECT_HOME; yields its API URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [str(VENV_BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=quiet_env(home, PREFECT_SERVER_UI_ENABLED="false"),
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (home / "server.log").read_text()
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "prefect server did not become healthy in 90 s"
            time.sleep(0.5)
        yield url
    finally:
        stop_group(server)
        log.close()


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    home = tmp_path_factory.mktemp("prefect-home")
    with started_server(home) as url:
        yield url, home


def evnews_command() -> list[str]:
    """`evnews` once the main CLI registers serve/trigger; the commands module until then."""
    from evnews.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    module = "evnews.cli" if {"serve", "trigger"} <= names else "evnews.orchestration.commands"
    return [sys.executable, "-m", module]


def gold_paths() -> set[str]:
    return {json.loads(line)["path"] for line in (DEV_CORPUS / "gold" / "articles.jsonl").read_text().splitlines()}


def test_serve_schedule_triggers_and_rows(prefect_server, dev_site, tmp_path: Path) -> None:
    url, home = prefect_server
    base, feeds = dev_site
    db = tmp_path / "served.duckdb"
    env = quiet_env(home, PREFECT_API_URL=url, PREFECT_RUNNER_POLL_FREQUENCY="2")
    api = Api(url)
    # Everything is on one loopback host: short per-host pacing keeps a run to seconds.
    sources = tmp_path / "sources.toml"
    sources.write_text("[fetch]\nper_host_delay_s = 0.05\n", encoding="utf-8")
    feed_args = [a for f in feeds for a in ("--feed", f)] + ["--sources", str(sources)]
    serve_log = (tmp_path / "serve.log").open("w")
    started = time.monotonic()
    serve = subprocess.Popen(
        [*evnews_command(), "serve", "--interval", str(INTERVAL_S), *feed_args, "--db", str(db), "--allow-private-hosts"],
        env=env, stdout=serve_log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    children: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while None in (ids := [api.deployment_id(n) for n in ("pipeline/scheduled", "compare_targets/on-demand")]):
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "deployments were not registered"
            time.sleep(0.5)
        pipeline_id, compare_id = ids

        # 1. A scheduled run completes.
        runs = api.wait_for(pipeline_id, lambda rs: any(r["state_type"] == "COMPLETED" for r in rs), 180, "scheduled run")
        first = next(r for r in runs if r["state_type"] == "COMPLETED")
        assert first["auto_scheduled"], "the first completed run should come from the schedule"
        to_first_run = time.monotonic() - started
        print(
            f"\n[measure] evnews serve -> first completed scheduled run: {to_first_run:.1f} s (interval {INTERVAL_S} s); "
            f"that run was due {first['expected_start_time']}, started {first['start_time']}, "
            f"ended {first['end_time']} ({first['total_run_time']:.1f} s of run time)"
        )

        # While serving, the analysts' snapshot has the run's rows.
        snapshot = db.with_name("served.snapshot.duckdb")
        con = duckdb.connect(str(snapshot), read_only=True)
        urls = {u.removeprefix(base) for (u,) in con.execute("SELECT url FROM articles").fetchall()}
        con.close()
        assert urls == gold_paths()

        # 2. Ad hoc: `evnews trigger --wait` goes through the server.
        before = len(api.completed(pipeline_id))
        trig = subprocess.run([*evnews_command(), "trigger", "--wait"], env=env, capture_output=True, text=True, timeout=240)
        assert trig.returncode == 0, trig.stdout + trig.stderr
        assert "Completed" in trig.stdout
        assert len(api.completed(pipeline_id)) > before

        # 3. Ad hoc: Prefect's own CLI, on the on-demand comparison deployment.
        out = subprocess.run(
            [str(VENV_BIN / "prefect"), "deployment", "run", "compare_targets/on-demand"],
            env=env, capture_output=True, text=True, timeout=120,
        )
        assert out.returncode == 0, out.stdout + out.stderr
        api.wait_for(compare_id, lambda rs: any(r["state_type"] == "COMPLETED" for r in rs), 120, "compare run")

        # The writer limit exists with one slot; each pipeline run left its artifact.
        limit = api.http.get("v2/concurrency_limits/evnews-warehouse-writer").json()
        assert limit["limit"] == 1
        artifacts = api.http.post("artifacts/filter", json={"artifacts": {"key": {"any_": ["evnews-run"]}}}).json()
        assert len(artifacts) >= 3
        assert any("## Feeds" in a["data"] and "feeds_checked" in a["data"] for a in artifacts)
        children = descendants(serve)
    finally:
        stop_group(serve)
        serve_log.close()
    assert not [p for p in children if p.is_running() and p.status() != psutil.STATUS_ZOMBIE], "serve left processes behind"

    # After stopping: the live file has one row per run and no doubled article.
    con = duckdb.connect(str(db), read_only=True)
    runs_by = dict(con.execute("SELECT flow, count(*) FROM runs WHERE status = 'completed' GROUP BY flow").fetchall())
    assert runs_by.get("pipeline", 0) >= 2 and runs_by.get("compare_targets", 0) >= 1
    # Scheduled and ad hoc runs overlapped in time, but their writing never did.
    spans = con.execute("SELECT started_at, finished_at FROM runs ORDER BY started_at").fetchall()
    # Stopping serve may interrupt a scheduled run that had just begun: only the last one.
    assert all(end is not None for _, end in spans[:-1])
    assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:]))
    assert con.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone() == (0,)
    assert con.execute("SELECT count(*) - count(DISTINCT claim_id) FROM claims").fetchone() == (0,)
    con.close()


def test_serve_refuses_without_a_server(tmp_path: Path) -> None:
    env = quiet_env(tmp_path / "home")
    out = subprocess.run(
        [*evnews_command(), "serve", "--feed", "http://127.0.0.1:9/feed.xml", "--db", str(tmp_path / "x.duckdb")],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 2
    assert "ephemeral" in out.stderr and "prefect server start" in out.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_trigger_before_serve_registered_anything_says_to_start_serve(tmp_path: Path) -> None:
    # A fresh server of its own: the module's server gets deployments once a serve test has run.
    home = tmp_path / "home"
    home.mkdir()
    with started_server(home) as url:
        out = subprocess.run(
            [*evnews_command(), "trigger", "--flow", "compare", "--db", str(tmp_path / "w.duckdb")],
            env={**quiet_env(home), "PREFECT_API_URL": url, "COLUMNS": "400"}, capture_output=True, text=True, timeout=120,
        )
    assert out.returncode == 2, out.stdout + out.stderr
    assert "is not registered on " + url in out.stderr and "evnews serve" in out.stderr
    assert "Traceback" not in out.stderr

"""Orchestration without a Prefect server: the run artifact's text, in-process triggers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from evnews.orchestration.artifacts import group_counts, run_markdown
from evnews.orchestration.deployments import DEFAULT_CRON, schedule_of
from evnews.pipeline.run import RunSummary


def test_counts_are_grouped_by_stage_in_pipeline_order() -> None:
    counts = {"claims": 9, "feeds_checked": 4, "feeds_not_modified": 1, "pages_fetched": 17, "pages_failed": 1,
              "articles_new": 16, "duplicates": 2, "verdict_consistent": 5, "verdict_conflicting": 1, "odd_one": 3}
    grouped = group_counts(counts)
    assert list(grouped) == ["Feeds", "Pages", "Articles", "Claims", "Verdicts", "Other"]
    assert grouped["Verdicts"] == {"verdict_conflicting": 1, "verdict_consistent": 5}
    assert grouped["Articles"] == {"articles_new": 16, "duplicates": 2}
    assert sum(len(rows) for rows in grouped.values()) == len(counts)


def test_the_run_report_carries_counts_durations_and_errors() -> None:
    summary = RunSummary("r1", "failed", {"feeds_checked": 4, "verdict_unknown": 2}, {"feeds": 1.234}, 3, "no network")
    text = run_markdown(summary, "pipeline")
    assert "r1" in text and "failed" in text and "**3**" in text and "no network" in text
    assert "| feeds_checked | 4 |" in text and "| verdict_unknown | 2 |" in text and "| feeds | 1.23 |" in text
    assert "## Pages" not in text  # no empty sections


def test_a_schedule_is_a_cron_or_an_interval() -> None:
    assert schedule_of(None, None) == {"cron": DEFAULT_CRON}
    assert schedule_of("0 * * * *", None) == {"cron": "0 * * * *"}
    assert schedule_of(None, 90) == {"interval": 90}


def test_trigger_without_a_server_runs_the_comparison_in_process(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    out = subprocess.run([sys.executable, "-m", "evnews.orchestration.commands", "trigger", "--flow", "compare", "--db", str(db)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "in this process" in out.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT flow, status FROM runs").fetchall() == [("compare_targets", "completed")]
    assert con.execute("SELECT count(*) FROM targets").fetchone()[0] > 0  # the registry was loaded
    con.close()
    assert db.with_name("w.snapshot.duckdb").exists()


def test_trigger_with_a_server_that_does_not_answer_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_API_URL="http://127.0.0.1:9/api", COLUMNS="400")  # port 9 (discard): nothing listens
    out = subprocess.run([sys.executable, "-m", "evnews.orchestration.commands", "trigger", "--db", str(tmp_path / "w.duckdb")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stdout + out.stderr
    assert "no Prefect server answers at http://127.0.0.1:9/api" in out.stderr
    assert "unset PREFECT_API_URL" in out.stderr and "Traceback" not in out.stderr

"""A comparison reruns when its inputs change: the news, or the target registry files."""

from __future__ import annotations

import shutil
from pathlib import Path

from evnews.pipeline import compare_stage, new_context
from evnews.store.db import connect

REPO = Path(__file__).resolve().parents[1]


def test_an_edited_registry_is_compared_again(tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(REPO / "warehouse", warehouse, ignore=shutil.ignore_patterns("*.duckdb*"))
    monkeypatch.setenv("EVNEWS_WAREHOUSE_DIR", str(warehouse))
    db = tmp_path / "w.duckdb"
    connect(db).close()

    def compare() -> dict[str, int]:
        ctx = new_context(db)
        compare_stage(ctx)
        return dict(ctx.counts)

    assert "compare_skipped_unchanged" not in compare()
    assert compare().get("compare_skipped_unchanged") == 1
    override = warehouse / "targets" / "zz_local.csv"
    header = (warehouse / "targets.csv").read_text().splitlines()[0]
    override.write_text(header + "\nlocal_test_target,Nissan,Local plan,2024-01-01,ev_model_launches,,5,models,exact,global,2031,false,,\n")
    assert "compare_skipped_unchanged" not in compare()
    con = connect(db)
    assert con.execute("SELECT count(*) FROM targets WHERE target_id = 'local_test_target'").fetchone()[0] == 1
    con.close()

"""The compare flow's status table reaches Prefect as a table artifact.

Uses the session-wide `prefect_harness` fixture (tests/conftest.py): a real
temporary Prefect API, no mocks.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from prefect import flow  # noqa: E402
from prefect.client.orchestration import get_client  # noqa: E402
from test_compare_fixtures import add_article  # noqa: E402

from evnews.compare import STATUS_ARTIFACT_KEY, load_registry, publish_status_artifact, run_compare  # noqa: E402
from evnews.store.db import connect  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def latest_artifact(key: str) -> dict:
    """Read an artifact back over the REST API, as the UI does.

    (prefect 3.8.8's Artifact.get sends nulls this server rejects with 422, so the
    filter body is written out here.)
    """
    with get_client(sync_client=True) as client:
        response = client.request(
            "POST", "/artifacts/filter",
            json={"artifacts": {"key": {"any_": [key]}}, "sort": "UPDATED_DESC", "limit": 1, "offset": 0},
        )
    found = response.json()
    assert found, f"no artifact with key {key}"
    return found[0]


def test_status_artifact_is_published(tmp_path: Path, prefect_harness: None) -> None:
    con = connect(tmp_path / "w.duckdb")
    add_article(con, "https://a.example/x", group="g1", published="2024-03-26",
                claims=[{"company": "Nissan", "metric": "ev_model_launches", "value": 19, "horizon_year": 2030,
                         "evidence": "19 EVs by FY2030."}])
    run_compare(con, load_registry(REPO / "warehouse"))

    @flow(name="compare-artifact-test")
    def compare_flow() -> None:
        publish_status_artifact(con)

    compare_flow()
    artifact = latest_artifact(STATUS_ARTIFACT_KEY)
    assert artifact["type"] == "table"
    rows = json.loads(artifact["data"]) if isinstance(artifact["data"], str) else artifact["data"]
    by_id = {row["target_id"]: row for row in rows}
    assert by_id["ambition2030_ev_models_2023"]["independent_sources"] == 1
    assert "ambition2030_ev_models_2021" not in by_id  # superseded: only targets in force are shown
    assert all(row["in_force"] for row in rows)
    assert "1 consistent" in artifact["description"]
    con.close()

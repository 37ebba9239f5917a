"""The two deployments evnews serves, and how to reach them by name.

- `pipeline/scheduled`: the whole run (ingest, claims, compare) on a cron or
  interval schedule (every 30 minutes by default);
- `compare_targets/on-demand`: the comparison alone, no schedule, for after a
  change to the target registry.

Both are runnable ad hoc: `prefect deployment run 'pipeline/scheduled'` or
`evnews trigger [--flow compare]`. Flows are referenced by module path, so the
runner's child process re-imports them wherever it starts.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evnews.config import FetchSettings
from evnews.errors import ConfigError

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEFAULT_CRON = "*/30 * * * *"
PIPELINE_DEPLOYMENT = "pipeline/scheduled"
COMPARE_DEPLOYMENT = "compare_targets/on-demand"
DEPLOYMENTS = {"pipeline": PIPELINE_DEPLOYMENT, "compare": COMPARE_DEPLOYMENT}


def schedule_of(cron: str | None, interval_s: float | None) -> dict[str, Any]:
    """Keyword arguments for `to_deployment`: one cron or one interval."""
    if cron and interval_s:
        raise ConfigError("give either --cron or --interval, not both", hint="e.g. --cron '*/15 * * * *' or --interval 900")
    if interval_s is not None:
        if interval_s <= 0:
            raise ConfigError(f"--interval must be a positive number of seconds, not {interval_s}")
        return {"interval": interval_s}
    return {"cron": cron or DEFAULT_CRON}


def pipeline_parameters(feeds: list[str], db_path: Path, settings: FetchSettings | None) -> dict[str, Any]:
    """Plain parameters, as the server stores them and the UI shows them."""
    return {
        "feeds": list(feeds),
        "db_path": str(Path(db_path).resolve()),
        "settings": asdict(settings) if settings else None,
    }


def build_deployments(
    feeds: list[str],
    db_path: Path,
    settings: FetchSettings | None = None,
    *,
    cron: str | None = None,
    interval_s: float | None = None,
) -> list[RunnerDeployment]:
    """The scheduled pipeline and the on-demand comparison, ready for `prefect.serve`."""
    from prefect.deployments.runner import EntrypointType

    from flows.compare_targets import compare_targets
    from flows.pipeline import pipeline

    if not feeds:
        raise ConfigError("no feeds to watch", hint="pass --feed URL or --sources FILE with [[feed]] tables")
    scheduled = pipeline.to_deployment(
        name=PIPELINE_DEPLOYMENT.split("/")[1],
        parameters=pipeline_parameters(feeds, db_path, settings),
        description="Check the feeds, store new articles and their claims, compare them with the targets.",
        tags=["evnews"],
        entrypoint_type=EntrypointType.MODULE_PATH,
        **schedule_of(cron, interval_s),
    )
    on_demand = compare_targets.to_deployment(
        name=COMPARE_DEPLOYMENT.split("/")[1],
        parameters={"db_path": str(Path(db_path).resolve())},
        description="Compare every stored claim with the target registry (run after editing targets).",
        tags=["evnews"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    return [scheduled, on_demand]

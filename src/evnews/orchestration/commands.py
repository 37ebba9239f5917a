"""`evnews serve` and `evnews trigger`, as typer-compatible functions.

The main CLI registers them (`app.command()(serve)`, `app.command()(trigger)`);
`python -m evnews.orchestration.commands` runs them on their own.
"""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from pathlib import Path
from typing import Annotated

import typer

from evnews.cli_common import (
    DbOption,
    FeedOption,
    PrivateOption,
    SourcesOption,
    console,
    err_console,
    resolve_feeds,
)
from evnews.cli_common import fail as _fail
from evnews.config import default_db_path
from evnews.errors import EvnewsError


def serve(
    cron: Annotated[str | None, typer.Option("--cron", help="Cron schedule of the pipeline [default: */30 * * * *]")] = None,
    interval: Annotated[float | None, typer.Option("--interval", help="Run every N seconds instead of a cron")] = None,
    feed: FeedOption = None,
    sources: SourcesOption = None,
    db: DbOption = None,
    allow_private_hosts: PrivateOption = False,
) -> None:
    """Register the deployments on the Prefect server and run them when due (until Ctrl-C).

    Needs a Prefect server (PREFECT_API_URL): schedules never fire in ephemeral mode.
    Each run executes in a child process; this process never opens the warehouse.
    """
    from evnews.orchestration.deployments import DEPLOYMENTS, build_deployments
    from evnews.orchestration.server import require_server

    try:
        url = require_server()
        feeds, settings = resolve_feeds(feed, sources, allow_private_hosts)
        deployments = build_deployments(feeds, db or default_db_path(), settings, cron=cron, interval_s=interval)
    except EvnewsError as exc:
        raise _fail(exc) from None
    from prefect import serve as prefect_serve

    console.print(f"serving on {url}: " + ", ".join(DEPLOYMENTS.values()))
    console.print(f"run one now: evnews trigger   or   prefect deployment run '{DEPLOYMENTS['pipeline']}'")
    prefect_serve(*deployments, print_starting_message=False)


def trigger(
    flow: Annotated[str, typer.Option("--flow", help="pipeline | compare")] = "pipeline",
    wait: Annotated[bool, typer.Option("--wait", help="Wait for the run to finish (always so in-process)")] = False,
    feed: FeedOption = None,
    sources: SourcesOption = None,
    db: DbOption = None,
    allow_private_hosts: PrivateOption = False,
) -> None:
    """Run now: through the Prefect server's deployment when PREFECT_API_URL is set, else in-process."""
    from evnews.orchestration.deployments import DEPLOYMENTS
    from evnews.orchestration.server import configured_api_url, require_server

    if flow not in DEPLOYMENTS:
        raise _fail(EvnewsError(f"unknown flow {flow!r}", hint="use --flow pipeline or --flow compare"))
    try:
        if configured_api_url():
            require_server()  # a server that does not answer is named, not a connection traceback
            _trigger_deployment(flow, wait, feed, sources, db, allow_private_hosts)
        else:
            _run_in_process(flow, feed, sources, db, allow_private_hosts)
    except EvnewsError as exc:
        raise _fail(exc) from None


def _trigger_deployment(
    flow: str, wait: bool, feed: list[str] | None, sources: Path | None, db: Path | None, allow_private_hosts: bool
) -> None:
    from prefect.deployments import run_deployment
    from prefect.exceptions import ObjectNotFound

    from evnews.orchestration.deployments import DEPLOYMENTS, pipeline_parameters
    from evnews.orchestration.server import configured_api_url

    name = DEPLOYMENTS[flow]
    overrides: dict[str, object] = {}
    if db:
        overrides["db_path"] = str(db.resolve())
    if flow == "pipeline" and (feed or sources):
        feeds, settings = resolve_feeds(feed, sources, allow_private_hosts)
        overrides.update(pipeline_parameters(feeds, db or default_db_path(), settings))
    try:
        run = run_deployment(name, parameters=overrides or None, timeout=None if wait else 0, as_subflow=False)
    except ObjectNotFound:
        raise EvnewsError(
            f"deployment {name} is not registered on {configured_api_url()}",
            hint="start `evnews serve` (it registers and runs the deployments) and trigger again",
        ) from None
    state = run.state.name if run.state else "unknown"
    console.print(f"flow run {run.name} ({run.id}) of {name}: {state}")
    if not wait:
        console.print(f"[dim]`evnews serve` runs it; follow it with: prefect flow-run inspect {run.id}[/]")
    elif not (run.state and run.state.is_completed()):
        raise typer.Exit(1)


def _run_in_process(flow: str, feed: list[str] | None, sources: Path | None, db: Path | None, allow_private_hosts: bool) -> None:
    from evnews.cli_output import print_run_summary
    from evnews.orchestration.runs import compare_in_process
    from evnews.pipeline import run_once

    err_console.print("[dim]no PREFECT_API_URL: running in this process[/]")
    db_path = db or default_db_path()
    if flow == "compare":
        summary = compare_in_process(db_path)
    else:
        feeds, settings = resolve_feeds(feed, sources, allow_private_hosts)
        summary = run_once(db_path, feeds, settings=settings)
    print_run_summary(console, summary)


app = typer.Typer(add_completion=False, no_args_is_help=True, help="Scheduled and ad hoc evnews runs.")
app.command()(serve)
app.command()(trigger)

if __name__ == "__main__":
    app()

"""One run of the pipeline: feeds → pages → articles → groups → claims → verdicts.

`run_once` is the plain, in-process orchestration; the Prefect flows in
`flows/` call the same stage functions as tasks. Every stage reads what it
needs from the warehouse and writes its results in short transactions, so a
run killed at any point is completed by the next one and nothing is doubled.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import duckdb

from evnews.config import FetchSettings, warehouse_dir
from evnews.errors import ConfigError
from evnews.fetch import Fetcher
from evnews.models import FeedSource
from evnews.orchestration.writer import single_writer
from evnews.pipeline.claims_stage import claims_stage
from evnews.pipeline.context import RunContext
from evnews.pipeline.extract_pool import warm_pool
from evnews.pipeline.feeds_stage import check_feeds, pending_entries, read_feed_state, store_feed_checks
from evnews.pipeline.loading import load_rows
from evnews.pipeline.pages_stage import canonical_links, fetch_extract_load, plan_pages
from evnews.store.db import open_warehouse, query, transaction
from evnews.store.reader import snapshot_path
from evnews.store.snapshot import publish_snapshot
from evnews.store.state import get_state, news_fingerprint, set_state
from evnews.timeutil import utcnow



@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)
    errors: int = 0
    message: str = ""


def as_sources(feeds: Sequence[str | FeedSource]) -> list[FeedSource]:
    return [f if isinstance(f, FeedSource) else FeedSource(url=f) for f in feeds]


def new_context(db_path: Path | str, settings: FetchSettings | None = None, run_id: str | None = None) -> RunContext:
    return RunContext(db_path=Path(db_path), run_id=run_id or uuid.uuid4().hex, settings=settings or FetchSettings())


def start_run(ctx: RunContext, flow: str) -> None:
    now = utcnow()
    with open_warehouse(ctx.db_path) as con, transaction(con):
        con.execute(query("runs_start"), [ctx.run_id, flow, now])


def finish_run(ctx: RunContext, status: str, message: str = "") -> RunSummary:
    counts = dict(sorted(ctx.counts.items()))
    durations = {k: round(v, 3) for k, v in ctx.durations.items()}
    with open_warehouse(ctx.db_path) as con, transaction(con):
        load_rows(con, "pipeline_insert_errors", ctx.take_errors())
        con.execute(
            query("runs_finish"),
            [ctx.run_id, utcnow(), status, json.dumps(counts), json.dumps(durations), ctx.error_total, message],
        )
    return RunSummary(ctx.run_id, status, counts, durations, ctx.error_total, message)


def flush_errors(ctx: RunContext) -> None:
    """Write the errors a stage queued but had no load to carry them."""
    rows = ctx.take_errors()
    if rows:
        with open_warehouse(ctx.db_path) as con, transaction(con):
            load_rows(con, "pipeline_insert_errors", rows)


def ingest_stage(ctx: RunContext, feeds: Sequence[FeedSource], fetcher: Fetcher | None = None) -> None:
    """Feeds and pages: everything up to stored articles in duplicate groups."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(ctx.settings)
    try:
        with ctx.timed("feeds"):
            state, known_entries = read_feed_state(ctx, feeds)
            checks = check_feeds(ctx, fetcher, feeds, state)
            entries = [e for c in checks if c.result for e in c.result.entries]
            # New links mean pages to extract: the workers start while entries are stored and pages planned.
            warm_pool(sum(1 for e in entries if (e.feed_url, e.link) not in known_entries))
            canonical = canonical_links(entries)
            entries = store_feed_checks(ctx, checks, known_entries, canonical)
            seen = {(e.feed_url, e.link) for e in entries}
            leftovers = [e for e in pending_entries(ctx, feeds) if (e.feed_url, e.link) not in seen]
            canonical.update(canonical_links(leftovers))
            entries += leftovers
        with ctx.timed("plan_pages"):
            plan = plan_pages(ctx, entries, canonical)
        fetch_extract_load(ctx, fetcher, plan)
    finally:
        if own:
            fetcher.close()


def compare_stage(ctx: RunContext) -> None:
    """Hold every stored claim against the target registry.

    Verdicts depend only on the stored news, the registry files and the rules,
    so when none of them changed since the last comparison the stored verdicts
    stand and the stage only counts them (a rerun with nothing new stays cheap).
    """
    from evnews.compare import load_registry, run_compare

    registry_files = registry_fingerprint(warehouse_dir())
    with open_warehouse(ctx.db_path) as con:
        inputs = f"{registry_files}|{news_fingerprint(con)}"
        last = get_state(con, "compare_inputs")
        if last and last[0] == inputs:
            ctx.counts["compare_skipped_unchanged"] = 1
            _count_verdicts(ctx, con)
            return
    try:
        registry = load_registry(warehouse_dir())
    except ConfigError as exc:
        ctx.record_exception("compare", exc)
        raise
    with open_warehouse(ctx.db_path) as con:
        run_compare(con, registry)
        set_state(con, "compare_inputs", f"{registry_files}|{news_fingerprint(con)}")
        _count_verdicts(ctx, con)


def _count_verdicts(ctx: RunContext, con: duckdb.DuckDBPyConnection) -> None:
    for verdict, n in con.execute(query("compare_verdict_counts")).fetchall():
        ctx.counts[f"verdict_{verdict}"] = n


@cache
def _compare_code_fingerprint() -> str:
    """The verdict rules' own source: a new release of them re-judges every claim."""
    import evnews.compare

    digest = hashlib.sha256()
    for file in sorted(Path(evnews.compare.__file__).parent.glob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def registry_fingerprint(directory: Path) -> str:
    """Hash of the registry files (shipped and user overrides) and the rules' code."""
    digest = hashlib.sha256(_compare_code_fingerprint().encode())
    for file in [directory / "targets.csv", directory / "actuals.csv", *sorted((directory / "targets").glob("*.csv"))]:
        if file.is_file():
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def run_once(
    db_path: Path | str,
    feeds: Sequence[str | FeedSource],
    *,
    allow_private_hosts: bool = False,
    settings: FetchSettings | None = None,
    use_prefect: bool = False,
) -> RunSummary:
    """Run the whole pipeline once; item faults are recorded, systemic ones raise."""
    settings = settings or FetchSettings()
    if allow_private_hosts and not settings.allow_private_hosts:
        settings = replace(settings, allow_private_hosts=True)
    sources = as_sources(feeds)
    if use_prefect:
        from dataclasses import asdict

        from flows.pipeline import pipeline

        return pipeline(feeds=[s.url for s in sources], db_path=str(db_path), settings=asdict(settings))
    # One run writes at a time; a second one waits for this one, then gives up naming it.
    with single_writer(db_path, use_prefect_limit=False), _old_objects_frozen():
        ctx = new_context(db_path, settings)
        start_run(ctx, "pipeline")
        try:
            ingest_stage(ctx, sources)
            with ctx.timed("claims"):
                claims_stage(ctx)
            with ctx.timed("compare"):
                compare_stage(ctx)
        except Exception as exc:
            finish_run(ctx, "failed", str(exc))
            raise
        summary = finish_run(ctx, "completed")
        publish_for_readers(ctx)
    return summary


@contextmanager
def _old_objects_frozen() -> Iterator[None]:
    """Keep the cyclic GC off the objects that exist before the run (modules, classes, the
    imported libraries: most of the heap) until it ends. Each full collection otherwise walks
    them all again, a few tenths of a second of a run's CPU. Unfrozen afterwards, so a
    long-lived process calling run_once collects them as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# A snapshot is refreshed when the news changed, and at least this often anyway
# (so that `runs` and `feed_health` in it stay recent).
SNAPSHOT_MAX_AGE = dt.timedelta(hours=1)


def publish_for_readers(ctx: RunContext) -> None:
    """Refresh the analysts' read-only snapshot; a failure here loses no data."""
    try:
        with open_warehouse(ctx.db_path) as con:
            news = news_fingerprint(con)
            last = get_state(con, "snapshot_news")
        fresh = last and last[0] == news and utcnow() - last[1] < SNAPSHOT_MAX_AGE
        if fresh and snapshot_path(ctx.db_path).exists():
            ctx.counts["snapshot_skipped_unchanged"] = 1
            return
        publish_snapshot(ctx.db_path)
        with open_warehouse(ctx.db_path) as con:
            set_state(con, "snapshot_news", news)
    except (OSError, duckdb.Error) as exc:
        ctx.record_error(
            "snapshot", f"could not publish the read-only snapshot: {exc}", kind="permanent",
            hint="the live warehouse is intact; check free disk space and permissions of its folder",
        )
        flush_errors(ctx)

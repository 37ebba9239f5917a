"""The `evnews` command: a thin layer over the library.

Public contract (outside evaluations drive these; extend, never break):
  evnews run [--feed URL ...] [--sources FILE] [--db PATH] [--allow-private-hosts]
  evnews report [--db PATH] [--html FILE]
  evnews sql "SELECT ..." [--db PATH]
"""

from __future__ import annotations

import contextlib
import os

# Offline machines: Prefect must not try to send telemetry (set before it is imported).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from evnews.cli_common import DbOption, FeedOption, PrivateOption, SourcesOption, console, err_console, fail, resolve_sources
from evnews.config import FetchSettings, default_db_path
from evnews.cli_output import print_run_summary
from evnews.errors import EvnewsError
from evnews.orchestration import commands

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Watch EV news and hold it against Nissan's targets.")


def _db(db: Path | None) -> Path:
    return db or default_db_path()


def _use_prefect(flag: bool | None) -> bool:
    # Without a configured server, Prefect starts a temporary one per process
    # (8-12 s) that cannot schedule and drops task records: plain in-process is better.
    return flag if flag is not None else bool(os.environ.get("PREFECT_API_URL"))


@app.command()
def run(
    feed: FeedOption = None,
    sources: SourcesOption = None,
    db: DbOption = None,
    allow_private_hosts: PrivateOption = False,
    prefect: Annotated[bool | None, typer.Option("--prefect/--no-prefect", help="Run as a Prefect flow [default: when PREFECT_API_URL is set]")] = None,
) -> None:
    """Run the pipeline once, in-process. Exits 0 when the run finished, even if single items failed.

    With neither --feed nor --sources it runs on the embedded default: the bundled
    demo news site, served on 127.0.0.1 for the length of the run.
    """
    from evnews.pipeline import run_once

    if not feed and not sources:
        err_console.print(
            "[dim]no --feed or --sources: running on the bundled demo site "
            "(real feeds: --sources src/evnews/sources/ev-news.toml)[/]"
        )
        _run_demo(_db(db), print_report=False)
        return
    try:
        feeds, settings = resolve_sources(feed, sources, allow_private_hosts)
        if not feeds:
            raise EvnewsError("no feeds to check", hint="pass --feed URL or --sources FILE with [[feed]] tables")
        summary = run_once(_db(db), feeds, settings=settings, use_prefect=_use_prefect(prefect))
    except EvnewsError as exc:
        raise fail(exc) from None
    print_run_summary(console, summary)


# The demo site's page URLs include its port: a fixed one lets a second `evnews demo`
# find every feed unchanged (304) instead of a "new" copy of each page on a new port.
DEMO_PORT = 8765


@contextlib.contextmanager
def _demo_site(site_dir: Path, port: int) -> Iterator[str]:
    """The demo site on `port`, or on DEMO_PORT when 0, or on any free port when that one is taken."""
    from evnews.demo.server import serve_site

    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(serve_site(site_dir, port=port or DEMO_PORT))
        except OSError:
            if port:
                raise
            console.print(f"port {DEMO_PORT} is taken; the demo site runs on another port (its pages get new URLs)")
            base = stack.enter_context(serve_site(site_dir, port=0))
        yield base


def _run_demo(db: Path, *, print_report: bool, port: int = 0, serve_only: bool = False) -> None:
    from evnews.demo.server import SITE_DIR, feed_urls
    from evnews.pipeline import run_once

    with _demo_site(SITE_DIR, port) as base:
        if serve_only:
            console.print(f"demo site on {base}; feeds: {', '.join(feed_urls(base))}  (Ctrl-C to stop)")
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                return
        try:
            # Our own server on loopback: no need for the 1 s pause real publishers get.
            settings = FetchSettings(allow_private_hosts=True, per_host_delay_s=0.02)
            summary = run_once(db, feed_urls(base), settings=settings)
        except EvnewsError as exc:
            raise fail(exc) from None
    print_run_summary(console, summary)
    if print_report:
        from evnews.report import render_terminal
        from evnews.store.reader import open_for_reading

        with open_for_reading(db) as con:
            render_terminal(con, console)


@app.command()
def report(
    db: DbOption = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report to FILE")] = None,
) -> None:
    """Per-target status and the latest claims."""
    from evnews.report import render_html, render_terminal
    from evnews.store.reader import open_for_reading

    try:
        with open_for_reading(_db(db)) as con:
            if html:
                _write_report(html, render_html(con))
                console.print(f"report written to {html}")
            else:
                render_terminal(con, console)
    except EvnewsError as exc:
        raise fail(exc) from None


def _write_report(path: Path, page: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except (FileExistsError, NotADirectoryError):
        raise EvnewsError(f"cannot write the report to {path}: a file stands where a folder should be",
                          hint="pass --html with a path in a folder") from None
    except OSError as exc:
        raise EvnewsError(
            f"cannot write the report to {path}: {exc.strerror or exc}", hint="pass --html with a path you can write to"
        ) from None


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(help="A SQL query (read-only)")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table | vertical | csv | json (table turns vertical when too wide)")] = "table",
    limit: Annotated[int, typer.Option(help="At most this many rows in a table")] = 200,
) -> None:
    """Run a read-only query and print the result."""
    from evnews.cli_output import print_query_result
    from evnews.store.reader import open_for_reading

    try:
        if not statement.strip():
            raise EvnewsError("no SQL statement given", hint='pass one, e.g. evnews sql "SELECT * FROM claims LIMIT 5"')
        with open_for_reading(_db(db)) as con:
            try:
                cur = con.execute(statement)
            except Exception as exc:  # duckdb errors: show them plainly
                err_console.print(f"[bold red]query failed:[/] {exc}")
                raise typer.Exit(1) from None
            print_query_result(console, cur, fmt=fmt, limit=limit)
    except EvnewsError as exc:
        raise fail(exc) from None


@app.command()
def demo(
    db: DbOption = None,
    serve_only: Annotated[bool, typer.Option("--serve-only", help="Only serve the demo site until Ctrl-C")] = False,
    port: Annotated[int, typer.Option(help=f"Port for the demo site (0 = {DEMO_PORT}, or any free port if it is taken)")] = 0,
) -> None:
    """Serve the bundled demo news site on 127.0.0.1, run the pipeline on it, print the report."""
    _run_demo(_db(db), print_report=True, port=port, serve_only=serve_only)


@app.command(name="eval")
def evaluate(
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus in the format of shared/eval/dev (site/ + gold/)")],
    work_dir: Annotated[Path | None, typer.Option("--work-dir", help="Where to put the evaluation warehouse")] = None,
) -> None:
    """Grade the whole pipeline on a corpus: claims, extraction, dates, dedup, verdicts."""
    import tempfile

    from evnews.evaluation import evaluate_corpus, format_report

    work = work_dir or Path(tempfile.mkdtemp(prefix="evnews-eval-"))
    try:
        report = evaluate_corpus(corpus, work)
    except EvnewsError as exc:  # a folder that is no corpus: say so, not a traceback
        raise fail(exc) from None
    console.print(format_report(report), markup=False, highlight=False)


@app.command()
def targets() -> None:
    """List the target registry with its revision chains."""
    from evnews.compare import load_registry
    from evnews.config import warehouse_dir
    from evnews.cli_output import print_targets

    try:
        registry = load_registry(warehouse_dir())
    except EvnewsError as exc:
        raise fail(exc) from None
    print_targets(console, registry)


# Scheduled and ad hoc runs on a Prefect server (see docs/operations.md).
app.command(name="serve")(commands.serve)
app.command(name="trigger")(commands.trigger)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()

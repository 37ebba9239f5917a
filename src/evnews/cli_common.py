"""What every `evnews` command shares: consoles, option types, error printing, feed selection."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from evnews.config import FetchSettings, load_sources
from evnews.errors import EvnewsError
from evnews.models import FeedSource

console = Console()
err_console = Console(stderr=True)

FeedOption = Annotated[list[str] | None, typer.Option("--feed", help="Feed URL (repeatable); overrides the registry")]
SourcesOption = Annotated[Path | None, typer.Option("--sources", help="Sources registry (TOML)")]
DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB warehouse file [default: warehouse/evnews.duckdb]")]
PrivateOption = Annotated[bool, typer.Option("--allow-private-hosts", help="Allow loopback/private addresses")]


def fail(exc: EvnewsError, code: int = 2) -> typer.Exit:
    """Print what happened and what to do; the caller raises the returned Exit."""
    err_console.print(f"[bold red]error:[/] {exc.message}")
    if exc.hint:
        err_console.print(f"[yellow]what to do:[/] {exc.hint}")
    return typer.Exit(code)


def resolve_sources(
    feed: list[str] | None, sources: Path | None, allow_private_hosts: bool
) -> tuple[list[FeedSource], FetchSettings]:
    """Feeds from --feed, else the sources registry (with their names); fetch settings from the registry."""
    registry = load_sources(sources) if sources or not feed else None
    feeds = [FeedSource(url=u) for u in feed] if feed else list(registry.feeds) if registry else []
    settings = registry.fetch if registry else FetchSettings()
    if allow_private_hosts:
        settings = replace(settings, allow_private_hosts=True)
    return feeds, settings


def resolve_feeds(feed: list[str] | None, sources: Path | None, allow_private_hosts: bool) -> tuple[list[str], FetchSettings]:
    """Feed URLs and fetch settings, as deployment parameters take them."""
    feeds, settings = resolve_sources(feed, sources, allow_private_hosts)
    return [f.url for f in feeds], settings

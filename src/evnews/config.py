"""Where things live and how a run is configured.

The warehouse directory holds the SQL (migrations, views, named queries), the
shipped target registry and the default database file. In a checkout it is the
repository's `warehouse/`; in an installed wheel a copy ships inside the package.
`EVNEWS_WAREHOUSE_DIR` overrides both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from evnews.errors import ConfigError
from evnews.models import FeedSource

PACKAGE_DIR = Path(__file__).resolve().parent
USER_AGENT = "evnews/0.1 (EV news monitor; honours robots.txt; set [fetch] user_agent to add a contact address)"


def warehouse_dir() -> Path:
    """The directory with migrations/, views/, queries/ and targets.csv."""
    override = os.environ.get("EVNEWS_WAREHOUSE_DIR")
    if override:
        return Path(override)
    checkout = PACKAGE_DIR.parent.parent / "warehouse"
    if (checkout / "migrations").is_dir():
        return checkout
    return PACKAGE_DIR / "_warehouse"


def default_db_path() -> Path:
    return Path(os.environ.get("EVNEWS_DB", str(warehouse_dir() / "evnews.duckdb")))


def default_sources_path() -> Path:
    return PACKAGE_DIR / "sources" / "ev-news.toml"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Politeness and safety limits of the fetch stage."""

    user_agent: str = USER_AGENT
    allow_private_hosts: bool = False
    timeout_s: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    per_host_delay_s: float = 1.0
    per_host_concurrency: int = 2
    total_concurrency: int = 8
    max_retries: int = 2
    max_page_attempts: int = 5  # across runs, for a page that keeps failing


@dataclass(frozen=True, slots=True)
class Sources:
    """The feeds a run watches, with the settings the registry file gives."""

    feeds: tuple[FeedSource, ...]
    fetch: FetchSettings = field(default_factory=FetchSettings)


def load_sources(path: Path | None = None) -> Sources:
    """Read a sources registry (TOML): `[[feed]]` tables and an optional `[fetch]` table."""
    path = path or default_sources_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"sources file {path} does not exist", hint="pass --sources FILE or --feed URL") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"sources file {path} is not valid TOML: {exc}", hint="fix the file") from None
    feeds = []
    for i, row in enumerate(data.get("feed", []), start=1):
        if "url" not in row:
            raise ConfigError(f"{path}: [[feed]] number {i} has no url", hint="add url = \"https://...\"")
        feeds.append(FeedSource(url=row["url"], name=row.get("name", ""), outlet=row.get("outlet", "")))
    known = set(FetchSettings.__dataclass_fields__)
    fetch_table = data.get("fetch", {})
    unknown = set(fetch_table) - known
    if unknown:
        raise ConfigError(f"{path}: unknown [fetch] settings {sorted(unknown)}", hint=f"known: {sorted(known)}")
    return Sources(feeds=tuple(feeds), fetch=FetchSettings(**fetch_table))

"""Fixtures shared by the test suite: the shared corpora and a served dev site."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVNEWS_SHARED", REPO.parent / "shared"))
DEV_CORPUS = SHARED / "eval" / "dev"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found at {SHARED}: CI clones the repo with shared/ beside it")
    return SHARED


@pytest.fixture(scope="session")
def dev_site(shared_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """The dev corpus site served on 127.0.0.1: (base URL, feed URLs)."""
    from evnews.demo.server import feed_urls, serve_site

    site = shared_dir / "eval" / "dev" / "site"
    with serve_site(site) as base:
        yield base, feed_urls(base, site)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for the tests that run flows (about 9 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield

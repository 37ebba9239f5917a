"""The fetch stage inside the real pipeline: a feed mixing good stories with every page fault.

For each fault: what `pages` stores, what `errors` records, and that the good
articles still land; then a second run over the unchanged feed fetches no page
again (counted at the server).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fault_server import FaultServer, fault_site  # noqa: F401 - fixture

from evnews.config import FetchSettings
from evnews.fetch import Fetcher, RetryPolicy
from evnews.models import FeedSource
from evnews.pipeline.run import finish_run, ingest_stage, new_context, run_once, start_run
from evnews.store.db import open_warehouse

# timeout 2 s: well under /slow's 3 s, with headroom for a loaded CI machine
SETTINGS = FetchSettings(allow_private_hosts=True, per_host_delay_s=0.0, timeout_s=2.0, max_retries=1, max_bytes=2_000_000)

# path → (pages.state, pages.error_type recorded in `errors`, lands in `articles`)
EXPECTED = {
    "/story/1": ("fetched", None, True),
    "/story/2": ("fetched", None, True),
    "/story/3": ("fetched", None, True),
    "/to-story": ("fetched", None, True),
    "/cp1252": ("fetched", None, True),
    "/429": ("fetched", None, True),
    "/500-then-200": ("fetched", None, True),
    "/empty-html": ("fetched", None, False),  # recorded by extraction instead
    "/slow": ("failed", "FetchTimeoutError", False),
    "/reset": ("failed", "ConnectionBrokenError", False),
    "/loop-a": ("failed", "TooManyRedirectsError", False),
    "/gone": ("failed", "GoneError", False),
    "/private/secret.html": ("failed", "RobotsDisallowedError", False),
    "/huge": ("skipped", "TooLargeError", False),
    "/gzip-bomb": ("skipped", "TooLargeError", False),
    "/report.pdf": ("skipped", "NotHtmlError", False),
    "/empty": ("skipped", "EmptyBodyError", False),
}


def rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple]:
    with open_warehouse(db, read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.mark.slow
def test_faults_are_recorded_good_articles_land_and_a_second_run_fetches_nothing(
    fault_site: FaultServer, tmp_path: Path
) -> None:
    site = fault_site
    db = tmp_path / "evnews.duckdb"
    feed = site.base + "/pipeline-feed.xml"
    started = time.perf_counter()
    first = run_once(db, [feed], settings=SETTINGS)
    first_s = time.perf_counter() - started
    assert first.status == "completed"

    strip = len(site.base)
    pages = {url[strip:]: (state, error_kind) for url, state, error_kind in rows(db, "SELECT url, state, error_kind FROM pages")}
    errors = {url[strip:]: (stage, etype) for url, stage, etype in rows(db, "SELECT url, stage, error_type FROM errors")}
    articles = {url[strip:] for (url,) in rows(db, "SELECT url FROM articles")}
    for path, (state, error_type, lands) in EXPECTED.items():
        assert pages[path][0] == state, path
        if error_type:
            assert errors[path] == ("page", error_type), path
        assert (path in articles) is lands, path
    assert errors["/empty-html"] == ("extract", "NoArticleText")
    assert pages["/slow"][1] == pages["/reset"][1] == "retryable"
    assert pages["/gone"][1] == "permanent"
    (body,) = rows(db, "SELECT body_text FROM articles WHERE url = ?", [site.base + "/cp1252"])[0]
    assert "Nissan’s" in body and "café" in body  # Windows-1252 bytes decoded by extraction
    (warning,) = rows(db, "SELECT message FROM errors WHERE stage = 'feed'")[0]
    assert "'file:" in warning and "javascript:" in warning
    assert not any(p.startswith("file:") or p.startswith("javascript:") for p in pages)

    site.reset_counts()
    started = time.perf_counter()
    second = run_once(db, [feed], settings=SETTINGS)
    second_s = time.perf_counter() - started
    assert [h.path for h in site.hits] == ["/pipeline-feed.xml"]  # a 304, and no page asked again
    assert second.counts.get("feeds_not_modified") == 1
    assert rows(db, "SELECT count(*) FROM pages")[0][0] == len(EXPECTED)
    print(f"\nfirst run {first_s:.2f} s, second run {second_s:.2f} s (ratio {first_s / second_s:.1f})")


def test_redirects_to_private_addresses_are_refused_in_the_pipeline(fault_site: FaultServer, tmp_path: Path) -> None:
    """Private hosts stay refused while the loopback test server is allowed by network."""
    site = fault_site
    db = tmp_path / "evnews.duckdb"
    settings = FetchSettings(allow_private_hosts=False, per_host_delay_s=0.0, timeout_s=1.0, max_retries=0)
    ctx = new_context(db, settings)
    start_run(ctx, "ingest")
    fetcher = Fetcher(settings, allow_networks=("127.0.0.1/32",), retry=RetryPolicy(0.01, 0.1))
    with fetcher:
        ingest_stage(ctx, [FeedSource(site.base + "/private-redirect-feed.xml")], fetcher=fetcher)
    finish_run(ctx, "completed")
    strip = len(site.base)
    errors = {url[strip:]: etype for url, etype in rows(db, "SELECT url, error_type FROM errors WHERE stage = 'page'")}
    assert errors == {"/to-private": "UnsafeUrlError", "/to-metadata": "UnsafeUrlError"}
    assert {url[strip:] for (url,) in rows(db, "SELECT url FROM articles")} == {"/story/2"}

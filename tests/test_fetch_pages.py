"""Fetching pages from a misbehaving server on 127.0.0.1: every fault ends as a clear record, never a crash."""

from __future__ import annotations

import time

import psutil
import pytest
from fault_server import FaultServer, fault_site  # noqa: F401 - fixture

from evnews.config import FetchSettings
from evnews.fetch import Fetcher, RetryPolicy
from evnews.models import FetchedPage

LOOPBACK = ("127.0.0.1/32",)


def make_fetcher(**overrides: object) -> Fetcher:
    """A fetcher that refuses private hosts except the loopback test server, with short waits."""
    values: dict[str, object] = {
        "allow_private_hosts": False,
        "per_host_delay_s": 0.0,
        "per_host_concurrency": 4,
        "total_concurrency": 8,
        "timeout_s": 1.0,
        "max_bytes": 1_000_000,
        "max_retries": 2,
    }
    values.update(overrides)
    return Fetcher(FetchSettings(**values), allow_networks=LOOPBACK, retry=RetryPolicy(base_s=0.05, max_wait_s=2.0))


def fetch_one(site: FaultServer, path: str, **overrides: object) -> FetchedPage:
    with make_fetcher(**overrides) as fetcher:
        (page,) = list(fetcher.fetch_pages([site.base + path]))
    return page


def test_good_page_is_fetched_with_user_agent_and_charset(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/good/1.html?ua")
    assert page.error is None and page.status == 200
    assert b"Good article" in page.body and page.encoding == "utf-8"
    (hit,) = fault_site.requests_to("/good/1.html?ua")
    assert hit.headers["User-Agent"].startswith("evnews/")


def test_429_waits_for_retry_after_then_succeeds(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/429?a")
    assert page.error is None and page.status == 200
    first, second = fault_site.requests_to("/429?a")
    assert second.started - first.started >= 1.0  # Retry-After: 1, measured on the server's clock


def test_429_asking_for_an_hour_is_recorded_not_waited_for(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/429-long?a")
    assert page.error_kind == "retryable" and page.error_type == "ServerBusyError"
    assert "3600" in (page.error or "")
    assert len(fault_site.requests_to("/429-long?a")) == 1


def test_500_then_200_is_retried(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/500-then-200?a")
    assert page.error is None and page.status == 200
    assert len(fault_site.requests_to("/500-then-200?a")) == 2


def test_persistent_503_gives_up_after_max_retries(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/503?a", max_retries=2)
    assert page.error_kind == "retryable" and page.status == 503
    assert len(fault_site.requests_to("/503?a")) == 3


def test_slow_response_times_out_and_is_retryable(fault_site: FaultServer) -> None:
    started = time.monotonic()
    page = fetch_one(fault_site, "/slow?a", timeout_s=0.5, max_retries=0)
    assert page.error_type == "FetchTimeoutError" and page.error_kind == "retryable"
    assert time.monotonic() - started < 2.5  # the server would have answered after 3 s


def test_trickling_body_hits_the_total_deadline(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/trickle?a", timeout_s=0.8, max_retries=0)
    assert page.error_type == "FetchTimeoutError"
    assert "still sending" in (page.error or "")


def test_connection_reset_is_retryable(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/reset?a", max_retries=1)
    assert page.error_kind == "retryable" and page.error_type == "ConnectionBrokenError"
    assert len(fault_site.requests_to("/reset?a")) == 2


def test_redirect_loop_is_permanent(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/loop-a?x")
    assert page.error_type == "TooManyRedirectsError" and page.error_kind == "permanent"
    assert "loop" in (page.error or "")


def test_redirect_is_followed(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/to-good")
    assert page.error is None and page.final_url == fault_site.base + "/good/1.html"


@pytest.mark.parametrize("path", ["/huge", "/gzip-bomb"])
def test_oversized_body_is_cut_at_the_cap_without_filling_memory(fault_site: FaultServer, path: str) -> None:
    process = psutil.Process()
    before = process.memory_info().rss
    page = fetch_one(fault_site, path, max_bytes=2_000_000)
    grew = process.memory_info().rss - before
    assert page.error_type == "TooLargeError" and page.error_kind == "permanent"
    assert page.status == 200 and page.body == b""
    # 1 GiB decoded; even one 64 KiB chunk of the bomb inflates to ~66 MB if decompressed unbounded.
    assert grew < 30_000_000


def test_pdf_is_recorded_and_skipped_without_reading_it(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/report.pdf")
    assert page.error_type == "NotHtmlError" and page.error_kind == "permanent"
    assert page.content_type == "application/pdf" and page.status == 200
    assert "application/pdf" in (page.error or "")


def test_windows_1252_page_without_charset_keeps_bytes_and_leaves_encoding_to_extraction(
    fault_site: FaultServer,
) -> None:
    page = fetch_one(fault_site, "/cp1252")
    assert page.error is None and page.encoding is None
    assert "Nissan’s “Ambition 2030”".encode("cp1252") in page.body


def test_zero_byte_page_is_an_error_but_empty_html_is_left_to_extraction(fault_site: FaultServer) -> None:
    empty = fetch_one(fault_site, "/empty")
    assert empty.error_type == "EmptyBodyError" and empty.status == 200
    shell = fetch_one(fault_site, "/empty-html")
    assert shell.error is None and b"<body></body>" in shell.body


def test_404_is_permanent_and_not_retried(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/missing?a")
    assert page.error_type == "GoneError" and page.error_kind == "permanent" and page.status == 404
    assert len(fault_site.requests_to("/missing?a")) == 1


def test_robots_disallow_is_honoured_and_explained(fault_site: FaultServer) -> None:
    page = fetch_one(fault_site, "/private/secret.html")
    assert page.error_type == "RobotsDisallowedError" and page.error_kind == "permanent"
    assert "robots.txt of 127.0.0.1 disallows /private/secret.html" in (page.error or "")
    assert fault_site.requests_to("/private/") == []


def test_every_url_gets_exactly_one_record(fault_site: FaultServer) -> None:
    paths = ["/good/1.html?m", "/report.pdf?m", "/missing?m", "/loop-a?m", "/cp1252?m", "/to-private"]
    with make_fetcher() as fetcher:
        pages = list(fetcher.fetch_pages([fault_site.base + p for p in paths]))
    by_url = {p.url: p for p in pages}
    assert sorted(by_url) == sorted(fault_site.base + p for p in paths)
    ok = {p.url for p in pages if p.error is None}
    assert ok == {fault_site.base + "/good/1.html?m", fault_site.base + "/cp1252?m"}
    for page in pages:
        if page.error:
            assert page.error_kind in ("retryable", "permanent") and page.error_type

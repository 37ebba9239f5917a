"""Politeness measured at the server: spacing of request starts, requests in flight, robots.txt rules."""

from __future__ import annotations

import socket
from itertools import pairwise

import pytest
import fault_server
from fault_server import FaultServer, fresh_site  # noqa: F401 - fixture

from evnews.config import FetchSettings
from evnews.errors import NoNetworkError
from evnews.fetch import Fetcher, RetryPolicy


def fetch_all(site: FaultServer, paths: list[str], **settings: object) -> list:
    values: dict[str, object] = {"allow_private_hosts": True, "per_host_delay_s": 0.0, "timeout_s": 3.0}
    values.update(settings)
    with Fetcher(FetchSettings(**values), retry=RetryPolicy(0.01, 0.5)) as fetcher:
        return list(fetcher.fetch_pages([site.base + p for p in paths]))


def start_gaps(site: FaultServer, prefix: str) -> list[float]:
    starts = sorted(h.started for h in site.requests_to(prefix))
    return [b - a for a, b in pairwise(starts)]


def test_per_host_delay_spaces_request_starts(fresh_site: FaultServer) -> None:
    pages = fetch_all(fresh_site, [f"/paced?{i}" for i in range(5)], per_host_delay_s=0.3, per_host_concurrency=2)
    assert all(p.error is None for p in pages)
    gaps = start_gaps(fresh_site, "/paced")
    assert len(gaps) == 4 and min(gaps) >= 0.27  # 0.3 s apart, less scheduling jitter


def test_per_host_concurrency_limit(fresh_site: FaultServer) -> None:
    pages = fetch_all(fresh_site, [f"/slow-page?{i}" for i in range(6)], per_host_concurrency=2, total_concurrency=8)
    assert all(p.error is None for p in pages)
    assert fresh_site.peak_in_flight == 2


def test_total_concurrency_limit(fresh_site: FaultServer) -> None:
    fetch_all(fresh_site, [f"/slow-page?{i}" for i in range(8)], per_host_concurrency=8, total_concurrency=3)
    assert fresh_site.peak_in_flight == 3


def test_robots_crawl_delay_is_honoured(fresh_site: FaultServer) -> None:
    fresh_site.robots = b"User-agent: *\nCrawl-delay: 0.4\n"
    fetch_all(fresh_site, [f"/paced?{i}" for i in range(3)])
    assert min(start_gaps(fresh_site, "/paced")) >= 0.37


def test_robots_rules_for_our_agent_and_wildcards(fresh_site: FaultServer) -> None:
    fresh_site.robots = b"User-agent: evnews\nDisallow: /*?print\nDisallow: /good/2.html\n\nUser-agent: *\nDisallow: /\n"
    fetched = fetch_all(fresh_site, ["/good/1.html", "/good/1.html?print=1", "/good/2.html"])
    pages = {p.url.removeprefix(fresh_site.base): p for p in fetched}
    assert pages["/good/1.html"].error is None
    assert pages["/good/1.html?print=1"].error_type == "RobotsDisallowedError"
    assert pages["/good/2.html"].error_type == "RobotsDisallowedError"
    assert len(fresh_site.requests_to("/robots.txt")) == 1  # cached per origin


def test_missing_robots_allows_everything() -> None:
    routes = {k: v for k, v in fault_server.ROUTES.items() if k != "/robots.txt"}
    with fault_server.running(routes) as state:
        (page,) = fetch_all(state, ["/private/secret.html"])
    assert page.error is None


def test_robots_answering_503_holds_the_host_back_for_this_run() -> None:
    routes = dict(fault_server.ROUTES)
    routes["/robots.txt"] = routes["/503"]
    with fault_server.running(routes) as state:
        pages = fetch_all(state, ["/good/1.html", "/good/2.html"])
    assert {p.error_type for p in pages} == {"RobotsUnavailableError"}
    assert {p.error_kind for p in pages} == {"retryable"}
    assert "robots.txt of http://127.0.0.1" in (pages[0].error or "") and "answered 503" in (pages[0].error or "")
    assert state.requests_to("/good/") == [] and len(state.requests_to("/robots.txt")) == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_network_is_raised_only_when_nothing_at_all_answers() -> None:
    port = _closed_port()
    settings = FetchSettings(allow_private_hosts=True, per_host_delay_s=0.0, timeout_s=1.0, max_retries=0)
    with Fetcher(settings) as fetcher:
        first = fetcher.fetch_feed(f"http://127.0.0.2:{port}/feed")
        second = fetcher.fetch_feed(f"http://127.0.0.3:{port}/feed")
        assert first.error_type == second.error_type == "ConnectFailedError"
        with pytest.raises(NoNetworkError, match="none of 3 hosts"):
            fetcher.fetch_feed(f"http://127.0.0.4:{port}/feed")


def test_dead_hosts_are_item_errors_once_any_host_answered(fresh_site: FaultServer) -> None:
    port = _closed_port()
    settings = FetchSettings(allow_private_hosts=True, per_host_delay_s=0.0, timeout_s=1.0, max_retries=0)
    with Fetcher(settings) as fetcher:
        assert fetcher.fetch_feed(fresh_site.base + "/feed.xml").error is None
        results = [fetcher.fetch_feed(f"http://127.0.0.{i}:{port}/feed") for i in range(2, 7)]
    assert {r.error_type for r in results} == {"ConnectFailedError"}

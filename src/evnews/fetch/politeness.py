"""Pacing requests per host, and telling a dead host from a dead network.

`HostGates` gives each host at most `per_host_concurrency` requests in flight
and spaces the *starts* of its requests at least `delay` apart (the larger of
the configured delay and the host's robots.txt Crawl-delay, capped). The
thread pool size bounds total concurrency.

`Reachability` implements the no-network rule: the fetcher gives up on the
whole run (NoNetworkError) only when at least `min_hosts` different hosts have
failed to connect and not one host has answered anything since the fetcher
started. One or two dead hosts are recorded like any bad item.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

MAX_CRAWL_DELAY_S = 60.0


@dataclass
class _Host:
    slots: threading.BoundedSemaphore
    delay_s: float
    next_start: float = 0.0


class HostGates:
    """Per-host concurrency limit and minimum spacing between request starts."""

    def __init__(self, per_host_concurrency: int, delay_s: float) -> None:
        self._per_host = max(1, per_host_concurrency)
        self._delay_s = max(0.0, delay_s)
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = _Host(threading.BoundedSemaphore(self._per_host), self._delay_s)
                self._hosts[host] = state
            return state

    def set_crawl_delay(self, host: str, crawl_delay_s: float | None) -> None:
        """Honour a robots.txt Crawl-delay larger than our own delay (up to a minute)."""
        if crawl_delay_s is None:
            return
        state = self._host(host)
        with self._lock:
            state.delay_s = max(state.delay_s, min(float(crawl_delay_s), MAX_CRAWL_DELAY_S))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's request slots, starting no sooner than its spacing allows."""
        state = self._host(host.lower())
        with state.slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, state.next_start)
                state.next_start = start + state.delay_s
            if start > now:
                time.sleep(start - now)
            yield


@dataclass
class Reachability:
    """Which hosts answered and which could not be connected to."""

    min_hosts: int = 3
    answered: set[str] = field(default_factory=set)
    unreachable: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record_answer(self, host: str) -> None:
        with self._lock:
            self.answered.add(host)

    def record_connect_failure(self, host: str) -> None:
        with self._lock:
            self.unreachable.add(host)

    def offline(self) -> bool:
        """True when nothing at all seems reachable (see the module docstring for the rule)."""
        with self._lock:
            return not self.answered and len(self.unreachable) >= self.min_hosts

    def describe(self) -> str:
        with self._lock:
            hosts = sorted(self.unreachable)
        shown = ", ".join(hosts[:5]) + (" …" if len(hosts) > 5 else "")
        return f"none of {len(hosts)} hosts could be connected to ({shown}) and no host answered"

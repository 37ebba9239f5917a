"""robots.txt, read once per origin per run, judged with protego (Google-style matching).

What an answer means (RFC 9309):
- 2xx: the rules apply (an unparseable file allows everything, as parsers do).
- 4xx (404 and also 401/403): no rules, everything allowed.
- 429, 5xx or a broken connection: the origin counts as disallowed for this run,
  a retryable fault, so its pages are tried again in a later run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from protego import Protego

from evnews.errors import ItemError
from evnews.fetch.errors import RobotsDisallowedError, RobotsUnavailableError

ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB
# Fetches https://host/robots.txt; returns (status, body) or raises an ItemError.
RobotsFetch = Callable[[str], tuple[int, bytes]]


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one origin: `None` parser means everything is allowed."""

    origin: str
    parser: Protego | None
    failure: ItemError | None = None

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def origin_of(url: str) -> str:
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def rules_from_answer(origin: str, status: int, body: bytes) -> RobotsRules:
    """The rules an answer to GET /robots.txt implies (see the module docstring)."""
    if 200 <= status < 300:
        text = body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        try:
            return RobotsRules(origin, Protego.parse(text))
        except Exception:  # noqa: BLE001 - protego on garbage: RFC says a parse failure allows all
            return RobotsRules(origin, None)
    if status == 429 or status >= 500:
        failure = RobotsUnavailableError(
            f"robots.txt of {origin} answered {status}: its pages are not fetched this run",
            hint="they are tried again in a later run; nothing to do unless it persists",
        )
        return RobotsRules(origin, None, failure)
    return RobotsRules(origin, None)


class RobotsCache:
    """robots.txt rules per origin, fetched at most once per fetcher (concurrent askers wait)."""

    def __init__(self, fetch: RobotsFetch, user_agent: str) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        with self._lock:
            origin_lock = self._locks.setdefault(origin, threading.Lock())
        with origin_lock:
            cached = self._rules.get(origin)
            if cached is None:
                cached = self._load(origin)
                self._rules[origin] = cached
            return cached

    def _load(self, origin: str) -> RobotsRules:
        try:
            status, body = self._fetch(f"{origin}/robots.txt")
        except RobotsUnavailableError as exc:
            return RobotsRules(origin, None, exc)
        except ItemError as exc:
            if not exc.retryable:
                # A permanent fault on robots.txt itself (e.g. its own redirects go nowhere): no rules.
                return RobotsRules(origin, None)
            return RobotsRules(origin, None, exc)
        return rules_from_answer(origin, status, body)

    def check(self, url: str) -> RobotsRules:
        """The origin's rules; raises when `url` may not be fetched now."""
        rules = self.rules(url)
        if rules.failure is not None:
            raise type(rules.failure)(rules.failure.message, hint=rules.failure.hint, url=url)
        if rules.parser is not None and not rules.parser.can_fetch(url, self._user_agent):
            path = httpx.URL(url).raw_path.decode("ascii", "replace")
            raise RobotsDisallowedError(
                f"robots.txt of {httpx.URL(url).host} disallows {path}: not fetched",
                hint="remove the source or ask the site to allow our User-Agent",
                url=url,
            )
        return rules

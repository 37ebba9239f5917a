"""The Fetcher: feeds and pages over one httpx.Client, politely and safely.

Every request, first or redirected, goes through `_download`, which checks the
URL (`addresses.check_url`), asks robots.txt (pages only), waits for the host's
slot (`politeness.HostGates`), sends one GET without following redirects, and
reads the answer with a byte cap and a deadline. Redirects are followed here,
hop by hop, so every hop is checked. Transient faults are retried with
backoff (`backoff.RetryPolicy`, honouring Retry-After); permanent ones are not.

Feeds skip robots.txt: a feed is a document the operator subscribed to, which
feed readers fetch without consulting robots.txt; pages are crawled and do.

Items never raise: a page that fails is a FetchedPage with `error`, a feed a
FeedResult with `error`. Only the no-network rule (`politeness.Reachability`)
raises, as `evnews.errors.NoNetworkError`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from urllib.parse import urljoin

import httpx

from evnews.config import FetchSettings
from evnews.errors import ItemError, NoNetworkError
from evnews.fetch.addresses import AddressPolicy, Resolver, check_url, guarded_transport, system_resolver
from evnews.fetch.backoff import RetryPolicy
from evnews.fetch.errors import RobotsUnavailableError, TooManyRedirectsError, UnsafeUrlError, translate_httpx_error
from evnews.fetch.feeds import parse_feed
from evnews.fetch.politeness import HostGates, Reachability
from evnews.fetch.robots import ROBOTS_MAX_BYTES, RobotsCache
from evnews.fetch.records import (
    Download,
    Failed,
    FeedResult,
    Request,
    Trace,
    failed_feed,
    failed_page,
    page_body,
    require_html,
)
from evnews.fetch.transfer import ACCEPT_ENCODING, REDIRECT_STATUSES, charset_of, read_capped, status_error
from evnews.models import FetchedPage
from evnews.timeutil import utcnow

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"
)


class Fetcher:
    """Fetches feeds and pages. Thread-safe; one per run; `close()` when done."""

    def __init__(
        self,
        settings: FetchSettings,
        client: httpx.Client | None = None,
        *,
        retry: RetryPolicy | None = None,
        allow_networks: Sequence[str] = (),
        resolver: Resolver | None = None,
        no_network_hosts: int = 3,
    ) -> None:
        """`allow_networks` lists CIDRs allowed even when private hosts are not (e.g. a test server);
        `resolver` replaces DNS (tests); an injected `client` lacks the connect-time address check,
        so URLs are then resolved and checked before each hop instead (see addresses.py)."""
        self.settings = settings
        self._policy = AddressPolicy.build(settings.allow_private_hosts, allow_networks)
        self._resolver = resolver or system_resolver
        self._owns_client = client is None
        self._client = client if client is not None else self._default_client()
        self._precheck_resolver = None if self._owns_client else self._resolver
        self._retry = retry or RetryPolicy()
        self._gates = HostGates(settings.per_host_concurrency, settings.per_host_delay_s)
        self._robots_token = settings.user_agent.split("/", 1)[0].split()[0] if settings.user_agent.strip() else "*"
        self._robots = RobotsCache(self._fetch_robots, self._robots_token)
        self.reachability = Reachability(no_network_hosts)

    def _default_client(self) -> httpx.Client:
        limit = max(self.settings.total_concurrency, 1) + 2
        transport = guarded_transport(
            self._policy,
            self._resolver,
            limits=httpx.Limits(max_connections=limit, max_keepalive_connections=limit),
        )
        # trust_env=False: an environment proxy would make the connect-time address check meaningless.
        return httpx.Client(transport=transport, follow_redirects=False, trust_env=False)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- feeds

    def fetch_feed(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
    ) -> FeedResult:
        """Fetch and parse one feed with a conditional GET. Never raises for the feed itself."""
        headers = {"Accept": FEED_ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = Request(url, headers, robots=False, max_bytes=self.settings.max_bytes)
        try:
            download = self._with_retries(request)
        except Failed as failed:
            self._raise_if_offline()
            return failed_feed(url, failed, etag, last_modified)
        new_etag = download.headers.get("etag") or etag
        new_modified = download.headers.get("last-modified") or last_modified
        common = {"url": url, "status": download.status, "etag": new_etag, "last_modified": new_modified}
        if download.status == 304:
            return FeedResult(**common, not_modified=True, body_hash=body_hash, final_url=download.final_url)
        digest = hashlib.sha256(download.body).hexdigest()
        if body_hash and digest == body_hash:
            return FeedResult(**common, not_modified=True, body_hash=digest, final_url=download.final_url)
        try:
            parsed = parse_feed(
                download.body,
                url=url,
                content_type=download.headers.get("content-type"),
                content_location=download.final_url,
                max_bytes=self.settings.max_bytes,
            )
        except ItemError as exc:
            trace = Trace(download.final_url, download.status, download.headers.get("content-type", ""))
            return failed_feed(url, Failed(exc, trace), etag, last_modified, body_hash=digest)
        return FeedResult(
            **common,
            not_modified=False,
            entries=parsed.entries,
            body_hash=digest,
            warning=parsed.warning,
            final_url=download.final_url,
            title=parsed.title,
        )

    # ----------------------------------------------------------------- pages

    def fetch_pages(self, urls: Sequence[str]) -> Iterator[FetchedPage]:
        """One FetchedPage per distinct URL, in completion order, `total_concurrency` at a time.

        Raises NoNetworkError (after yielding what finished) only when nothing is reachable.
        """
        unique = list(dict.fromkeys(urls))
        if not unique:
            return
        pool = ThreadPoolExecutor(max(1, self.settings.total_concurrency), thread_name_prefix="evnews-fetch")
        futures: list[Future[FetchedPage]] = [pool.submit(self.fetch_page, url) for url in unique]
        try:
            for future in as_completed(futures):
                yield future.result()
                self._raise_if_offline()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def fetch_page(self, url: str) -> FetchedPage:
        """Fetch one HTML page (robots.txt, politeness, caps, retries). Never raises for the page."""
        request = Request(
            url, {"Accept": PAGE_ACCEPT}, robots=True, max_bytes=self.settings.max_bytes, check_headers=require_html
        )
        try:
            download = self._with_retries(request)
            body = page_body(download, url, self.settings.max_bytes)
        except Failed as failed:
            return failed_page(url, failed.error, failed.trace)
        except ItemError as exc:
            return failed_page(url, exc, Trace(url, None))
        except Exception as exc:  # noqa: BLE001 - a bug must cost one page, not the run
            return FetchedPage(
                url=url, final_url=url, status=None, fetched_at=utcnow(),
                error=f"internal error fetching {url}: {type(exc).__name__}: {exc}; please report it",
                error_kind="permanent", error_type=type(exc).__name__,
            )  # fmt: skip
        content_type = download.headers.get("content-type", "")
        return FetchedPage(
            url=url,
            final_url=download.final_url,
            status=download.status,
            content_type=content_type,
            body=body,
            encoding=charset_of(content_type),
            fetched_at=utcnow(),
        )

    # ------------------------------------------------------------- transport

    def _raise_if_offline(self) -> None:
        if self.reachability.offline():
            raise NoNetworkError(
                f"no network: {self.reachability.describe()}",
                hint="check this machine's network, DNS and proxy; the run stopped",
            )

    def _with_retries(self, request: Request) -> Download:
        attempt = 0
        while True:
            try:
                return self._download(request)
            except Failed as failed:
                error = failed.error
                if not (error.retryable and failed.retry_now) or attempt >= self.settings.max_retries:
                    raise
                wait = self._retry.wait_s(attempt, getattr(error, "retry_after", None))
                if wait is None or self.reachability.offline():
                    raise
                time.sleep(wait)
                attempt += 1

    def _download(self, request: Request) -> Download:
        """GET `request.url`, following redirects hop by hop with every check at every hop."""
        current = request.url
        visited = {current}
        for _hop in range(self.settings.max_redirects + 1):
            trace = Trace(current)
            try:
                check_url(current, self._policy, self._precheck_resolver)
                if request.robots:
                    self._check_robots(current)
            except RobotsUnavailableError as exc:
                raise Failed(exc, trace, retry_now=False) from None
            except ItemError as exc:
                # Robots failures are cached for the run: retrying now would only repeat them.
                raise Failed(exc, trace, retry_now=not request.robots) from None
            answer = self._send_once(request, current, trace)
            if isinstance(answer, Download):
                return answer
            target = urljoin(current, answer)
            if target in visited:
                loop = TooManyRedirectsError(
                    f"{request.url} redirects in a loop (back to {target})",
                    hint="a site fault; nothing to do unless it persists",
                    url=request.url,
                )
                raise Failed(loop, trace)
            visited.add(target)
            current = target
        too_many = TooManyRedirectsError(
            f"{request.url} redirects more than {self.settings.max_redirects} times",
            hint="a site fault, or raise [fetch] max_redirects",
            url=request.url,
        )
        raise Failed(too_many, Trace(current))

    def _check_robots(self, url: str) -> None:
        rules = self._robots.check(url)
        self._gates.set_crawl_delay(httpx.URL(url).host, rules.crawl_delay(self._robots_token))

    def _send_once(self, request: Request, url: str, trace: Trace) -> Download | str:
        """One GET: a finished download, or the Location of a redirect."""
        host = httpx.URL(url).host
        timeout_s = self.settings.timeout_s
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING, **request.headers}
        with self._gates.slot(host):
            deadline = time.monotonic() + timeout_s
            try:
                response = self._client.send(
                    self._client.build_request("GET", url, headers=headers, timeout=timeout_s),
                    stream=True,
                    follow_redirects=False,
                )
            except UnsafeUrlError as exc:  # from the connect-time check
                raise Failed(exc, trace) from None
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                self.reachability.record_connect_failure(host)
                raise Failed(translate_httpx_error(exc, url, timeout_s), trace) from None
            except httpx.HTTPError as exc:
                raise Failed(translate_httpx_error(exc, url, timeout_s), trace) from None
            self.reachability.record_answer(host)
            try:
                return self._read_answer(request, url, response, trace, deadline)
            except httpx.HTTPError as exc:
                raise Failed(translate_httpx_error(exc, url, timeout_s), trace) from None
            except ItemError as exc:
                raise Failed(exc, trace) from None
            finally:
                response.close()

    def _read_answer(
        self, request: Request, url: str, response: httpx.Response, trace: Trace, deadline: float
    ) -> Download | str:
        trace.status = response.status_code
        trace.content_type = response.headers.get("content-type", "")
        location = response.headers.get("location")
        if response.status_code in REDIRECT_STATUSES and location:
            return location.strip()
        if request.raise_for_status:
            error = status_error(response, url)
            if error is not None:
                raise error
        if response.status_code == 304 or not (200 <= response.status_code < 300):
            return Download(url, response.status_code, response.headers, b"")
        if request.check_headers is not None:
            request.check_headers(response, url)
        body = read_capped(response, url, request.max_bytes, deadline, self.settings.timeout_s)
        return Download(url, response.status_code, response.headers, body)

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes]:
        request = Request(robots_url, {"Accept": "text/plain"}, max_bytes=4 * ROBOTS_MAX_BYTES, raise_for_status=False)
        try:
            download = self._with_retries(request)
        except Failed as failed:
            raise failed.error from None
        return download.status, download.body

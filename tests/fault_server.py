"""A misbehaving web site on 127.0.0.1 for the fetch tests.

Each path shows one fault a real site can have (see `ROUTES`). The server
records every request (path, start and end time on its own clock, headers) and
the peak number of requests in flight, so politeness is measured where it
matters: at the server. Paths keep per-path counters (e.g. "fail the first
time"); tests add a distinct query string to get a fresh counter.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

Handler = Callable[["_Handler", "FaultServer"], None]


@dataclass
class Hit:
    """One request as the server saw it; logged when it arrives, `ended` set when answered."""

    path: str
    started: float
    headers: dict[str, str]
    ended: float | None = None


def article_html(title: str, paragraphs: int = 6) -> bytes:
    body = "".join(
        f"<p>{title}: paragraph {i} says Nissan plans more electric cars and batteries for its factories.</p>"
        for i in range(paragraphs)
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str]], *, channel_link: str = "") -> bytes:
    """An RSS 2.0 document with (title, link) items."""
    parts = [
        f"<item><title>{t}</title><link>{link}</link><guid isPermaLink='false'>{t}</guid>"
        "<pubDate>Mon, 06 Oct 2025 09:00:00 GMT</pubDate></item>"
        for t, link in items
    ]
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Fault feed</title>"
        f"<link>{channel_link or base}</link><description>faults</description>{''.join(parts)}</channel></rss>"
    ).encode()


@dataclass
class FaultServer:
    """The server's state: routes, request log, in-flight counts."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    per_path: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    peak_in_flight: int = 0
    base: str = ""
    robots: bytes = b"User-agent: *\nDisallow: /private/\n"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_to(self, prefix: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path.startswith(prefix)]

    def reset_counts(self) -> None:
        with self.lock:
            self.hits.clear()
            self.peak_in_flight = 0

    def count(self, path: str) -> int:
        """How many times `path` (with its query) has been asked for, including this time."""
        with self.lock:
            self.per_path[path] += 1
            return self.per_path[path]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: FaultServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        state = self.state
        hit = Hit(self.path, time.monotonic(), dict(self.headers.items()))
        with state.lock:
            state.hits.append(hit)
            state.in_flight += 1
            state.peak_in_flight = max(state.peak_in_flight, state.in_flight)
        try:
            route = state.routes.get(urlsplit(self.path).path, _not_found)
            try:
                route(self, state)
            except (BrokenPipeError, ConnectionResetError, OSError):
                self.close_connection = True  # the client hung up (as it should on a huge body)
        finally:
            with state.lock:
                state.in_flight -= 1
            hit.ended = time.monotonic()

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _not_found(h: _Handler, s: FaultServer) -> None:
    h.send(404, b"<html><body>not here</body></html>")


def _good(h: _Handler, s: FaultServer) -> None:
    h.send(200, article_html(f"Good article {h.path}"))


def _robots(h: _Handler, s: FaultServer) -> None:
    h.send(200, s.robots, {"Content-Type": "text/plain"})


def _serve_conditional(h: _Handler, body: bytes, content_type: str = "application/rss+xml") -> None:
    """Answer 304 when the client already has this body (by ETag or Last-Modified)."""
    etag, modified = '"' + hashlib.sha256(body).hexdigest()[:16] + '"', "Mon, 06 Oct 2025 09:00:00 GMT"
    if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == modified:
        h.send_response(304)
        h.send_header("ETag", etag)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    h.send(200, body, {"Content-Type": content_type, "ETag": etag, "Last-Modified": modified})


def _feed(h: _Handler, s: FaultServer) -> None:
    _serve_conditional(h, rss(s.base, [("One", f"{s.base}/good/1.html"), ("Two", f"{s.base}/good/2.html")]))


# The pipeline feed: good stories and every page fault, as a real feed would mix them.
PIPELINE_LINKS = (
    "/story/1", "/story/2", "/story/3", "/to-story", "/cp1252", "/429", "/500-then-200",
    "/slow", "/reset", "/loop-a", "/huge", "/gzip-bomb", "/report.pdf", "/empty", "/empty-html",
    "/gone", "/private/secret.html", "file:///etc/passwd", "javascript:alert(1)",
)  # fmt: skip


def _feed_of(links: tuple[str, ...]) -> Handler:
    def handler(h: _Handler, s: FaultServer) -> None:
        items = [(f"Item {link}", link if ":" in link else s.base + link) for link in links]
        _serve_conditional(h, rss(s.base, items))

    return handler


STORY_FACTS = {
    "1": ("Nissan opens a battery plant in Sunderland", "The plant in Sunderland will build batteries for "
          "the new Leaf. Workers started training in spring. The council welcomed the jobs."),
    "2": ("Nissan tests solid-state cells in Yokohama", "Engineers in Yokohama showed a pilot line for "
          "solid-state cells. The company expects lower costs. Suppliers were invited to the tour."),
    "3": ("Nissan and partners build chargers in Texas", "Dealers in Texas will add fast chargers this "
          "year. Drivers asked for more stations on highways. Utilities plan grid upgrades."),
}  # fmt: skip


def _story(h: _Handler, s: FaultServer) -> None:
    title, facts = STORY_FACTS.get(urlsplit(h.path).path.rsplit("/", 1)[-1], ("Unknown", "Nothing."))
    sentences = " ".join(f"{facts} Paragraph {i} adds detail on {title.lower()}." for i in range(5))
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in sentences.split(". ") if sentence)
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© Fault Wire</footer></body></html>"
    )
    h.send(200, page.encode())


def _feed_no_validators(h: _Handler, s: FaultServer) -> None:
    h.send(200, rss(s.base, [("One", f"{s.base}/good/1.html")]), {"Content-Type": "application/rss+xml"})


def _feed_gzip_unlabelled(h: _Handler, s: FaultServer) -> None:
    body = gzip.compress(rss(s.base, [("Zipped", f"{s.base}/good/z.html")]))
    h.send(200, body, {"Content-Type": "application/rss+xml"})


def _feed_is_html(h: _Handler, s: FaultServer) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>News</title>"
        "<link rel='alternate' type='application/rss+xml' href='/feed.xml'></head>"
        "<body><h1>Latest news</h1><p>Welcome.</p></body></html>"
    )
    h.send(200, page.encode())


def _feed_bad_links(h: _Handler, s: FaultServer) -> None:
    body = rss(
        s.base,
        [
            ("Passwords", "file:///etc/passwd"),
            ("Script", "javascript:alert(document.cookie)"),
            ("Relative", "/good/relative.html"),
            ("Fine", f"{s.base}/good/fine.html"),
        ],
    )
    h.send(200, body, {"Content-Type": "application/rss+xml"})


def _too_many_requests(h: _Handler, s: FaultServer) -> None:
    """429 with Retry-After: 1 the first time, then the page."""
    if s.count(h.path) == 1:
        h.send(429, b"slow down", {"Retry-After": "1"})
    else:
        _good(h, s)


def _too_many_requests_long(h: _Handler, s: FaultServer) -> None:
    h.send(429, b"come back in an hour", {"Retry-After": "3600"})


def _error_then_ok(h: _Handler, s: FaultServer) -> None:
    if s.count(h.path) == 1:
        h.send(500, b"<html><body>oops</body></html>")
    else:
        _good(h, s)


def _always_503(h: _Handler, s: FaultServer) -> None:
    h.send(503, b"<html><body>down</body></html>")


def _slow_headers(h: _Handler, s: FaultServer) -> None:
    time.sleep(3.0)
    _good(h, s)


def _trickle(h: _Handler, s: FaultServer) -> None:
    """Headers at once, then one byte every 0.1 s for ever (each read is quick; the whole is not)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(100000):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.1)


def _reset(h: _Handler, s: FaultServer) -> None:
    """Abort the connection with a TCP RST before answering."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def _redirect(target: Callable[[FaultServer], str]) -> Handler:
    def handler(h: _Handler, s: FaultServer) -> None:
        h.send(302, b"", {"Location": target(s)})

    return handler


def _huge(h: _Handler, s: FaultServer) -> None:
    """Announces nothing and streams 1 GB of HTML-ish bytes, generated as it goes."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"a" * 65529 + b"</p>"
    for _ in range(1 << 14):  # 16384 × 64 KiB = 1 GiB
        h.wfile.write(chunk)
    h.close_connection = True


def _gzip_bomb(h: _Handler, s: FaultServer) -> None:
    """Content-Encoding: gzip of 1 GiB of zeros (about 1 MB on the wire), compressed as it streams."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Connection", "close")
    h.end_headers()
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1 << 20)
    for _ in range(1024):
        out = packer.compress(zeros)
        if out:
            h.wfile.write(out)
    h.wfile.write(packer.flush())
    h.close_connection = True


def _pdf(h: _Handler, s: FaultServer) -> None:
    h.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 50, {"Content-Type": "application/pdf"})


def _windows_1252(h: _Handler, s: FaultServer) -> None:
    paragraph = (
        "<p>Nissan’s plan – 27 electrified models – was presented in Yokohama, where café owners near the "
        "headquarters cheered the “Ambition 2030” announcement and analysts asked about costs.</p>"
    )
    text = (
        "<html><head><title>Nissan’s plan</title></head><body><article><h1>Nissan’s “Ambition 2030”</h1>"
        + paragraph * 4
        + "</article></body></html>"
    )
    h.send(200, text.encode("cp1252"), {"Content-Type": "text/html"})


def _empty(h: _Handler, s: FaultServer) -> None:
    h.send(200, b"")


def _empty_html(h: _Handler, s: FaultServer) -> None:
    h.send(200, b"<!doctype html><html><head><title></title></head><body></body></html>")


def _slow_page(h: _Handler, s: FaultServer) -> None:
    time.sleep(0.3)
    _good(h, s)


ROUTES: dict[str, Handler] = {
    "/robots.txt": _robots,
    "/feed.xml": _feed,
    "/feed-no-validators.xml": _feed_no_validators,
    "/feed-gzip.xml": _feed_gzip_unlabelled,
    "/feed-is-html": _feed_is_html,
    "/feed-bad-links.xml": _feed_bad_links,
    "/pipeline-feed.xml": _feed_of(PIPELINE_LINKS),
    "/private-redirect-feed.xml": _feed_of(("/to-private", "/to-metadata", "/story/2")),
    "/story/1": _story,
    "/story/2": _story,
    "/story/3": _story,
    "/to-story": _redirect(lambda s: "/story/1?via=redirect"),
    "/good/1.html": _good,
    "/good/2.html": _good,
    "/good/fine.html": _good,
    "/good/relative.html": _good,
    "/good/z.html": _good,
    "/private/secret.html": _good,
    "/429": _too_many_requests,
    "/429-long": _too_many_requests_long,
    "/500-then-200": _error_then_ok,
    "/503": _always_503,
    "/slow": _slow_headers,
    "/trickle": _trickle,
    "/reset": _reset,
    "/loop-a": _redirect(lambda s: f"{s.base}/loop-b"),
    "/loop-b": _redirect(lambda s: "/loop-a"),
    "/to-private": _redirect(lambda s: "http://10.0.0.1/admin"),
    "/to-metadata": _redirect(lambda s: "http://169.254.169.254/latest/meta-data/"),
    "/to-file": _redirect(lambda s: "file:///etc/passwd"),
    "/to-evil-name": _redirect(lambda s: s.base.replace("127.0.0.1", "evil.example") + "/good/1.html?evil"),
    "/to-good": _redirect(lambda s: "/good/1.html"),
    "/huge": _huge,
    "/gzip-bomb": _gzip_bomb,
    "/report.pdf": _pdf,
    "/cp1252": _windows_1252,
    "/empty": _empty,
    "/empty-html": _empty_html,
    "/paced": _good,
    "/slow-page": _slow_page,
}
# Each "/paced" and "/slow-page" path accepts any query string, so one route serves many URLs.


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs under concurrent tests (1 s retransmit)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # faults are the point here; keep test output clean


def start(routes: dict[str, Handler] | None = None) -> tuple[FaultServer, Callable[[], None]]:
    """Start a server on a free port; returns its state and a stop function."""
    state = FaultServer(routes=dict(ROUTES if routes is None else routes))
    handler = type("Handler", (_Handler,), {"state": state})
    server = _Server(("127.0.0.1", 0), handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="fault-server", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return state, stop


@contextmanager
def running(routes: dict[str, Handler] | None = None) -> Iterator[FaultServer]:
    """A server for the duration of a `with` block."""
    state, stop = start(routes)
    try:
        yield state
    finally:
        stop()


@pytest.fixture(scope="module")
def fault_site() -> Iterator[FaultServer]:
    """One server shared by a test module (tests use distinct query strings for fresh counters)."""
    with running() as state:
        yield state


@pytest.fixture
def fresh_site() -> Iterator[FaultServer]:
    """A server of the test's own, so its peak in-flight count and robots.txt are the test's alone."""
    with running() as state:
        yield state

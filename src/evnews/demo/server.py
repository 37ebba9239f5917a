"""Serve a static news site on 127.0.0.1, filling in its own address.

The demo site (and corpora in the format of shared/eval/dev) write every
absolute link as `{{BASE}}/...`; the server replaces `{{BASE}}` in .xml and
.html files with `http://127.0.0.1:PORT` as it serves them.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent / "site"
_TEMPLATED = (".xml", ".html", ".htm", ".txt")
_TYPES = {".xml": "application/xml; charset=utf-8", ".html": "text/html; charset=utf-8"}


class _SiteHandler(SimpleHTTPRequestHandler):
    base_url = ""
    # Keep-alive, as real news servers do: a new connection (and handler thread) per
    # request cost client and server ~0.3 ms of CPU per page on loopback.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, a kept-alive connection
    # waits for the client's delayed ACK (~40 ms) between them.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: the demo prints its own report

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_file() and path.suffix in _TEMPLATED:
            body = path.read_bytes().replace(b"{{BASE}}", self.base_url.encode())
            # A real news server answers conditional GETs; so does the demo.
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self.send_response(200)
            self.send_header("Content-Type", _TYPES.get(path.suffix, "text/plain; charset=utf-8"))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            return _BytesReader(body)
        return super().send_head()


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, *_: object) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path | str = SITE_DIR, port: int = 0) -> Iterator[str]:
    """Serve `site_dir` in a background thread; yields the base URL."""
    handler = functools.partial(type("H", (_SiteHandler,), {}), directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    handler.func.base_url = base  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="evnews-demo-site", daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def feed_urls(base: str, site_dir: Path | str = SITE_DIR) -> list[str]:
    """Every feed of a served site: the files under its feeds/ folder."""
    feeds = sorted(Path(site_dir, "feeds").glob("*.xml"))
    return [f"{base}/feeds/{f.name}" for f in feeds]

"""Reading one HTTP answer safely: status → error, bounded streaming, decompression, charset.

Pure helpers over an httpx.Response; the Fetcher owns the client and the loop.
Bodies are read raw (`iter_raw`) and decompressed here with an output limit,
so a 1 GB body or a gzip bomb stops at the cap instead of filling memory.
"""

from __future__ import annotations

import codecs
import time
import zlib
from email.message import Message

import httpx

from evnews.errors import ItemError
from evnews.fetch.backoff import parse_retry_after
from evnews.fetch.errors import (
    AccessDeniedError,
    ClientFaultError,
    FetchTimeoutError,
    GoneError,
    ServerBusyError,
    ServerFaultError,
    TooLargeError,
    UnsupportedEncodingError,
)

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT_ENCODING = "gzip, deflate"  # only what `_Decoder` undoes with an output limit


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def charset_of(content_type: str) -> str | None:
    """The charset named in a Content-Type header if Python knows it, else None (let extraction sniff)."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    if not isinstance(charset, str) or not charset.strip():
        return None
    try:
        return codecs.lookup(charset.strip().strip("'\"")).name
    except LookupError:
        return None


def status_error(response: httpx.Response, url: str) -> ItemError | None:
    """The error a final (non-redirect) status means, or None for 2xx/304."""
    status = response.status_code
    if 200 <= status < 300 or status == 304:
        return None
    host = response.url.host
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        wait = f" and asks us to wait {retry_after:g} s" if retry_after is not None else ""
        return ServerBusyError(
            f"{host} answered 429 Too Many Requests{wait}",
            hint="tried again after the wait; if frequent, raise [fetch] per_host_delay_s",
            url=url,
            retry_after=retry_after,
        )
    if status >= 500:
        return ServerFaultError(
            f"{host} answered {status} {response.reason_phrase}",
            hint="a server fault: tried again later in this run and in the next runs",
            url=url,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    if status in (404, 410):
        return GoneError(
            f"{url} answered {status} {response.reason_phrase}",
            hint="the page is gone; nothing to do (the feed may list a stale link)",
            url=url,
        )
    if status in (401, 403):
        return AccessDeniedError(
            f"{url} answered {status} {response.reason_phrase}: access refused",
            hint="the site blocks us or needs a login; remove the source or ask the site",
            url=url,
        )
    if status in REDIRECT_STATUSES:
        return ClientFaultError(f"{url} answered {status} without a Location", hint="a site bug; nothing to do", url=url)
    return ClientFaultError(
        f"{url} answered {status} {response.reason_phrase}", hint="check the URL in the feed or sources file", url=url
    )


class _Decoder:
    """Undoes gzip/deflate with a limit on the output size."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise UnsupportedEncodingError(
                f"{url} is sent with Content-Encoding {content_encoding!r}, which was not asked for",
                hint="a site misconfiguration; report it to the site or drop the link",
                url=url,
            )
        # MAX_WBITS|32 reads both gzip and zlib headers; raw deflate is tried if that fails.
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 32) if codings else None
        self._raw_fallback = bool(codings) and codings[0] == "deflate"
        self._url = url

    def decode(self, chunk: bytes, room: int) -> bytes:
        """Decoded bytes of `chunk`, at most `room + 1` of them (one more than fits means too large)."""
        if self._z is None:
            return chunk[: room + 1]
        try:
            return self._z.decompress(chunk, room + 1)
        except zlib.error:
            if self._raw_fallback:
                self._z, self._raw_fallback = zlib.decompressobj(-zlib.MAX_WBITS), False
                return self.decode(chunk, room)
            raise UnsupportedEncodingError(
                f"{self._url}: compressed body is corrupt", hint="tried again later if it persists drop the link", url=self._url
            ) from None


def too_large(url: str, max_bytes: int) -> TooLargeError:
    return TooLargeError(
        f"{url} is larger than the {max_bytes:,}-byte cap: not stored",
        hint="if the page is real, raise [fetch] max_bytes",
        url=url,
    )


def read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout_s: float) -> bytes:
    """The decoded body, read as a stream; raises past `max_bytes` or past `deadline` (monotonic)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and not response.headers.get("content-encoding") and int(declared) > max_bytes:
        raise too_large(url, max_bytes)
    decoder = _Decoder(response.headers.get("content-encoding", ""), url)
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():  # no chunk_size: it would buffer, hiding the deadline
        out = decoder.decode(chunk, max_bytes - size)
        size += len(out)
        if size > max_bytes:
            raise too_large(url, max_bytes)
        parts.append(out)
        if time.monotonic() > deadline:
            raise FetchTimeoutError(
                f"{url} was still sending after {timeout_s:g} s",
                hint="tried again later; if it persists the site is slow, raise [fetch] timeout_s",
                url=url,
            )
    return b"".join(parts)

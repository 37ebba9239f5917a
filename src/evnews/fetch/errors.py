"""The fetch stage's errors: every way a feed or page can fail, split by whether trying again helps.

    evnews.errors.ItemError
    ├── RetryableError (evnews.errors)       worth another try, later in this run or the next
    │   ├── FetchTimeoutError               no complete answer within the per-request time limit
    │   ├── ConnectFailedError              DNS failure, refused or unreachable connection
    │   ├── ConnectionBrokenError           the server reset or cut the connection mid-answer
    │   ├── ServerBusyError                 429 Too Many Requests (carries Retry-After)
    │   ├── ServerFaultError                5xx
    │   └── RobotsUnavailableError          robots.txt answered 429/5xx or could not be read
    └── PermanentError (evnews.errors)      will fail the same way again
        ├── UnsafeUrlError                  not http(s), or a host that resolves to a private,
        │                                   loopback, link-local, metadata or reserved address
        ├── RobotsDisallowedError           robots.txt of the host forbids the path
        ├── GoneError                       404 / 410
        ├── AccessDeniedError               401 / 403
        ├── ClientFaultError                any other 4xx
        ├── TooManyRedirectsError           a redirect loop or a chain over the limit
        ├── TooLargeError                   body over the byte cap (after decompression)
        ├── NotHtmlError                    a page whose content type is not HTML (PDF, image…)
        ├── NotAFeedError                   a feed URL that serves HTML or something unparseable
        ├── EmptyBodyError                  200 with an empty body
        └── UnsupportedEncodingError        a Content-Encoding we did not ask for (br, zstd…)

httpx's exceptions are translated into this tree in `translate_httpx_error`, so
nothing above the fetch package sees a library exception. Each error's `hint`
tells the operator what they can do.
"""

from __future__ import annotations

import httpx

from evnews.errors import PermanentError, RetryableError


class FetchTimeoutError(RetryableError):
    """No complete answer within the time limit."""


class ConnectFailedError(RetryableError):
    """Could not open a connection (DNS, refused, unreachable): the host may be down or we are offline."""


class ConnectionBrokenError(RetryableError):
    """The connection broke while the answer was being read."""


class ServerBusyError(RetryableError):
    """429: the server asks us to slow down."""


class ServerFaultError(RetryableError):
    """5xx: the server failed."""


class RobotsUnavailableError(RetryableError):
    """robots.txt could not be read for a server-side reason; the host counts as disallowed for now."""


class UnsafeUrlError(PermanentError):
    """A URL we refuse to fetch: not http(s), or pointing at a non-public address."""


class RobotsDisallowedError(PermanentError):
    """robots.txt forbids the path for our User-Agent."""


class GoneError(PermanentError):
    """404 or 410."""


class AccessDeniedError(PermanentError):
    """401 or 403."""


class ClientFaultError(PermanentError):
    """Another 4xx status."""


class TooManyRedirectsError(PermanentError):
    """A redirect loop or more hops than allowed."""


class TooLargeError(PermanentError):
    """The body, decompressed, is larger than the cap."""


class NotHtmlError(PermanentError):
    """The page's content type is not HTML."""


class NotAFeedError(PermanentError):
    """The feed URL served something feedparser cannot read as a feed."""


class EmptyBodyError(PermanentError):
    """The server answered 200 with nothing in it."""


class UnsupportedEncodingError(PermanentError):
    """The body uses a Content-Encoding we did not ask for."""


def translate_httpx_error(exc: httpx.HTTPError, url: str, timeout_s: float) -> RetryableError | PermanentError:
    """The fetch-stage error for an httpx exception raised while talking to `url`."""
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(
            f"{url} did not answer completely within {timeout_s:g} s ({type(exc).__name__})",
            hint="tried again later; if it persists the site is slow or down, raise [fetch] timeout_s or drop it",
            url=url,
        )
    if isinstance(exc, httpx.ConnectError):
        return ConnectFailedError(
            f"could not connect to {httpx.URL(url).host}: {exc or type(exc).__name__}",
            hint="tried again later; check the host name and this machine's network",
            url=url,
        )
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError, httpx.CloseError)):
        return ConnectionBrokenError(
            f"connection to {httpx.URL(url).host} broke mid-answer: {exc or type(exc).__name__}",
            hint="tried again later; usually a passing server or network fault",
            url=url,
        )
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return UnsafeUrlError(f"{url} is not a fetchable URL: {exc}", hint="fix or remove the link", url=url)
    if isinstance(exc, httpx.TransportError):
        return ConnectionBrokenError(
            f"network fault talking to {url}: {type(exc).__name__}: {exc}", hint="tried again later", url=url
        )
    return ClientFaultError(f"HTTP fault for {url}: {type(exc).__name__}: {exc}", hint="see the message", url=url)

"""Which URLs and addresses the fetcher may talk to.

Feeds are written by strangers, and a feed or a redirect can point us at
`http://169.254.169.254/` (a cloud metadata service), `http://localhost:8080/admin`
or a printer on the office network. So: only http and https, and only hosts
whose every resolved address is globally routable, unless the operator allows
private hosts (the demo and the tests do) or lists networks explicitly.

Two checks, both before any connection is opened:
1. `check_url` at every hop (first request and each redirect): scheme, and the
   host if it is an IP literal or a local name. With a client that lacks the
   connect-time check it also resolves the name and checks each address.
2. `GuardedBackend`, installed in the default client's transport, resolves the
   host itself at connect time, checks the addresses, and connects to the very
   address it checked. A DNS answer that changes between check and connect
   (DNS rebinding) therefore cannot slip a private address through.

Residual risk: an injected `httpx.Client` (or one behind a proxy) only gets
check 1, which resolves separately from the connection; HTTP proxies configured
in the environment are ignored by the default client for that reason.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from evnews.fetch.errors import ConnectFailedError, UnsafeUrlError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

ALLOWED_SCHEMES = ("http", "https")
# Cloud metadata endpoints, named so the error says what was being protected.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}
)
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (A and AAAA), as strings."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def why_not_public(address: IPAddress) -> str | None:
    """Why `address` is off limits (e.g. 'private'), or None when it is a public address."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if address in METADATA_ADDRESSES:
        return "cloud-metadata"
    for label, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return label
    # Shared (100.64/10), documentation and other special ranges are neither private nor global.
    return None if address.is_global else "non-public"


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Whether private addresses are allowed, and which networks are allowed anyway."""

    allow_private: bool = False
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(default_factory=tuple)

    @classmethod
    def build(cls, allow_private: bool, networks: Sequence[str] = ()) -> AddressPolicy:
        return cls(allow_private, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def refusal(self, address: IPAddress) -> str | None:
        """Why this address is refused under the policy, or None if it may be used."""
        if self.allow_private or any(address in net for net in self.allowed_networks):
            return None
        return why_not_public(address)


def _refuse(url: str, host: str, detail: str) -> UnsafeUrlError:
    return UnsafeUrlError(
        f"{url} refused: host {host} {detail}",
        hint="not fetched; if this is your own server, run with --allow-private-hosts (or allow_private_hosts in [fetch])",
        url=url,
    )


def check_addresses(url: str, host: str, addresses: Sequence[str], policy: AddressPolicy) -> None:
    """Raise UnsafeUrlError unless every address of `host` is allowed."""
    if not addresses:
        raise _refuse(url, host, "resolves to no address")
    for text in addresses:
        reason = policy.refusal(ipaddress.ip_address(text.split("%", 1)[0]))
        if reason:
            detail = f"resolves to a {reason} address ({text})" if text != host else f"is a {reason} address"
            raise _refuse(url, host, detail)


def check_url(url: str, policy: AddressPolicy, resolver: Resolver | None = None) -> httpx.URL:
    """The parsed URL if it may be fetched; raises UnsafeUrlError otherwise.

    Without a resolver only IP literals and local names are checked (the
    connection itself checks resolved names); with one, names are resolved too.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UnsafeUrlError(f"{url!r} is not a valid URL: {exc}", hint="fix or remove the link", url=url) from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise UnsafeUrlError(
            f"{url} refused: scheme {parsed.scheme or '(none)'!r} is not http or https",
            hint="only web links are fetched; remove the link or source",
            url=url,
        )
    host = parsed.host
    if not host:
        raise UnsafeUrlError(f"{url} has no host", hint="fix or remove the link", url=url)
    if policy.allow_private:
        return parsed
    literal = _ip_literal(host)
    if literal is not None:
        check_addresses(url, host, [str(literal)], policy)
    elif host.lower().rstrip(".") in _LOCAL_NAMES or host.lower().endswith(".localhost"):
        raise _refuse(url, host, "is a loopback name")
    elif resolver is not None:
        check_addresses(url, host, _resolve(resolver, url, host, parsed.port or 80), policy)
    return parsed


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _resolve(resolver: Resolver, url: str, host: str, port: int) -> list[str]:
    try:
        return resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise ConnectFailedError(
            f"could not resolve {host}: {exc}",
            hint="tried again later; check the host name and this machine's DNS",
            url=url,
        ) from None


class GuardedBackend(httpcore.NetworkBackend):
    """A network backend that connects only to addresses the policy allows.

    It resolves the host itself, refuses the whole host if any address is off
    limits, and connects to the checked address (so DNS cannot change under us).
    """

    def __init__(self, inner: httpcore.NetworkBackend, policy: AddressPolicy, resolver: Resolver) -> None:
        self._inner = inner
        self._policy = policy
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        if self._policy.allow_private:
            return self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        url = f"//{host}:{port}"
        try:
            addresses = _resolve(self._resolver, url, host, port)
        except ConnectFailedError as exc:
            # Surface as httpx.ConnectError, like any other failed connect.
            raise httpcore.ConnectError(exc.message) from None
        check_addresses(url, host, addresses, self._policy)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # addresses is never empty here
        raise last_error

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise httpcore.ConnectError("unix sockets are not used by the fetcher")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_transport(policy: AddressPolicy, resolver: Resolver = system_resolver, **kwargs: Any) -> httpx.HTTPTransport:
    """An httpx transport whose connections pass through `GuardedBackend`."""
    transport = httpx.HTTPTransport(**kwargs)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool):  # httpx changed its internals: fail loudly
        raise RuntimeError("httpx transport has no httpcore.ConnectionPool; update evnews.fetch.addresses")
    pool._network_backend = GuardedBackend(pool._network_backend, policy, resolver)
    return transport

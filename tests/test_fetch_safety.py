"""Address safety: only http(s), only public addresses unless allowed, checked at every hop and at connect time.

The loopback test server is reachable through an explicit allowlist
(`allow_networks=("127.0.0.1/32",)`) while private hosts stay refused; host
names go through a resolver seam so a name can "resolve" to 10.0.0.1 or the
metadata address without touching real DNS.
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any

import httpcore
import httpx
import pytest
from fault_server import FaultServer, fault_site  # noqa: F401 - fixture

from evnews.config import FetchSettings
from evnews.fetch import Fetcher, RetryPolicy
from evnews.fetch.addresses import AddressPolicy, GuardedBackend, check_url, why_not_public
from evnews.fetch.errors import UnsafeUrlError

SETTINGS = FetchSettings(allow_private_hosts=False, per_host_delay_s=0.0, timeout_s=2.0, max_retries=0)
NAMES = {"news.example": ["127.0.0.1"], "evil.example": ["10.0.0.1"], "meta.example": ["169.254.169.254"]}


def fake_dns(host: str, port: int) -> list[str]:
    if host in NAMES:
        return NAMES[host]
    try:
        return [str(ipaddress.ip_address(host))]  # IP literals resolve to themselves
    except ValueError:
        raise OSError(f"unknown host {host}") from None


def loopback_fetcher(**kwargs: Any) -> Fetcher:
    return Fetcher(SETTINGS, allow_networks=("127.0.0.1/32",), resolver=fake_dns, retry=RetryPolicy(0.01, 0.1), **kwargs)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("10.0.0.1", "private"),
        ("192.168.1.20", "private"),
        ("127.0.0.1", "loopback"),
        ("169.254.169.254", "cloud-metadata"),
        ("fd00:ec2::254", "cloud-metadata"),
        ("::ffff:10.1.2.3", "private"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_classification(address: str, reason: str | None) -> None:
    assert why_not_public(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "http://localhost:8080/", "http://10.0.0.1/"],
)
def test_check_url_refuses_without_any_network(url: str) -> None:
    with pytest.raises(UnsafeUrlError) as info:
        check_url(url, AddressPolicy.build(False))
    assert "--allow-private-hosts" in str(info.value) or "http or https" in str(info.value)


def test_loopback_is_refused_by_default(fault_site: FaultServer) -> None:
    with Fetcher(SETTINGS) as fetcher:
        (page,) = list(fetcher.fetch_pages([fault_site.base + "/good/1.html?default"]))
    assert page.error_type == "UnsafeUrlError" and "loopback" in (page.error or "")
    assert fault_site.requests_to("/good/1.html?default") == []


def test_a_name_for_loopback_in_disguise_is_refused_at_connect(fault_site: FaultServer) -> None:
    # 2130706433 is 127.0.0.1 written as one number: not an IP literal to the URL parser, but DNS resolves it.
    port = fault_site.base.rsplit(":", 1)[1]
    with Fetcher(SETTINGS) as fetcher:
        (page,) = list(fetcher.fetch_pages([f"http://2130706433:{port}/good/1.html?decimal"]))
    assert page.error_type == "UnsafeUrlError" and "loopback" in (page.error or "")
    assert fault_site.requests_to("/good/1.html?decimal") == []


def test_allow_private_hosts_lets_the_demo_server_in(fault_site: FaultServer) -> None:
    with Fetcher(FetchSettings(allow_private_hosts=True, per_host_delay_s=0.0)) as fetcher:
        (page,) = list(fetcher.fetch_pages([fault_site.base + "/good/1.html?allowed"]))
    assert page.error is None


@pytest.mark.parametrize(
    ("path", "refused"),
    [("/to-private", "10.0.0.1"), ("/to-metadata", "169.254.169.254"), ("/to-file", "file")],
)
def test_redirect_to_an_unsafe_target_is_refused_before_connecting(
    fault_site: FaultServer, path: str, refused: str
) -> None:
    started = time.monotonic()
    with loopback_fetcher() as fetcher:
        (page,) = list(fetcher.fetch_pages([fault_site.base + path]))
    assert page.error_type == "UnsafeUrlError" and page.error_kind == "permanent"
    assert refused in (page.error or "")
    # Connecting to 10.0.0.1 would hang until the timeout or fail as retryable; refusal is immediate.
    assert time.monotonic() - started < 1.0


def test_redirect_to_a_name_that_resolves_private_is_refused(fault_site: FaultServer) -> None:
    with loopback_fetcher() as fetcher:
        (page,) = list(fetcher.fetch_pages([fault_site.base + "/to-evil-name"]))
    assert page.error_type == "UnsafeUrlError"
    assert "evil.example resolves to a private address (10.0.0.1)" in (page.error or "")
    assert fault_site.requests_to("/good/1.html?evil") == []


def test_a_public_looking_name_is_connected_by_its_checked_address(fault_site: FaultServer) -> None:
    port = fault_site.base.rsplit(":", 1)[1]
    with loopback_fetcher() as fetcher:
        (page,) = list(fetcher.fetch_pages([f"http://news.example:{port}/good/1.html?named"]))
    assert page.error is None
    (hit,) = fault_site.requests_to("/good/1.html?named")
    assert hit.headers["Host"] == f"news.example:{port}"


class _RecordingBackend(httpcore.NetworkBackend):
    """The network seam: records where connections would go, connects nowhere."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:  # fmt: skip
        self.calls.append(host)
        raise httpcore.ConnectError("recording only")


def test_guarded_backend_connects_to_the_address_it_checked_never_the_name() -> None:
    answers = iter([["127.0.0.1"], ["169.254.169.254"]])  # DNS rebinding: the second answer is hostile
    inner = _RecordingBackend()
    backend = GuardedBackend(inner, AddressPolicy.build(False, ["127.0.0.1/32"]), lambda h, p: next(answers))
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("rebind.example", 80)
    assert inner.calls == ["127.0.0.1"]
    with pytest.raises(UnsafeUrlError, match="cloud-metadata"):
        backend.connect_tcp("rebind.example", 80)
    assert inner.calls == ["127.0.0.1"]  # the hostile answer never reached the network


def test_an_injected_client_still_gets_every_hop_resolved_and_checked(fault_site: FaultServer) -> None:
    with httpx.Client() as client:
        fetcher = loopback_fetcher(client=client)
        port = fault_site.base.rsplit(":", 1)[1]
        pages = list(fetcher.fetch_pages([f"http://meta.example:{port}/x", fault_site.base + "/to-evil-name?inj"]))
    assert {p.error_type for p in pages} == {"UnsafeUrlError"}
    assert fault_site.requests_to("/good/1.html?evil") == []

"""One URL per article: the key that makes two links to the same page collide.

courlan (trafilatura's own URL library) does the general part: scheme and host
case, default ports, sorted query and the common tracking parameters
(utm_*, fbclid, gclid, mc_*, ref, source, campaign ...). What it leaves alone,
and this module adds: fragments, a leading `www.`/`amp.`/`m.` on the host,
AMP variants in the path or query, a few more trackers, trailing slashes,
percent-escape case, and the page's own declared canonical (`rel=canonical`
or `og:url`) when that declaration is believable.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url
from courlan.urlutils import get_tldinfo

# Host prefixes that name the same site: a mobile or AMP mirror is the same article.
_MIRROR_HOST = re.compile(r"^(?:www\d?|amp|m|mobile)\.(?=[^.]+\.)")
# Query keys courlan keeps but that only say how or from where a page was reached.
_EXTRA_TRACKERS = frozenset(
    {"amp", "outputtype", "cmpid", "ncid", "_ga", "_gl", "spm", "ito", "share", "s_cid", "smid", "mbid"}
)
# `/amp`, `/amp/`, `/amp.html` at the end of a path, or `.amp` before the extension.
_AMP_PATH_SUFFIX = re.compile(r"/amp(?:\.html?)?/?$")
_AMP_EXTENSION = re.compile(r"\.amp(?=\.html?$)")
_PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def _strip_query(query: str) -> str:
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in _EXTRA_TRACKERS]
    return urlencode(sorted(kept))


def _strip_path(path: str) -> str:
    path = _AMP_PATH_SUFFIX.sub("", path)
    path = _AMP_EXTENSION.sub("", path)
    path = _PERCENT_ESCAPE.sub(lambda m: m.group(0).upper(), path)
    return path.rstrip("/") or "/"


def _normalise(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(normalize_url(url))
        port = parts.port
    except (ValueError, TypeError):
        # unparseable (a bad IPv6 literal, a port over 65535): the URL as given is still
        # a usable identity, and the page's text can still match it with others
        return url
    host = _MIRROR_HOST.sub("", (parts.hostname or "").lower())
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), host, _strip_path(parts.path), _strip_query(parts.query), ""))


def _believable_canonical(page_url: str, declared: str | None) -> str | None:
    """`declared` made absolute, if it names an article on the page's own site; else None."""
    if not declared or not declared.strip():
        return None
    try:
        absolute = urljoin(page_url, declared.strip())
        parts, page = urlsplit(absolute), urlsplit(page_url)
        parts.port, page.port  # noqa: B018 - raises ValueError for an impossible port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path in ("", "/") and not parts.query:
        return None  # templates that point every page at the home page
    return absolute if _same_site(parts, page) else None


def _same_site(a: SplitResult, b: SplitResult) -> bool:
    """Same registered domain (suffix included); IP and single-label hosts must match exactly."""
    domain_a = get_tldinfo(a.geturl(), fast=True)[1]
    domain_b = get_tldinfo(b.geturl(), fast=True)[1]
    if domain_a is None or domain_b is None:  # 127.0.0.1, localhost: no registered domain to compare
        return a.netloc.lower() == b.netloc.lower()
    return bool(domain_a == domain_b)


def canonical_url(url: str, declared: str | None = None) -> str:
    """The article's identity URL.

    `declared` is what the page says of itself (`rel=canonical` or `og:url`,
    possibly relative). It wins when it is an http(s) URL on the same site and
    not the home page; a canonical that points to another site (syndication
    partners do this) or to `/` is ignored and `url` is normalised instead.
    """
    return _normalise(_believable_canonical(url, declared) or url)

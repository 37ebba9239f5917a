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
    try:
        general = normalize_url(url.strip())
    except (ValueError, TypeError):
        # courlan refuses some odd URLs; normalising by hand below is still better than nothing
        general = url.strip()
    parts = urlsplit(general)
    host = _MIRROR_HOST.sub("", (parts.hostname or "").lower())
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, _strip_path(parts.path), _strip_query(parts.query), ""))


def _is_plausible_canonical(declared: str, page_url: str) -> bool:
    """A canonical on the page's own site that names an article, not the home page."""
    parts = urlsplit(declared)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.path in ("", "/") and not parts.query:
        return False  # templates that point every page at the home page
    return _same_site(parts, urlsplit(page_url))


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
    if declared and declared.strip():
        absolute = urljoin(url, declared.strip())
        if _is_plausible_canonical(absolute, url):
            return _normalise(absolute)
    return _normalise(url)

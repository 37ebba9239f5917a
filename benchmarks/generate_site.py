"""A synthetic EV-news site of N article pages and their feeds, for benchmarks.

Written in the dev-corpus site format (`{{BASE}}` in every absolute link) so
`evnews.demo.server.serve_site` serves it on loopback. Deterministic for a
seed: page i depends only on (seed, i), so a 2,000-page site is the first
2,000 pages of the 20,000-page one.

What makes it look like news to the pipeline:
- 12 outlets in four page layouts (blog, wire, business paper, aggregator),
  each with its own chrome: cookie banner, a long nav, inline CSS and a JS
  config blob, sidebars whose headlines carry numbers, reader comments,
  and the weight of a real page's chrome (`page_chrome.py`: mega-menu,
  wrappers, teaser cards, ads, footer, scripts). Pages come out at about
  50-80 KB with ~725 elements, close to real news pages.
- Article text composed from phrase pools with names, numbers and years in
  the slots: claim-bearing sentences (targets, actuals, rumours) about Nissan
  and other carmakers between sentences of context and opinion.
- A share of near-copies: an earlier story syndicated by another outlet with a
  new headline, light edits, one paragraph dropped and a day later.
- A share of tracking-parameter aliases: a page listed again in the
  aggregator's feed as `...html?utm_source=...` (the same file).
- Feeds of `feed_size` entries, RSS 2.0 or Atom by outlet, newest first; an
  empty feed at `extra/empty.xml` (not under feeds/) for runs with no work.

    .venv/bin/python benchmarks/generate_site.py OUT_DIR --n 2000
    .venv/bin/python benchmarks/generate_site.py OUT_DIR --serve   # prints the base URL, serves until killed
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import page_chrome as chrome  # noqa: E402
# story, page_url, slug and is_copy are also this module's API for the other benchmarks and the tests.
from site_stories import (  # noqa: E402
    AGGREGATOR, BASE, COMMENTS, COMPANIES, FIRST, LAYOUTS, MODELS, OUTLETS, SIDEBAR, Story, Filler, is_copy,
    page_url, slug, story,
)  # fmt: skip

# Bump when pages come out differently, so that benchmarks reusing a --workdir regenerate their sites.
GENERATOR_VERSION = "2-real-chrome"


@dataclass(frozen=True, slots=True)
class SiteSummary:
    root: str
    pages: int
    seed: int
    near_copies: int
    tracking_aliases: int
    feeds: int
    total_bytes: int
    seconds: float
    generator: str = ""  # GENERATOR_VERSION: a site made by an older generator is made again


# ----------------------------------------------------------------- pages


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _inline_css(rng: random.Random) -> str:
    props = ("margin", "padding", "color", "font-size", "line-height", "border-top", "max-width", "display")
    rules = [
        f".c{rng.randrange(10**6):x} .{rng.choice(LAYOUTS)}-{i} {{{rng.choice(props)}:{rng.randint(0, 40)}px;"
        f"{rng.choice(props)}:{rng.randint(0, 40)}px}}"
        for i in range(rng.randint(120, 560))
    ]
    return "<style>" + "\n".join(rules) + "</style>"


def _inline_config(rng: random.Random, outlet: str) -> str:
    config = {f"slot_{i}_{rng.randrange(10**5)}": {"size": [rng.choice((300, 728, 970)), rng.choice((90, 250, 600))],
              "refresh": rng.randint(10, 90)} for i in range(rng.randint(20, 160))}  # fmt: skip
    return f"<script>window.__{outlet}_ads = {json.dumps(config)};</script>"


def _nav(rng: random.Random, outlet: str) -> str:
    sections = ("news", "reviews", "charging", "batteries", "policy", "markets", "tech", "video", "deals", "guides")
    links = [
        f'<li><a href="{BASE}/{outlet}/{rng.choice(sections)}/{rng.choice(MODELS).lower().replace(" ", "-")}-{i}.html">'
        f"{rng.choice(COMPANIES)} {rng.choice(sections).title()}</a></li>"
        for i in range(rng.randint(30, 140))
    ]
    return '<nav class="main-nav"><ul>' + "".join(links) + "</ul></nav>"


def _headline_list(rng: random.Random, fill: Filler, title: str, count: int) -> str:
    items = "".join(f'<li><a href="#">{_e(fill.sentence(rng.choice(SIDEBAR)))}</a></li>' for _ in range(count))
    return f'<section class="widget"><h3 class="widget-title">{title}</h3><ul>{items}</ul></section>'


def _comments(rng: random.Random, fill: Filler) -> str:
    count = rng.choice((0, 0, 2, 5, 9, 16, 25))
    if not count:
        return ""
    items = "".join(
        f'<li class="comment"><div class="comment-author">{rng.choice(FIRST).lower()}{rng.randint(1, 99)}</div>'
        f'<div class="comment-body"><p>{_e(fill.sentence(rng.choice(COMMENTS)))}</p></div></li>'
        for _ in range(count)
    )
    return f'<section id="comments" class="comments-area"><h3>Comments</h3><ol class="comment-list">{items}</ol></section>'


def _head(s: Story, name: str, layout: str, rng: random.Random) -> str:
    iso = s.published.isoformat()
    meta = [f'<meta charset="utf-8"><title>{_e(s.title)} | {_e(name)}</title>',
            f'<link rel="canonical" href="{page_url(s)}">', f'<meta property="og:site_name" content="{_e(name)}">',
            f'<meta property="og:title" content="{_e(s.title)}">', f'<meta name="author" content="{_e(s.author)}">']  # fmt: skip
    if layout in ("blog", "paper"):
        meta.append(f'<meta property="article:published_time" content="{iso}">')
    if layout in ("wire", "paper"):
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.title, "datePublished": iso,
              "author": {"@type": "Person", "name": s.author}, "publisher": {"@type": "Organization", "name": name}}  # fmt: skip
        meta.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    return "<head>" + "".join(meta) + _inline_css(rng) + _inline_config(rng, s.outlet) + "</head>"


def _article(s: Story, layout: str) -> str:
    byline = f'<div class="byline">By <span class="author">{_e(s.author)}</span> | <time datetime="{s.published.isoformat()}">{s.published:%B %d, %Y %H:%M} UTC</time></div>'
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in s.paragraphs)
    wrap = {"blog": "entry-content", "wire": "story-body", "paper": "article__body", "aggregator": "post-text"}[layout]
    credit = f'<p class="syndication">Originally published by a partner outlet.</p>' if s.copy_of is not None else ""
    return (f'<article class="{layout}-article"><header><h1>{_e(s.title)}</h1>{byline}</header>'
            f'<div class="share"><a href="#">Share</a> <a href="#">Email</a></div>'
            f'<div class="{wrap}">{paragraphs}</div>{credit}</article>')  # fmt: skip


def render_page(s: Story) -> str:
    rng = random.Random(f"chrome:{s.index}")
    name, layout = next((n, lay) for o, n, lay in OUTLETS if o == s.outlet)
    fill = Filler(rng, s.published.year)
    cookie = ('<div id="cookie-banner" class="cookie-notice"><p>We use cookies to run this site, measure traffic and '
              'personalise ads. Change your choices at any time.</p><button>Accept all</button></div>')  # fmt: skip
    teasers = [_e(fill.sentence(rng.choice(SIDEBAR))) for _ in range(rng.randint(2, 16))]
    main = (f"<main>{chrome.breadcrumbs(rng, BASE, s.outlet)}{chrome.ad_slot(rng)}{_article(s, layout)}"
            f"{chrome.newsletter(rng, BASE, s.outlet)}{_headline_list(rng, fill, 'Related', rng.randint(3, 8))}"
            f"{chrome.teaser_cards(rng, BASE, s.outlet, teasers, 'More from ' + _e(name))}{_comments(rng, fill)}</main>"
            f"<aside>{chrome.ad_slot(rng)}{_headline_list(rng, fill, 'Trending', rng.randint(5, 12))}"
            f"{chrome.ad_slot(rng)}{_headline_list(rng, fill, 'Most read', rng.randint(5, 10))}</aside>")
    body = (f'<body class="{layout}">{cookie}<header class="site-header"><a class="logo" href="{BASE}/{s.outlet}/">'
            f"{_e(name)}</a>{_nav(rng, s.outlet)}{chrome.mega_menu(rng, BASE, s.outlet)}</header>"
            f'<div class="wrap">{chrome.wrapped(rng, main)}</div>{chrome.footer(rng, BASE, s.outlet, _e(name))}'
            f"{chrome.page_scripts(rng, s.outlet, teasers)}</body>")  # fmt: skip
    return f'<!DOCTYPE html>\n<html lang="en">{_head(s, name, layout, rng)}{body}</html>\n'


# ----------------------------------------------------------------- feeds


@dataclass(frozen=True, slots=True)
class _Entry:
    url: str
    title: str
    summary: str
    published: dt.datetime
    author: str


def _rss(name: str, entries: list[_Entry]) -> str:
    items = "".join(
        f"<item><title>{_e(x.title)}</title><link>{_e(x.url)}</link><guid isPermaLink=\"true\">{_e(x.url)}</guid>"
        f"<pubDate>{x.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate><dc:creator>{_e(x.author)}</dc:creator>"
        f"<description>{_e(x.summary)}</description></item>\n"
        for x in entries
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{_e(name)}</title><link>{BASE}/</link><description>EV news</description>\n{items}"
            "</channel></rss>\n")  # fmt: skip


def _atom(name: str, outlet: str, entries: list[_Entry]) -> str:
    items = "".join(
        f'<entry><title type="text">{_e(x.title)}</title><link rel="alternate" href="{_e(x.url)}"/>'
        f"<id>{_e(x.url)}</id><published>{x.published.isoformat()}</published><updated>{x.published.isoformat()}</updated>"
        f"<author><name>{_e(x.author)}</name></author><summary>{_e(x.summary)}</summary></entry>\n"
        for x in entries
    )
    updated = entries[0].published.isoformat() if entries else "2026-01-01T00:00:00+00:00"
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{_e(name)}</title><id>tag:{outlet}.test,2014:feed</id><updated>{updated}</updated>\n{items}</feed>\n")  # fmt: skip


def write_feeds(root: Path, by_outlet: dict[str, list[_Entry]], feed_size: int) -> int:
    """Each outlet's entries newest first, `feed_size` per feed file; RSS or Atom by outlet."""
    (root / "feeds").mkdir(parents=True, exist_ok=True)
    count = 0
    for number, (outlet, name, _layout) in enumerate(OUTLETS):
        entries = sorted(by_outlet.get(outlet, []), key=lambda x: x.published, reverse=True)
        for k in range(0, len(entries), feed_size):
            chunk = entries[k : k + feed_size]
            text = _rss(name, chunk) if number % 2 == 0 else _atom(name, outlet, chunk)
            (root / "feeds" / f"{outlet}-{k // feed_size:04d}.xml").write_text(text, encoding="utf-8")
            count += 1
    (root / "extra").mkdir(exist_ok=True)
    (root / "extra" / "empty.xml").write_text(_rss("Empty feed", []), encoding="utf-8")
    return count


# ----------------------------------------------------------------- the site


def generate_site(
    root: Path, n: int, *, seed: int = 7, feed_size: int = 100, copy_share: float = 0.1, alias_share: float = 0.03
) -> SiteSummary:
    """Write N pages, their feeds, robots.txt and an empty feed under `root`."""
    start = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    by_outlet: dict[str, list[_Entry]] = {}
    copies = aliases = total_bytes = 0
    alias_rng = random.Random(f"{seed}:aliases")
    for index in range(n):
        s = story(seed, index, copy_share)
        page = render_page(s).encode("utf-8")
        path = root / s.outlet / f"{slug(s)}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(page)
        total_bytes += len(page)
        copies += s.copy_of is not None
        entry = _Entry(page_url(s), s.title, s.paragraphs[0][:300], s.published, s.author)
        by_outlet.setdefault(s.outlet, []).append(entry)
        if s.outlet != AGGREGATOR and alias_rng.random() < alias_share:
            tracked = f"{entry.url}?utm_source={AGGREGATOR}&utm_medium=rss&utm_campaign=ev"
            by_outlet.setdefault(AGGREGATOR, []).append(_Entry(tracked, entry.title, entry.summary, entry.published, entry.author))
            aliases += 1
    feeds = write_feeds(root, by_outlet, feed_size)
    seconds = round(time.perf_counter() - start, 2)
    summary = SiteSummary(str(root), n, seed, copies, aliases, feeds, total_bytes, seconds, GENERATOR_VERSION)
    (root / "manifest.json").write_text(json.dumps(asdict(summary), indent=2), encoding="utf-8")
    return summary


def feed_files(root: Path) -> list[str]:
    """Site-relative paths of the generated feeds (to prefix with the served base URL)."""
    return sorted(f"feeds/{p.name}" for p in (root / "feeds").glob("*.xml"))


def serve_forever(root: Path) -> None:
    """Serve the site on loopback in this process; prints the base URL on its first line."""
    import threading

    from evnews.demo.server import serve_site

    with serve_site(root) as base:
        print(base, flush=True)
        threading.Event().wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the site into (or to serve, with --serve)")
    parser.add_argument("--n", type=int, default=2000, help="article pages [2000]")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--feed-size", type=int, default=100, help="entries per feed [100]")
    parser.add_argument("--copy-share", type=float, default=0.1, help="share of syndicated near-copies [0.1]")
    parser.add_argument("--serve", action="store_true", help="serve an existing site on 127.0.0.1")
    args = parser.parse_args(argv)
    if args.serve:
        serve_forever(args.out)
        return
    summary = generate_site(args.out, args.n, seed=args.seed, feed_size=args.feed_size, copy_share=args.copy_share)
    print(json.dumps(asdict(summary), indent=2))


if __name__ == "__main__":
    sys.exit(main())

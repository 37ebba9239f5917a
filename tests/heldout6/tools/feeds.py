"""RSS 2.0 and Atom feeds of the heldout6 site."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

FEEDS = {
    "/feeds/stroomlijn.xml": ("rss", "Stroomlijn - English edition", "/stroomlijn/"),
    "/feeds/cerradowire.xml": ("atom", "Cerrado Trade Wire - Autos", "/cerradowire/"),
    "/feeds/wearcourier.xml": ("rss", "The Wear Valley Courier - News", "/wearcourier/"),
    "/feeds/wearcourier-business.xml": ("atom", "The Wear Valley Courier - Business", "/wearcourier/business/"),
    "/feeds/kestrel.xml": ("atom", "Kestrel Capital Brief - Notes", "/kestrel/"),
}


def _when(art) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{art.published}T{art.clock}:00{art.tz}")


def _rss(title: str, home: str, items: list) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        f"<link>{{{{BASE}}}}{home}</link>",
        "<description>Latest articles</description>",
        "<language>en-gb</language>",
    ]
    for art in items:
        link = "{{BASE}}" + (art.url_path or art.path)
        out += [
            "<item>",
            f"<title>{escape(art.title)}</title>",
            f"<link>{escape(link)}</link>",
            f'<guid isPermaLink="true">{{{{BASE}}}}{art.path}</guid>',
            f"<pubDate>{format_datetime(_when(art))}</pubDate>",
            f"<dc:creator>{escape(art.byline)}</dc:creator>",
            f"<description>{escape(art.summary)}</description>",
        ]
        if art.extra.get("full_feed"):
            first = escape(art.blocks[0][1]) if isinstance(art.blocks[0][1], str) else ""
            out.append(f"<content:encoded><![CDATA[<p>{first}</p>]]></content:encoded>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def _atom(title: str, home: str, feed_path: str, items: list) -> str:
    newest = max(_when(a) for a in items).isoformat()
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{escape(title)}</title>",
        f'<link rel="self" href="{{{{BASE}}}}{feed_path}"/>',
        f'<link rel="alternate" type="text/html" href="{{{{BASE}}}}{home}"/>',
        f"<id>tag:heldout6.test,2012:{feed_path}</id>",
        f"<updated>{newest}</updated>",
    ]
    for art in items:
        link = "{{BASE}}" + (art.url_path or art.path)
        when = _when(art).isoformat()
        out += [
            "<entry>",
            f'<title type="text">{escape(art.title)}</title>',
            f'<link rel="alternate" type="text/html" href="{escape(link, {chr(34): "&quot;"})}"/>',
            f"<id>tag:heldout6.test,{art.published}:{escape(art.url_path or art.path)}</id>",
            f"<published>{when}</published>",
            f"<updated>{when}</updated>",
            f"<author><name>{escape(art.byline)}</name></author>",
            f'<summary type="text">{escape(art.summary)}</summary>',
            "</entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out)


def write_feeds(articles: list, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for feed_path, (kind, title, home) in FEEDS.items():
        items = sorted((a for a in articles if a.feed == feed_path), key=_when, reverse=True)
        if not items:
            continue
        text = _rss(title, home, items) if kind == "rss" else _atom(title, home, feed_path, items)
        (folder / Path(feed_path).name).write_text(text, encoding="utf-8")

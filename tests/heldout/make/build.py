"""Write the held-out corpus (site pages, feeds, gold/articles.jsonl) from the story sources.

Run: python tests/heldout/make/build.py   (writes tests/heldout/site and tests/heldout/gold)
The output is plain files; this script only keeps pages, feeds and gold in step.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

from model import Story, plain, sentences
from outlets import OUTLET_NAMES, TEMPLATES, body_html
import stories_chargecurve
import stories_kabuto
import stories_torque
import stories_wheelhouse

ROOT = Path(__file__).resolve().parents[1]
STORIES: tuple[Story, ...] = (
    stories_kabuto.STORIES + stories_wheelhouse.STORIES + stories_torque.STORIES + stories_chargecurve.STORIES
)
RELATIVE_LINK = stories_kabuto.CHINA.path  # listed in the Atom feed with a relative href


def body_lines(story: Story) -> list[str]:
    return [plain(text) for _, text in story.blocks]


def evidence(story: Story, cue: str) -> str:
    found = [s for _, text in story.blocks for s in sentences(text) if cue in s]
    if not found:
        raise SystemExit(f"{story.path}: no sentence contains cue {cue!r}")
    return found[0]


def gold_claims(story: Story) -> list[dict[str, Any]]:
    rows = []
    for claim in story.claims:
        if "_unexpected" in claim:
            raise SystemExit(f"{story.path}: unknown claim fields {claim['_unexpected']}")
        row = {"article_url": story.path, **{k: v for k, v in claim.items() if k != "cue"}}
        row["evidence"] = evidence(story, claim["cue"])
        rows.append(row)
    return rows


def gold_rows() -> list[dict[str, Any]]:
    rows = []
    for story in sorted(STORIES, key=lambda s: (s.published[:10], s.path)):
        base = {
            "path": story.path,
            "outlet": OUTLET_NAMES[story.outlet],
            "feed": story.feed,
            "title": story.title,
            "published": story.published[:10],
            "body_text": "\n".join(body_lines(story)),
            "group": story.group,
            "claims": gold_claims(story),
            "notes": story.notes,
        }
        rows.append(base)
        for feed, query in story.also_listed:
            note = f"Exact copy of {story.path} reached through a URL with tracking parameters, listed in {feed}; same group, no claims (canonical link points to the clean URL)."
            rows.append({**base, "path": f"{story.path}?{query}", "feed": feed, "claims": [], "notes": note})
    return rows


def rss(title: str, link: str, self_url: str, items: list[tuple[Story, str]], full_content: bool) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"  <title>{escape(title)}</title>",
        f"  <link>{link}</link>",
        f'  <atom:link href="{self_url}" rel="self" type="application/rss+xml"/>',
        f"  <description>{escape(title)} - latest stories</description>",
        "  <language>en</language>",
    ]
    for index, (story, url) in enumerate(items):
        date = format_datetime(dt.datetime.fromisoformat(story.published))
        parts += [
            "  <item>",
            f"    <title>{escape(story.title)}</title>",
            f"    <link>{escape(url)}</link>",
            f"    <dc:creator>{escape(story.author)}</dc:creator>",
            f"    <pubDate>{date}</pubDate>",
            f'    <guid isPermaLink="false">{escape(story.path)}</guid>',
            f"    <description>{escape(story.summary)}</description>",
        ]
        if full_content or index == 0:
            parts.append(f"    <content:encoded><![CDATA[{body_html(story)}]]></content:encoded>")
        parts.append("  </item>")
    parts += ["</channel>", "</rss>", ""]
    return "\n".join(parts)


def atom(items: list[Story]) -> str:
    newest = max(s.published for s in items)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{{BASE}}/kabutowire/">',
        "  <title>Kabuto Markets Wire - Autos</title>",
        '  <link rel="self" href="{{BASE}}/feeds/kabutowire.xml"/>',
        '  <link rel="alternate" type="text/html" href="{{BASE}}/kabutowire/"/>',
        "  <id>tag:kabutowire.test,2011:autos</id>",
        f"  <updated>{newest}</updated>",
    ]
    for story in items:
        href = story.path.removeprefix("/kabutowire/") if story.path == RELATIVE_LINK else "{{BASE}}" + story.path
        parts += [
            "  <entry>",
            f"    <title>{escape(story.title)}</title>",
            f'    <link rel="alternate" type="text/html" href="{href}"/>',
            f"    <id>tag:kabutowire.test,{story.published[:10]}:{story.path}</id>",
            f"    <published>{story.published}</published>",
            f"    <updated>{story.published}</updated>",
            f"    <author><name>{escape(story.author)}</name></author>",
            f"    <summary>{escape(story.summary)}</summary>",
            "  </entry>",
        ]
    parts += ["</feed>", ""]
    return "\n".join(parts)


def newest_first(stories: tuple[Story, ...]) -> list[Story]:
    return sorted(stories, key=lambda s: s.published, reverse=True)


def feeds() -> dict[str, str]:
    base = "{{BASE}}"
    torque_items = [(s, base + s.path) for s in newest_first(stories_torque.STORIES)]
    for story in STORIES:
        for feed, query in story.also_listed:
            if feed == "/feeds/torquebazaar.xml":
                torque_items.insert(0, (story, f"{base}{story.path}?{query}"))
    return {
        "kabutowire.xml": atom(newest_first(stories_kabuto.STORIES)),
        "wheelhouse.xml": rss(
            "The Wheelhouse - News",
            base + "/wheelhouse/news/",
            base + "/feeds/wheelhouse.xml",
            [(s, base + s.path) for s in newest_first(stories_wheelhouse.STORIES)],
            full_content=False,
        ),
        "torquebazaar.xml": rss(
            "Torque Bazaar - Auto News", base + "/torquebazaar/", base + "/feeds/torquebazaar.xml", torque_items, False
        ),
        "chargecurve.xml": rss(
            "Charge Curve",
            base + "/chargecurve/",
            base + "/feeds/chargecurve.xml",
            [(s, base + s.path) for s in newest_first(stories_chargecurve.STORIES)],
            full_content=True,
        ),
    }


def main() -> int:
    site = ROOT / "site"
    for story in STORIES:
        page = site / story.path.lstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(TEMPLATES[story.outlet](story), encoding="utf-8")
    (site / "feeds").mkdir(parents=True, exist_ok=True)
    for name, text in feeds().items():
        (site / "feeds" / name).write_text(text, encoding="utf-8")
    rows = gold_rows()
    gold = ROOT / "gold" / "articles.jsonl"
    gold.parent.mkdir(parents=True, exist_ok=True)
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    claims = sum(len(r["claims"]) for r in rows)
    print(f"{len(STORIES)} pages, {len(rows)} gold rows, {claims} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())

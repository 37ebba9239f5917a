"""Writes the heldout6 site, feeds and gold from the article definitions.

The corpus is plain files; this script only exists so the pages, feeds and
gold stay consistent with each other when a text is corrected. Run it from the
repo root: `.venv/bin/python tests/heldout6/tools/engine.py`.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

# Words whose trailing full stop does not end a sentence.
ABBREVIATIONS = {"Co", "Mr", "Ms", "Dr", "Ltd", "Inc", "St", "No", "Corp", "vs", "Cllr", "approx", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"}


@dataclass
class Claim:
    fragment: str
    company: str
    metric: str
    value: float | None
    unit: str | None
    qualifier: str
    region: str
    horizon_year: int | None
    fiscal_year: bool
    kind: str
    product: str | None = None


def C(fragment, company, metric, value, unit, qualifier, region, year, fy, kind, product=None) -> Claim:  # noqa: N802
    return Claim(fragment, company, metric, value, unit, qualifier, region, year, fy, kind, product)


@dataclass
class Article:
    key: str
    path: str  # canonical path
    outlet: str  # outlet key
    feed: str
    title: str
    published: str  # YYYY-MM-DD
    clock: str  # HH:MM local time
    tz: str  # +09:00 etc.
    group: str
    byline: str
    blocks: list  # (kind, text) or ("table", rows)
    claims: list[Claim] = field(default_factory=list)
    notes: str = ""
    summary: str = ""
    url_path: str = ""  # path as listed in the feed, when it differs (tracking params)
    extra: dict = field(default_factory=dict)


def body_lines(blocks) -> list[str]:
    lines: list[str] = []
    for kind, content in blocks:
        if kind == "table":
            lines.extend(" | ".join(row) for row in content)
        else:
            lines.append(content)
    return lines


_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(A-Z0-9£€$¥])")


def sentences(line: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        before = line[start : m.start()].rstrip("\"”’)")
        last_word = re.split(r"[\s(]", before)[-1].rstrip(".")
        if last_word in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last_word):
            continue
        out.append(line[start : m.end()].strip())
        start = m.end()
    out.append(line[start:].strip())
    return [s for s in out if s]


def evidence_for(lines: list[str], fragment: str) -> str:
    hits = [ln for ln in lines if fragment in ln]
    if len(hits) != 1:
        raise SystemExit(f"fragment {fragment!r} found in {len(hits)} body lines")
    line = hits[0]
    if " | " in line:
        return line
    found = [s for s in sentences(line) if fragment in s]
    if len(found) != 1:
        raise SystemExit(f"fragment {fragment!r} spans sentences in: {line}")
    return found[0]


def render_blocks(blocks) -> str:
    parts: list[str] = []
    in_list = False
    for kind, content in blocks:
        if kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        if kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        esc = html.escape(content, quote=False) if isinstance(content, str) else None
        if kind == "p":
            parts.append(f"<p>{esc}</p>")
        elif kind == "lead":
            parts.append(f'<p class="standfirst"><strong>{esc}</strong></p>')
        elif kind == "h2":
            parts.append(f"<h2>{esc}</h2>")
        elif kind == "h3":
            parts.append(f"<h3>{esc}</h3>")
        elif kind == "li":
            parts.append(f"<li>{esc}</li>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{esc}</p></blockquote>")
        elif kind == "note":
            parts.append(f'<p class="correction"><em>{esc}</em></p>')
        elif kind == "table":
            head, *rows = content
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in head)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            parts.append(f'<table class="data"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>')
        else:
            raise SystemExit(f"unknown block kind {kind}")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def build() -> None:
    from articles import ARTICLES
    from feeds import write_feeds
    from templates import OUTLET_NAMES, render_page

    site = ROOT / "site"
    gold_rows = []
    for art in ARTICLES:
        lines = body_lines(art.blocks)
        claims = []
        for c in art.claims:
            claims.append(
                {
                    "article_url": art.path,
                    "company": c.company,
                    "product": c.product,
                    "metric": c.metric,
                    "value": None if c.value is None else float(c.value),
                    "unit": c.unit,
                    "qualifier": c.qualifier,
                    "region": c.region,
                    "horizon_year": c.horizon_year,
                    "fiscal_year": c.fiscal_year,
                    "kind": c.kind,
                    "evidence": evidence_for(lines, c.fragment),
                }
            )
        row_path = art.url_path or art.path
        gold_rows.append(
            {
                "path": row_path,
                "outlet": OUTLET_NAMES[art.outlet],
                "feed": art.feed,
                "title": art.title,
                "published": art.published,
                "body_text": "\n".join(lines),
                "group": art.group,
                "claims": claims,
                "notes": art.notes,
            }
        )
        if art.url_path:
            continue  # same file as the clean URL
        out = site / art.path.lstrip("/")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_page(art, render_blocks(art.blocks)), encoding="utf-8")
    write_feeds(ARTICLES, site / "feeds")
    gold = ROOT / "gold" / "articles.jsonl"
    gold.parent.mkdir(parents=True, exist_ok=True)
    with gold.open("w", encoding="utf-8") as fh:
        for row in gold_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = sum(len(r["claims"]) for r in gold_rows)
    print(f"{len(gold_rows)} gold rows, {n} claims")


if __name__ == "__main__":
    build()

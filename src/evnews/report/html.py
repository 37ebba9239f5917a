"""`evnews report --html FILE`: one self-contained page (inline CSS and SVG, no scripts).

Safety: every value that comes from an article or a registry file is passed
through `html.escape` (`_e`), and links are only emitted for http(s) URLs, so
a `<script>` or `javascript:` in an article shows as text and never runs.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from evnews.report.data import (
    ReportData,
    Row,
    format_deadline,
    format_value,
    headline,
    load_report,
    target_amount,
)
from evnews.report.timeline import timeline_svg

CSS = (Path(__file__).with_name("report.css")).read_text(encoding="utf-8")
VERDICT_WORDS = {
    "consistent": "agree with the target in force",
    "superseded": "repeat an outdated target",
    "conflicting": "contradict the targets",
    "unknown": "fit no stored target",
    "progress": "report progress",
    "unrelated": "actuals or rumours without a target",
}


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(url: str | None, text: str) -> str:
    """An anchor for http(s) URLs; anything else (javascript:, data:) stays plain text."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(text)}</a>'
    return _e(text)


def _badge(verdict: str | None) -> str:
    verdict = verdict or "unknown"
    return f'<span class="badge v-{_e(verdict)}"><span class="dot"></span>{_e(verdict)}</span>'


def _summary_chips(data: ReportData) -> str:
    chips = [f'<span class="chip"><b>{len(data.active)}</b> targets in force</span>']
    for row in data.verdict_counts:
        words = VERDICT_WORDS.get(row["verdict"], row["verdict"])
        chips.append(
            f'<span class="chip v-{_e(row["verdict"])}" title="{_e(words)}"><span class="dot"></span>'
            f'<b>{row["claims"]}</b> {_e(row["verdict"])}</span>'
        )
    return '<div class="chips">' + "".join(chips) + "</div>"


def _card_state(row: Row) -> str:
    if row["conflicting_sources"]:
        return "s-conflict"
    if row["stale_repeats"]:
        return "s-stale"
    return "s-heard" if row["independent_sources"] else "s-quiet"


def _counts(row: Row) -> str:
    parts = []
    sources = row["independent_sources"]
    pages = row["pages_repeating"]
    if sources:
        extra = f" on {pages} pages" if pages > sources else ""
        parts.append(f'<span class="count good">{sources} source{"s" * (sources != 1)} repeat it{extra}</span>')
    if row["stale_repeats"]:
        parts.append(f'<span class="count warn">{row["stale_repeats"]} quote an older value</span>')
    if row["conflicting_sources"]:
        parts.append(f'<span class="count bad">{row["conflicting_sources"]} conflicting</span>')
    if not parts:
        parts.append('<span class="count">not in the news yet</span>')
    return '<div class="counts">' + "".join(parts) + "</div>"


def _progress(row: Row) -> str:
    if row["latest_actual_value"] is None:
        return ""
    ratio = row["progress"]
    width = 0 if ratio is None else max(0.0, min(ratio, 1.0)) * 100
    met = " met" if ratio is not None and ratio >= 0.99 else ""
    share = f"{ratio:.0%} of target · " if ratio is not None else ""
    source = "news" if row["latest_actual_source"] == "article" else "registry"
    return (
        f'<div class="bar{met}" role="progressbar" aria-valuenow="{width:.0f}" aria-valuemin="0" aria-valuemax="100">'
        f'<span style="width:{width:.1f}%"></span></div>'
        f'<div class="barlabel">{share}{_e(format_value(row["latest_actual_value"], row["unit"]))} '
        f'reported for {_e(row["latest_actual_year"])} ({source})</div>'
    )


def _deadline(row: Row) -> str:
    if not row["deadline_passed"]:
        return ""
    word, css = {True: ("deadline passed: met", "met"), False: ("deadline passed: missed", "missed")}.get(
        row["deadline_met"], ("deadline passed: no figure for that year", "unknown")
    )
    return f'<div class="deadline {css}">{word}</div>'


def _card(row: Row) -> str:
    return (
        f'<article class="card {_card_state(row)}" id="t-{_e(row["target_id"])}">'
        f"<h3>{_e(headline(row))}</h3>"
        f'<div class="amount">{_e(target_amount(row))}</div>'
        f'<div class="when">{_e(format_deadline(row["horizon_year"], row["fiscal_year"]))} · {_e(row["company"])}</div>'
        f'<div class="plan">{_e(row["plan"])}, announced {_e(row["announced"])}</div>'
        f"{_counts(row)}{_progress(row)}{_deadline(row)}</article>"
    )


def _cards(active: list[Row]) -> str:
    """Cards for targets the news mentions; the quiet ones fold away (no script needed)."""
    if not active:
        return ""
    heard = [r for r in active if _card_state(r) != "s-quiet" or r["latest_actual_value"] is not None]
    quiet = [r for r in active if r not in heard]
    grid = '<div class="grid">' + "".join(_card(r) for r in heard) + "</div>"
    if quiet:
        grid += (
            f'<details class="quiet"><summary>{len(quiet)} more targets in force that no article has mentioned yet'
            f'</summary><div class="grid">{"".join(_card(r) for r in quiet)}</div></details>'
        )
    return grid


def _article_meta(row: Row) -> str:
    when = _e(row["published"] or "undated")
    title = _link(row["article_url"], row["article_title"] or row["article_url"] or "article")
    return f'<div class="meta">{_badge(row["verdict"])}<span>{when}</span><span>{_e(row["outlet"])}</span>' \
           f'<span class="title">{title}</span></div>'


def _conflict(row: Row) -> str:
    unit = row["unit"]
    says = f"<span>article says <b>{_e(format_value(row['claimed_value'], unit))}</b></span>"
    if row["verdict"] == "superseded":
        then = f"<span>the {_e(row['missed_target_announced'])} target it repeats: " \
               f"<b>{_e(format_value(row['missed_target_value'], unit))}</b></span>"
    else:
        then = f"<span>nearest target: <b>{_e(format_value(row['missed_target_value'], unit))}</b></span>"
    now = ""
    if row["in_force_target_id"]:
        now = f"<span>in force on that date: <b>{_e(format_value(row['in_force_value'], unit))}</b> " \
              f"({_e(row['in_force_target_id'])})</span>"
    subject = _e(f"{headline(row)} {format_deadline(row['horizon_year'], None)}")
    return (
        f'<div class="item v-{_e(row["verdict"])}">{_article_meta(row)}'
        f"<blockquote>{_e(row['evidence'])}</blockquote>"
        f'<div class="compare"><span>{subject}</span>{says}{then}{now}</div>'
        f'<div class="why">{_e(row["verdict_reason"])}</div></div>'
    )


def _watch(row: Row) -> str:
    related = f"{row['related_target_id']}: {format_value(row['related_value'], row['unit'])} " \
              f"{row['related_metric']} {format_deadline(row['related_horizon_year'], None)}"
    return (
        f'<div class="item v-{_e(row["verdict"])}">{_article_meta(row)}'
        f"<blockquote>{_e(row['evidence'])}</blockquote>"
        f'<div class="compare"><span>{_e(row["kind"])}: <b>{_e(format_value(row["claimed_value"], row["unit"]))}</b> '
        f'{_e(format_deadline(row["horizon_year"], None))}</span><span>next to {_e(related)}</span></div>'
        f'<div class="why">{_e(row["related_note"])}</div></div>'
    )


def _claims_table(rows: list[Row]) -> str:
    head = "<tr><th>date</th><th>outlet</th><th>claim</th><th class='opt'>kind</th><th>verdict</th></tr>"
    body = "".join(
        f"<tr><td>{_e(r['published'] or 'undated')}</td><td>{_link(r['article_url'], r['outlet'] or 'article')}</td>"
        f"<td>{_e(headline(r))}: <b>{_e(format_value(r['value'], r['unit']))}</b> "
        f"{_e(format_deadline(r['horizon_year'], None) if r['horizon_year'] else '')}</td>"
        f"<td class='opt'>{_e(r['kind'])}</td><td>{_badge(r['verdict'])}</td></tr>"
        for r in rows
    )
    return f'<div class="panel"><table class="claims">{head}{body}</table></div>'


def _section(anchor: str, title: str, lead: str, body: str, empty: str) -> str:
    content = body or f'<p class="empty">{empty}</p>'
    return f'<section id="{anchor}"><h2>{title}</h2><p class="lead">{lead}</p>{content}</section>'


def build_html(data: ReportData) -> str:
    """The whole page for already-loaded report data (pure: no I/O)."""
    svg = timeline_svg(data.history, today=data.generated_at.date())
    legend = '<div class="legend"><span><i style="background:#fff;border:2px solid var(--superseded)"></i>' \
             'superseded version</span><span><i style="background:var(--consistent)"></i>version that stands</span></div>'
    sections = [
        _section("status", "Targets in force",
                 "One card per Nissan or Alliance target that stands today, busiest first. Sources are distinct "
                 "stories (duplicate pages count once); bars show the latest reported figure against the target.",
                 _cards(data.active),
                 "No targets loaded: run a compare first."),
        _section("timeline", "How the targets moved",
                 "Every target Nissan revised, one line per quantity; each dot is an announcement.",
                 f'<div class="panel">{svg}{legend}</div>' if svg else "", "No target has been revised."),
        _section("conflicts", "Conflicting and outdated figures",
                 "Claims that contradict every fitting target, or repeat a number Nissan had already replaced.",
                 '<div class="list">' + "".join(_conflict(r) for r in data.conflicts) + "</div>" if data.conflicts else "",
                 "No conflicting or outdated figures found."),
        _section("watchlist", "Worth a second look",
                 "The rules leave these alone (no fitting target, or a rumour), but a stored target sits right next "
                 "to them.",
                 '<div class="list">' + "".join(_watch(r) for r in data.watchlist) + "</div>" if data.watchlist else "",
                 "Nothing to look at."),
        _section("claims", "Latest claims", "The most recent figures about Nissan and the Alliance, with verdicts.",
                 _claims_table(data.latest_claims) if data.latest_claims else "", "No claims extracted yet."),
    ]
    stamp = data.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>evnews: Nissan targets vs. the news</title>"
        f"<style>{CSS}</style></head><body>"
        '<header class="top"><div class="wrap"><h1><span class="mark">●</span> Nissan targets vs. the news</h1>'
        f'<p class="sub">What the press says about Nissan\'s electrification plans, held against the target '
        f"in force on each article's date. Generated {_e(stamp)}.</p>{_summary_chips(data)}</div></header>"
        "<main>" + "".join(sections) +
        '<footer>Made by evnews. Query the same data with SQL: <code>evnews sql "SELECT * FROM target_status '
        'WHERE in_force"</code>, or the views <code>target_history</code>, <code>conflicts</code>, '
        "<code>watchlist</code>, <code>claim_checks</code>.</footer></main></body></html>"
    )


def render_html(con: duckdb.DuckDBPyConnection, *, now: dt.datetime | None = None) -> str:
    """The HTML report of the warehouse behind `con`, as one string."""
    return build_html(load_report(con, now=now))

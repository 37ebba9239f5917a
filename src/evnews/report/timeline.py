"""An inline SVG timeline of target revisions: one lane per revision chain.

Each version is a dot at its announcement date, labelled with its value; a line
joins a version to the one that replaced it. Hollow amber dots are superseded
versions, the filled green dot is the version that stands. Every text from the
registry goes through `html.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from itertools import groupby

from evnews.report.data import Row, format_deadline, headline, target_amount

LEFT, RIGHT, TOP, LANE, WIDTH = 270, 40, 34, 46, 1140


def _year_fraction(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _lanes(history: Sequence[Row]) -> list[list[Row]]:
    ordered = sorted(history, key=lambda r: (r["chain_root"], r["chain_position"]))
    lanes = [list(rows) for _, rows in groupby(ordered, key=lambda r: r["chain_root"])]
    return sorted(lanes, key=lambda lane: (lane[-1]["announced"], lane[0]["chain_root"]), reverse=True)


def _axis(first: int, last: int, x: Callable[[float], float], height: int) -> list[str]:
    parts = []
    for year in range(first, last + 1):
        px = x(float(year))
        parts.append(f'<line class="axis" x1="{px:.1f}" y1="{TOP - 8}" x2="{px:.1f}" y2="{height - 6}"/>')
        parts.append(f'<text class="year" x="{px:.1f}" y="{TOP - 14}" text-anchor="middle">{year}</text>')
    return parts


def _lane(rows: list[Row], y: float, x: Callable[[float], float]) -> list[str]:
    latest = rows[-1]
    label = escape(headline(latest))
    sub = escape(f"{latest['company']} · {format_deadline(latest['horizon_year'], latest.get('fiscal_year'))} · {len(rows)} versions")
    parts = [
        f'<text class="lane-label" x="12" y="{y - 2:.1f}">{label}</text>',
        f'<text class="lane-sub" x="12" y="{y + 13:.1f}">{sub}</text>',
    ]
    points = [(x(_year_fraction(r["announced"])), r) for r in rows]
    for (x1, _), (x2, _) in zip(points, points[1:], strict=False):
        parts.append(f'<line class="link" x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}"/>')
    for index, (px, row) in enumerate(points):
        css = "current" if row["is_latest"] else "old"
        tip = escape(f"{row['target_id']}: {target_amount(row)} {format_deadline(row['horizon_year'], row.get('fiscal_year'))}, "
                     f"announced {row['announced']}")
        label_y = y - 10 if index % 2 == 0 else y + 19
        parts.append(
            f'<g class="version" data-target="{escape(row["target_id"])}"><title>{tip}</title>'
            f'<circle class="{css}" cx="{px:.1f}" cy="{y:.1f}" r="6.5"/>'
            f'<text class="val" x="{px:.1f}" y="{label_y:.1f}" text-anchor="middle">{escape(target_amount(row))}</text></g>'
        )
    return parts


def timeline_svg(history: Sequence[Row], *, today: dt.date | None = None) -> str:
    """The SVG markup (empty string when no target was ever revised)."""
    lanes = _lanes(history)
    if not lanes:
        return ""
    today = today or dt.date.today()
    days = [r["announced"] for lane in lanes for r in lane]
    first, last = min(days).year, max(max(days).year, today.year) + 1
    span = max(last - first, 1)

    def x(year: float) -> float:
        return LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)

    height = TOP + LANE * len(lanes) + 10
    parts = _axis(first, last, x, height)
    for index, lane in enumerate(lanes):
        parts.extend(_lane(lane, TOP + LANE * index + LANE / 2, x))
    return (
        f'<svg class="timeline" role="img" aria-label="Timeline of target revisions" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>"
    )

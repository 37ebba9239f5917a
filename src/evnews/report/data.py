"""What the reports show: rows from the named report queries, and how to word numbers.

Both the terminal and the HTML report read through here, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from evnews.store.db import query

Row = dict[str, Any]

METRIC_LABELS: dict[str, str] = {
    "ev_model_launches": "New EV models",
    "electrified_model_launches": "New electrified models",
    "epower_model_launches": "New e-POWER models",
    "electrified_sales_share": "Electrified share of sales",
    "ev_sales_share": "EV share of sales",
    "electrified_sales_volume": "Electrified sales",
    "ev_sales_volume": "EV sales",
    "cumulative_sales": "Cumulative sales",
    "market_share": "Market share",
    "investment": "Investment",
    "battery_capacity": "Battery capacity",
    "battery_cost": "Battery cost",
    "adas_model_launches": "Models with driver assistance",
    "adas_sales_volume": "Cars sold with driver assistance",
    "connected_share": "Connected share of new cars",
    "technology_launch": "Technology launch",
    "production_start": "Start of production",
    "carbon_neutrality": "Carbon neutrality",
    "new_model_launches": "New models",
    "sales_volume_increase": "Added annual sales",
    "other": "Other",
}
_CURRENCY = {"JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "CNY": "CN¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Years in region names read better capitalised; "us"/"uk" are acronyms.
_REGIONS = {"us": "US", "uk": "UK", "north_america": "North America"}


def _number(value: float) -> str:
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.3g}"


def format_value(value: float | None, unit: str | None) -> str:
    """`¥2 trillion`, `50%`, `1 million vehicles`, `$75/kWh`; an em dash for no value."""
    if value is None:
        return "—"
    if unit == "percent":
        return f"{value:g}%"
    if unit in _CURRENCY:
        return f"{_CURRENCY[unit]}{_number(value)}"
    if unit == "USD/kWh":
        return f"${value:g}/kWh"
    if unit and value == 1 and unit.endswith("s"):
        unit = unit[:-1]  # "1 model", "1 plant"
    return f"{_number(value)} {unit}" if unit else _number(value)


def format_region(region: str | None) -> str:
    if not region:
        return ""
    return _REGIONS.get(region, region.replace("_", " ").title())


def format_deadline(horizon_year: int | None, fiscal_year: bool | None) -> str:
    if horizon_year is None:
        return "no deadline"
    return f"by FY{horizon_year}" if fiscal_year else f"by {horizon_year}"


def headline(row: Row) -> str:
    """`New EV models · Europe` (product in brackets when the target names one)."""
    label = METRIC_LABELS.get(row["metric"], row["metric"])
    if row.get("product"):
        label += f" ({row['product']})"
    region = row.get("region")
    return f"{label} · {format_region(region)}" if region and region != "global" else label


def target_amount(row: Row) -> str:
    """What a target promises: its value, or for a date-only target its year."""
    if row.get("value") is None:
        return str(row["horizon_year"]) if row.get("horizon_year") else "—"
    return format_value(row["value"], row.get("unit"))


def fetch(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[Row]:
    cursor = con.execute(query(name), params or {})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, record, strict=True)) for record in cursor.fetchall()]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one report shows, read in one go."""

    generated_at: dt.datetime
    status: list[Row]
    verdict_counts: list[Row]
    conflicts: list[Row]
    watchlist: list[Row]
    history: list[Row]
    latest_claims: list[Row]

    @property
    def active(self) -> list[Row]:
        return [row for row in self.status if row["in_force"]]


def _activity(row: Row) -> tuple[int, int, int, str]:
    """Targets the news talks about most come first; quiet ones keep registry order."""
    heard = row["independent_sources"] + row["conflicting_sources"] + row["stale_repeats"]
    return (-row["conflicting_sources"], -heard, -(row["latest_actual_value"] is not None), row["target_id"])


def load_report(con: duckdb.DuckDBPyConnection, *, latest: int = 40, now: dt.datetime | None = None) -> ReportData:
    status = fetch(con, "report_status")
    active = sorted((r for r in status if r["in_force"]), key=_activity)
    inactive = [r for r in status if not r["in_force"]]
    return ReportData(
        generated_at=now or dt.datetime.now(dt.UTC).replace(microsecond=0),
        status=active + inactive,
        verdict_counts=fetch(con, "report_verdict_counts"),
        conflicts=fetch(con, "report_conflicts"),
        watchlist=fetch(con, "report_watchlist"),
        history=fetch(con, "report_history"),
        latest_claims=fetch(con, "report_latest_claims", {"limit": latest}),
    )

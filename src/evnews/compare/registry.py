"""The Nissan target registry: CSV files in, a validated immutable registry out.

Layout of a warehouse directory:

    targets.csv          the shipped targets (one row per target version)
    actuals.csv          the shipped reported actuals
    targets/*.csv        user files, read in name order after the shipped ones;
                         a row whose id is already known replaces that row,
                         a new id adds one. A file with a `target_id` column
                         holds targets, one with an `actual_id` column actuals.

Every problem is a ConfigError naming the file and the line, because a user
editing a CSV by hand needs to know exactly where to look.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from evnews.errors import ConfigError
from evnews.models import METRICS, QUALIFIERS, Target

TARGET_COLUMNS: tuple[str, ...] = (
    "target_id", "company", "plan", "announced", "metric", "product", "value", "unit",
    "qualifier", "region", "horizon_year", "fiscal_year", "superseded_by", "source_url",
)
ACTUAL_COLUMNS: tuple[str, ...] = (
    "actual_id", "company", "reported", "metric", "product", "value", "unit",
    "qualifier", "region", "horizon_year", "fiscal_year", "source_url",
)
_T = TypeVar("_T")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


@dataclass(frozen=True, slots=True)
class Actual:
    """A figure Nissan (or the press) reported as achieved, from the registry."""

    actual_id: str
    company: str
    reported: dt.date
    metric: str
    product: str | None
    value: float | None
    unit: str | None
    qualifier: str
    region: str
    horizon_year: int | None  # the year the figure refers to
    fiscal_year: bool
    source_url: str = ""
    origin: str = ""


@dataclass(frozen=True, slots=True)
class TargetRegistry:
    """All target versions and actuals, keyed by id; supersession is validated."""

    targets: Mapping[str, Target] = field(default_factory=dict)
    actuals: Mapping[str, Actual] = field(default_factory=dict)
    # (company, metric) -> targets: a claim is only ever held against targets of its own
    # company and metric, and a scan of the whole registry per claim dominated comparison.
    _by_subject: Mapping[tuple[str, str], tuple[Target, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Target]] = {}
        for target in self.targets.values():
            index.setdefault((_subject(target.company), target.metric), []).append(target)
        object.__setattr__(self, "_by_subject", {key: tuple(ts) for key, ts in index.items()})


    def successor(self, target: Target) -> Target | None:
        return self.targets.get(target.superseded_by) if target.superseded_by else None

    def visible_on(self, day: dt.date, company: str | None, metric: str) -> list[Target]:
        """Targets of this company (any case) and metric known on `day`: announced on or
        before it (later ones are invisible), in registry order."""
        return [t for t in self._by_subject.get((_subject(company), metric), ()) if t.announced <= day]

    def is_superseded_on(self, target: Target, day: dt.date) -> bool:
        successor = self.successor(target)
        return successor is not None and successor.announced <= day

    def in_force_on(self, target: Target, day: dt.date) -> bool:
        return target.announced <= day and not self.is_superseded_on(target, day)

    def version_in_force(self, target_id: str, day: dt.date) -> Target | None:
        """Follow the revision chain from `target_id` to the version in force on `day`."""
        target = self.targets.get(target_id)
        while target is not None and self.is_superseded_on(target, day):
            target = self.successor(target)
        if target is None or target.announced > day:
            return None
        return target


def _subject(company: str | None) -> str:
    return (company or "").strip().lower()


class _Row:
    """One CSV row with the file and line it came from, for error messages."""

    def __init__(self, path: Path, line: int, values: dict[str, str]) -> None:
        self.path, self.line, self.values = path, line, values

    @property
    def where(self) -> str:
        return f"{self.path}, line {self.line}"

    def fail(self, problem: str, hint: str) -> ConfigError:
        return ConfigError(f"{self.where}: {problem}", hint=hint)

    def text(self, name: str) -> str:
        return (self.values.get(name) or "").strip()

    def optional(self, name: str) -> str | None:
        return self.text(name) or None

    def required(self, name: str) -> str:
        value = self.text(name)
        if not value:
            raise self.fail(f"column {name!r} is empty", f"fill in {name}")
        return value

    def date(self, name: str) -> dt.date:
        value = self.required(name)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{name} {value!r} is not a date", "write dates as YYYY-MM-DD") from None

    def number(self, name: str) -> float | None:
        value = self.text(name).replace("_", "")
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise self.fail(f"{name} {value!r} is not a number", "write plain numbers: 1000000, 2.5") from None

    def year(self, name: str) -> int | None:
        value = self.text(name)
        if not value:
            return None
        if not (value.isdigit() and 1900 <= int(value) <= 2200):
            raise self.fail(f"{name} {value!r} is not a year", "write a four-digit year or leave it empty")
        return int(value)

    def flag(self, name: str) -> bool:
        value = self.text(name).lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise self.fail(f"{name} {value!r} is not true/false", "write true or false")

    def vocabulary(self, name: str, allowed: Iterable[str]) -> str:
        value = self.required(name)
        if value not in allowed:
            raise self.fail(f"unknown {name} {value!r}", f"use one of: {', '.join(allowed)}")
        return value


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[_Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read registry file {path}: {exc}", hint="check the path and permissions") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(
            f"{path}, line 1: missing column(s) {', '.join(missing)}",
            hint=f"the header must name: {','.join(columns)}",
        )
    rows = []
    for record in reader:
        row = _Row(path, reader.line_num, {k: v for k, v in record.items() if k is not None})
        if None in record:
            raise row.fail("has more cells than the header", "quote cells that contain commas")
        if any(v is None for v in record.values()):
            raise row.fail("has fewer cells than the header", "give every column a cell, empty if unknown")
        if any(row.text(c) for c in columns):  # blank lines are allowed
            rows.append(row)
    return rows


def _measure(row: _Row) -> dict[str, object]:
    """The columns targets and actuals share: what is measured, where, and the source."""
    return {
        "company": row.required("company"),
        "metric": row.vocabulary("metric", METRICS),
        "product": row.optional("product"),
        "value": row.number("value"),
        "unit": row.optional("unit"),
        "qualifier": row.vocabulary("qualifier", QUALIFIERS),
        "region": row.required("region").lower(),
        "horizon_year": row.year("horizon_year"),
        "fiscal_year": row.flag("fiscal_year"),
        "source_url": row.text("source_url"),
        "origin": row.where,
    }


def _target(row: _Row) -> Target:
    return Target(
        target_id=row.required("target_id"),
        plan=row.text("plan"),
        announced=row.date("announced"),
        superseded_by=row.optional("superseded_by"),
        **_measure(row),  # type: ignore[arg-type]
    )


def _actual(row: _Row) -> Actual:
    return Actual(actual_id=row.required("actual_id"), reported=row.date("reported"), **_measure(row))  # type: ignore[arg-type]


def _merge_file(
    into: dict[str, _T], rows: list[_Row], id_column: str, parse: Callable[[_Row], _T]
) -> dict[str, _Row]:
    """Parse a file's rows into `into` (later files override); ids must be unique per file."""
    seen: dict[str, _Row] = {}
    for row in rows:
        record = parse(row)
        key = row.required(id_column)
        if key in seen:
            raise row.fail(
                f"duplicate {id_column} {key!r} (first on line {seen[key].line})",
                "each id may appear once per file; override it from a file under targets/",
            )
        seen[key] = row
        into[key] = record
    return seen


def _check_supersession(targets: Mapping[str, Target], rows: Mapping[str, _Row]) -> None:
    for target in targets.values():
        row = rows[target.target_id]
        successor_id = target.superseded_by
        if successor_id is None:
            continue
        successor = targets.get(successor_id)
        if successor is None:
            raise row.fail(
                f"superseded_by {successor_id!r} names no known target",
                "add that target or correct the id",
            )
        if successor.announced < target.announced:
            raise row.fail(
                f"superseded_by {successor_id!r} was announced {successor.announced}, "
                f"before {target.target_id} ({target.announced})",
                "a revision must be announced on or after the target it replaces",
            )
    for target in targets.values():
        chain = [target.target_id]
        current = target
        while current.superseded_by:
            if current.superseded_by in chain:
                loop = " -> ".join([*chain[chain.index(current.superseded_by):], current.superseded_by])
                raise rows[target.target_id].fail(
                    f"superseded_by forms a cycle: {loop}", "a revision chain must end in a target never superseded"
                )
            chain.append(current.superseded_by)
            current = targets[current.superseded_by]


def _user_files(warehouse_dir: Path) -> list[Path]:
    folder = warehouse_dir / "targets"
    return sorted(folder.glob("*.csv")) if folder.is_dir() else []


def load_registry(warehouse_dir: Path) -> TargetRegistry:
    """Read, merge and validate `targets.csv`, `actuals.csv` and `targets/*.csv`."""
    warehouse_dir = Path(warehouse_dir)
    targets: dict[str, Target] = {}
    actuals: dict[str, Actual] = {}
    target_rows: dict[str, _Row] = {}
    shipped = warehouse_dir / "targets.csv"
    if not shipped.is_file():
        raise ConfigError(f"target registry {shipped} does not exist", hint="restore warehouse/targets.csv")
    target_rows.update(_merge_file(targets, _read_rows(shipped, TARGET_COLUMNS), "target_id", _target))
    if (warehouse_dir / "actuals.csv").is_file():
        _merge_file(actuals, _read_rows(warehouse_dir / "actuals.csv", ACTUAL_COLUMNS), "actual_id", _actual)
    for path in _user_files(warehouse_dir):
        header = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
        if "actual_id" in header.split(","):
            _merge_file(actuals, _read_rows(path, ACTUAL_COLUMNS), "actual_id", _actual)
        else:
            target_rows.update(_merge_file(targets, _read_rows(path, TARGET_COLUMNS), "target_id", _target))
    _check_supersession(targets, target_rows)
    return TargetRegistry(targets=MappingProxyType(targets), actuals=MappingProxyType(actuals))

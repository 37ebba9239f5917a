"""Verdict rules of claims.md, table-driven, on a small hand-made registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from evnews.compare import TargetRegistry, fits, judge, products_compatible, related_target, values_agree
from evnews.models import Claim, Target

D = dt.date.fromisoformat


def target(tid: str, announced: str, metric: str, value: float | None, region: str = "global",
           horizon: int | None = 2030, *, product: str | None = None, company: str = "Nissan",
           sup: str | None = None, unit: str | None = None) -> Target:
    return Target(
        target_id=tid, company=company, plan="test plan", announced=D(announced), metric=metric,
        product=product, value=value, unit=unit, qualifier="exact", region=region,
        horizon_year=horizon, fiscal_year=False, superseded_by=sup,
    )


REGISTRY = TargetRegistry(
    targets={
        t.target_id: t
        for t in [
            target("ev15", "2021-11-29", "ev_model_launches", 15, sup="ev19"),
            target("ev19", "2023-02-27", "ev_model_launches", 19, sup="ev22"),
            target("ev22", "2025-06-01", "ev_model_launches", 22),
            target("alliance12", "2017-09-15", "ev_model_launches", 12, horizon=2022, company="Alliance"),
            target("infiniti", "2018-03-23", "technology_launch", None, horizon=2021,
                   product="Infiniti electrified powertrains"),
            target("vol22", "2018-03-23", "electrified_sales_volume", 1_000_000, horizon=2022, sup="vol23"),
            target("vol23", "2020-05-28", "electrified_sales_volume", 1_000_000, horizon=2023),
            target("share26", "2021-11-29", "electrified_sales_share", 40, horizon=2026),
            target("share30", "2021-11-29", "electrified_sales_share", 50, horizon=2030),
            target("eu75", "2021-11-29", "electrified_sales_share", 75, region="europe", horizon=2026),
            target("canton25", "2022-02-17", "production_start", None, region="us", horizon=2025,
                   product="EVs (Canton)"),
        ]
    }
)


def claim(metric: str = "ev_model_launches", value: float | None = 19, *, kind: str = "target",
          region: str = "global", horizon: int | None = 2030, product: str | None = None,
          company: str = "Nissan") -> Claim:
    return Claim(company=company, metric=metric, kind=kind, evidence="...", value=value,
                 region=region, horizon_year=horizon, product=product)


CASES = [
    # (name, claim, article date, verdict, target_id)
    ("agrees with target in force", claim(value=19), "2023-03-01", "consistent", "ev19"),
    ("announced the same day is known", claim(value=19), "2023-02-27", "consistent", "ev19"),
    ("old value on the revision's day is superseded", claim(value=15), "2023-02-27", "superseded", "ev15"),
    ("revision unknown the day before", claim(value=19), "2023-02-26", "conflicting", "ev15"),
    ("old value before the revision", claim(value=15), "2022-06-01", "consistent", "ev15"),
    ("chain: first version two revisions later", claim(value=15), "2025-07-01", "superseded", "ev15"),
    ("chain: middle version after the next revision", claim(value=19), "2025-07-01", "superseded", "ev19"),
    ("chain: latest version", claim(value=22), "2025-07-01", "consistent", "ev22"),
    ("misreport", claim(value=20), "2023-03-02", "conflicting", "ev19"),
    ("misreport after chain: names version in force", claim(value=30), "2025-07-01", "conflicting", "ev22"),
    ("within 1 %", claim(value=19.15), "2023-03-01", "consistent", "ev19"),
    ("just over 1 %", claim(value=19.25), "2023-03-01", "conflicting", "ev19"),
    ("future target invisible", claim(value=19), "2020-01-01", "unknown", None),
    ("other horizon", claim(value=19, horizon=2029), "2023-03-01", "unknown", None),
    ("no horizon vs dated target", claim(value=19, horizon=None), "2023-03-01", "unknown", None),
    ("other region", claim(value=19, region="japan"), "2023-03-01", "unknown", None),
    ("other company", claim(value=19, company="Toyota"), "2023-03-01", "unknown", None),
    ("alliance is not nissan", claim(value=12, horizon=2022), "2018-01-01", "unknown", None),
    ("alliance target", claim(value=12, horizon=2022, company="Alliance"), "2018-01-01", "consistent", "alliance12"),
    ("company case-insensitive", claim(value=12, horizon=2022, company="alliance"), "2018-01-01", "consistent", "alliance12"),
    ("product contained in target product",
     claim("technology_launch", None, horizon=2021, product="Infiniti"), "2019-01-01", "consistent", "infiniti"),
    ("product containment ignores case",
     claim("technology_launch", None, horizon=2021, product="INFINITI ELECTRIFIED POWERTRAINS (all)"),
     "2019-01-01", "consistent", "infiniti"),
    ("claim without product fits", claim("technology_launch", None, horizon=2021), "2019-01-01", "consistent", "infiniti"),
    ("different product", claim("technology_launch", None, horizon=2021, product="Leaf"), "2019-01-01", "unknown", None),
    ("value vs null target value", claim("technology_launch", 3, horizon=2021), "2019-01-01", "conflicting", "infiniti"),
    ("null claim value vs valued target", claim(value=None), "2023-03-01", "conflicting", "ev19"),
    ("rumor matching a target is unrelated", claim(value=19, kind="rumor"), "2023-03-01", "unrelated", None),
    ("actual, no such target", claim("cumulative_sales", 500_000, kind="actual", horizon=2023), "2023-06-01", "unrelated", None),
    ("actual before any target", claim("electrified_sales_volume", 1, kind="actual", horizon=2017), "2018-01-01", "unrelated", None),
    ("actual in another region", claim("electrified_sales_share", 30, kind="actual", region="china", horizon=2024), "2024-06-01", "unrelated", None),
]


@pytest.mark.parametrize(("name", "the_claim", "day", "verdict", "target_id"), CASES, ids=[c[0] for c in CASES])
def test_verdicts(name: str, the_claim: Claim, day: str, verdict: str, target_id: str | None) -> None:
    check = judge(the_claim, D(day), REGISTRY)
    assert (check.verdict, check.target_id) == (verdict, target_id), check.reason
    assert check.reason


PROGRESS = [
    # (claim year, article date, value, expected target, expected ratio)
    (2019, "2019-05-01", 500_000, "vol22", 0.5),  # nearest horizon at or after 2019
    (2020, "2021-05-01", 250_000, "vol23", 0.25),  # vol22 superseded by then
    (2024, "2024-05-01", 1_200_000, "vol23", 1.2),  # no later horizon: the overdue target in force
    (None, "2021-05-01", 100_000, "vol23", 0.1),  # no year: the article's year
]


@pytest.mark.parametrize(("year", "day", "value", "target_id", "ratio"), PROGRESS)
def test_progress_links_nearest_horizon(year: int | None, day: str, value: float, target_id: str, ratio: float) -> None:
    check = judge(claim("electrified_sales_volume", value, kind="actual", horizon=year), D(day), REGISTRY)
    assert (check.verdict, check.target_id) == ("progress", target_id)
    assert check.progress == pytest.approx(ratio)


def test_progress_prefers_nearest_later_horizon() -> None:
    share = claim("electrified_sales_share", 30, kind="actual")
    assert judge(replace(share, horizon_year=2024), D("2025-01-01"), REGISTRY).target_id == "share26"
    assert judge(replace(share, horizon_year=2027), D("2028-01-01"), REGISTRY).target_id == "share30"
    assert judge(replace(share, horizon_year=2026), D("2027-01-01"), REGISTRY).progress == pytest.approx(0.75)


def test_progress_without_values_has_no_ratio() -> None:
    check = judge(claim("production_start", None, kind="actual", region="us", horizon=2025), D("2025-03-01"), REGISTRY)
    assert (check.verdict, check.target_id, check.progress) == ("progress", "canton25", None)


def test_undated_claims_are_judged_against_the_current_registry() -> None:
    old = judge(claim(value=15), None, REGISTRY)
    assert (old.verdict, old.target_id) == ("superseded", "ev15")
    assert "date unknown" in old.reason
    assert judge(claim(value=22), None, REGISTRY).verdict == "consistent"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [(None, None, True), (None, 1.0, False), (1.0, None, False), (100, 101, True), (100, 101.5, False),
     (0.0, 0.0, True), (-50, -50.4, True), (2e12, 2.01e12, True)],
)
def test_values_agree(a: float | None, b: float | None, agree: bool) -> None:
    assert values_agree(a, b) is agree
    assert values_agree(b, a) is agree


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [(None, "Leaf", True), ("Leaf", None, True), ("leaf", "Nissan LEAF", True), ("Ariya", "Leaf", False), ("", "x", True)],
)
def test_products_compatible(a: str | None, b: str | None, ok: bool) -> None:
    assert products_compatible(a, b) is ok


def test_fits_requires_equal_horizon_including_null() -> None:
    undated = target("x", "2020-01-01", "investment", 5, region="uk", horizon=None)
    assert fits(undated, claim("investment", 5, region="uk", horizon=None))
    assert not fits(undated, claim("investment", 5, region="uk", horizon=2024))


def test_related_target_for_superseded_is_version_in_force() -> None:
    the_claim = claim(value=15)
    check = judge(the_claim, D("2024-01-01"), REGISTRY)
    related, note = related_target(the_claim, check, D("2024-01-01"), REGISTRY)
    assert related is not None and related.target_id == "ev19"
    assert note == "in force on the article date"


def test_related_target_flags_sibling_metric_with_same_value() -> None:
    mislabelled = claim("ev_sales_volume", 1_000_000, horizon=2022)
    check = judge(mislabelled, D("2018-03-23"), REGISTRY)
    assert check.verdict == "unknown"
    related, note = related_target(mislabelled, check, D("2018-03-23"), REGISTRY)
    assert related is not None and related.target_id == "vol22"
    assert "mislabelled" in note
    other_value = replace(mislabelled, value=2_000_000)
    assert related_target(other_value, judge(other_value, D("2018-03-23"), REGISTRY), D("2018-03-23"), REGISTRY) == (None, "")


def test_related_target_flags_rumour_contradicting_official_date() -> None:
    rumour = claim("production_start", None, kind="rumor", region="us", horizon=2026)
    check = judge(rumour, D("2024-04-15"), REGISTRY)
    assert check.verdict == "unrelated"
    related, note = related_target(rumour, check, D("2024-04-15"), REGISTRY)
    assert related is not None and related.target_id == "canton25"
    assert "rumour" in note
    agreeing = replace(rumour, horizon_year=2025)
    assert related_target(agreeing, judge(agreeing, D("2024-04-15"), REGISTRY), D("2024-04-15"), REGISTRY) == (None, "")

"""Dev gold: the verdicts the rules give every gold claim, and the README's expected conflicts.

The dev README lists what a comparison should flag. Those expressible by the
claims.md rules must come out `conflicting`/`superseded`; the two the rules
cannot flag (a metric swapped by the article, a rumour) must reach the watchlist.
Running the stored-verdict path (run_compare on a real warehouse) must give the
same verdicts as `judge` on the gold claims: accuracy 1.0 on gold-as-predicted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_compare_fixtures import gold_articles, gold_warehouse

from evnews.compare import expected_distribution, load_registry, run_compare, verdict_accuracy
from evnews.models import Claim

REPO = Path(__file__).resolve().parents[1]
FIELDS = set(Claim.__dataclass_fields__)


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "warehouse")


def gold_claims() -> list[tuple[str, Claim, dt.date]]:
    return [
        (article["path"], Claim(**{k: v for k, v in claim.items() if k in FIELDS}),
         dt.date.fromisoformat(article["published"]))
        for article in gold_articles()
        for claim in article["claims"]
    ]


def test_distribution_covers_every_gold_claim(registry) -> None:
    claims = gold_claims()
    distribution = expected_distribution(((c, d) for _, c, d in claims), registry)
    print("\nexpected verdicts on dev gold:", dict(distribution.most_common()))
    assert sum(distribution.values()) == len(claims) == 140
    assert distribution["consistent"] > distribution["unknown"]  # the registry covers what the news repeats


EXPECTED_FLAGS = [
    # (page, metric, value, allowed verdicts) from the dev README's "expected conflicts"
    ("/evdigest/nissan-now-promises-20-electric-models-by-2030.html", "ev_model_launches", 20, {"conflicting"}),
    ("/nikkobiz/opinion-nissan-electric-promises-harder-look.html", "electrified_model_launches", 23, {"superseded"}),
    ("/nikkobiz/opinion-nissan-electric-promises-harder-look.html", "ev_model_launches", 15, {"superseded"}),
    ("/nikkobiz/opinion-nissan-electric-promises-harder-look.html", "electrified_sales_share", 50, {"superseded"}),
    ("/nikkobiz/opinion-nissan-electric-promises-harder-look.html", "electrified_sales_share", 75, {"superseded"}),
    ("/kenji-notes/2025-04-12-nissan-ev-road.html", "electrified_model_launches", 23, {"superseded"}),
    ("/kenji-notes/2025-04-12-nissan-ev-road.html", "ev_model_launches", 15, {"superseded"}),
    ("/kenji-notes/2025-04-12-nissan-ev-road.html", "electrified_sales_share", 50, {"superseded"}),
]


@pytest.mark.parametrize(("page", "metric", "value", "allowed"), EXPECTED_FLAGS)
def test_expected_conflicts_are_flagged(registry, page: str, metric: str, value: float, allowed: set[str]) -> None:
    from evnews.compare import judge

    found = [(c, d) for p, c, d in gold_claims() if p == page and c.metric == metric and c.value == value]
    assert found, f"gold has no {metric}={value} claim on {page}"
    for claim, day in found:
        assert judge(claim, day, registry).verdict in allowed


def test_stored_verdicts_equal_rules_and_views_flag_the_rest(tmp_path: Path, registry) -> None:
    con = gold_warehouse(tmp_path / "gold.duckdb", base="")
    run_compare(con, registry)
    stored = con.execute(
        "SELECT article_url, company, product, metric, value, unit, qualifier, region, horizon_year, fiscal_year,"
        " kind, evidence, published, verdict FROM claim_checks"
    ).fetchall()
    triples = [
        (Claim(company=r[1], product=r[2], metric=r[3], value=r[4], unit=r[5], qualifier=r[6], region=r[7],
               horizon_year=r[8], fiscal_year=r[9], kind=r[10], evidence=r[11]), r[12], r[13])
        for r in stored
    ]
    score = verdict_accuracy(triples, registry)
    assert score.matched == 140 and score.accuracy == 1.0

    flagged = {(url, metric) for url, metric in con.execute("SELECT article_url, metric FROM conflicts").fetchall()}
    assert ("/evdigest/nissan-now-promises-20-electric-models-by-2030.html", "ev_model_launches") in flagged
    watch = dict(con.execute("SELECT article_url, related_target_id FROM watchlist").fetchall())
    # seed 001: "one million electric cars" stands for M.O.V.E.'s 1 million electrified a year
    assert watch["/carpulse/nissan-move-2022-one-million-electric-cars.html"] == "move2022_electrified_volume_fy2022"
    # the column's rumoured 2026 Canton start next to the official 2025 target
    assert watch["/nikkobiz/opinion-nissan-electric-promises-harder-look.html"] == "canton2022_production_start_2025"
    con.close()


def test_verdict_accuracy_counts_disagreements(registry) -> None:
    _, claim, day = next(g for g in gold_claims() if g[1].value == 20 and g[1].metric == "ev_model_launches")
    score = verdict_accuracy([(claim, day, "conflicting"), (claim, day, "consistent"), (claim, day, None)], registry)
    assert (score.matched, score.agreeing) == (3, 1)
    assert score.confusion[("conflicting", "consistent")] == 1
    assert score.confusion[("conflicting", "none")] == 1

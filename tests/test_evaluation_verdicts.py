"""Verdict accuracy on matched claims: expected verdict from the gold claim vs the stored one."""

from __future__ import annotations

import datetime as dt

from evnews.compare import judge
from evnews.evaluation.harness import ExtractionScore, PairScore, EvalReport, format_report, score_run
from evnews.evaluation.gold import GoldArticle
from evnews.evaluation.matching import ScoredClaim, match_claims
from evnews.evaluation.verdicts import as_claim, default_registry, score_verdicts

# Nissan's Ambition 2030 update (Feb 2023): 19 EV models by fiscal 2030 is the target in force in 2024.
ARTICLE = "/outlet/story.html"
DAY = dt.date(2024, 1, 10)


def _claim(value: float, verdict: str | None = None, **extra: object) -> ScoredClaim:
    fields: dict[str, object] = dict(article=ARTICLE, company="Nissan", metric="ev_model_launches", kind="target",
                                     value=value, horizon_year=2030, fiscal_year=True, unit="models", verdict=verdict)
    fields.update(extra)
    return ScoredClaim(**fields)  # type: ignore[arg-type]


def test_expected_verdict_comes_from_the_gold_claim_and_the_article_date() -> None:
    registry = default_registry()
    expected = judge(as_claim(_claim(19.0)), DAY, registry).verdict
    assert expected == "consistent"
    agreeing = match_claims([_claim(19.0)], [_claim(19.0, verdict="consistent")])
    score = score_verdicts(agreeing, {ARTICLE: DAY}, registry)
    assert (score.agreeing, score.matched, score.accuracy) == (1, 1, 1.0)
    wrong = match_claims([_claim(19.0)], [_claim(19.0, verdict="unknown")])
    score = score_verdicts(wrong, {ARTICLE: DAY}, registry)
    assert (score.agreeing, score.matched) == (0, 1)
    assert score.confusion[("consistent", "unknown")] == 1


def test_a_wrong_region_on_the_prediction_changes_its_judged_verdict() -> None:
    registry = default_registry()
    result = match_claims([_claim(19.0)], [_claim(19.0, region="china")])  # region is not a matching field
    assert result.true_positives == 1
    judged = score_verdicts(result, {ARTICLE: DAY}, registry, judge_predictions=True)
    assert judged.agreeing == 0 and judged.matched == 1


def test_score_run_reports_verdicts_from_claim_checks_rows() -> None:
    gold = [GoldArticle(ARTICLE, "t", DAY, "body", "g1", (
        {"company": "Nissan", "metric": "ev_model_launches", "kind": "target", "value": 19, "horizon_year": 2030,
         "fiscal_year": True, "unit": "models", "region": "global", "evidence": "x"},))]  # fmt: skip
    rows = [{"article_url": "http://h" + ARTICLE, "company": "Nissan", "metric": "ev_model_launches", "kind": "target",
             "value": 19.0, "horizon_year": 2030, "fiscal_year": True, "unit": "models", "verdict": "superseded"}]  # fmt: skip
    report = score_run(gold, "http://h", [], rows, registry=default_registry())
    assert report.verdicts is not None and report.verdict_accuracy == 0.0
    assert "verdicts  accuracy on matched claims 0/1 (0.000)" in format_report(report)
    without = score_run(gold, "http://h", [], rows)
    assert without.verdicts is None and "verdicts" not in format_report(without)


def test_report_without_matches_prints_a_perfect_empty_score() -> None:
    report = EvalReport("c", match_claims([], []), {}, ExtractionScore(), 0, 0, PairScore(), 0, 0,
                        verdicts=score_verdicts(match_claims([], []), {}, default_registry()))  # fmt: skip
    assert "0/0 (1.000)" in format_report(report)

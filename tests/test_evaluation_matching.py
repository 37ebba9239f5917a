"""The claims.md matching rules, one test each, and the dev-corpus floor of the extractor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evnews.evaluation.gold import load_gold, score_extractor_on_gold_text
from evnews.evaluation.matching import ScoredClaim, match_claims, values_agree

SHARED = Path(os.environ.get("EVNEWS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def claim(**fields: object) -> ScoredClaim:
    base: dict[str, object] = dict(article="/a.html", company="Nissan", metric="ev_model_launches", kind="target",
                                   value=19.0, horizon_year=2030)  # fmt: skip
    base.update(fields)
    return ScoredClaim(**base)  # type: ignore[arg-type]


def test_values_within_one_percent_or_both_null() -> None:
    assert values_agree(100.0, 100.9) and not values_agree(100.0, 101.5)
    assert values_agree(None, None) and not values_agree(None, 0.0)


@pytest.mark.parametrize(
    "change",
    [
        {"article": "/b.html"},
        {"company": "Toyota"},
        {"metric": "electrified_model_launches"},
        {"kind": "actual"},
        {"value": 20.0},
        {"horizon_year": 2031},
    ],
)
def test_each_matching_field_must_agree(change: dict[str, object]) -> None:
    result = match_claims([claim()], [claim(**change)])
    assert result.true_positives == 0


def test_a_gold_claim_without_a_year_accepts_any_year() -> None:
    assert match_claims([claim(horizon_year=None)], [claim(horizon_year=2030)]).true_positives == 1


def test_each_gold_claim_matches_one_prediction() -> None:
    result = match_claims([claim()], [claim(), claim()])
    assert (result.true_positives, len(result.spurious)) == (1, 1)


def test_of_two_fitting_predictions_the_one_about_the_same_product_is_paired_whatever_their_order() -> None:
    # Two launches read from one sentence ("e-POWER and a plug-in hybrid reach the US in fiscal 2026"):
    # the pairing, and the verdict scored on it, must not follow the order the warehouse returns rows in.
    gold = [claim(metric="technology_launch", value=None, product="e-POWER")]
    epower = claim(metric="technology_launch", value=None, product="e-POWER", verdict="consistent")
    phev = claim(metric="technology_launch", value=None, product="plug-in hybrid", verdict="unknown")
    for predicted in ([epower, phev], [phev, epower]):
        result = match_claims(gold, predicted)
        assert [p.verdict for _, p in result.matched] == ["consistent"]
        assert [p.product for p in result.spurious] == ["plug-in hybrid"]


def test_ties_between_equally_close_predictions_are_broken_by_content_not_order() -> None:
    gold = [claim()]
    first, second = claim(evidence="A sentence."), claim(evidence="Another sentence.")
    assert match_claims(gold, [first, second]).matched == match_claims(gold, [second, first]).matched


def test_rival_claims_are_not_scored_but_one_stored_as_nissan_is_a_false_positive() -> None:
    gold = [claim(company="Toyota", value=15.0)]
    assert len(match_claims(gold, [claim(company="Toyota", value=15.0)]).spurious) == 0
    assert len(match_claims(gold, [claim(value=15.0)]).spurious) == 1


def test_other_metric_is_neither_hit_nor_false_positive() -> None:
    result = match_claims([claim(metric="other")], [claim(metric="other"), claim(metric="other", value=3.0)])
    assert (result.true_positives, len(result.missed), len(result.spurious)) == (0, 0, 0)


def test_attributes_are_scored_over_matched_pairs() -> None:
    result = match_claims(
        [claim(region="europe", fiscal_year=True), claim(value=27.0, qualifier="at_least")],
        [claim(region="global", fiscal_year=True), claim(value=27.0, qualifier="at_least")],
    )
    assert result.attribute_accuracy("region") == 0.5
    assert result.attribute_accuracy("fiscal_year") == 1.0 and result.attribute_accuracy("qualifier") == 1.0


def test_matching_finds_the_most_pairs() -> None:
    # The first prediction could serve either gold claim; a greedy pass would strand the second.
    gold = [claim(horizon_year=None), claim(horizon_year=2030)]
    preds = [claim(horizon_year=2030), claim(horizon_year=2025)]
    assert match_claims(gold, preds).true_positives == 2


def test_extractor_on_dev_gold_text_reaches_the_bar() -> None:
    """Dev loop: extract_claims on each gold body text (first pages of groups), scored as claims.md says."""
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.fail(f"../shared not found at {SHARED}")
    result = score_extractor_on_gold_text(load_gold(SHARED / "eval" / "dev"))
    # Floors at what the extractor reaches on dev (1.00/1.00 when written), kept a little under it.
    assert result.precision >= 0.97, [c.evidence for c in result.spurious]
    assert result.recall >= 0.97, [c.evidence for c in result.missed]
    assert result.attribute_accuracy("region") >= 0.9


def test_extractor_on_demo_gold_text_keeps_its_held_out_level(tmp_path: Path) -> None:
    """The bundled demo corpus was written independently of the extractor: a second, validation-only set."""
    demo_gold = Path(__file__).resolve().parents[1] / "src" / "evnews" / "demo" / "gold.jsonl"
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "articles.jsonl").symlink_to(demo_gold)
    result = score_extractor_on_gold_text(load_gold(tmp_path))
    # 1.00 / 0.986 when written (was 0.85 / 0.74 before the generalisation work); floors a little under.
    assert result.precision >= 0.95, [c.evidence for c in result.spurious]
    assert result.recall >= 0.93, [c.evidence for c in result.missed]

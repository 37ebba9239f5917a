"""Floors for the claim extractor on the held-out corpora in the repository (gold body text).

These sets were written independently of the extractor, then their error types were studied to write
general rules (see the commit history), so they are no longer blind: these floors only keep the level
reached from sliding back. heldout4 and heldout5 were studied in round 3 (issue 6), heldout6 in round 4
(tests/test_claims_round4.py), heldout7 in round 5 (tests/test_claims_round5.py; it was blind until then), heldout9 and
heldout10 in round 6 (tests/test_claims_round6.py; both were blind until then), heldout11 and heldout12 in round 7
(tests/test_claims_round7.py; both were blind until then), heldout13 and heldout15 in round 8
(tests/test_claims_round8.py; both were blind until then), heldout14 and heldout16 in round 9
(tests/test_claims_round9.py; both were blind until then), heldout17 and heldout18 in round 10
(tests/test_claims_round10.py; both were blind until then), heldout19 and heldout20 in round 11
(tests/test_claims_round11.py; both were blind until then), heldout21 and heldout22 in round 12
(tests/test_claims_round12.py; both were blind until then). Round 13 pooled the errors of all of them
(tests/test_claims_round13.py, tests/round13_error_types.md) and raised the floors it lifted.
The blind estimate in the repository is tests/heldout3, which is never used for tuning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evnews.evaluation.gold import load_gold, score_extractor_on_gold_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("corpus", "precision", "recall", "region"),
    [
        ("heldout", 0.98, 0.90, 0.98),
        ("heldout2", 0.95, 0.95, 0.97),
        ("heldout4", 0.96, 0.95, 0.99),
        ("heldout5", 0.95, 0.95, 0.99),
        ("heldout6", 0.95, 0.96, 0.95),
        ("heldout7", 0.98, 0.97, 0.95),
        ("heldout9", 0.95, 0.95, 0.97),
        ("heldout10", 0.97, 0.91, 0.98),
        ("heldout11", 0.95, 0.91, 0.98),
        ("heldout12", 0.98, 0.91, 0.97),
        ("heldout13", 0.95, 0.86, 0.96),
        ("heldout14", 0.98, 0.98, 0.99),
        ("heldout15", 0.96, 0.88, 0.98),
        ("heldout16", 0.98, 0.95, 0.99),
        ("heldout17", 0.89, 0.84, 0.98),
        ("heldout18", 0.94, 0.90, 0.98),
        ("heldout19", 0.93, 0.94, 0.99),
        ("heldout20", 0.96, 0.89, 0.95),
        ("heldout21", 0.96, 0.97, 0.98),
        ("heldout22", 0.96, 0.92, 0.97),
    ],
)
def test_extractor_keeps_its_level_on_held_out_gold_text(corpus: str, precision: float, recall: float, region: float) -> None:
    result = score_extractor_on_gold_text(load_gold(ROOT / "tests" / corpus))
    assert result.precision >= precision, [c.evidence for c in result.spurious]
    assert result.recall >= recall, [c.evidence for c in result.missed]
    assert result.attribute_accuracy("region") >= region, f"{corpus} region {result.attribute_accuracy('region'):.3f}"

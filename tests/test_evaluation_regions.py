"""Floors for region accuracy over matched claims (gold body text), on every corpus used for tuning.

Region decides whether a claim fits a stored target, so a wrong region turns a `consistent` verdict
into `unknown` or `conflicting`. Levels when written (claims-rules-8): dev, demo, heldout, heldout4 and
heldout5 1.000, heldout2 0.987; before the context model (claims-rules-7) they were 0.74-0.97.
tests/heldout3 is the blind estimate and is never read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evnews.evaluation.gold import load_gold, score_extractor_on_gold_text

ROOT = Path(__file__).resolve().parents[1]
REGION_FLOOR = 0.97


def _region_accuracy(corpus: Path) -> tuple[float, list[str]]:
    result = score_extractor_on_gold_text(load_gold(corpus))
    wrong = [f"{g.region} -> {p.region}: {g.evidence}" for g, p in result.matched if g.region != p.region]
    return result.attribute_accuracy("region"), wrong


def test_region_accuracy_on_the_dev_corpus(shared_dir: Path) -> None:
    accuracy, wrong = _region_accuracy(shared_dir / "eval" / "dev")
    assert accuracy >= 0.99, wrong


def test_region_accuracy_on_the_demo_corpus(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "articles.jsonl").symlink_to(ROOT / "src" / "evnews" / "demo" / "gold.jsonl")
    accuracy, wrong = _region_accuracy(tmp_path)
    assert accuracy >= REGION_FLOOR, wrong


@pytest.mark.parametrize("corpus", ["heldout", "heldout2", "heldout4", "heldout5"])
def test_region_accuracy_on_held_out_corpora(corpus: str) -> None:
    accuracy, wrong = _region_accuracy(ROOT / "tests" / corpus)
    assert accuracy >= REGION_FLOOR, wrong

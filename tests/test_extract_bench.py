"""The extraction benchmark script runs (on a small sample) so it cannot rot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVNEWS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction_metric import score_page, summarise  # noqa: E402


@pytest.mark.skipif(not (SHARED / "bench" / "extraction").exists(), reason="benchmark data not found")
def test_benchmark_script_prints_every_extractor_and_the_dev_figures() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extraction_bench.py"), "--sample", "4",
         "--shared", str(SHARED)],
        capture_output=True, text=True, timeout=300, check=True,
    )
    out = result.stdout
    assert "4 pages" in out
    for name in ("evnews extract_article", "trafilatura default, no comments",
                 "trafilatura favor_precision, no comments"):
        row = next(line for line in out.splitlines() if line.startswith(name))
        figures = [float(x) for x in re.findall(r"\d+\.\d+", row)]
        assert len(figures) >= 6 and all(0 <= f <= 1 for f in figures[:4])
    assert re.search(r"published date exact: \d+/18", out)
    assert re.search(r"body lines: recall \d\.\d{3}, precision \d\.\d{3}", out)


def test_metric_counts_shingles_per_page() -> None:
    truth = "one two three four five six"
    assert score_page(truth, truth).precision == 1.0
    half = score_page(truth, "one two three four five six seven eight nine")
    # 3 true shingles matched, 3 extra predicted: tp=3, fp=3, fn=0 -> normalised
    assert (round(half.tp, 3), round(half.fp, 3), half.fn) == (0.5, 0.5, 0.0)
    assert half.precision == 0.5 and half.recall == 1.0


def test_metric_leaves_empty_predictions_out_of_precision() -> None:
    summary = summarise([("a b c d e", "a b c d e"), ("f g h i j", "")])
    assert summary.empty == 1
    assert summary.precision == 1.0
    assert summary.recall == 0.5
    assert round(summary.f1, 4) == round(2 * 1.0 * 0.5 / 1.5, 4)
    assert summary.accuracy == 0.5

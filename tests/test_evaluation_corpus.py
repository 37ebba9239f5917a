"""`evaluate_corpus` on the dev corpus: the whole pipeline over a served site, graded."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run_cli

from evnews.evaluation import evaluate_corpus, format_report
from evnews.evaluation.gold import load_gold
from evnews.errors import ConfigError


@pytest.mark.slow
def test_dev_corpus_end_to_end(shared_dir: Path, tmp_path: Path) -> None:
    report = evaluate_corpus(shared_dir / "eval" / "dev", tmp_path)
    text = format_report(report)
    # Floors set at what the pipeline reaches on dev (all 1.00 when written), never above.
    assert report.claims.precision >= 0.90, text
    assert report.claims.recall >= 0.85, text
    assert report.pages_found == report.pages_gold, text
    assert report.date_accuracy >= 0.95, text
    assert report.extraction.line_recall >= 0.95, text
    assert report.dedup.recall == 1.0 and report.dedup.precision == 1.0, text
    # Issue 7: stored verdicts agree with the ones the gold claims imply (0.991 when written).
    assert report.verdicts is not None and report.verdicts.matched == report.claims.true_positives, text
    assert report.verdicts.accuracy >= 0.95, text
    assert "verdicts  accuracy on matched claims" in text
    assert "precision" in text and "dedup" in text
    assert (tmp_path / "eval.duckdb").is_file()


def test_a_corpus_without_gold_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="gold"):
        load_gold(tmp_path)


def test_eval_on_a_folder_without_gold_says_what_to_do_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    done = run_cli("eval", "--corpus", str(tmp_path), "--work-dir", str(tmp_path / "work"))
    assert done.returncode == 2
    assert "no gold file" in done.stderr and "gold/articles.jsonl" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout

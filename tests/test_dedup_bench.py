"""A tiny run of benchmarks/dedup_bench.py, so the benchmark cannot rot unnoticed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "dedup_bench.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("dedup_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_planted_copies_are_found_in_a_small_synthetic_run(tmp_path: Path) -> None:
    bench = _load_bench()
    result = bench.run_size(1200, 300, 0.3, 11, tmp_path / "bench.duckdb")
    assert result["planted"] > 250
    assert result["planted_recall"] >= 0.99
    assert result["pair_precision"] >= 0.99
    assert result["pair_recall"] >= 0.99


def test_the_benchmark_script_prints_its_table() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "200", "400", "--batch", "100"],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    assert lines[0].startswith("| pages | dedup s")
    assert [line.split("|")[1].strip() for line in lines[1:]] == ["200", "400"]

"""`make bench`: quick versions of every benchmark under benchmarks/, each printing its table.

The full-size runs take minutes to an hour; these take a few minutes in all
and are meant to show that nothing regressed by a large factor. Each
benchmark runs in its own process, one after the other (they would otherwise
compete for the same two cores). A benchmark script added under benchmarks/
belongs in QUICK below; the runner names any it does not know.

    .venv/bin/python benchmarks/run_all.py            # all quick versions
    .venv/bin/python benchmarks/run_all.py pipeline   # only those whose name contains "pipeline"
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script -> arguments of its quick version
QUICK: dict[str, list[str]] = {
    "pipeline_bench.py": ["--n", "300", "--skip-large"],
    "dedup_bench.py": ["--sizes", "2000", "4000", "--batch", "500"],
    "extraction_bench.py": ["--sample", "60"],
    "claims_bench.py": ["--pages", "300"],
    "extract_cpu_bench.py": ["--generated", "300", "--repeat", "2"],
}
# Modules here that are libraries or tools, not benchmarks.
NOT_BENCHMARKS = {"run_all.py", "generate_site.py", "extraction_metric.py"}


def main(argv: list[str]) -> int:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    unknown = sorted(p.name for p in HERE.glob("*.py") if p.name not in QUICK and p.name not in NOT_BENCHMARKS)
    if unknown:
        print(f"note: no quick version registered in run_all.py for: {', '.join(unknown)}\n", flush=True)
    failed = []
    for script, args in QUICK.items():
        if argv and not any(word in script for word in argv):
            continue
        if not (HERE / script).exists():
            print(f"== {script}: not present, skipped\n", flush=True)
            continue
        print(f"== {script} {' '.join(args)}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *args], env=env, cwd=HERE.parent)
        print(f"== {script}: exit {code} after {time.perf_counter() - start:.0f} s\n", flush=True)
        if code:
            failed.append(script)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Whole-pipeline cost against the cost of text extraction itself.

In one run, on a generated site (benchmarks/generate_site.py) served on
127.0.0.1 by a separate process:

1. plain trafilatura extraction of the same pages, one process, one page at a
   time (the baseline: the call the project's extractor starts from);
2. `evnews run` over all the site's feeds, fresh DB (cold), N pages;
3. the same run again: nothing new (conditional GET, stored URLs skipped);
4. an empty run (one feed with no entries) on an initialised DB: the fixed
   cost of starting a run (3 and 4 are short: each is run five times, in
   turns, and its median kept);
5. peak memory of the run's process tree at N and at N-large (fresh DB).

Every run is a subprocess (`python -m evnews.cli run --no-prefect`), timed
wall-clock, its RSS summed over the process and its children (the extraction
workers) every 50 ms, read from /proc so that sampling costs the run little.
Loopback politeness: a sources TOML with a [fetch] table (no per-host delay,
8 connections) replaces the defaults (1 s per host), which exist for real
sites.

    .venv/bin/python benchmarks/pipeline_bench.py                       # N = 2,000 and 20,000
    .venv/bin/python benchmarks/pipeline_bench.py --n 300 --skip-large  # quick
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_site import GENERATOR_VERSION, feed_files, generate_site  # noqa: E402

SHORT_RUN_SAMPLES = 5  # rerun and empty run, each (3 still let a slow minute decide a 1.2x bar)
LOOPBACK_FETCH = {"per_host_delay_s": 0.0, "per_host_concurrency": 8, "total_concurrency": 8}
# The project's extractor starts from this trafilatura call (evnews.extract.body).
BASELINE_OPTIONS = {"favor_precision": True, "include_comments": False, "include_tables": True}
ENV = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


@dataclass
class RunMeasure:
    label: str
    pages: int
    wall_s: float
    cpu_s: float  # user + system of the run process and all its descendants (workers, forkserver)
    peak_rss_mb: float  # the largest sum of RSS over the process tree
    server_cpu_s: float
    parent_cpu_s: float = 0.0  # the run process alone (fetch, load, dedup, compare)
    durations: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


# ----------------------------------------------------------------- the site


def ensure_site(root: Path, n: int, seed: int) -> Path:
    """Generate the site once; reuse it when its manifest matches."""
    manifest = root / "manifest.json"
    if manifest.exists():
        done = json.loads(manifest.read_text())
        if done.get("pages") == n and done.get("seed", seed) == seed and done.get("generator") == GENERATOR_VERSION:
            return root
    generate_site(root, n, seed=seed)
    return root


@contextmanager
def served(root: Path) -> Iterator[tuple[str, psutil.Process]]:
    """The site served by its own process (so its CPU is not the run's); yields its base URL."""
    cmd = [sys.executable, str(HERE / "generate_site.py"), str(root), "--serve"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        if not base.startswith("http://"):
            raise RuntimeError(f"site server did not start: {base!r}")
        yield base, psutil.Process(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def write_sources(path: Path, feed_urls: list[str]) -> Path:
    lines = ["# Loopback benchmark: no per-host delay (the defaults are for real sites).", "[fetch]"]
    lines += [f"{key} = {value}" for key, value in LOOPBACK_FETCH.items()]
    for url in feed_urls:
        lines += ["", "[[feed]]", f'url = "{url}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------- measuring


def plain_extraction_ms(root: Path, limit: int | None = None) -> tuple[float, float, int]:
    """Mean wall and CPU ms per page of bare trafilatura, one process, pages already in memory as str."""
    import trafilatura

    files = sorted(root.glob("*/*.html"))[:limit]
    wall = cpu = 0.0
    base = "http://127.0.0.1:1"
    trafilatura.extract("<html><body><p>warm up</p></body></html>", **BASELINE_OPTIONS)
    for path in files:
        html = path.read_text(encoding="utf-8").replace("{{BASE}}", base)
        start, start_cpu = time.perf_counter(), time.process_time()
        trafilatura.extract(html, url=str(path), **BASELINE_OPTIONS)
        wall += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
    count = max(len(files), 1)
    return 1000 * wall / count, 1000 * cpu / count, len(files)


def project_extraction_ms(root: Path, limit: int) -> float:
    """Mean ms per page of the project's `extract_article` in one process (for the breakdown)."""
    from evnews.errors import EvnewsError
    from evnews.extract import extract_article

    files = sorted(root.glob("*/*.html"))[:limit]
    extract_article(files[0].read_bytes(), "http://127.0.0.1:1/warm-up.html")
    total = 0.0
    for path in files:
        body = path.read_bytes().replace(b"{{BASE}}", b"http://127.0.0.1:1")
        start = time.perf_counter()
        try:
            extract_article(body, f"http://127.0.0.1:1/{path.parent.name}/{path.name}")
        except EvnewsError:
            pass
        total += time.perf_counter() - start
    return 1000 * total / max(len(files), 1)


_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_bytes(pid: int) -> int:
    """Resident set of one process from /proc (far cheaper than psutil's full memory_info)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process from /proc (a zombie still has its final figures)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime: fields 14 and 15 of proc(5)
    except (OSError, IndexError, ValueError):
        return 0.0


class _TreeWatch:
    """Samples RSS and CPU of a process and all its descendants; the sampling itself must stay
    cheap, because on two cores every millisecond it takes is a millisecond the run loses.

    CPU is summed per process from /proc, not taken from getrusage: the extraction workers are
    children of multiprocessing's forkserver, which nobody waits for, so their CPU never
    reaches RUSAGE_CHILDREN.
    """

    def __init__(self, proc: psutil.Process) -> None:
        self.proc, self.pids, self.peak = proc, [proc.pid], 0
        self.cpu: dict[int, float] = {}
        self._next_scan = 0.0

    def sample(self) -> None:
        now = time.monotonic()
        if now >= self._next_scan:  # children (the extraction workers) appear once; look for them twice a second
            self._next_scan = now + 0.5
            try:
                self.pids = [self.proc.pid, *(c.pid for c in self.proc.children(recursive=True))]
            except psutil.Error:
                pass
        self.peak = max(self.peak, sum(_rss_bytes(pid) for pid in self.pids))
        for pid in self.pids:
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_s(pid))

    @property
    def own_cpu(self) -> float:
        return self.cpu.get(self.proc.pid, 0.0)

    @property
    def tree_cpu(self) -> float:
        return sum(self.cpu.values())


def _wait_sampling(proc: subprocess.Popen[bytes], watch: _TreeWatch) -> None:
    """Sample every 50 ms until the process exits, once more while it is a zombie, then reap it."""
    while os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        watch.sample()
        time.sleep(0.05)
    watch.sample()  # its final CPU figures, before proc.wait() reaps it
    proc.wait()


def measure_run(label: str, sources: Path, db: Path, server: psutil.Process, pages: int) -> RunMeasure:
    """Run `evnews run` once as a subprocess; wall time, CPU, peak tree RSS, the run's own durations."""
    cmd = [sys.executable, "-m", "evnews.cli", "run", "--sources", str(sources), "--db", str(db),
           "--allow-private-hosts", "--no-prefect"]  # fmt: skip
    server_before = sum(server.cpu_times()[:2])
    start = time.perf_counter()
    # Output goes to a file: a pipe nobody reads while the run goes on could fill and block it.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=ENV)
        watch = _TreeWatch(psutil.Process(proc.pid))
        _wait_sampling(proc, watch)
        wall = time.perf_counter() - start
        log.seek(0)
        output = log.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{label}: evnews run exited {proc.returncode}:\n{output[-3000:]}")
    peak, parent_cpu, cpu = watch.peak, watch.own_cpu, watch.tree_cpu
    server_cpu = sum(server.cpu_times()[:2]) - server_before
    durations, counts = last_run_record(db)
    return RunMeasure(label, pages, wall, cpu, peak / 2**20, server_cpu, parent_cpu, durations, counts)


def last_run_record(db: Path) -> tuple[dict[str, float], dict[str, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT durations, counts FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    finally:
        con.close()
    if row is None:
        return {}, {}
    return json.loads(row[0] or "{}"), json.loads(row[1] or "{}")


# ----------------------------------------------------------------- the benchmark


@dataclass
class Results:
    n: int
    baseline_ms: float
    baseline_cpu_ms: float
    baseline_pages: int
    project_ms: float
    runs: dict[str, RunMeasure] = field(default_factory=dict)


def bench_site(work: Path, n: int, seed: int, results: Results | None, *, full: bool) -> Results:
    """All measurements on one site size; `full` adds baseline, rerun and empty runs."""
    root = ensure_site(work / f"site-{n}", n, seed)
    if results is None:
        results = Results(n, *plain_extraction_ms(root), project_extraction_ms(root, min(n, 300)))
    with served(root) as (base, server):
        feeds = [f"{base}/{rel}" for rel in feed_files(root)]
        sources = write_sources(work / f"sources-{n}.toml", feeds)
        db = work / f"run-{n}.duckdb"
        for stale in work.glob(f"run-{n}.*"):
            stale.unlink()
        if not full:
            results.runs["cold_large"] = measure_run(f"cold run, N={n:,}", sources, db, server, n)
            return results
        empty_sources = write_sources(work / "sources-empty.toml", [f"{base}/extra/empty.xml"])
        empty_db = work / "empty.duckdb"
        for stale in work.glob("empty.*"):
            stale.unlink()
        results.runs["empty_fresh"] = measure_run("empty run, new DB", empty_sources, empty_db, server, 0)
        cold = measure_run(f"cold run, N={n:,}", sources, db, server, n)
        # A run with nothing to do lasts ~1.5 s, and one sample of it moves by a third with whatever
        # else the machine does: both short runs are taken in turns and the median of each is kept.
        empties, reruns = [], []
        for _ in range(SHORT_RUN_SAMPLES):
            reruns.append(measure_run("rerun, nothing new", sources, db, server, 0))
            empties.append(measure_run("empty run", empty_sources, empty_db, server, 0))
        results.runs["empty"] = median_run(empties)
        results.runs["cold"] = cold
        results.runs["rerun"] = median_run(reruns)
    return results


def median_run(runs: list[RunMeasure]) -> RunMeasure:
    """The sample of median wall time, its label saying how many there were."""
    middle = sorted(runs, key=lambda run: run.wall_s)[len(runs) // 2]
    return replace(middle, label=f"{middle.label} (median of {len(runs)})")


def marginal_ms(run: RunMeasure, empty: RunMeasure) -> float:
    return 1000 * (run.wall_s - empty.wall_s) / max(run.pages, 1)


def cpu_budget(cold: RunMeasure, empty: RunMeasure, baseline_ms: float) -> list[str]:
    """Where the marginal CPU of an article goes, and the ratio it allows with every core busy."""
    pages = max(cold.pages, 1)
    main_ms = 1000 * (cold.parent_cpu_s - empty.parent_cpu_s) / pages
    workers_ms = 1000 * ((cold.cpu_s - cold.parent_cpu_s) - (empty.cpu_s - empty.parent_cpu_s)) / pages
    server_ms = 1000 * cold.server_cpu_s / pages
    cores = os.cpu_count() or 1
    floor = (main_ms + workers_ms + server_ms) / cores
    return [
        f"  (CPU per article: extraction workers {workers_ms:.2f} ms, run process {main_ms:.2f} ms, "
        f"site server {server_ms:.2f} ms; with all {cores} cores busy the wall cost could not fall below "
        f"{floor:.2f} ms = {floor / baseline_ms:.2f}x)",
    ]


def report(res: Results, n_large: int | None) -> str:
    runs, empty = res.runs, res.runs["empty"]
    lines = [
        "Pipeline benchmark (2-core figures depend on the machine; ratios are against the same run's baseline)",
        f"machine: {os.cpu_count()} cores, load average at the end {os.getloadavg()[0]:.1f} (other work skews wall times)",
        f"fetch settings for loopback: {LOOPBACK_FETCH} (defaults: 1 s per host, 2 connections)",
        f"baseline: trafilatura.extract({', '.join(f'{k}={v}' for k, v in BASELINE_OPTIONS.items())}), "
        f"one process: {res.baseline_ms:.2f} ms/page ({res.baseline_cpu_ms:.2f} ms CPU) over {res.baseline_pages:,} pages",
        f"project extractor (extract_article), one process: {res.project_ms:.2f} ms/page "
        f"({res.project_ms / res.baseline_ms:.2f}x baseline)",
        "",
        f"{'run':34} {'pages':>7} {'wall s':>8} {'cpu s':>8} {'of which main':>13} {'cores':>6} {'peak MB':>8} "
        f"{'server cpu s':>12}",
    ]
    for run in runs.values():
        cores = run.cpu_s / run.wall_s if run.wall_s else 0.0
        lines.append(
            f"{run.label:34} {run.pages:>7,} {run.wall_s:>8.2f} {run.cpu_s:>8.2f} {run.parent_cpu_s:>13.2f} {cores:>6.2f} "
            f"{run.peak_rss_mb:>8.0f} {run.server_cpu_s:>12.2f}"
        )
    lines.append("")
    for run in runs.values():
        stages = ", ".join(f"{k}={v:.2f}" for k, v in run.durations.items())
        lines.append(f"stage seconds, {run.label} (runs.durations, overlapping stages overlap): {stages}")
    cold = runs["cold"]
    per_article = marginal_ms(cold, empty)
    cpu_per_article = 1000 * (cold.cpu_s - empty.cpu_s) / max(cold.pages, 1)
    lines += [
        "",
        f"RATIO marginal cost per article / plain extraction: {per_article:.2f} ms / {res.baseline_ms:.2f} ms "
        f"= {per_article / res.baseline_ms:.2f}x  (bar <= 0.65x)",
        f"  (CPU, all processes: {cpu_per_article:.2f} ms / {res.baseline_cpu_ms:.2f} ms "
        f"= {cpu_per_article / res.baseline_cpu_ms:.2f}x; wall < CPU when both cores work)",
        *cpu_budget(cold, empty, res.baseline_ms),
        f"RATIO rerun with nothing new / empty run: {runs['rerun'].wall_s:.2f} s / {empty.wall_s:.2f} s "
        f"= {runs['rerun'].wall_s / empty.wall_s:.2f}x  (bar <= 1.2x)",
        f"  (CPU: {runs['rerun'].cpu_s:.2f} s / {empty.cpu_s:.2f} s = {runs['rerun'].cpu_s / empty.cpu_s:.2f}x)",
    ]
    large = runs.get("cold_large")
    if large is not None and n_large:
        lines.append(
            f"RATIO peak memory N={n_large:,} / N={res.n:,}: {large.peak_rss_mb:.0f} MB / {cold.peak_rss_mb:.0f} MB "
            f"= {large.peak_rss_mb / cold.peak_rss_mb:.2f}x  (bar <= 1.5x)"
        )
        lines.append(f"(marginal cost per article at N={n_large:,}: {marginal_ms(large, empty):.2f} ms "
                     f"= {marginal_ms(large, empty) / res.baseline_ms:.2f}x baseline)")  # fmt: skip
    else:
        lines.append("RATIO peak memory: skipped (--skip-large)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="pages of the main site [2000]")
    parser.add_argument("--n-large", type=int, default=20000, help="pages of the memory-check site [20000]")
    parser.add_argument("--skip-large", action="store_true", help="skip the N-large run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep sites and DBs here (reused across runs)")
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="evnews-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = bench_site(work, args.n, args.seed, None, full=True)
        if not args.skip_large:
            bench_site(work, args.n_large, args.seed, results, full=False)
    print(report(results, None if args.skip_large else args.n_large))
    if args.json:
        args.json.write_text(json.dumps(results, default=lambda o: o.__dict__, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

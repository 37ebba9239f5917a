"""Article-extraction benchmark: the project's extractor against plain trafilatura.

    .venv/bin/python benchmarks/extraction_bench.py [--sample N] [--repeat N] [--shared DIR]

Prints, for the 181-page benchmark in ../shared/bench/extraction (metric in
extraction_metric.py), precision / recall / F1 / exact-match accuracy / empty
pages / ms per page for every extractor in the same run, the speed ratio
against plain trafilatura (favor_precision), and then the dev-corpus figures
(../shared/eval/dev): gold-line recall and precision of body_text, and exact
matches of published date, title and outlet.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_metric import Summary, summarise  # noqa: E402

from evnews.errors import PermanentError  # noqa: E402
from evnews.extract import extract_article  # noqa: E402
from evnews.extract.article import parse_page  # noqa: E402
from evnews.extract.body import combine, extract_all  # noqa: E402

Extractor = Callable[[str, str], str]
DEV_BASE = "http://dev.example"


def default_shared() -> Path:
    override = os.environ.get("EVNEWS_SHARED")
    return Path(override) if override else Path(__file__).resolve().parents[1].parent / "shared"


def _evnews_record(html: str, url: str) -> str:
    try:
        return extract_article(html, url).body_text
    except PermanentError:
        return ""


def _evnews_body(html: str, url: str) -> str:
    return "\n".join(combine(extract_all(parse_page(html, url), url)))


def _plain(**options: bool) -> Extractor:
    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=False, **options) or ""

    return run


EXTRACTORS: dict[str, Extractor] = {
    "evnews extract_article (full record)": _evnews_record,
    "evnews body voting only": _evnews_body,
    "trafilatura default, no comments": _plain(),
    "trafilatura favor_precision, no comments": _plain(favor_precision=True),
}
BASELINE = "trafilatura favor_precision, no comments"


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    url: str
    html: str
    truth: str


def load_benchmark(bench_dir: Path, sample: int | None) -> list[Page]:
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:sample] if sample else sorted(truth)
    return [
        Page(key, truth[key]["url"],
             gzip.decompress((bench_dir / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8"),
             truth[key]["articleBody"])
        for key in keys
    ]


def run_benchmark(pages: list[Page], repeat: int = 1) -> dict[str, tuple[Summary, float, float]]:
    """Per extractor: (Summary, median ms/page, mean ms/page).

    Extractors take turns page by page, so a busy machine slows them alike and
    the ratios stay fair; each page's time is the fastest of `repeat` passes.
    """
    for extractor in EXTRACTORS.values():
        extractor(pages[0].html, pages[0].url)  # warm-up: imports, models, caches
    outputs: dict[str, list[str]] = {name: [] for name in EXTRACTORS}
    times: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    for page in pages:
        for name, extractor in EXTRACTORS.items():
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                text = extractor(page.html, page.url)
                best = min(best, (time.perf_counter() - start) * 1000)
            outputs[name].append(text)
            times[name].append(best)
    return {
        name: (
            summarise((p.truth, out) for p, out in zip(pages, outputs[name], strict=True)),
            statistics.median(times[name]),
            statistics.mean(times[name]),
        )
        for name in EXTRACTORS
    }


def print_benchmark(results: dict[str, tuple[Summary, float, float]], pages: int) -> None:
    base_ms = results[BASELINE][2]
    print(f"\nArticle-extraction benchmark, {pages} pages (same run)")
    print(f"{'extractor':42} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'empty':>5} "
          f"{'med ms':>7} {'mean ms':>8} {'x base':>7}")
    for name, (s, median_ms, mean_ms) in results.items():
        print(f"{name:42} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.accuracy:6.3f} "
              f"{s.empty:5d} {median_ms:7.1f} {mean_ms:8.1f} {mean_ms / base_ms:7.2f}")


@dataclass(frozen=True, slots=True)
class DevFigures:
    pages: int
    line_recall: float  # mean share of gold lines present in body_text
    line_precision: float  # mean share of body lines that are gold lines
    pages_all_lines: int  # pages with every gold line present
    pages_no_extra: int  # pages with no line outside the gold
    dates: int
    titles: int
    outlets: int
    misses: tuple[str, ...]


def dev_figures(dev_dir: Path) -> DevFigures:
    rows = [json.loads(line) for line in (dev_dir / "gold" / "articles.jsonl").open(encoding="utf-8")]
    recalls, precisions, misses = [], [], []
    complete = clean = dates = titles = outlets = 0
    for row in rows:
        path = row["path"].split("?")[0]
        html = (dev_dir / "site" / path.lstrip("/")).read_text(encoding="utf-8")
        article = extract_article(html.replace("{{BASE}}", DEV_BASE).encode(), DEV_BASE + row["path"])
        gold, got = row["body_text"].split("\n"), article.body_text.split("\n")
        found = sum(line in got for line in gold)
        extra = sum(line not in gold for line in got)
        recalls.append(found / len(gold))
        precisions.append((len(got) - extra) / len(got))
        complete += found == len(gold)
        clean += extra == 0
        dates += str(article.published) == row["published"]
        titles += article.title == row["title"]
        outlets += article.outlet == row["outlet"]
        if found < len(gold) or extra or str(article.published) != row["published"]:
            misses.append(f"{row['path']}: {len(gold) - found} gold lines missing, {extra} extra, "
                          f"date {article.published} ({article.published_source}) vs {row['published']}")
    return DevFigures(len(rows), statistics.mean(recalls), statistics.mean(precisions),
                      complete, clean, dates, titles, outlets, tuple(misses))


def dev_body_lines(dev_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Per extractor, on the dev pages: (pages, pages with all gold lines, pages with no extra line)."""
    rows = [json.loads(line) for line in (dev_dir / "gold" / "articles.jsonl").open(encoding="utf-8")]
    figures = {}
    for name, extractor in EXTRACTORS.items():
        complete = clean = 0
        for row in rows:
            path = row["path"].split("?")[0]
            html = (dev_dir / "site" / path.lstrip("/")).read_text(encoding="utf-8")
            got = extractor(html.replace("{{BASE}}", DEV_BASE), DEV_BASE + row["path"]).split("\n")
            gold = row["body_text"].split("\n")
            complete += all(line in got for line in gold)
            clean += all(line in gold for line in got)
        figures[name] = (len(rows), complete, clean)
    return figures


def print_dev(fig: DevFigures) -> None:
    print(f"\nDev corpus, {fig.pages} pages (gold: eval/dev/gold/articles.jsonl)")
    print(f"  body lines: recall {fig.line_recall:.3f}, precision {fig.line_precision:.3f}; "
          f"all gold lines on {fig.pages_all_lines}/{fig.pages}, no extra line on "
          f"{fig.pages_no_extra}/{fig.pages}")
    print(f"  published date exact: {fig.dates}/{fig.pages}; title exact: {fig.titles}/{fig.pages}; "
          f"outlet exact: {fig.outlets}/{fig.pages}")
    for miss in fig.misses:
        print(f"  - {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="only the first N benchmark pages")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared/ folder")
    parser.add_argument("--repeat", type=int, default=1, help="time each page N times, keep the fastest")
    args = parser.parse_args(argv)
    pages = load_benchmark(args.shared / "bench" / "extraction", args.sample)
    print_benchmark(run_benchmark(pages, args.repeat), len(pages))
    print_dev(dev_figures(args.shared / "eval" / "dev"))
    print("\nDev corpus body text as each extractor prints it (lines compared exactly with gold)")
    for name, (total, complete, clean) in dev_body_lines(args.shared / "eval" / "dev").items():
        print(f"  {name:42} all gold lines {complete:2d}/{total}, no extra line {clean:2d}/{total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Article-extraction benchmark: the project's extractor against plain trafilatura.

    .venv/bin/python benchmarks/extraction_bench.py [--sample N] [--repeat N] [--typical N] [--shared DIR]

Prints, for the 181-page benchmark in ../shared/bench/extraction (metric in
extraction_metric.py), precision / recall / F1 / exact-match accuracy / empty
pages / median and mean ms per page for every extractor in the same run, the
speed ratios against plain trafilatura (favor_precision, no comments), and the
share of pages that took the extractor's expensive (voting) path. The
extractor runs three ways so the gate's trade-off shows: gated (the default),
voting on every page, and the cheap reading alone.

Then the same timing on typical news pages (the dev corpus and N pages from
generate_site.py), which are smaller than the benchmark's, and the dev-corpus
figures (../shared/eval/dev): gold-line recall and precision of body_text,
and exact matches of published date, title and outlet.
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
from generate_site import render_page, story  # noqa: E402

from evnews.errors import PermanentError  # noqa: E402
from evnews.extract import extract_article  # noqa: E402
from evnews.extract.article import extract_with_reading  # noqa: E402
from evnews.extract.lang import detect_language  # noqa: E402
from evnews.extract.reading import SecondOpinions  # noqa: E402

# An extractor returns the body text and whether it took an expensive path
# (None for extractors that have no such notion).
Reading = tuple[str, bool | None]
Extractor = Callable[[str, str], Reading]
DEV_BASE = "http://dev.example"
GENERATED_BASE = "http://generated.example"


def default_shared() -> Path:
    override = os.environ.get("EVNEWS_SHARED")
    return Path(override) if override else Path(__file__).resolve().parents[1].parent / "shared"


def _evnews(second_opinions: SecondOpinions) -> Extractor:
    def run(html: str, url: str) -> Reading:
        try:
            article, reading = extract_with_reading(html, url, second_opinions=second_opinions)
        except PermanentError:
            return "", second_opinions == "always"
        return article.body_text, reading.voted

    return run


def _plain(**options: bool) -> Extractor:
    def run(html: str, url: str) -> Reading:
        return trafilatura.extract(html, url=url, include_comments=False, **options) or "", None

    return run


EXTRACTORS: dict[str, Extractor] = {
    "evnews extract_article (gated, default)": _evnews("auto"),
    "evnews extract_article, vote every page": _evnews("always"),
    "evnews extract_article, cheap path only": _evnews("never"),
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


@dataclass(frozen=True, slots=True)
class Timing:
    """One extractor's run over a page set."""

    outputs: tuple[str, ...]
    median_ms: float
    mean_ms: float
    voted: float | None  # share of pages on the expensive path


def time_extractors(pages: list[tuple[str, str]], repeat: int = 1) -> dict[str, Timing]:
    """Run every extractor over (html, url) pages.

    Extractors take turns page by page, so a busy machine slows them alike and
    the ratios stay fair; each page's time is the fastest of `repeat` passes.
    """
    for extractor in EXTRACTORS.values():
        extractor(*pages[0])  # warm-up: imports, models, caches
    # English pages never load the language model; load it before timing so
    # the first non-English page is not charged with it.
    detect_language("Der Hersteller will bis 2030 deutlich mehr Elektroautos verkaufen und baut "
                    "dafür ein neues Werk, sagte ein Sprecher am Dienstag in der Stadt.")
    outputs: dict[str, list[str]] = {name: [] for name in EXTRACTORS}
    times: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    voted: dict[str, list[bool | None]] = {name: [] for name in EXTRACTORS}
    for html, url in pages:
        for name, extractor in EXTRACTORS.items():
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                text, expensive = extractor(html, url)
                best = min(best, (time.perf_counter() - start) * 1000)
            outputs[name].append(text)
            times[name].append(best)
            voted[name].append(expensive)
    return {
        name: Timing(tuple(outputs[name]), statistics.median(times[name]), statistics.mean(times[name]),
                     _share(voted[name]))
        for name in EXTRACTORS
    }


def _share(flags: list[bool | None]) -> float | None:
    known = [flag for flag in flags if flag is not None]
    return sum(known) / len(known) if known else None


def run_benchmark(pages: list[Page], repeat: int = 1) -> dict[str, tuple[Summary, Timing]]:
    timings = time_extractors([(p.html, p.url) for p in pages], repeat)
    return {
        name: (summarise((p.truth, out) for p, out in zip(pages, t.outputs, strict=True)), t)
        for name, t in timings.items()
    }


def _speed_columns(t: Timing, base: Timing) -> str:
    voted = "-" if t.voted is None else f"{t.voted:.2f}"
    return (f"{t.median_ms:7.1f} {t.mean_ms:8.1f} {t.median_ms / base.median_ms:6.2f} "
            f"{t.mean_ms / base.mean_ms:6.2f} {voted:>6}")


_SPEED_HEADER = f"{'med ms':>7} {'mean ms':>8} {'x med':>6} {'x mean':>6} {'voted':>6}"


def print_benchmark(results: dict[str, tuple[Summary, Timing]], pages: int) -> None:
    base = results[BASELINE][1]
    print(f"\nArticle-extraction benchmark, {pages} pages (same run; x = ratio to {BASELINE};"
          " voted = share of pages where a second extractor ran)")
    print(f"{'extractor':42} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'empty':>5} {_SPEED_HEADER}")
    for name, (s, t) in results.items():
        print(f"{name:42} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.accuracy:6.3f} "
              f"{s.empty:5d} {_speed_columns(t, base)}")


def typical_pages(dev_dir: Path, generated: int) -> list[tuple[str, str]]:
    """(html, url) of the dev-corpus pages and `generated` pages from generate_site.py."""
    pages = [(html.replace("{{BASE}}", DEV_BASE), DEV_BASE + row["path"]) for row, html in _dev_pages(dev_dir)]
    for index in range(generated):
        page = story(seed=7, index=index, copy_share=0.1)
        pages.append((render_page(page).replace("{{BASE}}", GENERATED_BASE), f"{GENERATED_BASE}/{index}.html"))
    return pages


def print_typical(timings: dict[str, Timing], pages: int) -> None:
    base = timings[BASELINE]
    print(f"\nTypical news pages, {pages} (dev corpus + generate_site.py; same run, speed only)")
    print(f"{'extractor':42} {_SPEED_HEADER}")
    for name, t in timings.items():
        print(f"{name:42} {_speed_columns(t, base)}")


def _dev_pages(dev_dir: Path) -> list[tuple[dict[str, str], str]]:
    rows = [json.loads(line) for line in (dev_dir / "gold" / "articles.jsonl").open(encoding="utf-8")]
    return [(row, (dev_dir / "site" / row["path"].split("?")[0].lstrip("/")).read_text(encoding="utf-8"))
            for row in rows]


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
    pages = _dev_pages(dev_dir)
    recalls, precisions, misses = [], [], []
    complete = clean = dates = titles = outlets = 0
    for row, html in pages:
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
    return DevFigures(len(pages), statistics.mean(recalls), statistics.mean(precisions),
                      complete, clean, dates, titles, outlets, tuple(misses))


def dev_body_lines(dev_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Per extractor, on the dev pages: (pages, pages with all gold lines, pages with no extra line)."""
    pages = _dev_pages(dev_dir)
    figures = {}
    for name, extractor in EXTRACTORS.items():
        complete = clean = 0
        for row, html in pages:
            got = extractor(html.replace("{{BASE}}", DEV_BASE), DEV_BASE + row["path"])[0].split("\n")
            gold = row["body_text"].split("\n")
            complete += all(line in got for line in gold)
            clean += all(line in gold for line in got)
        figures[name] = (len(pages), complete, clean)
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
    parser.add_argument("--typical", type=int, default=200, help="generated news pages timed beside the dev corpus")
    args = parser.parse_args(argv)
    pages = load_benchmark(args.shared / "bench" / "extraction", args.sample)
    print_benchmark(run_benchmark(pages, args.repeat), len(pages))
    typical = typical_pages(args.shared / "eval" / "dev", args.typical)
    print_typical(time_extractors(typical, args.repeat), len(typical))
    print_dev(dev_figures(args.shared / "eval" / "dev"))
    print("\nDev corpus body text as each extractor prints it (lines compared exactly with gold)")
    for name, (total, complete, clean) in dev_body_lines(args.shared / "eval" / "dev").items():
        print(f"  {name:42} all gold lines {complete:2d}/{total}, no extra line {clean:2d}/{total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
